"""CSV cells that a spreadsheet program does not run (CSV or formula injection, OWASP).

A resident types their name in a public form; an editor opens the export in Excel or
LibreOffice. A name like ``=HYPERLINK("https://…","klik")`` or ``@SUM(…)`` would be run as a
formula there. Every CSV the portal writes goes through ``safe_cell``: a text cell that starts
with ``= + - @``, a tab or a carriage return gets a ``'`` in front, which the programs show as
plain text (OWASP's advice). Other values (numbers, dates, empty cells) are left alone.

- our own CSV writers (the kernagenda's open data) call ``safe_cell`` or ``safe_row``;
- every CSV export of the admin (Wagtail's ``SpreadsheetExportMixin``: registrations, sign-ups,
  subscriber counts, Wagtail's own reports such as the search terms the public typed) is served
  by ``safe_export_urlpatterns``: the same views with ``SafeSpreadsheetExportMixin``, so an
  export added later is covered without a change here; the form builder's submissions list is
  not a URL of its own, ``home.models.FormPage`` picks the safe view.

XLSX exports are safe already: Wagtail writes every cell that openpyxl takes for a formula as a
string (``SpreadsheetExportMixin.generate_xlsx_row``).
"""

from django.urls import URLPattern, URLResolver, path
from django.urls.resolvers import RoutePattern
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.utils.urlpatterns import decorate_urlpatterns

#: What a spreadsheet program may read as the start of a formula or a DDE command.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` with a leading ``'`` when it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: dict) -> dict:
    return {key: safe_cell(value) for key, value in row.items()}


class SafeSpreadsheetExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin`` (index views, reports, form
    submissions): CSV cells and headings through ``safe_cell``. Put it first in the bases."""

    _writing_csv = False

    def write_csv_response(self, queryset):
        self._writing_csv = True
        return super().write_csv_response(queryset)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value

    def get_heading(self, queryset, field):
        # Headings of form submissions are the labels staff gave the form's fields.
        heading = super().get_heading(queryset, field)
        return safe_cell(heading) if self._writing_csv else heading


_safe_classes: dict[type, type] = {}


def safe_class(view_class):
    """``view_class`` with ``SafeSpreadsheetExportMixin`` in front (one class per view)."""
    if issubclass(view_class, SafeSpreadsheetExportMixin):
        return view_class
    if view_class not in _safe_classes:
        _safe_classes[view_class] = type(
            f"Safe{view_class.__name__}", (SafeSpreadsheetExportMixin, view_class), {}
        )
    return _safe_classes[view_class]


def export_views(urlpatterns, prefix=""):
    """``(route, view class, keyword arguments)`` of every view in ``urlpatterns`` that offers a
    spreadsheet export (Wagtail's ``SpreadsheetExportMixin`` with a ``list_export``)."""
    for pattern in urlpatterns:
        if isinstance(pattern, URLResolver):
            yield from export_views(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            kwargs = getattr(pattern.callback, "view_initkwargs", {})
            if (
                view_class is not None
                and issubclass(view_class, SpreadsheetExportMixin)
                and kwargs.get("list_export", view_class.list_export)
                and isinstance(pattern.pattern, RoutePattern)
            ):
                yield prefix + str(pattern.pattern), view_class, kwargs


def safe_export_urlpatterns(admin_urlpatterns):
    """The admin's export views again, each with ``SafeSpreadsheetExportMixin`` and the
    decorators Wagtail gives its admin views, for ``portal.urls`` to put before Wagtail's own:
    the first match serves the request, and ``reverse`` gives the same URL either way."""
    patterns = [
        path(route, safe_class(view_class).as_view(**kwargs))
        for route, view_class, kwargs in export_views(admin_urlpatterns)
        if not issubclass(view_class, SafeSpreadsheetExportMixin)
    ]
    for decorator in (require_admin_access, display_custom_404, never_cache):
        patterns = decorate_urlpatterns(patterns, decorator)
    return patterns
