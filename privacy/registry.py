"""Personal data (AVG): what every app stores about a person, collected with two Wagtail hooks.

Each app says what it stores in its own ``privacy.py`` and registers it in its
``wagtail_hooks.py``:

- ``privacy_data``: a function without arguments that returns a list of
  :class:`DataSource` (what the app holds about an account holder: ``export(user)`` returns
  JSON-ready data, ``erase(user)`` removes it when the account is deleted) and
  :class:`AddressSource` (what it holds under an e-mail address alone: subscriptions,
  registrations, sign-ups, form submissions; ``export(email)`` and ``erase(email)``), so the
  account page (``members/account_data.py``) and "mijn gegevens" for people without an
  account (``privacy/mydata.py``) offer a download and a deletion without importing every app;
- ``retention_rules``: a function without arguments that returns a list of
  :class:`Retention` (what the app deletes after a period in settings: ``purge(cutoff)``
  deletes what is older than the cutoff and returns how many rows).

Sources are used in the order of the hooks (the apps' order in ``INSTALLED_APPS``); a later
source with the same key replaces an earlier one. ``purge_personal_data`` (a django-tasks task
in ``privacy/tasks.py``, and the management command of the same name for cron) runs every
retention rule. docs/privacy.md is the register of what is stored and why.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from wagtail import hooks


@dataclass(frozen=True)
class DataSource:
    key: str
    export: Callable  # (user) -> JSON-ready list or dict
    erase: Callable | None = None  # (user) -> None; None: deleting the user is enough


@dataclass(frozen=True)
class AddressSource:
    key: str
    label: str  # what it is, for the "mijn gegevens" page
    export: Callable  # (email) -> JSON-ready list or dict, empty when nothing is held
    erase: Callable  # (email) -> None


@dataclass(frozen=True)
class Retention:
    key: str
    setting: str  # name of the setting with the period in days
    purge: Callable  # (cutoff: datetime) -> number of rows deleted


def _collect(hook_name: str, kind: type) -> list:
    found = {}
    for declare in hooks.get_hooks(hook_name):
        for item in declare():
            if isinstance(item, kind):
                found[item.key] = item
    return list(found.values())


def data_sources() -> list[DataSource]:
    return _collect("privacy_data", DataSource)


def address_sources() -> list[AddressSource]:
    return _collect("privacy_data", AddressSource)


def retention_rules() -> list[Retention]:
    return _collect("retention_rules", Retention)


def normalise(email: str | None) -> str:
    return (email or "").strip().lower()


def export_address_data(email: str) -> dict:
    """Everything the portal holds under ``email`` alone, by source (empty ones included)."""
    email = normalise(email)
    return {source.key: source.export(email) for source in address_sources()}


def erase_address_data(email: str) -> None:
    email = normalise(email)
    if email:
        for source in address_sources():
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
        **{source.key: source.export(user) for source in data_sources()},
        **export_address_data(user.email),
    }


def erase_user_data(user) -> None:
    """Remove what the sources keep under the user's e-mail address, before the user goes."""
    for source in data_sources():
        if source.erase is not None:
            source.erase(user)
    erase_address_data(user.email)


def cutoff(setting: str, now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=getattr(settings, setting))


def purge(now: datetime | None = None) -> dict[str, int]:
    """Run every retention rule; return the number of rows deleted per rule."""
    return {rule.key: rule.purge(cutoff(rule.setting, now)) for rule in retention_rules()}


def iso(moment) -> str | None:
    return moment.isoformat() if moment else None
