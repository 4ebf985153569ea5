"""The businesses' sections in every kern and municipality, their panel on the kern page, the
review list in the admin, the page cache and the demo."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from businesses import admin_views, privacy
from businesses.demo import load_businesses_demo
from businesses.panels import SECTION_SLUG, businesses_on_kern_page
from home.panels import Panel
from kernen.sections import Section


@hooks.register("kern_sections")
def kern_sections():
    return [
        Section(
            model="businesses.BusinessIndexPage", title="Bedrijven", slug=SECTION_SLUG, order=60
        )
    ]


@hooks.register("municipality_sections")
def municipality_sections():
    return [
        Section(
            model="businesses.BusinessOverviewPage",
            title="Bedrijven",
            slug=SECTION_SLUG,
            order=60,
            show_in_menus=True,
        )
    ]


@hooks.register("page_panels")
def page_panels():
    return [
        Panel(
            page_type="kernen.KernPage",
            name="businesses",
            template="components/businesses_panel.html",
            get_context=businesses_on_kern_page,
            order=60,
        )
    ]


hooks.register("demo_steps", load_businesses_demo, order=60)

# Personal data (AVG): what this app stores and how long (privacy/registry.py).
hooks.register("privacy_data", privacy.privacy_data)
hooks.register("retention_rules", privacy.retention_rules)


@hooks.register("register_admin_urls")
def register_review_url():
    return [path("bedrijven/ter-beoordeling/", admin_views.review, name="businesses_review")]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_review(request.user)


@hooks.register("register_reports_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        _("Businesses waiting for review"),
        reverse("businesses_review"),
        name="businesses-review",
        icon_name="site",
        order=950,
    )
