"""StreamField blocks of an action point's description."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "components/streamfield/blocks/agenda_paragraph.html"
        label = _("Paragraph")
        preview_value = "<p>Samen met de buurt maken we een plan voor het dorpsplein.</p>"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    author = blocks.CharBlock(label=_("Who said it"), required=False)

    class Meta:
        icon = "openquote"
        template = "components/streamfield/blocks/agenda_quote.html"
        label = _("Quote")
        preview_value = {"text": "Eindelijk een veilige oversteek bij school.", "author": "Ouder"}


class DescriptionBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock(features=["h3", "bold", "italic", "link", "ul", "ol"])
    quote = QuoteBlock()
