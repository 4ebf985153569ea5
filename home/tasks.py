"""Background work of the home app."""

from django.core.mail import send_mail

from django_tasks import task


@task()
def send_form_email(subject: str, body: str, to: list[str], from_address: str) -> None:
    """Send a form submission to the addresses set on its form page."""
    send_mail(subject, body, from_address, to)


@task()
def purge_frontend_cache(urls: list[str]) -> None:
    """Tell the CDN in front to forget ``urls`` (wagtail.contrib.frontend_cache)."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls)
