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


@hooks.register("after_bulk_action")
def unpublish_moved_images(request, action_type, objects, action_class_instance):
    """The image listing's "Add to collection" moves images with one UPDATE, without the save
    signal that removes their public copies (``security.signals``)."""
    if action_type == "add_to_collection" and objects:
        from wagtail.images import get_image_model

        from security import media

        if isinstance(objects[0], get_image_model()):
            media.unpublish([image.pk for image in objects])
