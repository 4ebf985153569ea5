from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from home.panels import Panel, register_panel

        register_panel(
            "kernen.KernPage",
            Panel(
                name="search",
                template="components/search_kern_panel.html",
                get_context=lambda kern, request: {"kern": kern},
                order=5,
            ),
        )
