"""Inspiration: stories of what a kern did, so that other kernen can do it too."""

from urllib.parse import urlencode

from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Substr
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.pages import BasePage, IndexPage
from home.pagination import paginate
from home.queries import public

#: Depth of a kern page in the tree: root → municipality home page → kern.
KERN_DEPTH = 3
STORIES_PER_PAGE = 12
SIMILAR_INITIATIVES = 3
#: The name the theme filter of the overview had before it was "thema".
OLD_THEME_PARAMETER = "theme"
TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ul", "ol"]


def kern_path(page: Page) -> str:
    """The tree path of the kern a page lies in."""
    return page.path[: Page.steplen * KERN_DEPTH]


def stories():
    """Live, public stories, each with the title of its kern (``kern_title``), in one query."""
    kern = Page.objects.filter(path=Substr(OuterRef("path"), 1, Page.steplen * KERN_DEPTH))
    return (
        public(InspirationPage.objects.live())
        .annotate(kern_title=Subquery(kern.values("title")[:1]))
        .order_by("-date", "-pk")
    )


def for_listing(pages):
    """``pages`` with what a story card shows besides the story itself: its themes. (No
    photos: they would cost two queries per listing; the story page shows them.)"""
    return pages.prefetch_related(
        Prefetch("tagged_items", queryset=InspirationPageTag.objects.select_related("tag"))
    )


class InspirationIndexPage(IndexPage):
    """The stories of one kern: ``/<kern>/inspiratie/``."""

    parent_page_types = ["kernen.KernPage"]
    subpage_types = ["kernen.InspirationPage"]
    max_count_per_parent = 1

    template = "pages/inspiration_index_page.html"

    class Meta:
        verbose_name = _("inspiration section")
        verbose_name_plural = _("inspiration sections")

    @property
    def stories(self):
        return for_listing(stories().child_of(self))

    def route(self, request, path_components):
        """Serve a story with one query instead of Wagtail's two (page, then its specific
        page), and remember that this section is its parent (for the breadcrumb)."""
        if len(path_components) != 1:
            return super().route(request, path_components)
        story = InspirationPage.objects.child_of(self).filter(slug=path_components[0]).first()
        if story is None:
            raise Http404
        story._cached_parent_obj = self
        return story.route(request, [])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = paginate(request, self.stories, STORIES_PER_PAGE)
        return context


class InspirationPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "kernen.InspirationPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class InspirationPage(BasePage):
    """A story of what a kern did: what, how, what it cost, who to ask, and photos."""

    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("When it happened, or when it started."),
    )
    intro = models.TextField(
        _("introduction"), help_text=_("One or two sentences: what did the kern do?")
    )
    body = RichTextField(_("what we did"), features=TEXT_FEATURES)
    approach = RichTextField(
        _("how we did it"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("The steps, who helped, what you would do differently."),
    )
    cost = models.TextField(
        _("what it cost"),
        blank=True,
        help_text=_("Money, time and materials; and where the money came from."),
    )
    contact_name = models.CharField(_("who to ask"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail of the contact"), blank=True)
    contact_phone = models.CharField(_("phone of the contact"), max_length=30, blank=True)
    tags = ClusterTaggableManager(
        verbose_name=_("themes"),
        through=InspirationPageTag,
        blank=True,
        help_text=_(
            "Themes such as 'groen' or 'verkeersveiligheid'; other kernen find it by these."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("tags"),
        FieldPanel("body"),
        FieldPanel("approach"),
        FieldPanel("cost"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Who to ask"),
        ),
        InlinePanel("gallery_images", heading=_("Photos"), label=_("Photo")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("approach"),
        index.FilterField("date"),
    ]

    parent_page_types = ["kernen.InspirationIndexPage"]
    subpage_types = []

    template = "pages/inspiration_page.html"

    listing_summary_field = "intro"
    listing_date_field = "date"

    # Page cache (pagecache/): also on /inspiratie/, and it shows similar stories of
    # other kernen.
    cache_reads = ("overview:inspiration",)
    cache_purges = ("overview:inspiration",)

    class Meta:
        verbose_name = _("inspiration story")
        verbose_name_plural = _("inspiration stories")

    @property
    def similar_initiatives(self):
        """Stories of OTHER kernen that share a theme with this one, most shared themes first."""
        own_themes = InspirationPageTag.objects.filter(content_object_id=self.pk).values("tag_id")
        return (
            stories()
            .exclude(path__startswith=kern_path(self))
            .filter(tagged_items__tag_id__in=own_themes)
            .annotate(shared=Count("tagged_items", distinct=True))
            .order_by("-shared", "-date", "-pk")[:SIMILAR_INITIATIVES]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["gallery"] = self.gallery_images.select_related("image").prefetch_related(
            "image__renditions"
        )
        context["themes"] = self.tags.order_by("name")
        context["similar"] = self.similar_initiatives
        return context


class InspirationGalleryImage(Orderable):
    page = ParentalKey(InspirationPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("text alternative"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]


class InspirationOverviewPage(IndexPage):
    """All kernen's stories, filterable by theme and kern: ``/inspiratie/``."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    template = "pages/inspiration_overview_page.html"

    # Page cache (pagecache/): shows the stories of every kern.
    cache_reads = ("overview:inspiration",)

    class Meta:
        verbose_name = _("inspiration overview")
        verbose_name_plural = _("inspiration overviews")

    def all_stories(self):
        return stories().filter(path__startswith=self.path[: -Page.steplen])

    @property
    def stories(self):
        return for_listing(self.all_stories())

    def kernen(self):
        from kernen.models.kern import KernPage

        return (
            public(KernPage.objects.live().filter(path__startswith=self.path[: -Page.steplen]))
            .filter(depth=KERN_DEPTH)
            .order_by("title")
        )

    def themes(self):
        return (
            Tag.objects.filter(
                kernen_inspirationpagetag_items__content_object__in=self.all_stories().values("pk")
            )
            .distinct()
            .order_by("name")
        )

    def serve(self, request, *args, **kwargs):
        if OLD_THEME_PARAMETER in request.GET:
            # Links from before the filter was called "thema" lead to the same selection.
            query = request.GET.copy()
            query.setlist("thema", query.pop(OLD_THEME_PARAMETER))
            return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}")
        response = super().serve(request, *args, **kwargs)
        if not response.context_data["filter_form"].is_valid():
            response.status_code = 400
        return response

    def get_context(self, request, *args, **kwargs):
        from kernen.forms import InspirationFilterForm

        context = super().get_context(request, *args, **kwargs)
        kernen = list(self.kernen().only("title", "slug", "path"))
        form = InspirationFilterForm(request.GET, kernen=kernen, themes=list(self.themes()))
        items = self.stories
        filters = form.filters()
        if "thema" in filters:
            items = items.filter(tagged_items__tag__slug=filters["thema"])
        if "kern" in filters:
            kern = next(kern for kern in kernen if kern.slug == filters["kern"])
            items = items.filter(path__startswith=kern.path)
        context["filter_form"] = form
        context["filter_query"] = urlencode(filters)
        context["page_obj"] = paginate(request, items, STORIES_PER_PAGE)
        return context
