from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from kernen.models import AreaBroker
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
