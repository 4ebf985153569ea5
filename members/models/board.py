"""The private area of a kern's board. It comes after ``pages`` because its routes
(``members.routes.projects``) start ``ProjectPage``s."""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import path
from wagtail.models import Page, PagePermissionTester

from home.pages import IndexPage
from members import queries
from members.routes import WorkspaceRoutesMixin, private
from members.routes.projects import BoardProjectRoutesMixin


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


class BoardAreaPage(BoardProjectRoutesMixin, WorkspaceRoutesMixin, IndexPage):
    """The private area of a kern's board at ``/<kern>/bestuur/``: only the board's group and
    the kern's gebiedsmakelaar may see it (a Wagtail view restriction set by provisioning)."""

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
        return queries.announcements_for_kern(self.path[: -Page.steplen])

    def overview_invitations(self, workspace):
        return queries.pending_project_invitations(self.path[: -Page.steplen])

    @path("", name="overview")
    @private
    def overview(self, request, workspace):
        return self.render_overview(request, workspace, kern=self.get_parent())
