"""Querysets of news and work notices, for this app's pages and panels and for other apps.

Every listing is one SQL query: live and public (``home.queries.public``, in the same query),
with what the template needs selected or annotated.
"""

from datetime import timedelta

from django.apps import apps
from django.db.models import (
    Case,
    CharField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Substr
from django.utils import timezone

from home.queries import public
from news.constants import NOTICE_LOOKAHEAD_DAYS, NoticeStatus


def _model(name):
    return apps.get_model("news", name)


def public_kernen(kernen):
    return public(kernen)


def kernen_in_active_language(kernen):
    """The live, public kern pages of the active language's tree that correspond to
    ``kernen``: a notice in /en/ (an alias of the Dutch one) names the Dutch kern pages."""
    KernPage = apps.get_model("kernen", "KernPage")
    keys = kernen.values("translation_key")
    return public(KernPage.objects.live().filter(translation_key__in=keys)).order_by("title")


def public_news():
    return public(_model("NewsPage").objects.live())


def public_notices():
    return public(_model("WorkNoticePage").objects.live())


def news_below(page):
    return public_news().descendant_of(page)


def news_listing(news):
    """Newest first, with the image and its renditions for the listing."""
    return (
        news.select_related("image")
        .prefetch_related("image__renditions")
        .order_by("-date", "-first_published_at", "-pk")
    )


def with_kern(pages):
    """Annotate ``kern_title`` and ``kern_url_path`` of the kern a page lies in (None for the
    municipality's own pages), in the same query."""
    KernPage = apps.get_model("kernen", "KernPage")
    kern_depth = 3  # root → municipality home → kern
    kern = KernPage.objects.filter(path=Substr(OuterRef("path"), 1, KernPage.steplen * kern_depth))
    return pages.annotate(
        kern_title=Subquery(kern.values("title")[:1]),
        kern_slug=Subquery(kern.values("slug")[:1]),
    )


def in_municipality_of(pages, page):
    """``pages`` of the municipality (home page subtree) that ``page`` belongs to."""
    return pages.filter(path__startswith=page.path[: page.steplen * 2])


def notices_for_kern(kern):
    """The live, public work notices that target ``kern``: chosen for it, or for all kernen
    of its municipality."""
    WorkNoticePage = _model("WorkNoticePage")
    # By translation key: a notice in /en/ or /pl/ (an alias of the Dutch one) still names the
    # Dutch kern pages it was written for.
    kernen = kern.get_translations(inclusive=True).values("pk")
    chosen = (
        WorkNoticePage.kernen.through.objects.filter(kernpage__in=kernen)
        .order_by()
        .values("worknoticepage_id")
    )
    every = WorkNoticePage.objects.filter(all_kernen=True).order_by().values("pk")
    # One set of ids (a UNION), not an OR of the two conditions, which made PostgreSQL read
    # every page first: the current notices of Beesd among 55,000 pages 45 → 6 ms.
    return in_municipality_of(public_notices(), kern).filter(pk__in=every.union(chosen))


def with_status(notices, today=None):
    """Annotate ``derived_status``: the status set by hand, or else the one of the dates."""
    today = today or timezone.localdate()
    return notices.annotate(
        derived_status=Case(
            When(~Q(status=""), then="status"),
            When(start_date__gt=today, then=Value(NoticeStatus.ANNOUNCED)),
            When(end_date__lt=today, then=Value(NoticeStatus.COMPLETED)),
            default=Value(NoticeStatus.IN_PROGRESS),
            output_field=CharField(),
        )
    )


def notice_listing(notices):
    """Under way first, then announced (soonest first), then completed (latest first)."""
    return (
        with_status(notices)
        .annotate(
            status_rank=Case(
                When(derived_status=NoticeStatus.IN_PROGRESS, then=Value(0)),
                When(derived_status=NoticeStatus.ANNOUNCED, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .prefetch_related("kernen")
        .order_by("status_rank", "start_date", "end_date", "pk")
    )


def current_notices_for_kern(kern, today=None):
    """Notices for ``kern`` under way or starting within 14 days, soonest first."""
    today = today or timezone.localdate()
    return (
        notices_for_kern(kern)
        .filter(
            start_date__lte=today + timedelta(days=NOTICE_LOOKAHEAD_DAYS),
            end_date__gte=today,
        )
        .exclude(status=NoticeStatus.COMPLETED)
        .order_by("start_date", "end_date", "pk")
    )
