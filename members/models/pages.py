"""The pages that own a workspace: the dorpenoverleg of a municipality and the projects of
several kernen (the board area of a kern is in ``members.models.board``)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.pages import BasePage, IndexPage
from home.pagination import paginate
from home.queries import public
from members import queries
from members.access import can_access
from members.routes import PER_PAGE, WorkspaceRoutesMixin, private
from pagecache.tags import branch_tag


class DorpenoverlegPage(WorkspaceRoutesMixin, IndexPage):
    """The shared space of the boards of all kernen of a municipality and its
    gebiedsmakelaars."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    template = "pages/dorpenoverleg_page.html"
    overview_template = template

    class Meta:
        verbose_name = _("meeting of the kernen")
        verbose_name_plural = _("meetings of the kernen")

    def overview_announcements(self, workspace):
        return queries.announcements_for_municipality(self.path[: -Page.steplen])

    @path("", name="overview")
    @private
    def overview(self, request, workspace):
        return self.render_overview(request, workspace)


class ProjectIndexPage(IndexPage):
    """``/projecten/``: the projects that kernen run together."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["members.ProjectPage"]
    max_count_per_parent = 1

    template = "pages/project_index_page.html"

    class Meta:
        verbose_name = _("project overview")
        verbose_name_plural = _("project overviews")

    @property
    def projects(self):
        return public(
            ProjectPage.objects.child_of(self).live().prefetch_related("kernen")
        ).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = paginate(request, self.projects, PER_PAGE)
        return context


class ProjectPage(WorkspaceRoutesMixin, BasePage):
    """A project of two or more kernen: a public summary here, a private workspace under
    ``werkruimte/`` for its members."""

    summary = models.TextField(
        _("summary"), help_text=_("What the project is about, for everyone to read.")
    )
    body = RichTextField(
        _("about the project"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ul"]
    )
    kernen = ParentalManyToManyField(
        "kernen.KernPage", related_name="+", verbose_name=_("taking part kernen")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("kernen", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["members.ProjectIndexPage"]
    subpage_types = []

    template = "pages/project_page.html"

    # Page cache (pagecache/): the public summary names the kernen taking part.
    def cache_related_tags(self):
        return {branch_tag(kern.path) for kern in self.kernen.all()}

    overview_subpath = "werkruimte/"

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kernen"] = self.kernen.order_by("title")
        workspace = self.get_workspace()
        context["is_member"] = bool(workspace and can_access(request.user, workspace))
        return context

    def member_candidates(self, workspace):
        return queries.board_members_of(self.kernen.all(), workspace)

    @path("werkruimte/", name="overview")
    @private
    def overview(self, request, workspace):
        return self.render_overview(request, workspace)
