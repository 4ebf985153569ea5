"""Background work of the dossiers: the e-mail that confirms a signup."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import override

from django_tasks import task


@task()
def send_signup_link(email: str, url: str | None, login_url: str) -> None:
    """The link that makes the account; or, when the address has one already, the login."""
    context = {
        "url": url,
        "login_url": login_url,
        "valid_hours": settings.DOSSIER_SIGNUP_LINK_MAX_AGE // 3600,
    }
    with override(settings.LANGUAGE_CODE):
        subject = render_to_string("emails/dossier_signup_subject.txt", context).strip()
        body = render_to_string("emails/dossier_signup.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
