"""Local businesses: a section per kern, the businesses in it, and an overview of all kernen.

A business is a page: search, the sitemap, the kern redactie's page permissions, the page cache
and the audit log come with it. A business that registers itself is a draft page until the kern
redactie publishes it (docs/businesses.md)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from businesses.admin_forms import BusinessAdminForm
from businesses.constants import Kind
from businesses.validators import place_errors, validate_plain_text, validate_website
from home.locales import synchronised
from home.pages import BasePage, IndexPage

# isort: split
# Last: the views take their data from businesses.queries, which imports these models lazily.
from businesses import queries, views


class BusinessIndexPage(RoutablePageMixin, IndexPage):
    """``/<kern>/bedrijven/``: the kern's businesses, and the form to register one."""

    #: Anonymous visitors post its form without a CSRF token, from this site only.
    public_form = True

    parent_page_types = ["kernen.KernPage"]
    subpage_types = ["businesses.BusinessPage"]
    max_count_per_parent = 1

    template = "pages/business_index_page.html"

    class Meta:
        verbose_name = _("businesses of a kern")
        verbose_name_plural = _("businesses of kernen")

    @property
    def businesses(self):
        return queries.live_businesses().descendant_of(self)

    @path("")
    def index_view(self, request):
        return views.business_index(request, self)

    @path("aanmelden/", name="register")
    def register_view(self, request):
        return views.register(request, self)

    @path("bevestigen/<str:token>/", name="confirm")
    def confirm_view(self, request, token):
        return views.confirm(request, self, token)


class BusinessPage(RoutablePageMixin, BasePage):
    """One business in a kern: what it is, where, when it is open and how to reach it."""

    public_form = True

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SHOP)
    summary = models.TextField(
        _("short text"),
        max_length=500,
        validators=[validate_plain_text],
        help_text=_("What the business does, in one to three sentences."),
    )
    address = models.CharField(
        _("address"), max_length=200, blank=True, validators=[validate_plain_text]
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    opening_hours = models.TextField(
        _("opening hours"),
        max_length=500,
        blank=True,
        validators=[validate_plain_text],
        help_text=_("For example: Mon–Fri 8:00–18:00, Sat 8:00–16:00."),
    )
    website = models.URLField(_("website"), blank=True, validators=[validate_website])
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(
        _("e-mail address for changes"),
        blank=True,
        help_text=_("Not shown. The business gets its links to change or remove the entry here."),
    )
    email_confirmed = models.BooleanField(
        _("e-mail address confirmed"),
        default=True,
        help_text=_("A business that registered itself is shown for review once it confirmed."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("opening_hours"),
        FieldPanel("website"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("email_confirmed")],
            heading=_("Registration"),
        ),
    ]

    override_translatable_fields = synchronised(
        "kind", "latitude", "longitude", "website", "logo", "contact_email", "email_confirmed"
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("address"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["businesses.BusinessIndexPage"]
    subpage_types = []

    template = "pages/business_page.html"
    base_form_class = BusinessAdminForm

    listing_summary_field = "summary"
    listing_date_field = ""

    # Page cache (pagecache/): also on /bedrijven/.
    cache_purges = ("overview:businesses",)

    class Meta:
        verbose_name = _("business")
        verbose_name_plural = _("businesses")

    def clean(self):
        super().clean()
        if not self.address.strip() and (self.latitude is None or self.longitude is None):
            raise ValidationError(
                {
                    "address": _(
                        "Fill in an address, or a place on the map (latitude and longitude)."
                    )
                }
            )
        # Inside the municipality: checked by the forms, which know the parent (admin_forms).
        errors = place_errors(self.latitude, self.longitude, bounds=None)
        if errors:
            raise ValidationError(errors)

    @path("")
    def detail_view(self, request):
        return views.business_detail(request, self)

    @path("wijzigen/", name="manage_request")
    def manage_request_view(self, request):
        return views.manage_request(request, self)

    @path("wijzigen/<str:token>/", name="manage")
    def manage_view(self, request, token):
        return views.manage(request, self, token)


class BusinessOverviewPage(RoutablePageMixin, IndexPage):
    """``/bedrijven/``: the businesses of every kern of the municipality, filterable."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    template = "pages/business_overview_page.html"

    cache_reads = ("overview:businesses",)

    class Meta:
        verbose_name = _("businesses of all kernen")
        verbose_name_plural = _("businesses of all kernen")

    @path("")
    def overview_view(self, request):
        return views.business_overview(request, self)
