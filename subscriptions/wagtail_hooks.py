from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from home.panels import Panel
from subscriptions import privacy, sources
from subscriptions.admin_views import ReadOnlyPolicy, SubscribersPerKernView, SubscriberViewSet
from subscriptions.demo import load_demo
from subscriptions.models import Subscriber
from subscriptions.panels import subscribe_panel

register_permission_policy(Subscriber, ReadOnlyPolicy(Subscriber))
register_snippet(SubscriberViewSet)


@hooks.register("register_admin_urls")
def register_per_kern_report():
    view = SubscribersPerKernView
    return [
        path("reports/aanmeldingen-per-kern/", view.as_view(), name=view.index_url_name),
        path(
            "reports/aanmeldingen-per-kern/results/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
    ]


class AdminsOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("subscriptions.view_subscriber")


@hooks.register("register_reports_menu_item")
def register_per_kern_menu_item():
    return AdminsOnlyMenuItem(
        _("Subscribers per kern"),
        reverse(SubscribersPerKernView.index_url_name),
        name="subscribers-per-kern",
        icon_name="mail",
        order=1000,
    )


# Personal data (AVG): what this app stores and how long (privacy/registry.py).
hooks.register("privacy_data", privacy.privacy_data)


# The digest's sources (subscriptions/sources.py), the sign-up form on the kern page
# (home/panels.py) and the app's part of the demo.
hooks.register("subscription_sources", sources.real_sources)
hooks.register("demo_steps", load_demo, order=900)


@hooks.register("page_panels")
def page_panels():
    return [
        Panel(
            page_type="kernen.KernPage",
            name="subscribe",
            template="components/subscribe_panel.html",
            get_context=subscribe_panel,
            order=900,
        )
    ]
