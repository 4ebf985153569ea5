"""Keep an action point's kern in step with the tree when it is moved."""

from django.dispatch import receiver

from wagtail.signals import post_page_move

from agenda.models import ActionPointPage


@receiver(post_page_move)
def update_kern_of_moved_points(sender, instance, **kwargs):
    if not issubclass(sender, ActionPointPage):
        return
    point = ActionPointPage.objects.get(pk=instance.pk)
    kern = point.kern_from_tree()
    if kern and kern.pk != point.kern_id:
        ActionPointPage.objects.filter(pk=point.pk).update(kern=kern)
