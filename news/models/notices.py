"""Work notices ("werkzaamheden") of the municipality, targeted at one, several or all kernen."""

import re
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.pages import BasePage, IndexPage
from home.pagination import paginate, query_without_page
from news import queries
from news.constants import NOTICES_PER_PAGE, Impact, NoticeStatus
from news.widgets import LocalLeafletPanel
from pagecache.tags import branch_tag

#: How wagtailgeowidget stores a point without GeoDjango: "SRID=4326;POINT(lng lat)".
POINT_PATTERN = re.compile(
    r"^SRID=4326;POINT\s?\((?P<lng>-?\d{1,3}(?:\.\d+)?) (?P<lat>-?\d{1,2}(?:\.\d+)?)\)$"
)


def parse_point(value):
    """(latitude, longitude) as Decimals from a stored point, or None."""
    match = POINT_PATTERN.match(value or "")
    if not match:
        return None
    try:
        lat, lng = Decimal(match["lat"]), Decimal(match["lng"])
    except InvalidOperation:
        return None
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        return None
    return lat, lng


def make_point(latitude, longitude):
    return f"SRID=4326;POINT({longitude} {latitude})"


class WorkNoticeIndexPage(IndexPage):
    """All work notices of the municipality, at /werkzaamheden/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.WorkNoticePage"]
    max_count_per_parent = 1

    template = "pages/work_notice_index_page.html"

    listing_summary_field = "intro"
    listing_date_field = ""

    class Meta:
        verbose_name = _("work notices index")
        verbose_name_plural = _("work notices indexes")

    def get_context(self, request, *args, **kwargs):
        from news.forms import NoticeFilterForm

        context = super().get_context(request, *args, **kwargs)
        home_path = self.path[: self.steplen * (self.depth - 1)]
        form = NoticeFilterForm(request.GET or None, home_path=home_path)
        notices = queries.notice_listing(queries.public_notices().descendant_of(self))
        if form.is_bound and form.is_valid():
            notices = form.filter(notices)
        elif form.is_bound:
            context["filter_invalid"] = True
        context["filter_form"] = form
        context["filter_query"] = query_without_page(request)
        context["notices"] = paginate(request, notices, NOTICES_PER_PAGE)
        context["map_points"] = [
            notice.map_point for notice in context["notices"] if notice.coordinates
        ]
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data.get("filter_invalid"):
            response.status_code = 400
        return response


class WorkNoticeForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None and "kernen" in self.fields:
            # Only the kernen of the notice's own municipality, alphabetically.
            home_path = parent_page.path[: parent_page.steplen * 2]
            self.fields["kernen"].queryset = (
                self.fields["kernen"].queryset.filter(path__startswith=home_path).order_by("title")
            )

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("all_kernen") and not cleaned_data.get("kernen"):
            self.add_error(
                "kernen", _("Choose the kernen this notice is for, or tick “all kernen”.")
            )
        start, end = cleaned_data.get("start_date"), cleaned_data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        if cleaned_data.get("impact") == Impact.DETOUR and not cleaned_data.get("detour"):
            self.add_error("detour", _("Describe the detour."))
        return cleaned_data


class WorkNoticePage(BasePage):
    """A road work, closure or other work, shown in exactly the kernen it affects."""

    summary = models.TextField(
        _("what and why"),
        help_text=_("In one or two sentences: what happens and why. Plain text."),
    )
    body = RichTextField(
        _("more information"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=NoticeStatus.choices,
        blank=True,
        help_text=_("Leave empty to follow the dates. Set it when the work runs differently."),
    )
    location_text = models.CharField(
        _("location"),
        max_length=250,
        help_text=_("Where, in words: street, stretch of road or area."),
    )
    coordinates = models.CharField(
        _("point on the map"), max_length=100, blank=True, help_text=_("Optional.")
    )
    impact = models.CharField(_("impact"), max_length=20, choices=Impact.choices)
    detour = models.TextField(
        _("detour"), blank=True, help_text=_("How traffic goes around the work.")
    )
    contact = models.TextField(
        _("contact"), blank=True, help_text=_("Who residents can ask: name, phone, e-mail.")
    )
    kernen = ParentalManyToManyField(
        "kernen.KernPage", verbose_name=_("kernen"), blank=True, related_name="work_notices"
    )
    all_kernen = models.BooleanField(_("all kernen"), default=False)
    urgent = models.BooleanField(
        _("Spoed: direct mailen"),
        default=False,
        help_text=_("Subscribers of the kernen get this notice at once, not in their digest."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("status"),
            ],
            heading=_("Period"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("location_text"),
                LocalLeafletPanel("coordinates", address_field="location_text"),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel([FieldPanel("impact"), FieldPanel("detour")], heading=_("Impact")),
        FieldPanel("contact"),
        MultiFieldPanel(
            [
                FieldPanel("all_kernen"),
                FieldPanel("kernen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("urgent"),
            ],
            heading=_("For which kernen"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("location_text"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.FilterField("all_kernen"),
    ]

    base_form_class = WorkNoticeForm

    parent_page_types = ["news.WorkNoticeIndexPage"]
    subpage_types = []

    template = "pages/work_notice_page.html"

    listing_summary_field = "summary"
    listing_date_field = "start_date"

    # Page cache (pagecache/): a notice shows on the pages of every kern it targets.
    def cache_related_tags(self):
        from kernen.models import KernPage

        if self.all_kernen:
            home_path = self.path[: self.steplen * 2]
            kernen = KernPage.objects.filter(path__startswith=home_path, depth=3)
            return {branch_tag(path) for path in kernen.values_list("path", flat=True)}
        return {branch_tag(kern.path) for kern in self.kernen.all()}

    class Meta:
        verbose_name = _("work notice")
        verbose_name_plural = _("work notices")

    @property
    def current_status(self):
        if self.status:
            return self.status
        today = timezone.localdate()
        if today < self.start_date:
            return NoticeStatus.ANNOUNCED
        if today > self.end_date:
            return NoticeStatus.COMPLETED
        return NoticeStatus.IN_PROGRESS

    @property
    def current_status_label(self):
        return NoticeStatus(self.current_status).label

    @property
    def latitude(self):
        point = parse_point(self.coordinates)
        return point[0] if point else None

    @property
    def longitude(self):
        point = parse_point(self.coordinates)
        return point[1] if point else None

    @property
    def map_point(self):
        return {
            "title": self.title,
            "url": self.url,
            "lat": float(self.latitude),
            "lng": float(self.longitude),
            "location": self.location_text,
            "period": f"{self.start_date:%d-%m-%Y} – {self.end_date:%d-%m-%Y}",
        }

    @property
    def calendar_end(self):
        """The exclusive end of the all-day period, as iCalendar wants it."""
        return self.end_date + timedelta(days=1)

    def clean(self):
        super().clean()
        if self.coordinates and parse_point(self.coordinates) is None:
            raise ValidationError(
                {"coordinates": _("This is not a point on the map. Pick it on the map again.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["notice_kernen"] = (
            [] if self.all_kernen else queries.kernen_in_active_language(self.kernen.all())
        )
        return context
