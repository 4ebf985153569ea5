"""The page django-axes shows to a locked-out login (``AXES_LOCKOUT_CALLABLE``)."""

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
