"""The portal settings are read once per site and remembered; a change forgets them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home.models import PortalSettings
from pagecache.invalidation import forget


@receiver(post_save, sender=PortalSettings, dispatch_uid="home.portalsettings.saved")
@receiver(post_delete, sender=PortalSettings, dispatch_uid="home.portalsettings.deleted")
def forget_portal_settings(sender, instance, **kwargs):
    forget(f"portalsettings:{instance.site_id}")
