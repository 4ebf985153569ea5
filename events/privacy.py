"""Registrations for activities (AVG): a name and an e-mail address, kept until some weeks
after the activity (``PRIVACY_EVENT_REGISTRATIONS_DAYS``), and the holder's to download or
delete. See docs/privacy.md."""

from home.privacy import iso, register_data, register_retention


def _registrations(user):
    from events.models import Registration

    if not user.email:
        return Registration.objects.none()
    return Registration.objects.filter(email__iexact=user.email).select_related("event")


def export(user) -> list[dict]:
    return [
        {
            "activity": registration.event.title,
            "starts_at": iso(registration.event.start),
            "name": registration.name,
            "email": registration.email,
            "status": registration.status,
            "registered_at": iso(registration.created_at),
        }
        for registration in _registrations(user).order_by("created_at")
    ]


def erase(user) -> None:
    _registrations(user).delete()


def purge(before) -> int:
    from events.models import Registration

    return Registration.objects.filter(event__end__lt=before).delete()[0]


register_data("event_registrations", export, erase)
register_retention("event_registrations", "PRIVACY_EVENT_REGISTRATIONS_DAYS", purge)
