"""The security app's views: the second login step (confirm a code, or set up an
authenticator app first), and Django's "forgot your password" form with rate limits."""

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from security import twofactor
from security.forms import CodeForm
from security.ratelimit import client_address, hit, too_many


def next_url(request) -> str:
    url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


@never_cache
@login_required(login_url=settings.WAGTAIL_FRONTEND_LOGIN_URL)
def verify(request):
    """Ask for a code from one of the user's devices (app or backup code)."""
    if not twofactor.has_device(request.user):
        return redirect(f"{reverse('security_enrol')}?{request.GET.urlencode()}")
    if request.user.is_verified():
        return redirect(next_url(request))
    form = CodeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        return redirect(next_url(request))
    status = 400 if form.errors else 200
    return render(
        request,
        "security/verify.html",
        {"form": form, "next": next_url(request)},
        status=status,
    )


@never_cache
@login_required(login_url=settings.WAGTAIL_FRONTEND_LOGIN_URL)
def enrol(request):
    """Set up an authenticator app: scan the QR code, type the code it shows. A user who
    already has a device must confirm a code first; then this replaces their app."""
    user = request.user
    if twofactor.has_device(user) and not user.is_verified():
        return redirect(f"{reverse('security_verify')}?{request.GET.urlencode()}")
    device = twofactor.pending_app_device(user)
    form = CodeForm(request.POST or None, user=user, device=device)
    if request.method == "POST" and form.is_valid():
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        codes = twofactor.new_backup_codes(user)
        return render(
            request,
            "security/backup_codes.html",
            {"codes": codes, "next": next_url(request)},
        )
    return render(
        request,
        "security/enrol.html",
        {
            "form": form,
            "next": next_url(request),
            "qr_svg": twofactor.qr_svg(device),
            "secret": twofactor.secret_for_typing(device),
            "required": twofactor.is_required(user),
        },
        status=400 if form.errors else 200,
    )


class PasswordResetView(auth_views.PasswordResetView):
    """Django's "forgot your password" form, with two limits per ``PASSWORD_RESET_RATE_WINDOW``:

    - per visitor's address, ``PASSWORD_RESET_RATE_LIMIT`` requests; then a Dutch 429 page
      (it says nothing about any account);
    - per e-mail address, ``PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT`` e-mails; further requests
      send nothing and get the same "check your e-mail" page as always, known address or not,
      so nobody can flood a member's mailbox or learn whether an address has an account.
    """

    def post(self, request, *args, **kwargs):
        window = settings.PASSWORD_RESET_RATE_WINDOW
        key = f"password-reset:client:{client_address(request)}"
        if not hit(key, settings.PASSWORD_RESET_RATE_LIMIT, window):
            return too_many(
                request,
                _("Too many attempts"),
                _("You have asked for a new password too often. Please try again in an hour."),
                window,
            )
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        key = f"password-reset:email:{email}"
        limit = settings.PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT
        if not hit(key, limit, settings.PASSWORD_RESET_RATE_WINDOW):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
