from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KernenConfig(AppConfig):
    name = "kernen"
    verbose_name = _("Kernen")

    def ready(self):
        from home.information import ensure_information_pages
        from home.panels import Panel, register_panel
        from kernen.inspiration_demo import load_inspiration_demo
        from kernen.moderation import ensure_moderation
        from kernen.panels import kernen_of_municipality, latest_story
        from kernen.sections import (
            Section,
            register_demo_step,
            register_kern_hook,
            register_kern_section,
            register_municipality_hook,
            register_municipality_section,
        )

        register_panel(
            "home.HomePage",
            Panel(
                name="kernen",
                template="components/kernen_list.html",
                get_context=kernen_of_municipality,
                order=10,
            ),
        )
        register_panel(
            "kernen.KernPage",
            Panel(
                name="inspiration",
                template="components/latest_story.html",
                get_context=latest_story,
                order=60,
            ),
        )
        register_kern_section(
            Section(
                model="kernen.InspirationIndexPage", title="Inspiratie", slug="inspiratie", order=40
            )  # fmt: skip
        )
        register_municipality_section(
            Section(
                model="kernen.InspirationOverviewPage",
                title="Inspiratie",
                slug="inspiratie",
                order=40,
                show_in_menus=True,
            )  # fmt: skip
        )
        register_kern_hook("kernen.moderation", ensure_moderation, order=10)
        # The accessibility and privacy statements, before the comms group gets its rights.
        register_municipality_hook("home.information", ensure_information_pages, order=5)
        register_demo_step("kernen.inspiration", load_inspiration_demo, order=40)
