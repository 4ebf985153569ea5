from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Activities")

    def ready(self):
        from events.demo import load_events_demo
        from events.panels import upcoming_on_kern_page
        from events.permissions import grant_registration_view
        from home.panels import Panel, register_panel
        from kernen.sections import (
            Section,
            register_demo_step,
            register_kern_hook,
            register_kern_section,
            register_municipality_section,
        )

        register_kern_section(
            Section(
                model="events.EventIndexPage", title="Activiteiten", slug="activiteiten", order=30
            )
        )
        register_municipality_section(
            Section(
                model="events.EventOverviewPage",
                title="Activiteiten",
                slug="activiteiten",
                order=30,
                show_in_menus=True,
            )
        )
        register_kern_hook("events.registrations", grant_registration_view)
        register_panel(
            "kernen.KernPage",
            Panel(
                name="events",
                template="components/events_upcoming.html",
                get_context=upcoming_on_kern_page,
                order=30,
            ),
        )
        register_demo_step("events", load_events_demo, order=30)
