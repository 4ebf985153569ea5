"""Background work of the privacy app."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import override

from django_tasks import task

from privacy.registry import purge


@task()
def purge_personal_data() -> dict[str, int]:
    """Delete personal data past its retention period (daily, from cron or a worker)."""
    return purge()


@task()
def send_mydata_link(email: str, url: str | None, valid_hours: int, ask_url: str) -> None:
    """The e-mail of "mijn gegevens" (privacy/mydata.py): the link, or that we hold nothing."""
    context = {"url": url, "valid_hours": valid_hours, "ask_url": ask_url}
    with override(settings.LANGUAGE_CODE):
        subject = render_to_string("emails/mydata_link_subject.txt", context).strip()
        body = render_to_string("emails/mydata_link.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
