"""Two-step login (django-otp): required for superusers and the Communicatie group, optional
for other editors, and not to be walked around."""

import re
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from security import twofactor

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
ENROL = "/admin/tweestaps/instellen/"
VERIFY = "/admin/tweestaps/code/"
WRONG = "Deze code klopt niet"


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def comms_user(make_user, municipality):
    return make_user("communicatie", Group.objects.get(name="Communicatie"))


@pytest.fixture
def admin_user(make_user, municipality):
    return make_user("beheerder", is_superuser=True, is_staff=True)


def code_for(device) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return str(value).zfill(device.digits)


def with_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def log_in(client, user, url="/admin/login/"):
    response = client.post(url, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content
    return response


def test_who_needs_the_second_step(comms_user, admin_user, beesd_editor, make_user):
    assert twofactor.is_required(comms_user)
    assert twofactor.is_required(admin_user)
    assert not twofactor.is_required(beesd_editor)
    other = make_user("zaltbommel", Group.objects.create(name="Communicatie (Zaltbommel)"))
    assert twofactor.is_required(other)
    assert not twofactor.is_required(make_user("x", Group.objects.create(name="Communicatiefan")))


def test_a_required_user_without_a_device_is_sent_to_enrolment(client, comms_user):
    log_in(client, comms_user)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next=%2Fadmin%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Inloggen in twee stappen instellen" in html
    assert "<svg" in html
    assert twofactor.secret_for_typing(TOTPDevice.objects.get(user=comms_user)) in html


def test_enrolment_refuses_a_wrong_code_and_accepts_the_app_code(client, admin_user):
    log_in(client, admin_user)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=admin_user, confirmed=False)
    wrong = str((int(code_for(device)) + 1) % 1_000_000).zfill(6)

    refused = client.post(ENROL, {"code": wrong, "next": "/admin/"})

    assert refused.status_code == 400
    assert WRONG in refused.content.decode()
    assert client.get("/admin/").status_code == 302

    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(minutes=1)
    )
    accepted = client.post(ENROL, {"code": code_for(device), "next": "/admin/"})

    assert accepted.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", accepted.content.decode())
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_a_required_user_with_a_device_must_type_a_code(client, comms_user):
    device = with_app(comms_user)
    log_in(client, comms_user)

    response = client.get("/admin/pages/")
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"

    refused = client.post(VERIFY, {"code": "000000", "next": "/admin/pages/"})
    assert refused.status_code == 400
    assert WRONG in refused.content.decode()
    assert client.get("/admin/pages/").status_code == 302

    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    accepted = client.post(VERIFY, {"code": code_for(device), "next": "/admin/pages/"})

    assert accepted.status_code == 302
    assert accepted["Location"] == "/admin/pages/"
    followed = client.get("/admin/pages/", follow=True)
    assert followed.status_code == 200
    assert not any(url.startswith(VERIFY) for url, _status in followed.redirect_chain)


def test_an_empty_code_gets_a_dutch_message(client, comms_user):
    with_app(comms_user)
    log_in(client, comms_user)

    response = client.post(VERIFY, {"code": ""})

    assert response.status_code == 400
    assert "Vul de code in." in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/pages/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
        "/admin/account/",
        "/django-admin/",
        "/mijn-account/",
        "/",
    ],
)
def test_no_url_walks_around_the_second_step(client, admin_user, beesd, path):
    with_app(admin_user)
    log_in(client, admin_user)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_a_post_to_the_admin_before_the_code_changes_nothing(client, admin_user, beesd):
    with_app(admin_user)
    log_in(client, admin_user)

    response = client.post(f"/admin/pages/{beesd.pk}/edit/", {"title": "Gekaapt"})

    assert response.status_code == 302
    assert response["Location"] == VERIFY
    beesd.refresh_from_db()
    assert beesd.title == "Beesd"


def test_a_kern_editor_reaches_the_admin_with_a_password_only(client, beesd_editor):
    log_in(client, beesd_editor)

    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/", follow=True).status_code == 200


def test_an_editor_who_set_up_an_app_is_asked_for_it(client, beesd_editor):
    with_app(beesd_editor)
    log_in(client, beesd_editor)

    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_the_site_login_leads_to_the_second_step_too(client, comms_user):
    with_app(comms_user)
    response = log_in(client, comms_user, url="/inloggen/")

    assert client.get(response["Location"])["Location"].startswith(VERIFY)


def test_a_backup_code_works_once(client, comms_user):
    with_app(comms_user)
    code = twofactor.new_backup_codes(comms_user)[0]
    log_in(client, comms_user)

    assert client.post(VERIFY, {"code": code}).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(token=code).exists()


def test_a_new_device_cannot_be_added_with_the_password_alone(client, comms_user):
    with_app(comms_user)
    log_in(client, comms_user)

    response = client.get(ENROL)

    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=comms_user).count() == 1


def test_logging_out_stays_possible_before_the_code(client, comms_user):
    with_app(comms_user)
    log_in(client, comms_user)

    response = client.post("/admin/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_code_page_sends_nobody_to_another_site(client, comms_user):
    device = with_app(comms_user)
    log_in(client, comms_user)

    response = client.post(VERIFY, {"code": code_for(device), "next": "https://example.com/"})

    assert response["Location"] == "/admin/"


def test_an_administrator_resets_a_lost_device(client, comms_user):
    with_app(comms_user)
    twofactor.new_backup_codes(comms_user)

    call_command("reset_two_factor", "communicatie")

    log_in(client, comms_user)
    assert client.get("/admin/")["Location"].startswith(ENROL)


def test_without_the_setting_nobody_is_asked(client, settings, admin_user):
    settings.TWO_FACTOR_REQUIRED = False
    log_in(client, admin_user)

    assert client.get("/admin/").status_code == 200


def test_the_two_step_pages_load_their_admin_script(client, comms_user):
    """The code pages use the admin's look; its translation script must stay reachable."""
    log_in(client, comms_user)

    response = client.get("/admin/jsi18n/")

    assert response.status_code == 200
    assert "javascript" in response["Content-Type"]
