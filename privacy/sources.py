"""The personal data of the portal's shared parts: what people sent through the form builder
(klankbordgroep), the arguments of finished background tasks (e-mail addresses, form contents),
and e-mail links that have not been used yet. Registered in ``privacy/wagtail_hooks.py``."""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.models import FormSubmission

from django_tasks_db.models import DBTaskResult

from privacy.emaillinks import purge_expired
from privacy.models import EmailLink
from privacy.registry import AddressSource, Retention, iso


def _submissions_of(email):
    if not email:
        return []
    return [
        submission
        for submission in FormSubmission.objects.select_related("page").order_by("submit_time")
        if any(str(value).strip().lower() == email for value in submission.form_data.values())
    ]


def _export_submissions(email) -> list[dict]:
    return [
        {
            "form": submission.page.title,
            "sent_at": iso(submission.submit_time),
            **submission.form_data,
        }
        for submission in _submissions_of(email)
    ]


def _erase_submissions(email) -> None:
    FormSubmission.objects.filter(pk__in=[s.pk for s in _submissions_of(email)]).delete()


def _purge_submissions(before) -> int:
    return FormSubmission.objects.filter(submit_time__lt=before).delete()[0]


def _purge_task_results(before) -> int:
    return DBTaskResult.objects.filter(finished_at__lt=before).delete()[0]


def _email_links(email):
    return EmailLink.objects.filter(email__iexact=email) if email else EmailLink.objects.none()


def _export_email_links(email) -> list[dict]:
    return [
        {"for": link.purpose, "sent_at": iso(link.created_at), "expires_at": iso(link.expires_at)}
        for link in _email_links(email).order_by("created_at")
    ]


def _erase_email_links(email) -> None:
    _email_links(email).delete()


def privacy_data() -> list:
    return [
        AddressSource(
            "form_submissions", _("Forms you sent"), _export_submissions, _erase_submissions
        ),
        AddressSource(
            "email_links", _("Links we e-mailed you"), _export_email_links, _erase_email_links
        ),
    ]


def retention_rules() -> list[Retention]:
    return [
        Retention("form_submissions", "PRIVACY_FORM_SUBMISSIONS_DAYS", _purge_submissions),
        Retention("finished_tasks", "PRIVACY_TASK_RESULTS_DAYS", _purge_task_results),
        Retention("email_links", "PRIVACY_EMAIL_LINKS_DAYS", purge_expired),
    ]
