from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("security_enrol"),
        "label": _("Set up two-step login"),
        "help_text": _(
            "Log in with a code from an app on your phone as well as your password. "
            "Setting it up again replaces your old app and backup codes."
        ),
    }
