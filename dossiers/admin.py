"""Dossiers in the Wagtail admin, for support only: off unless ``DOSSIER_SUPPORT_ACCESS`` is on.

Even then only superusers open them, read-only (list and inspect; no add, edit or delete), and
every opened dossier is written to Wagtail's audit log ("dossiers.support_view", under
Reports → Site history) and to the owner's own access log."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from dossiers.constants import AccessAction
from dossiers.models import Dossier
from dossiers.services import log_access

SUPPORT_VIEW = "dossiers.support_view"


class SupportPermissionPolicy(ModelPermissionPolicy):
    """Superusers may look (``view``); nobody may add, change or delete."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")


class SupportInspectView(InspectView):
    def get_object(self, queryset=None):
        dossier = super().get_object(queryset)
        log(instance=dossier, action=SUPPORT_VIEW, user=self.request.user)
        log_access(self.request.user, dossier, action=AccessAction.SUPPORT)
        return dossier


class DossierSupportViewSet(ModelViewSet):
    model = Dossier
    icon = "folder-open-inverse"
    menu_label = _("Dossiers (support)")
    add_to_admin_menu = True
    menu_order = 320
    inspect_view_enabled = True
    inspect_view_class = SupportInspectView
    inspect_view_fields = ["title", "owner", "created_at"]
    list_display = ["title", "owner", "created_at"]
    form_fields = ["title"]
    search_fields = ["title"]
    permission_policy = SupportPermissionPolicy(Dossier)


def register_support_viewset():
    """The viewset when ``DOSSIER_SUPPORT_ACCESS`` is on, else nothing (read at start-up)."""
    return [DossierSupportViewSet("dossiers_support")] if settings.DOSSIER_SUPPORT_ACCESS else []


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        SUPPORT_VIEW, _("Dossier opened for support"), _("Dossier opened for support")
    )
