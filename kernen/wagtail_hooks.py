from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from home.information import ensure_information_pages
from home.panels import Panel
from kernen.herindeling.admin import herindeling
from kernen.herindeling.fallback import new_location
from kernen.inspiration_demo import load_inspiration_demo
from kernen.models import AreaBroker
from kernen.moderation import ensure_moderation
from kernen.panels import kernen_of_municipality, latest_story
from kernen.sections import Section
from pagecache.rules import InvalidateOnChange
from pagecache.tags import all_site_tags
from security.admin_scope import ScopedSnippetViewSet


class AreaBrokerViewSet(ScopedSnippetViewSet):
    model = AreaBroker
    chooser_open_to_editors = True  # a kern's editors pick their area broker on the kern page
    icon = "user"
    menu_label = _("Area brokers")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "email", "phone"]
    search_fields = ["name", "email"]


register_snippet(AreaBrokerViewSet)


@hooks.register("pagecache_invalidation")
def page_cache_invalidation():
    """An area broker's contact details show on the kern pages."""
    return [InvalidateOnChange(AreaBroker, lambda broker: all_site_tags())]


# Inspiration for every kern and municipality (kernen/sections.py), moderation, and the
# statements every municipality has.
@hooks.register("kern_sections")
def kern_sections():
    return [
        Section(
            model="kernen.InspirationIndexPage", title="Inspiratie", slug="inspiratie", order=40
        )
    ]


@hooks.register("municipality_sections")
def municipality_sections():
    return [
        Section(
            model="kernen.InspirationOverviewPage",
            title="Inspiratie",
            slug="inspiratie",
            order=40,
            show_in_menus=True,
        )
    ]


hooks.register("kern_provisioning", ensure_moderation, order=10)
# The accessibility and privacy statements, before the comms group gets its rights.
hooks.register("municipality_provisioning", ensure_information_pages, order=5)
hooks.register("demo_steps", load_inspiration_demo, order=40)


@hooks.register("page_panels")
def page_panels():
    """The kernen on the municipality's home page, the latest story on a kern page."""
    return [
        Panel(
            page_type="home.HomePage",
            name="kernen",
            template="components/kernen_list.html",
            get_context=kernen_of_municipality,
            order=10,
        ),
        Panel(
            page_type="kernen.KernPage",
            name="inspiration",
            template="components/latest_story.html",
            get_context=latest_story,
            order=60,
        ),
    ]


# Herindeling (kernen/herindeling): moving a kern or merging municipalities, superusers only.
@hooks.register("register_admin_urls")
def register_herindeling_url():
    return [path("herindeling/", herindeling, name="kernen_herindeling")]


class SuperusersOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_herindeling_menu_item():
    return SuperusersOnlyMenuItem(
        _("Herindeling"), reverse("kernen_herindeling"), icon_name="site", order=900
    )


@hooks.register("redirect_fallbacks")
def moved_kern_location(request):
    """A URL under a moved kern's old address goes to the same place under its new one."""
    return new_location(request)
