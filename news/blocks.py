"""StreamField blocks of the news pages, beside the common paragraph and quote (``home.blocks``).
Each has an icon, a template and a preview."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from home.blocks import ParagraphBlock, QuoteBlock

PARAGRAPH_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/blocks/image_block.html"
        preview_value = {"alt_text": "De kerk aan de Linge", "caption": "De kerk in de zomer"}


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Link text"), max_length=150)
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Or a web address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            from django.forms.utils import ErrorList

            from wagtail.blocks.struct_block import StructBlockValidationError

            message = _("Choose a page or fill in a web address (one of the two).")
            raise StructBlockValidationError(block_errors={"url": ErrorList([message])})
        return value


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=150)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("List of links")
        template = "components/streamfield/blocks/link_list_block.html"
        preview_value = {
            "heading": "Meer weten",
            "links": [{"title": "Gemeente West Betuwe", "url": "https://www.westbetuwe.nl/"}],
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=150,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "components/streamfield/blocks/document_link_block.html"
        preview_value = {"title": "Verslag van de dorpsavond (pdf)"}


class NewsBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock(features=PARAGRAPH_FEATURES)
    image = ImageBlock()
    quote = QuoteBlock()
    link_list = LinkListBlock()
    document = DocumentLinkBlock()
