"""The account holder's own data (AVG): download everything as JSON, or delete the account.

What the portal holds comes from every app's ``privacy.py`` through ``privacy.registry``.
Deleting asks for the password; messages the person wrote in boards stay, shown as "voormalig lid"
(their author becomes empty), and everything stored under their e-mail address goes.
"""

import json

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from privacy.registry import erase_user_data, export_user_data


@never_cache
@require_GET
@login_required
def download(request):
    user = request.user
    data = {"exported_at": timezone.now().isoformat(), **export_user_data(user)}
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"mijn-gegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                gettext_lazy("This is not your password. Your account has not been deleted."),
                code="wrong_password",
            )
        return password


@never_cache
@login_required
def delete(request):
    user = request.user
    if user.is_superuser:
        # A site administrator keeps the site running; another administrator removes them.
        return TemplateResponse(
            request, "members/account_delete.html", {"refused": True}, status=403
        )
    form = DeleteAccountForm(user=user)
    if request.method == "POST":
        form = DeleteAccountForm(request.POST, user=user)
        if form.is_valid():
            with transaction.atomic():
                erase_user_data(user)
                user.delete()
            logout(request)
            return TemplateResponse(request, "members/account_delete.html", {"deleted": True})
    return TemplateResponse(
        request,
        "members/account_delete.html",
        {"form": form, "download_url": reverse("members_account_data")},
        status=400 if form.errors else 200,
    )
