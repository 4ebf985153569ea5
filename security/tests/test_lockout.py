"""Login lock-out (django-axes) on the site login and the admin login, and the password rules."""

from datetime import timedelta

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import F

import pytest
from axes.models import AccessAttempt

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
LOCKED = "Te veel inlogpogingen"


@pytest.fixture(autouse=True)
def lockout(settings, municipality):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


@pytest.fixture
def lid(make_user):
    return make_user("lid-beesd")


@pytest.fixture
def ander(make_user):
    return make_user("lid-heukelum")


def log_in(client, username, password, address, url="/inloggen/", **headers):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def fail(client, username, address, times, url="/inloggen/", **headers):
    for _ in range(times):
        response = log_in(client, username, "fout-wachtwoord", address, url, **headers)
    return response


def test_an_account_is_locked_after_repeated_failures_from_any_address(client, lid):
    first = log_in(client, "lid-beesd", "fout-wachtwoord", "198.51.100.1")
    assert first.status_code == 200  # the form again, with Django's Dutch error

    response = fail(client, "lid-beesd", "198.51.100.1", 2)

    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html
    assert "15 minuten" in html
    directives = response.headers["Content-Security-Policy"].split("; ")
    assert "script-src 'self'" in directives
    # The right password from another address does not get in either.
    response = log_in(client, "lid-beesd", PASSWORD, "203.0.113.9")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_another_account_from_another_address_is_not_affected(client, lid, ander):
    fail(client, "lid-beesd", "198.51.100.1", 3)

    response = log_in(client, "lid-heukelum", PASSWORD, "203.0.113.9")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(ander.pk)


def test_an_address_is_locked_after_failures_on_several_accounts(client, lid, ander):
    fail(client, "iemand", "198.51.100.7", 1)
    fail(client, "nog-iemand", "198.51.100.7", 1)
    fail(client, "lid-beesd", "198.51.100.7", 1)

    from_there = log_in(client, "lid-heukelum", PASSWORD, "198.51.100.7")
    assert from_there.status_code == 429

    from_elsewhere = log_in(client, "lid-heukelum", PASSWORD, "203.0.113.9")
    assert from_elsewhere.status_code == 302


def test_the_address_comes_from_the_proxy_when_it_is_trusted(client, settings, ander):
    settings.TRUST_X_FORWARDED_FOR = True
    for name in ("a", "b", "c"):
        fail(client, name, "10.0.0.1", 1, HTTP_X_FORWARDED_FOR="198.51.100.7")

    same = log_in(client, "lid-heukelum", PASSWORD, "10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert same.status_code == 429

    other = log_in(client, "lid-heukelum", PASSWORD, "10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert other.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}


def test_the_admin_login_is_locked_too(client, lid):
    fail(client, "lid-beesd", "198.51.100.1", 3, url="/admin/login/")

    response = log_in(client, "lid-beesd", PASSWORD, "203.0.113.9", url="/admin/login/")

    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_a_lock_ends_after_the_cool_off(client, lid):
    fail(client, "lid-beesd", "198.51.100.1", 3)
    assert log_in(client, "lid-beesd", PASSWORD, "203.0.113.9").status_code == 429

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))

    assert log_in(client, "lid-beesd", PASSWORD, "203.0.113.9").status_code == 302


def test_an_administrator_lifts_a_lock_with_axes_reset_username(client, lid):
    fail(client, "lid-beesd", "198.51.100.1", 3)

    call_command("axes_reset_username", "lid-beesd")

    assert log_in(client, "lid-beesd", PASSWORD, "203.0.113.9").status_code == 302


def test_a_lock_without_cool_off_asks_for_an_administrator(client, settings, lid):
    settings.AXES_COOLOFF_TIME = None
    fail(client, "lid-beesd", "198.51.100.1", 3)

    response = log_in(client, "lid-beesd", PASSWORD, "203.0.113.9")

    assert response.status_code == 429
    assert "beheerder" in response.content.decode()


def test_passwords_need_twelve_characters_with_a_dutch_message():
    with pytest.raises(ValidationError) as error:
        validate_password("kort-maar-1")

    assert error.value.messages == ["Dit wachtwoord is te kort: gebruik minstens 12 tekens."]
    validate_password("een-lange-zin-als-wachtwoord")
