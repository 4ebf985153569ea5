"""Registrations for activities (AVG): a name and an e-mail address, kept until some weeks
after the activity (``PRIVACY_EVENT_REGISTRATIONS_DAYS``), and the address holder's to
download or delete. See docs/privacy.md."""

from django.utils.translation import gettext_lazy as _

from events.models import Registration
from privacy.registry import AddressSource, Retention, iso


def _registrations(email):
    if not email:
        return Registration.objects.none()
    return Registration.objects.filter(email__iexact=email).select_related("event")


def export(email) -> list[dict]:
    return [
        {
            "activity": registration.event.title,
            "starts_at": iso(registration.event.start),
            "name": registration.name,
            "email": registration.email,
            "status": registration.status,
            "registered_at": iso(registration.created_at),
        }
        for registration in _registrations(email).order_by("created_at")
    ]


def erase(email) -> None:
    _registrations(email).delete()


def purge(before) -> int:
    return Registration.objects.filter(event__end__lt=before).delete()[0]


def privacy_data() -> list[AddressSource]:
    return [AddressSource("event_registrations", _("Registrations for activities"), export, erase)]


def retention_rules() -> list[Retention]:
    return [Retention("event_registrations", "PRIVACY_EVENT_REGISTRATIONS_DAYS", purge)]
