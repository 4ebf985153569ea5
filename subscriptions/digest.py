"""Digests and urgent notices.

Exactly once per person, also after a crash: for each subscriber, one transaction locks their
row, records every page it is about to send (``Delivery``) and moves their ``digest_until``,
then sends the e-mail *inside* that transaction. If sending fails, the transaction rolls back
and the next run sends that digest again; if it succeeds, the commit makes the next run skip
what was sent. A run that crashes half-way therefore leaves the subscribers before the crash
done and the others untouched.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.models import Page

from kernen.models import KernPage
from subscriptions import emails
from subscriptions.constants import Kind
from subscriptions.models import Delivery, Subscriber
from subscriptions.sources import DigestItem, Source, sources

STEPLEN = Page.steplen


def collect(kern_ids, kinds, since: datetime, until: datetime) -> list[DigestItem]:
    """Every item of ``kinds`` for ``kern_ids`` first published in ``[since, until)``, grouped
    by kind (in the order of ``Kind``) and oldest first within a kind."""
    items: dict[int, DigestItem] = {}
    for source in sources():
        if source.kind in kinds:
            for item in source.fetch(kern_ids, since, until):
                items.setdefault(item.page.pk, item)
    order = {kind: position for position, kind in enumerate(Kind.values)}
    return sorted(items.values(), key=lambda item: (order[item.kind], item.published_at))


def base_url_for(subscriber_kernen) -> str:
    """The root URL of the site the subscriber's kernen belong to."""
    for kern in subscriber_kernen:
        _site_id, root_url, _path = kern.get_url_parts()
        if root_url:
            return root_url
    return settings.WAGTAILADMIN_BASE_URL


def email_context(subscriber: Subscriber, kernen, items: list[DigestItem], base_url: str):
    names = {kern.pk: kern.title for kern in kernen}
    groups = []
    for kind in Kind:
        entries = [
            {
                "title": item.page.title,
                "url": item.page.get_full_url(),
                "summary": item.summary,
                "date": item.date,
                "kernen": ", ".join(sorted(names[kid] for kid in item.kern_ids if kid in names)),
                "all_kernen": item.all_kernen,
            }
            for item in items
            if item.kind == kind
        ]
        if entries:
            groups.append({"label": kind.label, "items": entries})
    return {
        "groups": groups,
        "kernen": sorted(names.values()),
        "kinds": subscriber.kind_labels,
        "subscribe_url": base_url.rstrip("/") + reverse("subscriptions:subscribe"),
    }


def send_digest(subscriber_id: int, until: datetime) -> int:
    """Send one subscriber what is new for them before ``until``; return the number of items."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_id).first()
        if subscriber is None or subscriber.digest_until >= until:
            return 0  # unsubscribed meanwhile, or already done by this or a later run
        # Look back a little: a page published just before the last run but committed after it
        # is caught now. The deliveries keep it from being sent twice.
        since = max(
            subscriber.digest_until - timedelta(seconds=settings.SUBSCRIPTIONS_DIGEST_OVERLAP),
            subscriber.confirmed_at,
        )
        kernen = list(subscriber.kernen.all())
        items = collect([kern.pk for kern in kernen], subscriber.kinds, since, until)
        sent_before = set(
            Delivery.objects.filter(
                subscriber=subscriber, page_id__in=[item.page.pk for item in items]
            ).values_list("page_id", flat=True)
        )
        items = [item for item in items if item.page.pk not in sent_before]

        subscriber.digest_until = until
        subscriber.save(update_fields=["digest_until"])
        if not items:
            return 0
        Delivery.objects.bulk_create(
            [Delivery(subscriber=subscriber, page=item.page) for item in items]
        )
        base_url = base_url_for(kernen)
        subject = ngettext(
            "New for %(kernen)s: %(count)d item", "New for %(kernen)s: %(count)d items", len(items)
        ) % {"kernen": ", ".join(sorted(kern.title for kern in kernen)), "count": len(items)}
        emails.send(
            subscriber.email,
            subject,
            "digest",
            email_context(subscriber, kernen, items, base_url),
            base_url,
            subscriber.pk,
        )
        return len(items)


def send_digests(until: datetime | None = None) -> int:
    """Send every confirmed subscriber their digest; return how many e-mails went out."""
    until = until or timezone.now()
    subscriber_ids = Subscriber.objects.order_by("pk").values_list("pk", flat=True)
    return sum(1 for pk in list(subscriber_ids) if send_digest(pk, until))


def item_for(source: Source, page: Page) -> DigestItem | None:
    """The digest item ``source`` makes of ``page``, with the kernen it concerns."""
    home_path = page.path[: 2 * STEPLEN]  # the municipality's home page is at depth 2
    kern_ids = KernPage.objects.live().filter(path__startswith=home_path).values_list("pk")
    published = page.first_published_at
    if published is None:
        return None
    window_end = published + timedelta(microseconds=1)
    items = source.fetch([pk for (pk,) in kern_ids], published, window_end)
    return next((item for item in items if item.page.pk == page.pk), None)


def send_urgent(page_id: int, source: Source) -> int:
    """E-mail an urgent page at once to each subscriber of its kernen who wants its kind and
    did not get it yet; return the number of e-mails sent."""
    page = Page.objects.filter(pk=page_id).specific().first()
    item = page and item_for(source, page)
    if item is None:
        return 0  # unpublished, made private or deleted before the task ran
    sent = 0
    for candidate in Subscriber.objects.wanting(item.kind, item.kern_ids):
        with transaction.atomic():
            subscriber = Subscriber.objects.select_for_update().filter(pk=candidate.pk).first()
            if (
                subscriber is None
                or Delivery.objects.filter(subscriber=subscriber, page_id=page.pk).exists()
            ):
                continue
            Delivery.objects.create(subscriber=subscriber, page=page)
            kernen = list(candidate.kernen.all())  # prefetched by wanting()
            base_url = base_url_for(kernen)
            context = email_context(subscriber, kernen, [item], base_url)
            context["item"] = context["groups"][0]["items"][0]
            emails.send(
                subscriber.email,
                _("Urgent: %(title)s") % {"title": page.title},
                "urgent",
                context,
                base_url,
                subscriber.pk,
            )
            sent += 1
    return sent
