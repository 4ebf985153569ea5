"""The admin's form of an action point."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class ActionPointForm(WagtailAdminPageForm):
    """The editor of an action point. Its status field is the one truth; a progress update
    added in this edit with a new status sets it, unless the editor changed the status to
    something else at the same time (then the editor is asked to choose)."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("updates")
        if formset is None or not formset.is_valid():
            return cleaned_data
        added = [
            (form.cleaned_data["date"], position, form.cleaned_data["new_status"])
            for position, form in enumerate(formset.forms)
            if form.instance.pk is None
            and form.has_changed()
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("new_status")
        ]
        if not added:
            return cleaned_data
        _date, _position, new_status = max(added)
        if "status" not in self.changed_data:
            cleaned_data["status"] = new_status
        elif cleaned_data.get("status") != new_status:
            self.add_error(
                "status",
                _(
                    "You changed the status and added a progress update with another status. "
                    "Choose one: they must be the same."
                ),
            )
        return cleaned_data
