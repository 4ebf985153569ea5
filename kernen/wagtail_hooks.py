from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kernen.models import AreaBroker


class AreaBrokerViewSet(SnippetViewSet):
    model = AreaBroker
    icon = "user"
    menu_label = _("Area brokers")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "email", "phone"]
    search_fields = ["name", "email"]


register_snippet(AreaBrokerViewSet)
