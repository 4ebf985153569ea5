"""The common StreamField blocks: a heading, a paragraph and a quote. Every StreamField of the
portal builds on these (the information pages here, news in ``news.blocks``, an action point's
description in ``agenda.blocks``). Each has an icon, a template and a preview."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

#: What a paragraph may hold unless its StreamField says otherwise.
PARAGRAPH_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=120, **kwargs)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/blocks/heading_block.html"
        preview_value = "Wat we hebben getest"


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text; ``features`` (the rich text editor's buttons) default to
    ``PARAGRAPH_FEATURES``."""

    def __init__(self, features=None, **kwargs):
        super().__init__(features=features or PARAGRAPH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "components/streamfield/blocks/paragraph_block.html"
        preview_value = "<p>Samen met de buurt maken we een plan voor het dorpsplein.</p>"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/streamfield/blocks/quote_block.html"
        preview_value = {
            "quote": "Eindelijk kunnen de kinderen weer veilig naar school fietsen.",
            "attribution": "Een bewoner",
        }


class InformationBodyBlock(blocks.StreamBlock):
    """The text of an information page (accessibility and privacy statements)."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
