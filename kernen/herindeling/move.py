"""Moving a kern, with its whole subtree in every language tree, to another municipality.

The kern's pages keep their ids, so everything that points at them (news, activities,
registrations, sign-ups, versions, workspaces and memberships, subscriptions, joint action
points and projects) keeps pointing at them. See docs/operations.md#herindeling.
"""

from functools import partial

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Collection, Page, Task
from wagtail.search.backends import get_search_backends

from home.locales import ensure_translations
from kernen.herindeling import fallback, urls
from kernen.herindeling.checks import kern_conflicts, municipality_name
from kernen.herindeling.report import HerindelingRefused, MoveReport
from kernen.indexing import index_objects
from kernen.models import KernPage
from kernen.provisioning import municipality_collection, provision_kern
from pagecache.invalidation import invalidate
from pagecache.tags import site_tag

#: The hook apps register to move their part along: a function
#: ``(kern, old_home, new_home, report, dry_run) -> None``. With ``dry_run`` it only adds to
#: the report what it would do; otherwise it does it, inside the move's transaction (mail
#: waits for the commit: ``transaction.on_commit``).
KERN_MOVED = "kern_moved"


def copies(page: Page):
    """``page`` in every language tree."""
    return Page.objects.filter(translation_key=page.translation_key).select_related("locale")


def parent_in(new_parent: Page, locale) -> Page:
    """``new_parent``'s copy in ``locale``, made (as an alias) when that tree lacks it."""
    found = new_parent.get_translation_or_none(locale)
    if found is None:
        ensure_translations(new_parent)
        found = new_parent.get_translation(locale)
    return found


def move_in_every_tree(top: Page, new_parent: Page, report=None) -> list[int]:
    """Move ``top`` under ``new_parent``, and its copy in every language tree under
    ``new_parent``'s copy there; returns the ids of every page moved."""
    moved = []
    trees = list(copies(top).order_by("-locale_id"))
    total = sum(Page.objects.descendant_of(copy, inclusive=True).count() for copy in trees)
    for copy in trees:
        target = (
            parent_in(new_parent, copy.locale) if copy.locale_id != top.locale_id else new_parent
        )
        moved += Page.objects.descendant_of(copy, inclusive=True).values_list("pk", flat=True)
        copy.move(target, pos="last-child")
        if report is not None:
            report.tick(len(moved), total, "moved", always=True)
    return moved


def page_counts(top: Page) -> list[str]:
    return [
        _("%(count)s pages (%(language)s)")
        % {
            "count": Page.objects.descendant_of(copy, inclusive=True).count(),
            "language": copy.locale.language_code,
        }
        for copy in copies(top).order_by("locale__language_code")
    ]


def move_collection(kern: KernPage, new_home, report: MoveReport) -> None:
    if kern.collection_id is None:
        return
    target = municipality_collection(new_home)
    report.add(
        "collections",
        _("%(collection)s moves into the collection %(municipality)s")
        % {"collection": kern.collection.name, "municipality": target.name},
    )
    if not report.dry_run:
        Collection.objects.get(pk=kern.collection_id).move(target, pos="sorted-child")


def renamed(name: str, kern: KernPage, old_home, new_home) -> str | None:
    """The new name of a group named after the kern *and* its old municipality (the
    provisioning convention "Beesd (Zaltbommel) – redactie"): without the municipality when
    that name is free, else with the new one."""
    marker = f"{kern.title} ({municipality_name(old_home)})"
    if not name.startswith(marker):
        return None
    rest = name[len(marker) :]
    for base in (kern.title, f"{kern.title} ({municipality_name(new_home)})"):
        if not Group.objects.filter(name=base + rest).exists():
            return base + rest
    return None


def rename_groups(kern: KernPage, old_home, new_home, report: MoveReport) -> None:
    """Rename the kern's groups, workflow and collections that carry the old municipality's
    name; every other group keeps its name (group names are unique in the whole portal)."""
    marker = f"{kern.title} ({municipality_name(old_home)})"
    new_marker = marker
    for group in Group.objects.filter(name__startswith=marker):
        name = renamed(group.name, kern, old_home, new_home)
        if name:
            new_marker = name[: len(name) - (len(group.name) - len(marker))]
            report.add("groups", _("%(old)s is renamed %(new)s") % {"old": group.name, "new": name})
            if not report.dry_run:
                Group.objects.filter(pk=group.pk).update(name=name)
    if report.dry_run or new_marker == marker:
        return
    for model in (Collection, Task):
        for each in model.objects.filter(name__contains=marker):
            model.objects.filter(pk=each.pk).update(name=each.name.replace(marker, new_marker))
    workflow = kern.moderation_workflow
    if workflow is not None and marker in workflow.name:
        workflow.name = workflow.name.replace(marker, new_marker)
        workflow.save(update_fields=["name"])


def run_hooks(kern: KernPage, old_home, new_home, report: MoveReport) -> None:
    for hook in hooks.get_hooks(KERN_MOVED):
        hook(kern, old_home, new_home, report, report.dry_run)


def stores_paths(backend) -> bool:
    """Whether a search backend keeps the pages' filter fields (``path``: which site and
    kern a page is in) in its own index. The database backends filter on the page table
    itself, so a move changes nothing there; Elasticsearch and OpenSearch need the pages
    again."""
    return ".backends.database" not in type(backend).__module__


def reindex(page_ids: list[int]) -> None:
    """Give every search backend that keeps paths the moved pages again."""
    backends = [b for b in get_search_backends(with_auto_update=True) if stores_paths(b)]
    if backends:
        index_objects({Page: page_ids}, backends=backends)


def refresh(page_ids: list[int], *homes) -> None:
    """The page cache of both municipalities (every language) now, the search index after
    the commit."""
    invalidate(*{site_tag(copy.path) for home in homes for copy in copies(home)})
    transaction.on_commit(partial(reindex, page_ids))


def describe_kern(kern: KernPage, old_home, new_home, report: MoveReport) -> None:
    report.add(
        "pages",
        _("%(kern)s moves from %(old)s to %(new)s: %(counts)s")
        % {
            "kern": kern.title,
            "old": municipality_name(old_home),
            "new": municipality_name(new_home),
            "counts": ", ".join(page_counts(kern)),
        },
    )


def do_move_kern(kern: KernPage, old_home, new_home, report: MoveReport) -> None:
    """The steps of one move, inside the caller's transaction."""
    describe_kern(kern, old_home, new_home, report)
    old_urls = urls.urls_in_every_tree(kern, old_home, feeds=True, report=report)
    report.add(
        "redirects",
        _("%(count)s redirects from %(site)s")
        % {"count": len(old_urls), "site": urls.site_of(old_home).hostname},
    )
    move_collection(kern, new_home, report)
    rename_groups(kern, old_home, new_home, report)
    if report.dry_run:
        run_hooks(kern, old_home, new_home, report)
        return
    old_prefixes = fallback.prefixes(kern, old_home)
    moved = move_in_every_tree(kern, new_home, report)
    kern = KernPage.objects.get(pk=kern.pk)
    run_hooks(kern, old_home, new_home, report)
    # Rights and sections as every kern of the new municipality has them (idempotent).
    provision_kern(new_home, kern.title, slug=kern.slug)
    new_urls = urls.urls_in_every_tree(kern, new_home, feeds=True)
    urls.drop_shadowed(urls.site_of(new_home), new_urls)
    urls.create_redirects(urls.site_of(old_home), old_urls, report)
    fallback.record(
        urls.site_of(old_home),
        old_prefixes,
        urls.site_of(new_home),
        fallback.prefixes(kern, new_home),
    )
    refresh(moved, old_home, new_home)


def move_kern(kern: KernPage, new_home, *, dry_run=False, progress=None) -> MoveReport:
    """Move ``kern`` to the municipality of ``new_home``, or (``dry_run``) say what that
    would change. Raises ``HerindelingRefused`` on a conflict, before anything changed."""
    old_home = kern.get_parent().specific
    new_home = new_home.specific
    messages = kern_conflicts(kern, old_home, new_home)
    if messages:
        raise HerindelingRefused(messages)
    report = MoveReport(dry_run=dry_run, progress=progress)
    with transaction.atomic():
        do_move_kern(kern, old_home, new_home, report)
    return report
