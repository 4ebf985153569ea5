"""Background work of the home app."""

from django.core.mail import send_mail

from django_tasks import task


@task()
def send_form_email(subject: str, body: str, to: list[str], from_address: str) -> None:
    """Send a form submission to the addresses set on its form page."""
    send_mail(subject, body, from_address, to)
