"""What makes cached pages stale: publishing, unpublishing, moving and deleting pages, view
restrictions, edited images, and saved or deleted instances of the models the other apps
declare (``pagecache/rules.py``)."""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache import invalidation
from pagecache.tags import all_site_tags, site_tag


def invalidate_on_change(model, tags_for, on_create=True) -> None:
    """Invalidate ``tags_for(instance)`` whenever an instance of ``model`` is saved or deleted.

    For models whose content public pages show (snippets, settings, registrations).
    ``on_create=False`` for models whose new, empty instances show nothing (site settings,
    which Wagtail creates on the first page view).
    """

    def handler(sender, instance, created=False, **kwargs):
        if kwargs.get("raw") or (created and not on_create):
            return
        invalidation.invalidate(*tags_for(instance))

    post_save.connect(handler, sender=model, weak=False, dispatch_uid=f"pagecache-{model}")
    post_delete.connect(handler, sender=model, weak=False, dispatch_uid=f"pagecache-d-{model}")


def _page_changed(sender, instance, **kwargs):
    invalidation.invalidate_page(instance)


def _page_saving(sender, instance, update_fields=None, raw=False, **kwargs):
    """Before a full save (a publish) of a page whose purge tags depend on its content, purge
    what its stored version showed: the kernen a notice targeted before it was changed."""
    if raw or update_fields is not None or instance.pk is None:
        return
    if getattr(type(instance), "cache_related_tags", None) is None:
        return
    stored = type(instance).objects.filter(pk=instance.pk, live=True).first()
    if stored is not None:
        invalidation.invalidate(*stored.cache_related_tags())


def _page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    tags = {site_tag(instance.path)}
    for parent in (parent_page_before, parent_page_after):
        if parent is not None:
            tags.add(site_tag(parent.path) if parent.depth > 1 else site_tag(instance.path))
    invalidation.invalidate(*tags)


def _page_deleted(sender, instance, **kwargs):
    # Every page of the municipality reads its site tag: that covers whatever showed the page.
    if isinstance(instance, Page) and instance.path:
        invalidation.invalidate(site_tag(instance.path))


def _image_changed(sender, instance, created=False, update_fields=None, **kwargs):
    # An edited image (title, focal point, file) may show on any page. Wagtail saves an
    # image with update_fields when it only notes its file size or hash: that changes
    # nothing on a page.
    if not created and update_fields is None and not kwargs.get("raw"):
        invalidation.invalidate(*all_site_tags())


def connect() -> None:
    page_published.connect(_page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="pagecache-moved")
    pre_delete.connect(_page_deleted, dispatch_uid="pagecache-deleted")
    pre_save.connect(_page_saving, dispatch_uid="pagecache-saving")
    # A view restriction added to a cached page must take it out at once.
    invalidate_on_change(PageViewRestriction, lambda restriction: {site_tag(restriction.page.path)})
    post_save.connect(_image_changed, sender=get_image_model(), dispatch_uid="pagecache-image")
