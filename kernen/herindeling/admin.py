"""The admin's Herindeling page (Instellingen → Herindeling), for superusers only: choose a
kern and its new municipality (or a municipality to merge), see the dry run, confirm."""

from django import forms
from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.locales import default_locale
from home.models import HomePage
from kernen.herindeling.merge import merge_municipality
from kernen.herindeling.move import move_kern
from kernen.herindeling.report import HerindelingRefused
from kernen.models import KernPage

MOVE, MERGE = "move", "merge"


class MunicipalityChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.municipality_name


class KernChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.get_parent().specific.municipality_name})"


class HerindelingForm(forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("What"),
        choices=[
            (MOVE, gettext_lazy("Move a kern to another municipality")),
            (MERGE, gettext_lazy("Merge a municipality into another")),
        ],
    )
    kern = KernChoice(
        label=gettext_lazy("Kern (to move)"), queryset=KernPage.objects.none(), required=False
    )
    source = MunicipalityChoice(
        label=gettext_lazy("Municipality (to merge)"),
        queryset=HomePage.objects.none(),
        required=False,
    )
    target = MunicipalityChoice(
        label=gettext_lazy("Into municipality"), queryset=HomePage.objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = default_locale()
        self.fields["kern"].queryset = KernPage.objects.filter(locale=locale).order_by("title")
        homes = HomePage.objects.filter(locale=locale).order_by("municipality_name")
        self.fields["source"].queryset = homes
        self.fields["target"].queryset = homes

    def clean(self):
        data = super().clean()
        if data.get("action") == MOVE and not data.get("kern"):
            self.add_error("kern", _("Choose the kern to move."))
        if data.get("action") == MERGE and not data.get("source"):
            self.add_error("source", _("Choose the municipality to merge."))
        return data

    def run(self, *, dry_run: bool):
        data = self.cleaned_data
        if data["action"] == MOVE:
            return move_kern(data["kern"], data["target"], dry_run=dry_run)
        return merge_municipality(data["source"], data["target"], dry_run=dry_run)


def herindeling(request):
    if not request.user.is_superuser:
        # A response, not PermissionDenied: Wagtail's admin turns that into a redirect.
        return HttpResponseForbidden(_("Only superusers may move kernen and merge municipalities."))
    confirm = request.method == "POST"
    data = request.POST if confirm else (request.GET if "target" in request.GET else None)
    form = HerindelingForm(data)
    context = {"form": form, "report": None, "refused": None}
    status = 200
    if data is not None and form.is_valid():
        try:
            report = form.run(dry_run=not confirm)
        except HerindelingRefused as refused:
            context["refused"] = refused.messages
            status = 409
        else:
            if confirm:
                messages.success(request, _("The herindeling is done."))
                return redirect("kernen_herindeling")
            context["report"] = report
    elif data is not None:
        status = 400
    return TemplateResponse(request, "kernen/admin/herindeling.html", context, status=status)
