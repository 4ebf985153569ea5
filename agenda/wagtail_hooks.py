from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import register_permission_policy

from agenda import admin_views, privacy
from agenda.demo import load_agenda_demo
from agenda.models import Interest, KernagendaPage, KernagendaVersion, SignUp, Theme
from agenda.panels import kernagenda_panel
from agenda.permissions import KernScopedPolicy
from agenda.provisioning import ensure_municipality_group, grant_redactie_permissions
from agenda.services import create_action_point
from home.panels import Panel
from kernen.bridges import CREATE_ACTION_POINT
from kernen.sections import Section
from pagecache.rules import CachedPaths, InvalidateOnChange
from pagecache.tags import all_site_tags, page_purge_tags
from security.admin_scope import ScopedModelViewSet, ScopedSnippetViewSet

register_permission_policy(SignUp, KernScopedPolicy(SignUp))
register_permission_policy(Interest, KernScopedPolicy(Interest))


class ThemeViewSet(ScopedSnippetViewSet):
    model = Theme
    chooser_open_to_editors = True  # every redactie picks a theme for its action points
    url_prefix = "kernagenda/themas"
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class ParticipationIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super().get_base_queryset().select_related("action_point", "action_point__kern", "kern")
        )


class SignUpViewSet(ScopedModelViewSet):
    model = SignUp
    name = "aanmeldingen"
    icon = "group"
    menu_label = _("Sign-ups")
    add_to_admin_menu = False
    inspect_view_enabled = True
    index_view_class = ParticipationIndexView
    list_display = [
        "name",
        "email",
        Column("action_point", label=_("action point")),
        Column("kern", label=_("kern")),
        DateColumn("created_at", label=_("signed up at")),
    ]
    list_export = ["name", "email", "kern", "contribution", "consent", "action_point", "created_at"]
    export_filename = "aanmeldingen"
    form_fields = ["name", "email", "kern", "contribution", "consent"]
    search_fields = ["name", "email", "contribution"]
    ordering = ["-created_at"]


class InterestViewSet(ScopedModelViewSet):
    model = Interest
    name = "gezamenlijke-inkoop"
    icon = "group"
    menu_label = _("Joint purchase")
    add_to_admin_menu = False
    inspect_view_enabled = True
    index_view_class = ParticipationIndexView
    list_display = [
        "name",
        "email",
        "kind",
        Column("kern", label=_("kern")),
        Column("action_point", label=_("action point")),
        DateColumn("created_at", label=_("registered at")),
    ]
    list_export = ["name", "email", "kind", "kern", "action_point", "created_at"]
    export_filename = "gezamenlijke-inkoop"
    form_fields = ["kind", "name", "email", "kern"]
    search_fields = ["name", "email"]
    ordering = ["-created_at"]


class AgendaViewSetGroup(ViewSetGroup):
    menu_label = _("Kernagenda")
    menu_icon = "list-ul"
    menu_order = 250
    items = (ThemeViewSet, SignUpViewSet, InterestViewSet)


@hooks.register("register_admin_viewset")
def register_agenda_viewsets():
    return AgendaViewSetGroup()


@hooks.register("register_admin_urls")
def register_agenda_admin_urls():
    return [
        path(
            "kernagenda/herzieningen/",
            admin_views.overdue_reviews,
            name="agenda_overdue_reviews",
        ),
        path(
            "kernagenda/<int:page_id>/versie/",
            admin_views.publish_version,
            name="agenda_publish_version",
        ),
    ]


class OverdueReviewsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("agenda.view_overdue_reviews")


@hooks.register("register_reports_menu_item")
def register_overdue_reviews_menu_item():
    return OverdueReviewsMenuItem(
        _("Action points past review"),
        reverse("agenda_overdue_reviews"),
        icon_name="date",
        order=900,
    )


@hooks.register("register_page_header_buttons")
def publish_version_button(page, user, view_name, next_url=None):
    if page.specific_class is not KernagendaPage:
        return
    if not page.permissions_for_user(user).can_publish():
        return
    yield PageMenuItem(
        _("Publish a new version"),
        reverse("agenda_publish_version", args=[page.pk]),
        icon_name="history",
        priority=80,
        page=page,
    )


@hooks.register("pagecache_invalidation")
def page_cache_invalidation():
    """Themes show on every kernagenda; versions and sign-ups on their page; the CDN forgets
    the open data with the overview."""
    return [
        InvalidateOnChange(Theme, lambda theme: all_site_tags()),
        InvalidateOnChange(KernagendaVersion, lambda version: page_purge_tags(version.kernagenda)),
        InvalidateOnChange(SignUp, lambda item: page_purge_tags(item.action_point)),
        InvalidateOnChange(Interest, lambda item: page_purge_tags(item.action_point)),
        CachedPaths("agenda.KernagendaOverviewPage", ["actiepunten.csv", "actiepunten.json"]),
    ]


# Personal data (AVG): what this app stores and how long (privacy/registry.py).
hooks.register("privacy_data", privacy.privacy_data)
hooks.register("retention_rules", privacy.retention_rules)


# Every kern's kernagenda and the municipality's overview (kernen/sections.py), with their
# groups and permissions, and the app's part of the demo.
@hooks.register("kern_sections")
def kern_sections():
    return [Section(model="agenda.KernagendaPage", title="Kernagenda", slug="kernagenda", order=20)]


@hooks.register("municipality_sections")
def municipality_sections():
    return [
        Section(
            model="agenda.KernagendaOverviewPage",
            title="Kernagenda's",
            slug="kernagendas",
            order=20,
            show_in_menus=True,
            defaults={
                "intro": "Alle actiepunten van alle kernen: wat er speelt, wie het oppakt "
                "en hoe ver het is."
            },
        )
    ]


hooks.register("kern_provisioning", grant_redactie_permissions, order=100)
hooks.register("municipality_provisioning", ensure_municipality_group, order=100)
hooks.register("demo_steps", load_agenda_demo, order=30)


@hooks.register("page_panels")
def page_panels():
    """The kern's action points on its page (home/panels.py)."""
    return [
        Panel(
            page_type="kernen.KernPage",
            name="kernagenda",
            template="components/kernagenda_panel.html",
            get_context=kernagenda_panel,
            order=30,
        )
    ]


@hooks.register("kern_bridges")
def kern_bridges():
    """The member area turns a board decision into an action point (kernen/bridges.py)."""
    return {CREATE_ACTION_POINT: create_action_point}
