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
    """The organisations of ``home``'s municipality, in any of its languages."""
    return Organisation.objects.filter(home__translation_key=home.translation_key).prefetch_related(
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


def of_user(user):
    return Organisation.objects.filter(group__user=user).select_related("home")


def profile_url(organisation, request) -> str:
    """The address of ``organisation``'s public profile (empty without an overview page)."""
    index = (
        Page.objects.filter(
            path__startswith=organisation.home.path,
            depth=organisation.home.depth + 1,
            content_type__model="organisationindexpage",
        )
        .live()
        .first()
    )
    url = index.get_url(request) if index else None
    return f"{url}{organisation.slug}/" if url else ""


def account_context(user, request) -> dict:
    """The organisations of ``user`` and the threads addressed to them, with their URLs, for
    the account page."""
    mine = list(of_user(user))
    for organisation in mine:
        organisation.url = profile_url(organisation, request)
    threads = list(threads_for(user))
    for thread in threads:
        page_url = thread.workspace.page.specific_deferred.get_url(request) or ""
        thread.url = f"{page_url}berichten/{thread.pk}/"
    return {"organisations": mine, "organisation_threads": threads}
