"""Keep group membership in step with memberships and with the kernen's gebiedsmakelaars."""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published

from kernen.models import AreaBroker, KernPage
from members import services
from members.models import Membership, Organisation, ProjectPage


def membership_saved(sender, instance, **kwargs):
    instance.user.groups.add(instance.workspace.member_group_id)


def membership_deleted(sender, instance, **kwargs):
    instance.user.groups.remove(instance.workspace.member_group_id)


def organisation_deleted(sender, instance, **kwargs):
    services.delete_organisation_group(instance)


def kern_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        services.sync_area_broker(instance)


def broker_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for kern in KernPage.objects.filter(area_broker=instance):
        services.sync_area_broker(kern)


def project_published(sender, instance, **kwargs):
    services.ensure_project_workspace(instance)


def connect():
    post_save.connect(membership_saved, sender=Membership, dispatch_uid="members_membership")
    post_delete.connect(membership_deleted, sender=Membership, dispatch_uid="members_removed")
    post_delete.connect(
        organisation_deleted, sender=Organisation, dispatch_uid="members_organisation"
    )
    post_save.connect(kern_saved, sender=KernPage, dispatch_uid="members_kern_broker")
    post_save.connect(broker_saved, sender=AreaBroker, dispatch_uid="members_broker")
    page_published.connect(project_published, sender=ProjectPage, dispatch_uid="members_project")
