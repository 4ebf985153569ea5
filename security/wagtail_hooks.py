from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import BaseViewRestriction


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


@hooks.register("before_serve_document", order=-1)
def refuse_logged_in_outsiders(document, request):
    """A document in a collection for some groups only (a board's documents): Wagtail sends
    everyone the restriction refuses to the login page, and the login page sends someone who
    is already logged in straight back, in a loop. A logged-in outsider gets a 403."""
    if not request.user.is_authenticated:
        return None
    for restriction in document.collection.get_view_restrictions():
        if restriction.restriction_type == BaseViewRestriction.PASSWORD:
            continue
        if not restriction.accept_request(request):
            raise PermissionDenied
    return None


@hooks.register("after_bulk_action")
def unpublish_moved_images(request, action_type, objects, action_class_instance):
    """The image listing's "Add to collection" moves images with one UPDATE, without the save
    signal that removes their public copies (``security.signals``)."""
    if action_type == "add_to_collection" and objects:
        from wagtail.images import get_image_model

        from security import media

        if isinstance(objects[0], get_image_model()):
            media.unpublish([image.pk for image in objects])
