"""Provisioning: a municipality and its kernen, with their pages, groups, collections and
permissions, as one idempotent service.

``provision_municipality`` and ``provision_kern`` create what is missing and leave what exists
alone, so they are safe to run again: after an app registers a new section, running them brings
every existing kern up to date. Used by ``manage.py provision_kern``, ``manage.py
provision_municipality`` and ``manage.py load_demo``.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from home.locales import default_locale, ensure_languages, ensure_translations
from home.models import HomePage
from kernen import sections
from kernen.models import KernPage

#: What a kern's editors may do in their kern's subtree.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
#: What a kern's editors may do in their kern's collection of images and documents.
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


@dataclass
class ProvisioningReport:
    """What a provisioning run created; empty when everything was already there."""

    created: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        self.created.append(what)

    @property
    def changed(self) -> bool:
        return bool(self.created)


def editors_group_name(kern_name: str) -> str:
    # Group names are data shared by everyone in the admin, so they are Dutch, not translated.
    return f"{kern_name} – redactie"


def _publish_new_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision(log_action=True).publish(log_action=True)
    return page


def ensure_collection(name: str, parent: Collection, report: ProvisioningReport) -> Collection:
    existing = parent.get_children().filter(name=name).first()
    if existing:
        return existing
    report.add(f"collection {name}")
    return parent.add_child(instance=Collection(name=name))


def ensure_sections(
    parent: Page, wanted: list[sections.Section], report: ProvisioningReport
) -> None:
    if not wanted:
        return
    present = set(parent.get_children().values_list("content_type_id", flat=True))
    for section in wanted:
        model = apps.get_model(section.model)
        if ContentType.objects.get_for_model(model).pk in present:
            continue
        page = model(
            title=section.title,
            slug=section.slug,
            show_in_menus=section.show_in_menus,
            **section.defaults,
        )
        _publish_new_child(parent, page)
        report.add(f"{section.model} {parent.url_path}{section.slug}/")


def grant_page_permissions(group: Group, page: Page, codenames) -> None:
    page_type = ContentType.objects.get_for_model(Page)
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(content_type=page_type, codename=codename),
        )


def grant_collection_permissions(group: Group, collection: Collection, permissions) -> None:
    for app_label, codename in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


def grant_admin_access(group: Group) -> None:
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )


def site_address(url: str | None = None) -> tuple[str, int]:
    """The hostname and port of ``url`` (default: the setting ``BASE_URL``), as a Wagtail
    Site stores them: ``http://127.0.0.1:8000`` is ("127.0.0.1", 8000), ``https://x.nl`` is
    ("x.nl", 443). Wagtail builds every absolute link from them (``Site.root_url``)."""
    parts = urlsplit(url or settings.BASE_URL)
    if not parts.hostname:
        raise ValueError(f"{url!r} is not an address like http://127.0.0.1:8000")
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def move_site(site: Site, url: str) -> bool:
    """Point ``site`` at the address of ``url`` (the demo follows `make run HOST=...`);
    False when another site has that address already."""
    hostname, port = site_address(url)
    if (site.hostname, site.port) == (hostname, port):
        return True
    if Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True


def _welcome_site() -> Site | None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page if site else None
    if root and root.depth == 2 and root.specific_class is Page and root.is_leaf():
        return site
    return None


def _adopt_welcome_site(home: HomePage, hostname: str, port: int, report) -> Site | None:
    """Point the site Wagtail installs on first migrate at the municipality's home page: the
    one at this address, or else the default site on Wagtail's welcome page (localhost:80),
    which then moves to this address (BASE_URL may name another, as the benchmark's does)."""
    site = Site.objects.filter(hostname=hostname, port=port).first()
    if site is None:
        site = _welcome_site()
        if site is None:
            return None
        site.hostname, site.port = hostname, port
    old_root = site.root_page
    site.root_page = home
    site.site_name = home.municipality_name
    site.save()
    report.add(f"site {hostname}:{port} → {home.municipality_name}")
    if old_root.specific_class is Page and old_root.depth == 2 and old_root.is_leaf():
        old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" placeholder.
    return site


@transaction.atomic
def provision_municipality(
    name: str,
    *,
    hostname: str | None = None,
    port: int | None = None,
    is_default_site: bool = False,
    intro: str = "",
) -> tuple[HomePage, ProvisioningReport]:
    """Create (or complete) a municipality: its home page, its Site and its collection.

    A new Site gets ``hostname`` and ``port``, by default those of the setting ``BASE_URL``
    (a second municipality names its own hostname and shares BASE_URL's port)."""
    report = ProvisioningReport()
    base_hostname, base_port = site_address()
    hostname = hostname or base_hostname
    port = port or base_port
    home = HomePage.objects.filter(municipality_name=name, locale=default_locale()).first()
    if home is None:
        root = Page.get_first_root_node()
        slug = slugify(name)
        home = _publish_new_child(
            root, HomePage(title=name, slug=slug, municipality_name=name, intro=intro)
        )
        report.add(f"home page {name}")

    has_site = Site.objects.filter(root_page=home).exists()
    if not has_site and _adopt_welcome_site(home, hostname, port, report) is None:
        another_default = Site.objects.filter(is_default_site=True).exists()
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            site_name=name,
            is_default_site=is_default_site and not another_default,
        )
        report.add(f"site {hostname}:{port}")

    ensure_collection(name, Collection.get_first_root_node(), report)
    ensure_languages()
    ensure_sections(home, sections.municipality_sections(), report)
    for hook in sections.municipality_hooks():
        hook(home, report)
    ensure_language_trees(home, report)
    return home, report


def ensure_language_trees(page: Page, report: ProvisioningReport) -> None:
    """Give ``page`` and its sections (its public children) an alias in every translation
    tree that lacks one (home/locales.py); pages published here got theirs already."""
    for each in [page, *page.get_children()]:
        for alias in ensure_translations(each):
            report.add(f"{alias.locale.language_code} {alias.url_path}")


def municipality_collection(home: HomePage) -> Collection:
    root = Collection.get_first_root_node()
    return root.get_children().get(name=home.municipality_name)


def _ensure_editors_group(kern: KernPage, home: HomePage, report) -> Group:
    if kern.editors_group_id:
        return kern.editors_group
    name = editors_group_name(kern.title)
    group = Group.objects.filter(name=name).first()
    if group is not None and KernPage.objects.filter(editors_group=group).exists():
        # A kern of the same name in another municipality has it.
        name = editors_group_name(f"{kern.title} ({home.municipality_name})")
        group = Group.objects.filter(name=name).first()
    if group is None:
        group = Group.objects.create(name=name)
        report.add(f"group {name}")
    return group


@transaction.atomic
def provision_kern(
    home: HomePage, name: str, *, slug: str | None = None, **fields
) -> tuple[KernPage, ProvisioningReport]:
    """Create (or complete) one kern of ``home``'s municipality.

    ``fields`` are KernPage field values used only when the kern page is created; an existing
    kern page is never overwritten.
    """
    report = ProvisioningReport()
    slug = slug or slugify(name)
    kern = (
        KernPage.objects.child_of(home).filter(slug=slug).first()
        or KernPage.objects.child_of(home).filter(title=name).first()
    )
    if kern is None:
        fields.setdefault("intro", f"Welkom op de pagina van {name}.")
        kern = _publish_new_child(home, KernPage(title=name, slug=slug, **fields))
        report.add(f"kern {name}")

    collection = kern.collection or ensure_collection(name, municipality_collection(home), report)
    group = _ensure_editors_group(kern, home, report)
    if kern.collection_id != collection.pk or kern.editors_group_id != group.pk:
        kern.collection = collection
        kern.editors_group = group
        # Links to the kern's own group and collection are bookkeeping, not content: save the
        # page row without a new revision.
        kern.save(update_fields=["collection", "editors_group"])

    grant_admin_access(group)
    grant_collection_permissions(group, collection, EDITOR_COLLECTION_PERMISSIONS)

    ensure_sections(kern, sections.kern_sections(), report)
    ensure_language_trees(kern, report)
    # The kern's editors edit and translate its pages in every language tree. Before the
    # hooks: moderation takes the publish right away again where the kern is moderated.
    for page in kern.get_translations(inclusive=True):
        grant_page_permissions(group, page, EDITOR_PAGE_PERMISSIONS)
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        )
    )
    for hook in sections.kern_hooks():
        hook(kern, report)
    return kern, report
