from django import forms
from django.utils.translation import gettext_lazy as _

from kernen.models import KernPage
from news.constants import NoticeStatus
from news.queries import notices_for_kern, public_kernen, with_status


class NoticeFilterForm(forms.Form):
    """Filters of /werkzaamheden/: by kern and by status, server-side (no JavaScript)."""

    kern = forms.ModelChoiceField(
        label=_("Kern"),
        queryset=KernPage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All kernen"),
        error_messages={"invalid_choice": _("This kern does not exist. Choose one from the list.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Every status")), *NoticeStatus.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a status from the list.")},
    )

    def __init__(self, *args, home_path, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kern"].queryset = public_kernen(
            KernPage.objects.live()
            .filter(path__startswith=home_path)
            .only("title", "slug", "translation_key")
        ).order_by("title")

    def filter(self, notices):
        kern = self.cleaned_data.get("kern")
        if kern is not None:
            notices = notices.filter(pk__in=notices_for_kern(kern).values("pk"))
        status = self.cleaned_data.get("status")
        if status:
            notices = with_status(notices).filter(derived_status=status)
        return notices
