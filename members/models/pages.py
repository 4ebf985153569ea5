from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index

from home import pagecache
from home.locales import AliasRestrictionsMixin
from home.queries import public
from members.board_routes import BoardProjectRoutesMixin
from members.routes import WorkspaceRoutesMixin, private


class BoardAreaPermissionTester(PagePermissionTester):
    """What a user may do with a board area in the admin. A kern's redactie may change
    everything under their kern page but this: only permissions granted above the kern (the
    municipality's own editors) and admins count here, so a kern editor cannot rename,
    unpublish, move, delete or open up a board's private area."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser:
            kern_path = page.path[: -Page.steplen]
            self.permissions = {
                grant.permission.codename.rsplit("_", maxsplit=1)[0]
                for grant in self.permission_policy.get_cached_permissions_for_user(user)
                if page.path.startswith(grant.page.path)
                and not grant.page.path.startswith(kern_path)
            }


class BoardAreaPage(BoardProjectRoutesMixin, WorkspaceRoutesMixin, AliasRestrictionsMixin, Page):
    """The private area of a kern's board at ``/<kern>/bestuur/``: only the board's group and
    the kern's gebiedsmakelaar may see it (a Wagtail view restriction set by provisioning)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["kernen.KernPage"]
    subpage_types = []
    max_count_per_parent = 1

    template = "pages/board_area_page.html"
    overview_template = template
    #: Meetings here record decisions that can become action points of the kern.
    records_decisions = True
    #: The board writes its minutes; the kern's gebiedsmakelaar reads them.
    minutes_by_members_only = True

    class Meta:
        verbose_name = _("board area")
        verbose_name_plural = _("board areas")

    def permissions_for_user(self, user):
        return BoardAreaPermissionTester(user, self)

    def overview_announcements(self, workspace):
        from members.models import Announcement

        kern_path = self.path[: -Page.steplen]
        return Announcement.objects.filter(
            models.Q(all_kernen=True) | models.Q(kernen__path=kern_path),
            home__path=kern_path[: -Page.steplen],
        )

    def overview_invitations(self, workspace):
        from members.models import InvitationStatus, ProjectKernInvitation

        return ProjectKernInvitation.objects.filter(
            kern__path=self.path[: -Page.steplen], status=InvitationStatus.PENDING
        )

    @path("", name="overview")
    @private
    def overview(self, request, workspace):
        return self.render_overview(request, workspace)


class DorpenoverlegPage(WorkspaceRoutesMixin, AliasRestrictionsMixin, Page):
    """The shared space of the boards of all kernen of a municipality and its
    gebiedsmakelaars."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    template = "pages/dorpenoverleg_page.html"
    overview_template = template

    class Meta:
        verbose_name = _("meeting of the kernen")
        verbose_name_plural = _("meetings of the kernen")

    def overview_announcements(self, workspace):
        from members.models import Announcement

        return Announcement.objects.filter(home__path=self.path[: -Page.steplen])

    @path("", name="overview")
    @private
    def overview(self, request, workspace):
        return self.render_overview(request, workspace)


class ProjectIndexPage(AliasRestrictionsMixin, Page):
    """``/projecten/``: the projects that kernen run together."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

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
        from members.routes import paginate

        context = super().get_context(request, *args, **kwargs)
        context["projects"] = paginate(request, self.projects)
        return context


class ProjectPage(WorkspaceRoutesMixin, AliasRestrictionsMixin, Page):
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

    # Page cache (home/pagecache.py): the public summary names the kernen taking part.
    def cache_related_tags(self):
        return {pagecache.branch_tag(kern.path) for kern in self.kernen.all()}

    overview_subpath = "werkruimte/"

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def get_context(self, request, *args, **kwargs):
        from members.access import can_access

        context = super().get_context(request, *args, **kwargs)
        context["kernen"] = self.kernen.order_by("title")
        workspace = self.get_workspace()
        context["is_member"] = bool(workspace and can_access(request.user, workspace))
        return context

    def member_candidates(self, workspace):
        from django.contrib.auth import get_user_model

        from members.models import Workspace

        boards = Workspace.objects.none()
        for kern in self.kernen.all():
            boards = boards | Workspace.objects.filter(page__path__startswith=kern.path)
        return (
            get_user_model()
            .objects.filter(groups__member_workspace__in=boards, is_active=True)
            .exclude(memberships__workspace=workspace)
            .distinct()
            .order_by("first_name", "username")
        )

    @path("werkruimte/", name="overview")
    @private
    def overview(self, request, workspace):
        return self.render_overview(request, workspace)
