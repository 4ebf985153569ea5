"""Where a digest gets its items: *sources*, one per kind of content page, collected with the
``subscription_sources`` hook.

Subscriptions sits above the content apps (news, events, …), which may not import each other,
so it cannot import their models either: a source names its model by label and resolves it
with ``apps.get_model`` only when it runs. The real sources below are declared by this app's
own ``wagtail_hooks.py`` and only for the apps that are installed, so this app works before
news or events exist and picks their pages up as soon as they do. Another app adds a source
the same way::

    @hooks.register("subscription_sources")
    def subscription_sources():
        return [Source("news", Kind.NEWS, "news.NewsPage", fetch_news)]

A hook function takes no arguments and returns a list of :class:`Source`; a later source of
the same name replaces an earlier one. A source answers two questions:

- ``fetch(kern_ids, since, until)``: which live, public pages were first published in
  ``[since, until)`` for any of these kernen? Each answer is a :class:`DigestItem` that says
  which of those kernen it concerns.
- ``urgent(page)``: is this page, just published, urgent? Then it goes out at once
  (``None`` = never).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.db.models import Q

from wagtail import hooks
from wagtail.models import Page

from home.locales import default_locale
from home.queries import public
from subscriptions.constants import Kind

HOOK = "subscription_sources"
STEPLEN = Page.steplen


@dataclass(frozen=True)
class DigestItem:
    page: Page
    kind: str
    #: The kernen (of those asked for) this item concerns.
    kern_ids: frozenset[int]
    #: True when the item concerns every kern of the municipality ("alle kernen").
    all_kernen: bool = False

    @property
    def published_at(self) -> datetime:
        return self.page.first_published_at

    @property
    def summary(self) -> str:
        return getattr(self.page, "listing_summary", "") or ""

    @property
    def date(self):
        return getattr(self.page, "listing_date", None)


Fetch = Callable[[Iterable[int], datetime, datetime], list[DigestItem]]
Urgent = Callable[[Page], bool]


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    model: str  # "app_label.ModelName"
    fetch: Fetch
    urgent: Urgent | None = field(default=None)

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label


def sources() -> list[Source]:
    found: dict[str, Source] = {}
    for declare in hooks.get_hooks(HOOK):
        for source in declare():
            if not isinstance(source, Source):
                raise TypeError(f"{HOOK} hooks return Sources: {source!r}")
            found[source.name] = source
    return list(found.values())


def get_source(name: str) -> Source | None:
    return next((source for source in sources() if source.name == name), None)


def sources_for_model(label: str) -> list[Source]:
    label = label.lower()
    return [source for source in sources() if source.model.lower() == label]


# Helpers for sources of pages that live under a kern page (or, municipality-wide, under an
# index page directly under the municipality's home page).


def kernen_by_home(kern_ids: Iterable[int]) -> tuple[dict[int, str], dict[str, set[int]]]:
    """``({kern id: path}, {home path: {kern ids}})`` for the live kernen among ``kern_ids``."""
    paths = kern_paths(kern_ids)
    homes: dict[str, set[int]] = {}
    for kern_id, path in paths.items():
        homes.setdefault(home_path(path), set()).add(kern_id)
    return paths, homes


def kern_paths(kern_ids: Iterable[int]) -> dict[int, str]:
    """``{kern id: tree path}`` of the live kernen among ``kern_ids``."""
    from kernen.models import KernPage

    return dict(KernPage.objects.live().filter(id__in=set(kern_ids)).values_list("id", "path"))


def home_path(kern_path: str) -> str:
    return kern_path[:-STEPLEN]


def published_between(queryset, since: datetime, until: datetime):
    # A digest is in Dutch and links the Dutch pages, whatever language is active.
    return public(
        queryset.live().filter(first_published_at__gte=since, first_published_at__lt=until),
        locale=default_locale(),
    ).order_by("first_published_at", "pk")


def pages_under_kernen(
    model_label: str, kind: str, kern_ids, since, until, municipality_wide_depth: int | None = None
) -> list[DigestItem]:
    """Pages of ``model_label`` below one of the kernen; with ``municipality_wide_depth``, also
    those that many levels below a municipality's home page (they concern all its kernen)."""
    paths, homes = kernen_by_home(kern_ids)
    if not paths:
        return []
    model = apps.get_model(model_label)
    where = Q()
    for path in paths.values():
        where |= Q(path__startswith=path)
    if municipality_wide_depth is not None:
        for path in homes:
            where |= Q(path__startswith=path, depth=len(path) // STEPLEN + municipality_wide_depth)

    items = []
    for page in published_between(model.objects.filter(where), since, until):
        kern_id = next((kid for kid, path in paths.items() if page.path.startswith(path)), None)
        if kern_id is not None:
            items.append(DigestItem(page, kind, frozenset({kern_id})))
        else:
            items.append(DigestItem(page, kind, kernen_of_home(homes, page), all_kernen=True))
    return items


def kernen_of_home(homes: dict[str, set[int]], page) -> frozenset[int]:
    return frozenset(next((ids for path, ids in homes.items() if page.path.startswith(path)), ()))


# The real sources.


def fetch_news(kern_ids, since, until):
    # Kern news: kern → NewsIndexPage → NewsPage. Municipality-wide news: home → index → page.
    return pages_under_kernen(
        "news.NewsPage", Kind.NEWS, kern_ids, since, until, municipality_wide_depth=2
    )


def fetch_events(kern_ids, since, until):
    return pages_under_kernen("events.EventPage", Kind.ACTIVITIES, kern_ids, since, until)


def fetch_work_notices(kern_ids, since, until):
    paths, homes = kernen_by_home(kern_ids)
    if not paths:
        return []
    notice_model = apps.get_model("news.WorkNoticePage")
    everywhere = Q()
    for path in homes:
        everywhere |= Q(all_kernen=True, path__startswith=path)
    targeted = notice_model.objects.filter(kernen__in=list(paths))
    notices = published_between(
        notice_model.objects.filter(Q(pk__in=targeted.values("pk")) | everywhere).prefetch_related(
            "kernen"
        ),
        since,
        until,
    )
    items = []
    for notice in notices:
        if notice.all_kernen:
            items.append(
                DigestItem(notice, Kind.WORKS, kernen_of_home(homes, notice), all_kernen=True)
            )
        else:
            kernen = {kern.pk for kern in notice.kernen.all()} & set(paths)
            items.append(DigestItem(notice, Kind.WORKS, frozenset(kernen)))
    return items


def notice_is_urgent(page) -> bool:
    return bool(getattr(page, "urgent", False))


def real_sources() -> list[Source]:
    """The ``subscription_sources`` of this app: one for each content app that is installed."""
    found = []
    if apps.is_installed("news"):
        found.append(Source("news", Kind.NEWS, "news.NewsPage", fetch_news))
        found.append(
            Source(
                "work_notices",
                Kind.WORKS,
                "news.WorkNoticePage",
                fetch_work_notices,
                urgent=notice_is_urgent,
            )
        )
    if apps.is_installed("events"):
        found.append(Source("events", Kind.ACTIVITIES, "events.EventPage", fetch_events))
    return found
