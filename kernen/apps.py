from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KernenConfig(AppConfig):
    name = "kernen"
    verbose_name = _("Kernen")

    def ready(self):
        from home.panels import Panel, register_panel
        from kernen.panels import kernen_of_municipality

        register_panel(
            "home.HomePage",
            Panel(
                name="kernen",
                template="components/kernen_list.html",
                get_context=kernen_of_municipality,
                order=10,
            ),
        )
