"""Organisers see and export the registrations of the activities they may edit."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

import django_filters

from events import privacy
from events.demo import load_events_demo
from events.models import EventPage, Registration
from events.panels import upcoming_on_kern_page
from events.permissions import RegistrationPolicy, editable_event_ids, grant_registration_view
from home.panels import Panel
from kernen.sections import Section
from pagecache.rules import CachedPaths, InvalidateOnChange
from pagecache.tags import page_purge_tags
from security.admin_scope import ScopedModelViewSet

register_permission_policy(Registration, RegistrationPolicy(Registration))


def editable_events(request):
    return EventPage.objects.filter(pk__in=editable_event_ids(request.user)).order_by("-start")


class RegistrationFilterSet(django_filters.FilterSet):
    event = django_filters.ModelChoiceFilter(label=_("Activity"), queryset=editable_events)
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Registration._meta.get_field("status").choices
    )

    class Meta:
        model = Registration
        fields = ["event", "status"]


class RegistrationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")


class RegistrationViewSet(ScopedModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    inspect_view_enabled = False
    list_display = ["name", "email", "event", "status", "created_at"]
    list_export = ["event.title", "name", "email", "get_status_display", "created_at"]
    export_headings = {
        "event.title": _("Activity"),
        "name": _("Name"),
        "email": _("E-mail"),
        "get_status_display": _("Status"),
        "created_at": _("Registered at"),
    }
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email"]
    export_filename = "aanmeldingen"
    ordering = ["event", "created_at"]
    form_fields = ["name", "email", "status"]


registration_viewset = RegistrationViewSet("registrations")


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset


@hooks.register("register_page_header_buttons")
def registrations_button(page, user, view_name=None, next_url=None):
    if page.specific_class is EventPage:
        url = reverse(registration_viewset.get_url_name("index")) + f"?event={page.pk}"
        yield Button(_("Registrations"), url=url, icon_name="group", priority=68)


@hooks.register("pagecache_invalidation")
def page_cache_invalidation():
    """Places left change with every registration; the CDN forgets the calendars with their
    pages."""
    return [
        InvalidateOnChange(Registration, lambda registration: page_purge_tags(registration.event)),
        CachedPaths("kernen.KernPage", ["agenda.ics"]),
        CachedPaths("events.EventOverviewPage", ["agenda.ics"]),
    ]


# Personal data (AVG): what this app stores and how long (privacy/registry.py).
hooks.register("privacy_data", privacy.privacy_data)
hooks.register("retention_rules", privacy.retention_rules)


# Every kern's and municipality's activities (kernen/sections.py), who sees the registrations,
# the upcoming activities on the kern page (home/panels.py) and the app's part of the demo.
@hooks.register("kern_sections")
def kern_sections():
    return [
        Section(model="events.EventIndexPage", title="Activiteiten", slug="activiteiten", order=30)
    ]


@hooks.register("municipality_sections")
def municipality_sections():
    return [
        Section(
            model="events.EventOverviewPage",
            title="Activiteiten",
            slug="activiteiten",
            order=30,
            show_in_menus=True,
        )
    ]


hooks.register("kern_provisioning", grant_registration_view, order=100)
hooks.register("demo_steps", load_events_demo, order=30)


@hooks.register("page_panels")
def page_panels():
    return [
        Panel(
            page_type="kernen.KernPage",
            name="events",
            template="components/events_upcoming.html",
            get_context=upcoming_on_kern_page,
            order=30,
        )
    ]
