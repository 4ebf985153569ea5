"""The e-mails we send: Dutch, plain text plus simple HTML, every one with a one-click
unsubscribe link and the ``List-Unsubscribe`` headers of RFC 8058."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from subscriptions.tokens import make_unsubscribe_token


def unsubscribe_url(base_url: str, subscriber_id: int | None) -> str:
    path = reverse("subscriptions:unsubscribe", args=[make_unsubscribe_token(subscriber_id)])
    return base_url.rstrip("/") + path


def send(email: str, subject: str, template: str, context: dict, base_url: str,
         subscriber_id: int | None) -> None:  # fmt: skip
    """Render ``emails/<template>.txt`` and ``.html`` and send them to ``email``."""
    unsubscribe = unsubscribe_url(base_url, subscriber_id)
    context = {**context, "email": email, "unsubscribe_url": unsubscribe, "base_url": base_url}
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
        subject = str(subject)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()
