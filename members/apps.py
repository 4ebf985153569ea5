from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Member area")

    def ready(self):
        # Imported here, not at the top: they import models, which only load after the apps.
        from home.panels import Panel, register_panel
        from kernen.sections import (
            Section,
            register_demo_step,
            register_kern_hook,
            register_kern_section,
            register_municipality_hook,
            register_municipality_section,
        )
        from members import provisioning, signals
        from members.demo import load_members_demo
        from members.panels import board_link

        register_kern_section(
            Section(model="members.BoardAreaPage", title="Bestuur", slug="bestuur", order=90)
        )
        register_municipality_section(
            Section(
                model="members.DorpenoverlegPage",
                title="Dorpenoverleg",
                slug="dorpenoverleg",
                order=90,
            )  # fmt: skip
        )
        register_municipality_section(
            Section(
                model="members.ProjectIndexPage",
                title="Projecten",
                slug="projecten",
                order=60,
                show_in_menus=True,
            )  # fmt: skip
        )
        register_municipality_hook("members.workspace", provisioning.ensure_municipality, order=50)
        register_kern_hook("members.board", provisioning.ensure_board_workspace, order=50)
        register_demo_step("members", load_members_demo, order=80)
        register_panel(
            "kernen.KernPage",
            Panel(
                name="board",
                template="components/board_link.html",
                get_context=board_link,
                order=200,
            ),  # fmt: skip
        )
        signals.connect()
