"""Who needs two-factor login, and their devices (django-otp: a TOTP app and backup codes)."""

import io
from base64 import b32encode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q

import qrcode
import qrcode.image.svg
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE_NAME = "Authenticator-app"
BACKUP_DEVICE_NAME = "Reservecodes"


def is_required(user) -> bool:
    """Superusers and members of ``TWO_FACTOR_GROUPS`` (a municipality's own copy, named
    "Communicatie (Zaltbommel)", counts too)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    groups = Q()
    for name in settings.TWO_FACTOR_GROUPS:
        groups |= Q(name=name) | Q(name__startswith=f"{name} (")
    return user.groups.filter(groups).exists()


def needs_code(user) -> bool:
    """True for the users who must confirm a code after their password: the required ones
    (``is_required``) and those who set up a device themselves. One query."""
    if not user.is_active:
        return False
    condition = (
        Q(is_superuser=True) | Q(totpdevice__confirmed=True) | Q(staticdevice__confirmed=True)
    )
    for name in settings.TWO_FACTOR_GROUPS:
        condition |= Q(groups__name=name) | Q(groups__name__startswith=f"{name} (")
    return get_user_model()._default_manager.filter(pk=user.pk).filter(condition).exists()


def has_device(user) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def pending_app_device(user) -> TOTPDevice:
    """The unconfirmed authenticator device of ``user``, made on first use, so that reloading
    the enrolment page keeps the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def qr_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// URL as an inline SVG QR code (no Pillow needed)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def secret_for_typing(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for apps without a camera."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def new_backup_codes(user) -> list[str]:
    """Replace the user's backup codes with ``TWO_FACTOR_BACKUP_CODES`` new ones; each works
    once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.TWO_FACTOR_BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def reset(user) -> int:
    """Remove every two-factor device of ``user``; they enrol again at their next login."""
    count = 0
    for model in (TOTPDevice, StaticDevice):
        devices = model.objects.filter(user=user)
        count += devices.count()
        devices.delete()
    return count
