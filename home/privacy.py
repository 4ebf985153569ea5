"""Personal data (AVG): one registry for what every app stores about a person.

Each app says, in its own ``privacy.py`` (found by ``autodiscover`` when the site starts, as
Wagtail finds ``wagtail_hooks``):

- ``register_data(key, export, erase)``: what it holds about an account holder (``export``
  returns JSON-ready data; ``erase`` removes it when the account is deleted), so the account
  page can offer a download and a deletion without the member app importing every other app;
- ``register_address_data(key, label, export, erase)``: what it holds under an e-mail address alone
  (subscriptions, registrations, sign-ups, form submissions), for "mijn gegevens" of people
  without an account (``home/mydata.py``) and, by the account's address, for account holders;
- ``register_retention(key, setting, purge)``: what it deletes after a period in settings
  (``purge(cutoff)`` deletes what is older than the cutoff and returns how many rows).

``purge_personal_data`` (a django-tasks task, and the management command of the same name for
cron) runs every retention rule. docs/privacy.md is the register of what is stored and why.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from django_tasks import task


@dataclass(frozen=True)
class DataSource:
    key: str
    export: Callable  # (user) -> JSON-ready list or dict
    erase: Callable | None  # (user) -> None; None: deleting the user is enough


@dataclass(frozen=True)
class Retention:
    key: str
    setting: str  # name of the setting with the period in days
    purge: Callable  # (cutoff: datetime) -> number of rows deleted


@dataclass(frozen=True)
class AddressSource:
    key: str
    label: str  # what it is, for the "mijn gegevens" page
    export: Callable  # (email) -> JSON-ready list or dict, empty when nothing is held
    erase: Callable  # (email) -> None


_data: dict[str, DataSource] = {}
_address_data: dict[str, AddressSource] = {}
_retention: dict[str, Retention] = {}


def register_data(key: str, export: Callable, erase: Callable | None = None) -> None:
    _data[key] = DataSource(key, export, erase)


def register_address_data(key: str, label, export: Callable, erase: Callable) -> None:
    _address_data[key] = AddressSource(key, label, export, erase)


def register_retention(key: str, setting: str, purge: Callable) -> None:
    _retention[key] = Retention(key, setting, purge)


def autodiscover() -> None:
    autodiscover_modules("privacy")


def data_sources() -> list[DataSource]:
    return list(_data.values())


def address_sources() -> list[AddressSource]:
    return list(_address_data.values())


def retention_rules() -> list[Retention]:
    return list(_retention.values())


def normalise(email: str | None) -> str:
    return (email or "").strip().lower()


def export_address_data(email: str) -> dict:
    """Everything the portal holds under ``email`` alone, by source (empty ones included)."""
    email = normalise(email)
    return {source.key: source.export(email) for source in _address_data.values()}


def erase_address_data(email: str) -> None:
    email = normalise(email)
    if email:
        for source in _address_data.values():
            source.erase(email)


def holds_something(data) -> bool:
    """Whether an export holds a record: a non-empty list, or a dict with one somewhere."""
    if isinstance(data, dict):
        return any(holds_something(value) for value in data.values())
    return bool(data)


def export_user_data(user) -> dict:
    """Everything the portal holds about ``user``, by source, ready for ``json.dumps``: what
    is theirs as an account holder and what is stored under the account's address."""
    return {
        **{source.key: source.export(user) for source in _data.values()},
        **export_address_data(user.email),
    }


def erase_user_data(user) -> None:
    """Remove what the sources keep under the user's e-mail address, before the user goes."""
    for source in _data.values():
        if source.erase is not None:
            source.erase(user)
    erase_address_data(user.email)


def cutoff(setting: str, now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=getattr(settings, setting))


def purge(now: datetime | None = None) -> dict[str, int]:
    """Run every retention rule; return the number of rows deleted per rule."""
    return {rule.key: rule.purge(cutoff(rule.setting, now)) for rule in _retention.values()}


@task()
def purge_personal_data() -> dict[str, int]:
    """Delete personal data past its retention period (daily, from cron or a worker)."""
    return purge()


def iso(moment) -> str | None:
    return moment.isoformat() if moment else None


# The home app's own personal data: what people sent through the form builder (klankbordgroep),
# the arguments of finished background tasks (e-mail addresses, form contents), and e-mail
# links that have not been used yet.


def _submissions_of(email):
    from wagtail.contrib.forms.models import FormSubmission

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
    from wagtail.contrib.forms.models import FormSubmission

    FormSubmission.objects.filter(pk__in=[s.pk for s in _submissions_of(email)]).delete()


def _purge_submissions(before) -> int:
    from wagtail.contrib.forms.models import FormSubmission

    return FormSubmission.objects.filter(submit_time__lt=before).delete()[0]


def _purge_task_results(before) -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(finished_at__lt=before).delete()[0]


def _email_links(email):
    from home.models import EmailLink

    return EmailLink.objects.filter(email__iexact=email) if email else EmailLink.objects.none()


def _export_email_links(email) -> list[dict]:
    return [
        {"for": link.purpose, "sent_at": iso(link.created_at), "expires_at": iso(link.expires_at)}
        for link in _email_links(email).order_by("created_at")
    ]


def _erase_email_links(email) -> None:
    _email_links(email).delete()


def _purge_email_links(before) -> int:
    from home.emaillinks import purge_expired

    return purge_expired(before)


register_address_data(
    "form_submissions", _("Forms you sent"), _export_submissions, _erase_submissions
)
register_address_data(
    "email_links", _("Links we e-mailed you"), _export_email_links, _erase_email_links
)
register_retention("form_submissions", "PRIVACY_FORM_SUBMISSIONS_DAYS", _purge_submissions)
register_retention("finished_tasks", "PRIVACY_TASK_RESULTS_DAYS", _purge_task_results)
register_retention("email_links", "PRIVACY_EMAIL_LINKS_DAYS", _purge_email_links)
