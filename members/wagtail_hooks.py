from django.core.exceptions import PermissionDenied
from django.forms import modelform_factory
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from home.panels import Panel
from kernen.sections import Section
from members import privacy, provisioning
from members.access import can_access
from members.chat_demo import load_chat_demo
from members.demo import load_members_demo
from members.models import Membership, Organisation
from members.organisation_admin import OrganisationAdminForm, OrganisationPolicy
from members.organisations_demo import load_organisations_demo
from members.panels import board_link
from members.routes import WorkspaceRoutesMixin
from pagecache.rules import InvalidateOnChange
from pagecache.tags import all_site_tags
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


register_permission_policy(Organisation, OrganisationPolicy(Organisation))


class MembershipViewSet(ScopedModelViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Memberships")
    list_display = ["user", "workspace", "role"]
    list_filter = ["workspace", "role"]
    form_fields = ["workspace", "user", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]


class OrganisationViewSet(ScopedModelViewSet):
    """Organisations, for admins and who holds the organisation permissions (the
    municipality's "Communicatie" group, for its own municipality). Their members are the
    users of the organisation's group, set in the form (``members.organisation_admin``)."""

    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name", "home", "email"]
    form_fields = [
        "home",
        "name",
        "slug",
        "description",
        "email",
        "phone",
        "website",
        "logo",
        "kernen",
    ]
    search_fields = ["name", "description"]

    def get_form_class(self, for_update=False):
        return modelform_factory(
            self.model,
            form=OrganisationAdminForm,
            formfield_callback=self.formfield_for_dbfield,
            fields=self.form_fields,
        )


class MembersViewSetGroup(ModelViewSetGroup):
    menu_label = _("Member area")
    menu_icon = "group"
    menu_order = 310
    items = (MembershipViewSet, OrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_viewset():
    return MembersViewSetGroup()


# Personal data (AVG): what this app stores and how long (privacy/registry.py).
hooks.register("privacy_data", privacy.privacy_data)
hooks.register("retention_rules", privacy.retention_rules)


# Every kern's board area, the municipality's dorpenoverleg and projects (kernen/sections.py)
# with their workspaces, the link to the board area on the kern page, and the app's demo.
@hooks.register("kern_sections")
def kern_sections():
    return [Section(model="members.BoardAreaPage", title="Bestuur", slug="bestuur", order=90)]


@hooks.register("municipality_sections")
def municipality_sections():
    return [
        Section(
            model="members.DorpenoverlegPage", title="Dorpenoverleg", slug="dorpenoverleg", order=90
        ),
        Section(
            model="members.OrganisationIndexPage",
            title="Organisaties",
            slug="organisaties",
            order=70,
        ),
        Section(
            model="members.ProjectIndexPage",
            title="Projecten",
            slug="projecten",
            order=60,
            show_in_menus=True,
        ),
    ]


@hooks.register("pagecache_invalidation")
def page_cache_invalidation():
    """An organisation's profile shows on /organisaties/ of its municipality."""
    return [InvalidateOnChange(Organisation, lambda organisation: all_site_tags())]


hooks.register("municipality_provisioning", provisioning.ensure_municipality, order=50)
hooks.register("municipality_provisioning", provisioning.grant_organisation_admin, order=60)
hooks.register("kern_provisioning", provisioning.ensure_board_workspace, order=50)
hooks.register("kern_moved", provisioning.move_board)
hooks.register("demo_steps", load_members_demo, order=80)
hooks.register("demo_steps", load_organisations_demo, order=81)
hooks.register("demo_steps", load_chat_demo, order=82)


@hooks.register("page_panels")
def page_panels():
    return [
        Panel(
            page_type="kernen.KernPage",
            name="board",
            template="components/board_link.html",
            get_context=board_link,
            order=200,
        )
    ]
