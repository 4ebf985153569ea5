"""Build many pages fast for volume tests: one bulk INSERT for the page rows and one INSERT per
specific row, with treebeard paths computed here instead of per ``add_child``."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone

from wagtail.models import Locale, Page


def bulk_add_children(parent, instances):
    """Add ``instances`` (unsaved specific pages of one model) as live children of
    ``parent`` and return them."""
    if not instances:
        return []
    model = type(instances[0])
    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    now = timezone.now()
    first = parent.numchild + 1
    for offset, instance in enumerate(instances):
        instance.depth = parent.depth + 1
        instance.path = Page._get_path(parent.path, instance.depth, first + offset)
        instance.url_path = f"{parent.url_path}{instance.slug}/"
        instance.content_type = content_type
        instance.locale = locale
        instance.draft_title = instance.title
        instance.live = True
        instance.first_published_at = instance.last_published_at = now
    base_rows = Page.objects.bulk_create(
        [Page(**{field.attname: getattr(instance, field.attname) for field in Page._meta.concrete_fields if field.attname != "id"}) for instance in instances]  # noqa: E501
    )  # fmt: skip
    for instance, row in zip(instances, base_rows, strict=True):
        instance.page_ptr_id = instance.id = row.pk
        instance.save_base(raw=True)  # the specific table only; the page row exists
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(instances))
    parent.numchild += len(instances)
    return instances
