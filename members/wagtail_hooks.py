from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup

from members import privacy
from members.access import can_access
from members.models import Membership
from members.routes import WorkspaceRoutesMixin
from security.admin_scope import ScopedModelViewSet


@hooks.register("before_serve_page", order=-10)
def serve_workspace_to_logged_in_users(page, request, serve_args, serve_kwargs):
    """Decide for logged-in users on a private workspace page (board area, dorpenoverleg).

    Outsiders get "no access" (403) instead of Wagtail's login page again; members are served
    at once, since ``can_access`` has checked the very groups that provisioning wrote into the
    page's view restriction (Wagtail's own check would ask the database the same again).
    Anonymous visitors fall through to Wagtail's view restriction: the login page. On a
    project page (public summary, private routes) outsiders fall through as well.
    """
    if not isinstance(page, WorkspaceRoutesMixin) or not request.user.is_authenticated:
        return None
    workspace = page.get_workspace(request.user)
    if workspace is None:
        return None
    if can_access(request.user, workspace):
        return page.serve(request, *serve_args, **serve_kwargs)
    if page.overview_subpath:
        # A project: its summary is public, its private routes refuse outsiders themselves.
        return None
    raise PermissionDenied


class MembershipViewSet(ScopedModelViewSet):
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


# Personal data (AVG): what this app stores and how long (privacy/registry.py).
hooks.register("privacy_data", privacy.privacy_data)
hooks.register("retention_rules", privacy.retention_rules)
