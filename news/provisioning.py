"""The municipality's "Communicatie" group: it publishes work notices and municipality news."""

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission

from home.models import InformationPage
from kernen.provisioning import (
    EDITOR_COLLECTION_PERMISSIONS,
    grant_admin_access,
    grant_collection_permissions,
    grant_page_permissions,
    municipality_collection,
)
from news.models import MunicipalityNewsIndexPage, WorkNoticeIndexPage

COMMS_GROUP = "Communicatie"
COMMS_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def comms_sections(home):
    """The pages the comms group edits: work notices, municipality news, and the information
    pages (the accessibility and privacy statements)."""
    sections = [
        page
        for model in (WorkNoticeIndexPage, MunicipalityNewsIndexPage)
        if (page := model.objects.child_of(home).first()) is not None
    ]
    return sections + list(InformationPage.objects.child_of(home).order_by("path"))


def comms_group_for(home):
    """The comms group of ``home``'s municipality: the one with rights on its work notices."""
    pages = comms_sections(home)
    existing = (
        Group.objects.filter(name__startswith=COMMS_GROUP, page_permissions__page__in=pages)
        .distinct()
        .first()
    )
    return existing, pages


def ensure_comms_group(home, report):
    group, pages = comms_group_for(home)
    if group is None:
        name = COMMS_GROUP
        if (
            Group.objects.filter(name=name).exists()
            and GroupPagePermission.objects.filter(group__name=name)
            .exclude(page__path__startswith=home.path)
            .exists()
        ):
            name = f"{COMMS_GROUP} ({home.municipality_name})"
        group, created = Group.objects.get_or_create(name=name)
        if created:
            report.add(f"group {name}")
    grant_admin_access(group)
    for page in pages:
        grant_page_permissions(group, page, COMMS_PAGE_PERMISSIONS)
    grant_collection_permissions(
        group, municipality_collection(home), EDITOR_COLLECTION_PERMISSIONS
    )
    return group
