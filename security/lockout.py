"""django-axes: the page it shows to a locked-out login (``AXES_LOCKOUT_CALLABLE``) and the
user name it records (``AXES_USERNAME_CALLABLE``)."""

import math

from django.conf import settings
from django.shortcuts import render

from axes.helpers import get_cool_off


def locked_out(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    return render(
        request,
        "security/locked_out.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


#: Length of django-axes' ``username`` columns (``AccessAttempt``, ``AccessFailureLog``).
USERNAME_COLUMN = 255


def username(request, credentials=None):
    """The user name of a login attempt as django-axes stores and looks it up: what was typed,
    cut to its column. Our login forms refuse longer names first, but Django's admin login
    (``/django-admin/``) does not, and PostgreSQL refuses to store a longer one (a 500)."""
    form_field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")
    source = credentials if credentials else getattr(request, "data", request.POST)
    name = source.get(form_field)
    return name[:USERNAME_COLUMN] if isinstance(name, str) else name
