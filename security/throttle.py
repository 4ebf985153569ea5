"""Limits on what an attacker could repeat without an account: asking for password reset
e-mails. (Page password guesses are limited in ``home.views``, searches in ``search.views``,
logins by django-axes; all but axes count in ``home.ratelimit``.)"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

from home.ratelimit import client_address, hit, too_many


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
