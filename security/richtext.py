"""The admin's rich text editor: Wagtail's Draftail, except that text it cannot read is a 400.

Draftail posts a field's content as JSON (Draft.js "contentstate"). Anything else posted by
a script (``not json``, a list, a number) made Wagtail's converter raise while the form was
read, and the admin answered 500. The editor in the browser never sends it, so there is no
field to show an error next to: Django answers ``BadRequest`` with ``templates/400.html`` and
nothing is saved. ``WAGTAILADMIN_RICH_TEXT_EDITORS`` makes this the editor of every rich text
field and every rich text block.
"""

from django.core.exceptions import BadRequest

from wagtail.admin.rich_text import DraftailRichTextArea


class RichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, AttributeError, KeyError) as error:
            raise BadRequest(f"The rich text of {name!r} is not Draftail's JSON.") from error
