from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from members.access import can_access
from members.models import Membership
from members.routes import WorkspaceRoutesMixin


@hooks.register("before_serve_page", order=-10)
def refuse_logged_in_outsiders(page, request, serve_args, serve_kwargs):
    """A logged-in user outside a private workspace gets "no access" (403), not the login
    page again. Anonymous visitors still go to the login page (Wagtail's view restriction)."""
    if not isinstance(page, WorkspaceRoutesMixin) or not request.user.is_authenticated:
        return None
    if page.overview_subpath:  # a public summary page with private routes of its own
        return None
    workspace = page.get_workspace()
    if workspace is not None and not can_access(request.user, workspace):
        raise PermissionDenied
    return None


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Memberships")
    list_display = ["user", "workspace", "role"]
    list_filter = ["workspace", "role"]
    form_fields = ["workspace", "user", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]


class MembersViewSetGroup(ModelViewSetGroup):
    menu_label = _("Member area")
    menu_icon = "group"
    menu_order = 310
    items = (MembershipViewSet,)


@hooks.register("register_admin_viewset")
def register_viewset():
    return MembersViewSetGroup()
