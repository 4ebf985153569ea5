import datetime

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from agenda import queries, views
from agenda.admin_forms import ActionPointForm
from agenda.blocks import DescriptionBlock
from agenda.constants import BudgetSource, CarrierKind, Status
from home.locales import synchronised
from home.pages import BasePage, IndexPage
from kernen.models import KernPage
from pagecache.tags import branch_tag


class KernagendaPage(RoutablePageMixin, IndexPage):
    """The kernagenda of one kern: its action points, grouped by theme, and its versions."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Who made this kernagenda and how residents can take part."),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    api_fields = [APIField("intro")]

    parent_page_types = ["kernen.KernPage"]
    subpage_types = ["agenda.ActionPointPage"]
    max_count_per_parent = 1

    template = "pages/kernagenda_page.html"

    class Meta:
        verbose_name = _("kernagenda")
        verbose_name_plural = _("kernagendas")

    @property
    def kern(self):
        return KernPage.objects.get(pk=self.get_parent().pk)

    def route(self, request, path_components):
        """Serve an action point with its details in one query, instead of Wagtail's two
        (the page, then its specific type) and another for the details."""
        if path_components and not self.is_own_route(path_components):
            point = (
                queries.action_point_details()
                .child_of(self)
                .filter(slug=path_components[0])
                .first()
            )
            if point is not None:
                return point.route(request, path_components[1:])
        return super().route(request, path_components)

    def is_own_route(self, path_components):
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True

    @path("")
    def index_route(self, request):
        return views.kernagenda_index(request, self)

    @path("print/")
    def print_route(self, request):
        return views.kernagenda_print(request, self)

    @path("versies/<int:version_id>/")
    def version_route(self, request, version_id):
        return views.kernagenda_version(request, self, version_id)

    @path("wat-is-er-veranderd/")
    def changes_route(self, request):
        return views.kernagenda_changes(request, self)


class ActionPointPage(RoutablePageMixin, BasePage):
    """One action point of a kernagenda: a plan or wish that moves from idea to done."""

    #: Anonymous visitors post its form without a CSRF token, from this site only
    #: (security.csrf): its page holds no token, so the page cache can keep it.
    public_form = True

    summary = models.TextField(_("summary"), help_text=_("One or two sentences, plain text."))
    description = StreamField(DescriptionBlock(), verbose_name=_("description"), blank=True)
    theme = models.ForeignKey(
        "agenda.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.IDEA,
        help_text=_(
            "The status residents see. A progress update you add with a new status sets it "
            "when you save; earlier updates never change it."
        ),
    )

    carrier_kind = models.CharField(
        _("carried by"),
        max_length=20,
        choices=CarrierKind.choices,
        default=CarrierKind.ASSOCIATION,
    )
    carrier_name = models.CharField(_("working group or person"), max_length=150, blank=True)
    carrier_email = models.EmailField(
        _("e-mail of the carrier"),
        blank=True,
        help_text=_("Sign-ups are sent here. Empty: to the village association."),
    )
    carrier_phone = models.CharField(_("phone of the carrier"), max_length=30, blank=True)
    municipality_contact_name = models.CharField(
        _("contact at the municipality"), max_length=150, blank=True
    )
    municipality_contact_email = models.EmailField(
        _("e-mail of the contact at the municipality"), blank=True
    )

    budget_requested = models.DecimalField(
        _("budget asked (euro)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    budget_granted = models.DecimalField(
        _("budget granted (euro)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    budget_source = models.CharField(
        _("source of the budget"), max_length=30, choices=BudgetSource.choices, blank=True
    )

    start_date = models.DateField(_("start date"), null=True, blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    next_review_date = models.DateField(
        _("next review"),
        null=True,
        blank=True,
        help_text=_("When the kernagendagroep and the municipality look at this point again."),
    )

    joint_kernen = ParentalManyToManyField(
        "kernen.KernPage",
        verbose_name=_("together with"),
        blank=True,
        related_name="joint_action_points",
        help_text=_("Other kernen that take part. The point also shows in their kernagenda."),
    )
    joint_purchase = models.BooleanField(
        _("joint purchase"),
        default=False,
        help_text=_("Kernen buy together; residents and kernen can say they take part."),
    )

    source_url = models.URLField(_("source"), blank=True)
    source_label = models.CharField(_("source label"), max_length=200, blank=True)

    # The kern whose kernagenda holds this point; kept in step with the tree on save.
    kern = models.ForeignKey(
        "kernen.KernPage",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="action_points",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("theme"), FieldPanel("status")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("carrier_kind"),
                FieldPanel("carrier_name"),
                FieldRowPanel([FieldPanel("carrier_email"), FieldPanel("carrier_phone")]),
                FieldRowPanel(
                    [
                        FieldPanel("municipality_contact_name"),
                        FieldPanel("municipality_contact_email"),
                    ]
                ),
            ],
            heading=_("Who carries it"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("budget_requested"),
                        FieldPanel("budget_granted"),
                        FieldPanel("budget_source"),
                    ]
                ),
            ],
            heading=_("Budget"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("start_date"),
                        FieldPanel("target_date"),
                        FieldPanel("next_review_date"),
                    ]
                ),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [FieldPanel("joint_kernen"), FieldPanel("joint_purchase")],
            heading=_("Together with other kernen"),
        ),
        InlinePanel("updates", heading=_("Progress updates"), label=_("Update")),
        MultiFieldPanel(
            [FieldPanel("source_label"), FieldPanel("source_url")], heading=_("Source")
        ),
    ]

    # What is not text follows the Dutch page in every translation (docs/i18n.md).
    override_translatable_fields = synchronised(
        "status",
        "theme",
        "carrier_kind",
        "carrier_email",
        "carrier_phone",
        "municipality_contact_email",
        "budget_requested",
        "budget_granted",
        "budget_source",
        "start_date",
        "target_date",
        "next_review_date",
        "joint_kernen",
        "joint_purchase",
        "source_url",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("status"),
        index.FilterField("theme_id"),
        index.FilterField("kern_id"),
        index.FilterField("next_review_date"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("status"),
        APIField("theme_name"),
        APIField("kern_name"),
        APIField("carrier_kind"),
        APIField("start_date"),
        APIField("target_date"),
        APIField("next_review_date"),
        APIField("budget_requested"),
        APIField("budget_granted"),
        APIField("budget_source"),
        APIField("joint_purchase"),
    ]

    base_form_class = ActionPointForm

    parent_page_types = ["agenda.KernagendaPage"]
    subpage_types = []

    template = "pages/action_point_page.html"

    listing_summary_field = "summary"

    # Page cache (pagecache/): also on /kernagendas/ and its open data, and in the
    # kernagenda of every kern it is shared with.
    cache_purges = ("overview:agenda",)

    def cache_related_tags(self):
        return {branch_tag(kern.path) for kern in self.joint_kernen.all()}

    class Meta:
        verbose_name = _("action point")
        verbose_name_plural = _("action points")
        permissions = [
            ("view_overdue_reviews", _("Can see action points past their review date")),
        ]

    @property
    def listing_date(self):
        moment = self.last_published_at or self.latest_revision_created_at
        return timezone.localdate(moment) if moment else None

    @property
    def theme_name(self):
        return self.theme.name if self.theme_id else ""

    @property
    def kern_name(self):
        return self.kern.title if self.kern_id else ""

    @property
    def is_overdue(self):
        return bool(
            self.next_review_date
            and self.next_review_date < timezone.localdate()
            and self.status not in (Status.DONE, Status.PARKED)
        )

    def kern_from_tree(self):
        if not self.path or self.depth is None or self.depth < 3:
            return None
        kern_path = self.path[: (self.depth - 2) * self.steplen]
        return KernPage.objects.filter(path=kern_path).first()

    def save(self, *args, **kwargs):
        # A copied or moved point belongs to the kern it now sits under.
        if self.path and (self.kern is None or not self.path.startswith(self.kern.path)):
            self.kern = self.kern_from_tree()
        # The status field is the one truth: the timeline never overrides it here (an update
        # added in the editor sets it through ActionPointForm).
        return super().save(*args, **kwargs)

    @path("")
    def index_route(self, request):
        return views.action_point_page(request, self)

    @path("doe-mee/")
    def signup_route(self, request):
        return views.action_point_signup(request, self)

    @path("ik-doe-mee/")
    def interest_route(self, request):
        return views.action_point_interest(request, self)


class ProgressUpdate(Orderable):
    """A step on an action point's timeline."""

    page = ParentalKey(ActionPointPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"), default=datetime.date.today)
    text = models.TextField(_("what happened"))
    new_status = models.CharField(
        _("new status"),
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text=_(
            "Sets the point's status when you add this update. Leave empty when the status "
            "stays the same."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("new_status")]),
        FieldPanel("text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")


class KernagendaOverviewPage(RoutablePageMixin, IndexPage):
    """All action points of all kernen of a municipality: filters, counts and open data."""

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    template = "pages/kernagenda_overview_page.html"

    # Page cache (pagecache/): shows the action points of every kern.
    cache_reads = ("overview:agenda",)

    class Meta:
        verbose_name = _("kernagenda overview")
        verbose_name_plural = _("kernagenda overviews")

    @path("")
    def index_route(self, request):
        return views.overview(request, self)
