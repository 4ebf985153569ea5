from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("Subscriptions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from home.panels import Panel, register_panel
        from kernen.sections import register_demo_step
        from subscriptions.demo import load_demo
        from subscriptions.panels import subscribe_panel
        from subscriptions.signals import send_urgent_pages
        from subscriptions.sources import register_real_sources

        register_real_sources()
        register_panel(
            "kernen.KernPage",
            Panel(
                name="subscribe",
                template="components/subscribe_panel.html",
                get_context=subscribe_panel,
                order=900,
            ),
        )
        page_published.connect(send_urgent_pages, dispatch_uid="subscriptions.urgent")
        register_demo_step("subscriptions", load_demo, order=900)
