"""``/organisaties/``: the organisations that work with the kernen of a municipality, each with
its public profile (``/organisaties/<slug>/``), which its own members keep up to date
(``/organisaties/<slug>/bewerken/``)."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.pages import IndexPage
from members import forms, organisations
from members.models.organisations import Organisation
from members.routes.base import handle_form


class OrganisationIndexPage(RoutablePageMixin, IndexPage):
    """The municipality's organisations (``municipality_sections``), each on its own URL."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    template = "pages/organisation_index_page.html"

    class Meta:
        verbose_name = gettext_lazy("organisations overview")
        verbose_name_plural = gettext_lazy("organisations overviews")

    @property
    def organisations(self):
        return organisations.public_listing(self.get_parent())

    def organisation(self, slug) -> Organisation:
        found = self.organisations.filter(slug=slug).first()
        if found is None:
            raise Http404(_("This organisation does not exist."))
        return found

    @path("", name="index")
    def index_view(self, request):
        return self.render(request, context_overrides={"organisations": self.organisations})

    @path("<slug:slug>/", name="organisation")
    def organisation_view(self, request, slug):
        organisation = self.organisation(slug)
        return self.render(
            request,
            template="pages/organisation_page.html",
            context_overrides={
                "organisation": organisation,
                "may_edit": may_edit(request.user, organisation),
            },
        )

    @path("<slug:slug>/bewerken/", name="edit")
    def edit_view(self, request, slug):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        organisation = self.organisation(slug)
        if not may_edit(request.user, organisation):
            raise PermissionDenied
        response = handle_form(
            request,
            forms.OrganisationProfileForm,
            organisation=organisation,
            message=_("The profile has been saved."),
            success_url=f"{self.get_url(request)}{organisation.slug}/",
            render=lambda form: self.render(
                request,
                template="pages/organisation_edit.html",
                context_overrides={"organisation": organisation, "form": form},
            ),
        )
        patch_cache_control(response, private=True, no_store=True)
        return response


def may_edit(user, organisation) -> bool:
    """An organisation's own members and admins edit its profile."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or organisation.is_member(user)
