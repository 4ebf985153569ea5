"""Admin: the subscribers (read-only, for admins) and how many there are per kern."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from kernen.models import KernPage
from security.admin_scope import ScopedSnippetViewSet, UnscopedPermissionPolicy
from subscriptions.models import Subscriber


class ReadOnlyPolicy(UnscopedPermissionPolicy):
    """Subscribers come in through the double opt-in only; an admin may look and delete
    (e.g. on request), never add or change."""

    refused_actions = frozenset({"add", "change"})


class SubscriberViewSet(ScopedSnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Subscribers")
    menu_order = 900
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["email", "kern_names", "kind_names", "confirmed_at"]
    list_filter = ["kernen"]
    search_fields = ["email"]
    inspect_view_fields = ["email", "kernen", "kinds", "confirmed_at", "digest_until"]

    def get_queryset(self, request):
        return Subscriber.objects.prefetch_related("kernen")


class SubscribersPerKernView(ReportView):
    page_title = _("Subscribers per kern")
    header_icon = "mail"
    index_url_name = "subscriptions_per_kern"
    index_results_url_name = "subscriptions_per_kern_results"
    permission_policy = ModelPermissionPolicy(Subscriber)
    any_permission_required = ["view"]
    paginate_by = 100
    list_export = ["title", "subscriber_count"]
    export_headings = {"title": _("Kern"), "subscriber_count": _("Subscribers")}
    columns = [
        Column("title", label=_("Kern")),
        Column("subscriber_count", label=_("Subscribers")),
    ]

    def get_queryset(self):
        return (
            KernPage.objects.annotate(subscriber_count=Count("email_subscribers"))
            .only("id", "title")
            .order_by("title")
        )
