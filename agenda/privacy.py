""" "Doe mee" sign-ups and "ik doe mee" with a joint purchase (AVG): name, e-mail and what the
resident offers, kept for ``PRIVACY_SIGNUPS_DAYS``; the address holder's to download or delete. See
docs/privacy.md."""

from django.utils.translation import gettext_lazy as _

from agenda.models import Interest, SignUp
from privacy.registry import AddressSource, Retention, iso


def _of(model, email):
    if not email:
        return model.objects.none()
    return model.objects.filter(email__iexact=email).select_related("action_point", "kern")


def export(email) -> dict:
    return {
        "sign_ups": [
            {
                "action_point": signup.action_point.title,
                "name": signup.name,
                "email": signup.email,
                "kern": signup.kern.title if signup.kern else None,
                "contribution": signup.contribution,
                "may_be_contacted": signup.consent,
                "signed_up_at": iso(signup.created_at),
            }
            for signup in _of(SignUp, email).order_by("created_at")
        ],
        "joint_purchases": [
            {
                "action_point": interest.action_point.title,
                "who": interest.kind,
                "name": interest.name,
                "email": interest.email,
                "kern": interest.kern.title if interest.kern else None,
                "registered_at": iso(interest.created_at),
            }
            for interest in _of(Interest, email).order_by("created_at")
        ],
    }


def erase(email) -> None:
    _of(SignUp, email).delete()
    _of(Interest, email).delete()


def purge(before) -> int:
    return (
        SignUp.objects.filter(created_at__lt=before).delete()[0]
        + Interest.objects.filter(created_at__lt=before).delete()[0]
    )


def privacy_data() -> list[AddressSource]:
    return [
        AddressSource("action_point_sign_ups", _('"Doe mee" and joint purchases'), export, erase)
    ]


def retention_rules() -> list[Retention]:
    return [Retention("action_point_sign_ups", "PRIVACY_SIGNUPS_DAYS", purge)]
