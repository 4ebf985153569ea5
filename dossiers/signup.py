"""A resident's own account, for a dossier: no board membership needed.

``/mijn-dossier/aanmelden/`` asks for an e-mail address, a name and a password (the portal's
password rules). Nothing is stored yet: an e-mail link (``privacy.emaillinks``, valid
``DOSSIER_SIGNUP_LINK_MAX_AGE``) holds the address, the name and the password's hash. The page
after sending says the same whether the address has an account or not; the e-mail to a known
address says so and points at the login. The IP address and the address are rate limited
(``security.ratelimit``). The link opens a page with a button (a mail scanner that follows the
link makes no account); the click makes the account, logs in and opens the dossiers.
"""

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from dossiers import services, tasks
from dossiers.forms import SignupForm
from privacy import emaillinks
from security.ratelimit import client_address, hit, too_many

PURPOSE = "dossier-signup"
WINDOW = 60 * 60  # seconds of the rate limits


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("dossiers:index")
    form = SignupForm()
    if request.method == "POST":
        limit = settings.DOSSIER_SIGNUP_RATE_LIMIT
        if not hit(f"dossier-signup:ip:{client_address(request)}", limit, WINDOW):
            return too_many(
                request,
                _("Too many attempts"),
                _("You have tried to sign up too often. Please try again in an hour."),
                WINDOW,
            )
        form = SignupForm(request.POST)
        if form.is_valid():
            send_link(request, form)
            return redirect("dossiers:signup_sent")
    return TemplateResponse(
        request, "dossiers/signup.html", {"form": form}, status=400 if form.errors else 200
    )


def send_link(request, form) -> None:
    email = form.cleaned_data["email"]
    if not hit(
        f"dossier-signup:email:{email}", settings.DOSSIER_SIGNUP_RATE_LIMIT_PER_ADDRESS, WINDOW
    ):
        return
    login_url = request.build_absolute_uri(reverse("login"))
    if get_user_model().objects.filter(email__iexact=email).exists():
        url = None
    else:
        token = emaillinks.issue(
            PURPOSE, email, settings.DOSSIER_SIGNUP_LINK_MAX_AGE, form.payload()
        )
        url = request.build_absolute_uri(reverse("dossiers:confirm", args=[token]))
    transaction.on_commit(lambda: tasks.send_signup_link.enqueue(email, url, login_url))


@never_cache
def sent(request):
    return TemplateResponse(request, "dossiers/signup_sent.html", {})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        link = emaillinks.read(PURPOSE, token[:64])
    except emaillinks.InvalidLink:
        return TemplateResponse(request, "dossiers/signup_invalid.html", {}, status=410)
    if request.method == "POST":
        with transaction.atomic():
            user = services.create_account(link.email, link.payload)
            emaillinks.used(link)
        if user is None:
            return redirect("login")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("dossiers:index")
    return TemplateResponse(request, "dossiers/signup_confirm.html", {"email": link.email})
