"""The admin's list of a form page's submissions, with its CSV export made safe to open in a
spreadsheet (``security.csvsafe``)."""

from wagtail.contrib.forms.views import SubmissionsListView as WagtailSubmissionsListView

from security.csvsafe import SafeSpreadsheetExportMixin


class SubmissionsListView(SafeSpreadsheetExportMixin, WagtailSubmissionsListView):
    pass
