from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from subscriptions import privacy
from subscriptions.admin_views import ReadOnlyPolicy, SubscribersPerKernView, SubscriberViewSet
from subscriptions.models import Subscriber

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
