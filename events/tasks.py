"""E-mail to residents about their registration, sent in the background."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from django_tasks import task

from events.models.registrations import Registration
from events.tokens import make_cancel_token


def subject_for(kind: str, title: str) -> str:
    subjects = {
        "confirmed": _("You are registered for {title}"),
        "waiting": _("You are on the waiting list for {title}"),
        "promoted": _("A place has come free for you: {title}"),
    }
    return subjects[kind].format(title=title)


@task()
def send_registration_mail(registration_pk: int, kind: str) -> None:
    registration = Registration.objects.select_related("event").filter(pk=registration_pk).first()
    if registration is None:
        return
    event = registration.event
    with translation.override(settings.LANGUAGE_CODE):
        event_url = event.get_full_url()
        cancel_path = event.reverse_subpage("cancel", args=[make_cancel_token(registration)])
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "event_url": event_url,
            "cancel_url": f"{event_url}{cancel_path}",
        }
        message = EmailMultiAlternatives(
            subject=subject_for(kind, event.title),
            body=render_to_string("emails/event_registration.txt", context),
            to=[registration.email],
        )
        message.attach_alternative(
            render_to_string("emails/event_registration.html", context), "text/html"
        )
        message.send()
