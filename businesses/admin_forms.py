"""The admin's form of a business: its place must lie inside the municipality of the kern it
is added to (the model alone does not know its parent before it is saved)."""

from wagtail.admin.forms import WagtailAdminPageForm

from businesses.queries import municipality_bounds
from businesses.validators import place_errors


class BusinessAdminForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        parent = getattr(self, "parent_page", None)
        if parent is not None:
            errors = place_errors(
                cleaned_data.get("latitude"),
                cleaned_data.get("longitude"),
                municipality_bounds(parent),
            )
            for field, message in errors.items():
                self.add_error(field, message)
        return cleaned_data
