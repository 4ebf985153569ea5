"""The bases of every page type of the portal: ``BasePage`` for all of them, ``IndexPage`` for
the sections and overviews that open with an introduction and list what lies below them.

Both are abstract: they add no table and no column of their own; ``intro`` is a column of each
index page's own table, as it was when every page type declared it itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page

from home.locales import LanguageAliasesMixin


class BasePage(LanguageAliasesMixin, Page):
    """A page of the portal: the language aliases' restriction check (``home.locales``), and
    what listings, feeds, digests and search results show of it.

    A page type names the fields that hold its summary and its date in
    ``listing_summary_field`` and ``listing_date_field``. One that names none has no
    ``listing_summary`` or ``listing_date`` (reading them raises ``AttributeError``), so those
    who show it fall back to their own default, such as the search's publication date."""

    #: The field with the one or two sentences a listing shows.
    listing_summary_field: str | None = None
    #: The date field a listing shows; ``""``: the page shows in listings without a date.
    listing_date_field: str | None = None

    class Meta:
        abstract = True

    @property
    def listing_summary(self):
        if self.listing_summary_field is None:
            raise AttributeError(f"{type(self).__name__} names no listing_summary_field")
        return getattr(self, self.listing_summary_field)

    @property
    def listing_date(self):
        if self.listing_date_field is None:
            raise AttributeError(f"{type(self).__name__} names no listing_date_field")
        return getattr(self, self.listing_date_field) if self.listing_date_field else None


class IndexPage(BasePage):
    """A section or overview: an introduction above the list of what lies below it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True


class PageImage(models.Model):
    """An optional image of a page with its alternative text, required with an image (news
    items, activities). ``image_panel`` goes in the page type's ``content_panels``; its
    ``clean()`` adds ``image_errors()`` to its own."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternative text of the image"),
        max_length=250,
        blank=True,
        help_text=_("Required with an image: describe what it shows for who cannot see it."),
    )

    image_panel = MultiFieldPanel(
        [FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")])], heading=_("Image")
    )

    class Meta:
        abstract = True

    def image_errors(self) -> dict:
        if self.image_id and not self.image_alt.strip():
            return {"image_alt": _("Describe the image: people who cannot see it read this text.")}
        return {}
