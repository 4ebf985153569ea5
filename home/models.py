from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.panels import panels_for


class HomePage(Page):
    """The portal of one municipality: the root page of its Wagtail Site.

    Its children are the kernen and the municipality-wide sections. Which page types those are
    is declared by the children (``parent_page_types = ["home.HomePage"]``), so an app that adds
    a section does not have to be imported here.
    """

    municipality_name = models.CharField(_("municipality name"), max_length=100)
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short welcome shown at the top of the portal."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("municipality_name"),
        FieldPanel("intro"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("municipality home page")
        verbose_name_plural = _("municipality home pages")

    def __str__(self):
        return self.municipality_name or self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["panels"] = panels_for(self, request)
        return context


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Contact details of the municipality, shown in every page's footer."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    website = models.URLField(_("municipality website"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        )
    ]

    class Meta:
        verbose_name = _("portal settings")
