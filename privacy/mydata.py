""" "Mijn gegevens" for people without an account (AVG articles 15 and 17).

Whoever subscribed, registered for an activity, signed up for an action point or sent a form
gave only an e-mail address. At ``/mijn-gegevens/`` they type it in and get an e-mail: with a
link when we hold something under that address, or saying that we hold nothing. The page says
the same either way, so it never tells anyone whether an address is known; the IP address and
the address are rate limited (``security/ratelimit.py``). The link (an opaque token,
``privacy/emaillinks.py``, valid ``MYDATA_LINK_MAX_AGE``) shows what is held, downloads it as
JSON and deletes it after a confirmation. Only what sits under that address is deleted, from
every app that declared it (``AddressSource`` in its ``privacy_data`` hook); an account is not:
its holder uses ``/mijn-account/``.
"""

import json
from functools import partial, wraps

from django import forms
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from privacy import emaillinks, registry, tasks
from security.honeypot import HoneypotForm
from security.ratelimit import client_address, hit

PURPOSE = "mydata"
WINDOW = 60 * 60  # seconds of the rate limits


class RequestForm(HoneypotForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("This is not a valid e-mail address. Example: naam@voorbeeld.nl"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        return registry.normalise(self.cleaned_data["email"])


def message(request, title, text, status=200, again=False):
    return TemplateResponse(
        request,
        "pages/mydata_message.html",
        {"title": title, "text": text, "again": again},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def ask(request):
    form = RequestForm()
    if request.method == "POST":
        if not hit(f"mydata:ip:{client_address(request)}", settings.MYDATA_RATE_LIMIT, WINDOW):
            return message(
                request,
                _("Too many attempts"),
                _("You have asked for a link too often. Please try again in an hour."),
                status=429,
            )
        form = RequestForm(request.POST)
        if form.is_valid():
            send_link(request, form.cleaned_data["email"])
            return redirect("mydata:sent")
    return TemplateResponse(
        request, "pages/mydata_request.html", {"form": form}, status=400 if form.errors else 200
    )


def send_link(request, email: str) -> None:
    # A few e-mails an hour to one address at most, so nobody floods another's mailbox. The
    # page that follows is the same either way.
    if not hit(f"mydata:email:{email}", settings.MYDATA_RATE_LIMIT_PER_ADDRESS, WINDOW):
        return
    url = None
    if any(registry.holds_something(data) for data in registry.export_address_data(email).values()):
        token = emaillinks.issue(PURPOSE, email, settings.MYDATA_LINK_MAX_AGE)
        url = request.build_absolute_uri(reverse("mydata:overview", args=[token]))
    transaction.on_commit(
        partial(
            tasks.send_mydata_link.enqueue,
            email,
            url,
            settings.MYDATA_LINK_MAX_AGE // 3600,
            request.build_absolute_uri(reverse("mydata:ask")),
        )
    )


def sent(request):
    return message(
        request,
        _("Check your e-mail"),
        _(
            "We have sent an e-mail to the address you gave. If we keep data under that "
            "address, the e-mail has a link to see, download or delete it. The link works for "
            "%(hours)d hours."
        )
        % {"hours": settings.MYDATA_LINK_MAX_AGE // 3600},
    )


def with_link(view):
    """The view gets the ``EmailLink`` of the token (and the token, for its own links); a bad
    or expired one gets a Dutch 400."""

    @wraps(view)
    def wrapper(request, token):
        try:
            link = emaillinks.read(PURPOSE, token)
        except emaillinks.ExpiredLink:
            text = _("This link has expired. Ask for a new one.")
        except emaillinks.InvalidLink:
            text = _(
                "This link does not work. It may have been used to delete your data, or it is "
                "not complete: check that you copied the whole link from the e-mail."
            )
        else:
            return view(request, link, token)
        return message(request, _("This link does not work"), text, status=400, again=True)

    return never_cache(wrapper)


def summary(email: str) -> list[tuple[str, int]]:
    """(what, number of records) of every source that holds something under ``email``."""

    def count(data):
        if isinstance(data, dict):
            return sum(count(value) for value in data.values())
        return len(data) if isinstance(data, list) else int(bool(data))

    data = registry.export_address_data(email)
    return [
        (source.label, count(data[source.key]))
        for source in registry.address_sources()
        if registry.holds_something(data[source.key])
    ]


@require_GET
@with_link
def overview(request, link, token):
    return TemplateResponse(
        request,
        "pages/mydata.html",
        {
            "email": link.email,
            "summary": summary(link.email),
            "download_url": reverse("mydata:download", args=[token]),
            "delete_url": reverse("mydata:delete", args=[token]),
        },
    )


@require_GET
@with_link
def download(request, link, token):
    data = {
        "exported_at": timezone.now().isoformat(),
        "email": link.email,
        **registry.export_address_data(link.email),
    }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"mijn-gegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
@with_link
def delete(request, link, token):
    if request.method == "POST":
        with transaction.atomic():
            registry.erase_address_data(link.email)  # the link itself goes with it
        return message(
            request,
            _("Your data have been deleted"),
            _(
                "We have deleted everything we kept under %(email)s: subscriptions, "
                "registrations, sign-ups and forms. You will get no more e-mail from us, "
                "unless you sign up again."
            )
            % {"email": link.email},
        )
    return TemplateResponse(
        request,
        "pages/mydata_delete.html",
        {
            "email": link.email,
            "summary": summary(link.email),
            "overview_url": reverse("mydata:overview", args=[token]),
        },
    )


app_name = "mydata"
urlpatterns = [
    path("", ask, name="ask"),
    path("verstuurd/", sent, name="sent"),
    path("<str:token>/", overview, name="overview"),
    path("<str:token>/mijn-gegevens.json", download, name="download"),
    path("<str:token>/verwijderen/", delete, name="delete"),
]
