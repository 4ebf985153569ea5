"""What the member area reads about organisations: those a workspace invited, those a board
may still invite, the threads addressed to a user's organisations, and the public listing."""

from django.db.models import Exists, OuterRef, Prefetch

from wagtail.models import Page

from kernen.models import KernPage
from members.models.content import Thread
from members.models.organisations import Organisation, OrganisationAccess


def municipality_path(page) -> str:
    """The path of the municipality (home page) above ``page``."""
    return page.path[: Page.steplen * 2]


def invited(workspace):
    return workspace.organisation_accesses.select_related("organisation").order_by(
        "organisation__name"
    )


def invitable(workspace):
    """The organisations of the workspace's municipality not yet invited into it."""
    return Organisation.objects.filter(home__path=municipality_path(workspace.page)).exclude(
        accesses__workspace=workspace
    )


def public_listing(home):
    return Organisation.objects.filter(home=home).prefetch_related(
        Prefetch("kernen", queryset=KernPage.objects.live().order_by("title"))
    )


def threads_for(user):
    """Threads addressed to an organisation of ``user``, in workspaces it may still enter."""
    still_invited = OrganisationAccess.objects.filter(
        workspace=OuterRef("workspace"), organisation=OuterRef("organisation")
    )
    return (
        Thread.objects.filter(organisation__group__user=user)
        .filter(Exists(still_invited))
        .select_related("organisation", "workspace__page")
        .order_by("-last_post_at")[:50]
    )
