"""Merging a municipality into another: every kern moves, the contents of its municipal
sections (news, work notices, projects…) move into the target's section of the same type, and
its site is retired: its home page and what is left under it go offline (nothing is deleted)
and every URL of it redirects to the target. The Site keeps its hostname, so the old address
keeps answering — with redirects."""

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, Page

from kernen.herindeling import fallback, urls
from kernen.herindeling.checks import kern_conflicts, municipality_name, section_conflicts
from kernen.herindeling.move import copies, do_move_kern, move_in_every_tree, refresh
from kernen.herindeling.report import HerindelingRefused, MoveReport
from kernen.models import KernPage
from kernen.provisioning import municipality_collection


def matching_sections(source, target) -> list[tuple[Page, Page]]:
    """(source section, target section) of the same page type, for the source's sections
    that have pages under them."""
    pairs = []
    for section in source.get_children().not_type(KernPage):
        if section.is_leaf():
            continue
        twin = target.get_children().filter(content_type_id=section.content_type_id).first()
        if twin is not None:
            pairs.append((section, twin))
    return pairs


def merge_conflicts(source, target) -> list[str]:
    if source.pk == target.pk:
        return [_("A municipality cannot be merged into itself.")]
    messages = []
    for kern in KernPage.objects.child_of(source):
        messages += kern_conflicts(kern, source, target)
    for section, twin in matching_sections(source, target):
        messages += section_conflicts(section, twin)
    return messages


def move_sections(source, target, report: MoveReport) -> None:
    site, target_site = urls.site_of(source), urls.site_of(target)
    for section, twin in matching_sections(source, target):
        children = list(section.get_children())
        report.add(
            "pages",
            _("%(count)s pages of %(section)s move to %(target)s")
            % {"count": len(children), "section": section.url_path, "target": twin.url_path},
        )
        for child in children:
            old_urls = urls.urls_in_every_tree(child, source, report=report)
            report.add(
                "redirects",
                _("%(count)s redirects from %(site)s")
                % {"count": len(old_urls), "site": site.hostname},
            )
            if not report.dry_run:
                old_prefixes = fallback.prefixes(child, source)
                moved = move_in_every_tree(child, twin, report)
                urls.create_redirects(site, old_urls, report)
                fallback.record(site, old_prefixes, target_site, fallback.prefixes(child, target))
                refresh(moved, source, target)


def counterpart(page: Page, source_copy: Page, target_copy: Page) -> Page:
    """Where a page left behind in the source redirects to: the target's section of the same
    type in the same language, else the target's home page."""
    section = page if page.depth <= 3 else page.get_ancestors().filter(depth=3).first()
    if section is None or section.pk == source_copy.pk:
        return target_copy
    twin = target_copy.get_children().filter(content_type_id=section.content_type_id).first()
    return twin or target_copy


def move_collections(source, target, report: MoveReport) -> None:
    """What is left in the source's collection (its projects', its dorpenoverleg's) goes into
    the target's: the target's groups get the rights there that the source's had."""
    old, new = municipality_collection(source), municipality_collection(target)
    children = list(old.get_children())
    if children:
        report.add(
            "collections",
            _("%(count)s collections move from %(old)s into %(new)s")
            % {"count": len(children), "old": old.name, "new": new.name},
        )
    if not report.dry_run:
        for child in children:
            Collection.objects.get(pk=child.pk).move(new, pos="sorted-child")


def retire(source, target, report: MoveReport) -> None:
    """Take the source's remaining pages offline and redirect their URLs to the target."""
    site = urls.site_of(source)
    left = Page.objects.descendant_of(source, inclusive=True).filter(live=True)
    moving = [page for section, _twin in matching_sections(source, target)
              for page in section.get_children()]  # fmt: skip
    for page in [*KernPage.objects.child_of(source), *moving]:
        left = left.exclude(path__startswith=page.path)
    left = left.count()
    report.add(
        "site",
        _(
            "%(site)s goes offline with %(count)s pages left in it (kept, not "
            "deleted); all its addresses redirect to %(target)s"
        )
        % {"site": site.hostname, "count": left, "target": urls.site_of(target).hostname},
    )
    if report.dry_run:
        return
    redirects = []
    for source_copy, prefix in urls.language_trees(source):
        target_copy = target.get_translation_or_none(source_copy.locale) or target
        for old in urls.subtree_urls(source_copy, source_copy, prefix):
            page = Page.objects.get(pk=old.page_id)
            twin = counterpart(page, source_copy, target_copy)
            same_type = twin.content_type_id == page.content_type_id
            redirect = Redirect(old_path=old.path or "/", site=site, redirect_page=twin)
            # /nieuws/rss/ to the target's /nieuws/rss/, not to its news page.
            redirect.redirect_page_route_path = Redirect.normalise_page_route_path(
                old.route if same_type else ""
            )
            redirects.append(redirect)
    Redirect.objects.filter(site=site, old_path__in=[r.old_path for r in redirects]).delete()
    Redirect.objects.bulk_create(redirects)
    # Whatever else was under the old site's addresses (a listing's later page) falls back to
    # the same path on the target; a moved kern's own prefix is longer and wins.
    roots = {copy.locale_id: f"{prefix}/" for copy, prefix in urls.language_trees(source)}
    target_roots = {copy.locale_id: f"{prefix}/" for copy, prefix in urls.language_trees(target)}
    fallback.record(site, roots, urls.site_of(target), {k: target_roots.get(k, "/") for k in roots})
    for copy in copies(source):
        # Leaves first; an alias goes offline with its Dutch page.
        pages = Page.objects.descendant_of(copy, inclusive=True).live().order_by("-depth")
        for page in pages.specific().iterator():
            if Page.objects.filter(pk=page.pk, live=True).exists():
                UnpublishPageAction(page).execute(skip_permission_checks=True)
    refresh([], source, target)


def merge_municipality(source, target, *, dry_run=False, progress=None) -> MoveReport:
    """Merge ``source``'s municipality into ``target``'s, or (``dry_run``) say what that
    would change. Raises ``HerindelingRefused`` on a conflict, before anything changed."""
    source, target = source.specific, target.specific
    messages = merge_conflicts(source, target)
    if messages:
        raise HerindelingRefused(messages)
    report = MoveReport(dry_run=dry_run, progress=progress)
    report.add(
        "site",
        _("%(source)s merges into %(target)s")
        % {"source": municipality_name(source), "target": municipality_name(target)},
    )
    with transaction.atomic():
        for kern in KernPage.objects.child_of(source):
            do_move_kern(kern, source, target, report)
        move_sections(source, target, report)
        move_collections(source, target, report)
        retire(source, target, report)
    return report
