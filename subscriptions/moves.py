"""Hook ``kern_moved`` (kernen/herindeling): subscribers keep their subscriptions (they point at
the kern page, which keeps its id) and get one e-mail that their kern moved — one per
subscriber for the whole move or merge, naming every kern of theirs that moved."""

from functools import partial

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from subscriptions import emails, tasks
from subscriptions.digest import base_url_for
from subscriptions.models import Subscriber

#: The key of this move's subscribers in the report's ``shared``: {subscriber id: [kern ids]}.
PENDING = "subscriptions.moved"


def notify_subscribers(kern, old_home, new_home, report, dry_run) -> None:
    ids = list(Subscriber.objects.filter(kernen=kern).values_list("pk", flat=True))
    report.add(
        "subscribers",
        ngettext(
            "%(count)d subscriber of %(kern)s keeps the subscription and gets one e-mail",
            "%(count)d subscribers of %(kern)s keep their subscription and get one e-mail",
            len(ids),
        )
        % {"count": len(ids), "kern": kern.title},
    )
    if dry_run or not ids:
        return
    pending = report.shared.get(PENDING)
    if pending is None:
        pending = report.shared[PENDING] = {}
        transaction.on_commit(partial(enqueue, pending))
    for pk in ids:
        pending.setdefault(pk, []).append(kern.pk)


def enqueue(pending: dict) -> None:
    for subscriber_id, kern_ids in pending.items():
        tasks.send_kern_moved.enqueue(subscriber_id, kern_ids)


def send_kern_moved(subscriber_id: int, kern_ids: list[int]) -> bool:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return False  # unsubscribed in between
    kernen = [kern for kern in subscriber.kernen.all() if kern.pk in kern_ids]
    if not kernen:
        return False
    moved = [
        {
            "title": kern.title,
            "municipality": kern.get_parent().specific.municipality_name,
            "url": kern.get_full_url(),
        }
        for kern in kernen
    ]
    base_url = base_url_for(kernen)
    emails.send(
        subscriber.email,
        _("Your kern moved: %(kernen)s") % {"kernen": ", ".join(k["title"] for k in moved)},
        "subscription_kern_moved",
        {"moved": moved},
        base_url,
        subscriber.pk,
    )
    return True
