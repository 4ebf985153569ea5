"""Background work (django-tasks): immediate in development and tests, the database backend
with ``manage.py db_worker`` in production. Arguments are plain JSON values."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from django_tasks import task

from subscriptions import digest, emails, moves
from subscriptions.constants import Kind
from subscriptions.models import Subscriber
from subscriptions.sources import get_source


@task()
def send_confirmation(email: str, kern_names: list[str], kinds: list[str], confirm_url: str,
                      base_url: str) -> None:  # fmt: skip
    emails.send(
        email,
        _("Confirm your subscription to Kernenportaal"),
        "subscription_confirm",
        {
            "kernen": kern_names,
            "kinds": [str(Kind(kind).label) for kind in Kind.values if kind in kinds],
            "confirm_url": confirm_url,
            "valid_hours": settings.SUBSCRIPTIONS_CONFIRM_MAX_AGE // 3600,
        },
        base_url,
        # Someone who is subscribed already can also unsubscribe from this e-mail.
        Subscriber.objects.filter(email=email).values_list("pk", flat=True).first(),
    )


@task()
def send_digests() -> int:
    """What cron's ``manage.py send_digests`` does, for a scheduler that queues tasks."""
    return digest.send_digests()


@task()
def send_urgent(page_id: int, source_name: str) -> int:
    source = get_source(source_name)
    return digest.send_urgent(page_id, source) if source else 0


@task()
def send_kern_moved(subscriber_id: int, kern_ids: list[int]) -> bool:
    """One e-mail to a subscriber whose kernen moved to another municipality (herindeling)."""
    return moves.send_kern_moved(subscriber_id, kern_ids)
