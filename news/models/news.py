"""News: a news index in every kern and one for the municipality, and the news items."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.locales import synchronised
from home.pages import BasePage, IndexPage, PageImage
from home.pagination import LISTING_MAX_PAGES, paginate
from kernen.models import KernPage
from news import queries
from news.blocks import NewsBodyBlock
from news.constants import NEWS_PER_PAGE
from news.feeds import MunicipalityNewsAtomFeed, MunicipalityNewsFeed


def kern_and_parent(page):
    """The kern ``page`` lies in (None for the municipality's own pages) and its parent, as
    plain pages, in one query."""
    ancestors = list(Page.objects.ancestor_of(page).filter(depth__gte=3).order_by("depth"))
    kern_type = ContentType.objects.get_for_model(KernPage)
    kern = next(
        (item for item in ancestors if item.depth == 3 and item.content_type_id == kern_type.pk),
        None,
    )
    return kern, (ancestors[-1] if ancestors else None)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsListingMixin(IndexPage):
    """What both news indexes share: an intro and a paginated listing, newest first."""

    listing_summary_field = "intro"
    listing_date_field = ""

    class Meta:
        abstract = True

    def get_news(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_items"] = paginate(
            request, self.get_news(), NEWS_PER_PAGE, max_pages=LISTING_MAX_PAGES
        )
        context["feed_kern"], _parent = kern_and_parent(self)
        return context


class NewsIndexPage(NewsListingMixin):  # noqa: DJ008 (Page has __str__)
    """The news of one kern, at /<kern>/nieuws/."""

    parent_page_types = ["kernen.KernPage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    template = "pages/news_index_page.html"

    class Meta:
        verbose_name = _("news index of a kern")
        verbose_name_plural = _("news indexes of kernen")

    def get_news(self):
        return queries.news_listing(queries.news_below(self))


class MunicipalityNewsIndexPage(RoutablePageMixin, NewsListingMixin):  # noqa: DJ008 (Page has __str__)
    """The news of the whole municipality at /nieuws/: its own items and those of every kern,
    also as a feed (/nieuws/rss/, /nieuws/atom/)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    template = "pages/news_index_page.html"

    # Page cache (pagecache/): shows the news of every kern.
    cache_reads = ("overview:news",)

    class Meta:
        verbose_name = _("news index of the municipality")
        verbose_name_plural = _("news indexes of the municipality")

    def get_news(self):
        home_path = self.path[: self.steplen * (self.depth - 1)]
        return queries.news_listing(
            queries.with_kern(queries.public_news().filter(path__startswith=home_path))
        )

    @path("rss/", name="rss")
    def rss(self, request):
        return MunicipalityNewsFeed()(request, self)

    @path("atom/", name="atom")
    def atom(self, request):
        return MunicipalityNewsAtomFeed()(request, self)


class NewsPage(PageImage, BasePage):
    """One news item of a kern or of the municipality."""

    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("The date shown with the news item."),
    )
    intro = models.TextField(
        _("introduction"),
        help_text=_("One or two sentences: what happened and why it matters. Plain text."),
    )
    body = StreamField(NewsBodyBlock(), verbose_name=_("text"), blank=True)
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("tags"), related_name="news_pages"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        PageImage.image_panel,
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    # What is not text follows the Dutch page in every translation (docs/i18n.md).
    override_translatable_fields = synchronised("date", "image")

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["news.NewsIndexPage", "news.MunicipalityNewsIndexPage"]
    subpage_types = []

    template = "pages/news_page.html"

    listing_summary_field = "intro"
    listing_date_field = "date"

    # Page cache (pagecache/): also on /nieuws/ and the home page.
    cache_purges = ("overview:news",)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        # The listings read the newest news first and stop after a page: without it PostgreSQL
        # read every page of the site first (docs/bench.md, run of 2026-12-06).
        indexes = [models.Index(fields=["-date"], name="news_date_newest")]

    def clean(self):
        super().clean()
        if errors := self.image_errors():
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feed_kern"], context["parent"] = kern_and_parent(self)
        return context
