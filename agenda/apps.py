from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Kernagenda")

    def ready(self):
        from agenda import signals  # noqa: F401
        from agenda.demo import load_agenda_demo
        from agenda.panels import kernagenda_panel
        from agenda.provisioning import ensure_municipality_group, grant_redactie_permissions
        from agenda.services import create_action_point
        from home.panels import Panel, register_panel
        from kernen.bridges import CREATE_ACTION_POINT, register_bridge
        from kernen.sections import (
            Section,
            register_demo_step,
            register_kern_hook,
            register_kern_section,
            register_municipality_hook,
            register_municipality_section,
        )

        register_kern_section(
            Section(model="agenda.KernagendaPage", title="Kernagenda", slug="kernagenda", order=20)
        )
        register_municipality_section(
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
        )
        register_kern_hook("agenda.redactie", grant_redactie_permissions)
        register_municipality_hook("agenda.municipality", ensure_municipality_group)
        register_demo_step("agenda", load_agenda_demo, order=30)
        register_bridge(CREATE_ACTION_POINT, create_action_point)
        register_panel(
            "kernen.KernPage",
            Panel(
                name="kernagenda",
                template="components/kernagenda_panel.html",
                get_context=kernagenda_panel,
                order=30,
            ),
        )
