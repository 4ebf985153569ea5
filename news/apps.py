from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and work notices")

    def ready(self):
        from home.panels import Panel, register_panel
        from kernen.sections import (
            Section,
            register_demo_step,
            register_kern_section,
            register_municipality_hook,
            register_municipality_section,
        )
        from news import panels
        from news.demo import load_news_demo
        from news.provisioning import ensure_comms_group

        register_kern_section(
            Section(model="news.NewsIndexPage", title="Nieuws", slug="nieuws", order=10)
        )
        register_municipality_section(
            Section(
                model="news.MunicipalityNewsIndexPage",
                title="Nieuws",
                slug="nieuws",
                order=10,
                show_in_menus=True,
            )
        )
        register_municipality_section(
            Section(
                model="news.WorkNoticeIndexPage",
                title="Werkzaamheden",
                slug="werkzaamheden",
                order=20,
                show_in_menus=True,
                defaults={
                    "intro": "Wegwerkzaamheden, afsluitingen en andere werkzaamheden van de "
                    "gemeente, per kern."
                },
            )
        )
        register_municipality_hook("news.communicatie", ensure_comms_group, order=20)
        register_panel(
            "kernen.KernPage",
            Panel(
                name="news.notices",
                template="components/work_notices_panel.html",
                get_context=panels.kern_notices,
                order=15,
            ),
        )
        register_panel(
            "kernen.KernPage",
            Panel(
                name="news.news",
                template="components/news_panel.html",
                get_context=panels.kern_news,
                order=20,
            ),
        )
        register_panel(
            "home.HomePage",
            Panel(
                name="news.news",
                template="components/news_home_panel.html",
                get_context=panels.home_news,
                order=20,
            ),
        )
        register_demo_step("news", load_news_demo, order=20)
