"""StreamField blocks of an action point's description: the common paragraph and quote
(``home.blocks``)."""

from wagtail import blocks

from home.blocks import ParagraphBlock, QuoteBlock

__all__ = ["DescriptionBlock", "ParagraphBlock", "QuoteBlock"]


class DescriptionBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock(features=["h3", "bold", "italic", "link", "ul", "ol"])
    quote = QuoteBlock()
