"""Activities: a section per kern, the activities in it, and an overview of all kernen."""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from events.constants import LOCAL_TZ
from home.locales import synchronised
from home.pages import BasePage, IndexPage, PageImage

# isort: split
# Last: the views (through events.ical) read LOCAL_TZ from this module while it loads.
from events import queries, views


class EventIndexPage(RoutablePageMixin, IndexPage):
    """``/<kern>/activiteiten/``: the kern's coming activities, and an archive of past ones."""

    parent_page_types = ["kernen.KernPage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    template = "pages/event_index_page.html"

    class Meta:
        verbose_name = _("activities of a kern")
        verbose_name_plural = _("activities of kernen")

    @property
    def events(self):
        return queries.live_events().descendant_of(self)

    @property
    def kern(self):
        return self.get_parent()

    @path("")
    def upcoming_view(self, request):
        return views.event_index(request, self, archive=False)

    @path("archief/", name="archive")
    def archive_view(self, request):
        return views.event_index(request, self, archive=True)


class EventPage(RoutablePageMixin, PageImage, BasePage):
    """One activity in a kern, with optional registration on the site."""

    #: Anonymous visitors post its form without a CSRF token, from this site only
    #: (security.csrf): its page holds no token, so the page cache can keep it.
    public_form = True

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("The activity lasts whole days; the times are left out."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences, shown in listings and calendars."),
    )
    description = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ul", "ol"]
    )
    location = models.CharField(_("location"), max_length=255, help_text=_("Address or place."))
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    organiser = models.CharField(_("organiser"), max_length=150, blank=True)
    cost = models.CharField(
        _("cost"), max_length=100, blank=True, help_text=_("For example: free, or € 5 per person.")
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Where people register, if that happens on another website."),
    )
    registration_enabled = models.BooleanField(
        _("registration on this site"),
        default=False,
        help_text=_("Residents register on the activity's page with their name and e-mail."),
    )
    max_places = models.PositiveIntegerField(
        _("maximum number of places"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty for no maximum. When full, new registrations join a waiting list."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("When"),
        ),
        FieldPanel("summary"),
        FieldPanel("description"),
        PageImage.image_panel,
        MultiFieldPanel(
            [
                FieldPanel("location"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        FieldRowPanel([FieldPanel("organiser"), FieldPanel("cost")]),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldPanel("max_places"),
                FieldPanel("registration_url"),
            ],
            heading=_("Registration"),
        ),
    ]

    # What is not text follows the Dutch page in every translation (docs/i18n.md).
    override_translatable_fields = synchronised(
        "start",
        "end",
        "all_day",
        "latitude",
        "longitude",
        "registration_url",
        "registration_enabled",
        "max_places",
        "image",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("location"),
        index.SearchField("organiser"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("all_day"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    template = "pages/event_page.html"

    # Page cache (pagecache/): also on /activiteiten/.
    cache_purges = ("overview:events",)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        # The listings walk the coming activities in this order and stop after a page: without
        # it PostgreSQL read every page of the site first (docs/bench.md, run of 2026-12-06).
        indexes = [models.Index(fields=["start", "page_ptr"], name="events_start_order")]

    def clean(self):
        super().clean()
        if self.start is None or self.end is None:
            return
        if self.all_day:
            # Whole days in the Netherlands, whatever time was typed.
            first_day = timezone.localtime(self.start, LOCAL_TZ).date()
            last_day = timezone.localtime(self.end, LOCAL_TZ).date()
            self.start = datetime.combine(first_day, time.min, LOCAL_TZ)
            self.end = datetime.combine(last_day, time(23, 59), LOCAL_TZ)
        errors = self.image_errors()
        if self.end < self.start:
            errors["end"] = _("The end must not be before the start.")
        if self.registration_enabled and self.registration_url:
            errors["registration_url"] = _(
                "Choose one: registration on this site, or a link to another website."
            )
        if self.max_places is not None and not self.registration_enabled:
            errors["max_places"] = _("A maximum only counts with registration on this site.")
        if self.max_places == 0:
            errors["max_places"] = _("Give at least one place, or leave it empty.")
        if errors:
            raise ValidationError(errors)

    @property
    def listing_summary(self) -> str:
        if self.summary:
            return self.summary
        return Truncator(strip_tags(self.description)).words(30)

    @property
    def listing_date(self):
        return timezone.localtime(self.start, LOCAL_TZ).date()

    @property
    def local_start(self):
        return timezone.localtime(self.start, LOCAL_TZ)

    @property
    def local_end(self):
        return timezone.localtime(self.end, LOCAL_TZ)

    @property
    def is_multi_day(self) -> bool:
        return self.local_start.date() != self.local_end.date()

    @property
    def has_ended(self) -> bool:
        return self.end < timezone.now()

    @property
    def kern_index(self):
        return self.get_parent()

    @path("")
    def detail_view(self, request):
        return views.event_detail(request, self)

    @path("aanmelden/", name="register")
    def register_view(self, request):
        return views.register(request, self)

    @path("aangemeld/", name="registered")
    def registered_view(self, request):
        return views.registered(request, self)

    @path("afmelden/<str:token>/", name="cancel")
    def cancel_view(self, request, token):
        return views.cancel(request, self, token)

    @path("ical/", name="ical")
    def ical_view(self, request):
        return views.event_calendar(request, self)


class EventOverviewPage(RoutablePageMixin, IndexPage):
    """``/activiteiten/``: the activities of every kern of the municipality, filterable."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    template = "pages/event_overview_page.html"

    # Page cache (pagecache/): shows the activities of every kern.
    cache_reads = ("overview:events",)

    class Meta:
        verbose_name = _("activities of all kernen")
        verbose_name_plural = _("activities of all kernen")

    @path("")
    def overview_view(self, request):
        return views.event_overview(request, self)
