"""From hits (small rows) to what the results page shows: facets, order, one page of results."""

import difflib
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db.models import CharField, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import capfirst

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models
from wagtail.search.models import IndexEntry
from wagtail.search.utils import normalise_query_string

from home.queries import public
from search.engine import uses_postgres_index
from search.text import highlight, snippet, term_pattern

SORT_RELEVANCE = "relevantie"
TYPE_VALUE = re.compile(r"[a-z_][a-z0-9_]*\.[a-z0-9_]+")
SORT_DATE = "datum"


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facets:
    kernen: list = field(default_factory=list)
    types: list = field(default_factory=list)


@dataclass(frozen=True)
class Result:
    title: str
    title_html: str
    url: str
    type_label: str
    kern: object
    date: date | None
    snippet: str


def type_value(content_type_id):
    content_type = ContentType.objects.get_for_id(content_type_id)
    return f"{content_type.app_label}.{content_type.model}"


def type_label(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return capfirst(model._meta.verbose_name) if model else ""


def narrow(hits, scope, kern_slugs, type_values):
    """Apply the kern and type filters; count each facet within the other facet's filter, so
    that every count says how many results a click would give. Returns (hits, Facets)."""
    kern_counts, type_counts, kept = Counter(), Counter(), []
    for hit in hits:
        kern = scope.kern_of(hit.path)
        kind = type_value(hit.content_type_id)
        in_kern = not kern_slugs or (kern is not None and kern.slug in kern_slugs)
        in_type = not type_values or kind in type_values
        if in_type and kern is not None:
            kern_counts[kern.slug] += 1
        if in_kern:
            type_counts[(kind, hit.content_type_id)] += 1
        if in_kern and in_type:
            kept.append(hit)

    kern_titles = {kern.slug: kern.title for kern in scope.kernen.values()}
    facets = Facets()
    for slug in set(kern_counts) | (kern_slugs & set(kern_titles)):
        facets.kernen.append(
            FacetOption(slug, kern_titles[slug], kern_counts[slug], slug in kern_slugs)
        )
    seen_types = set()
    for (kind, content_type_id), count in type_counts.items():
        seen_types.add(kind)
        facets.types.append(
            FacetOption(kind, type_label(content_type_id), count, kind in type_values)
        )
    for kind in type_values - seen_types:
        label = _label_for_type_value(kind)
        if label:
            facets.types.append(FacetOption(kind, label, 0, True))
    for options in (facets.kernen, facets.types):
        options.sort(key=lambda option: (-option.count, option.label))
    return kept, facets


def _label_for_type_value(value):
    if not TYPE_VALUE.fullmatch(value):
        return None
    app_label, _dot, model = value.partition(".")
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist:
        return None
    model_class = content_type.model_class()
    return capfirst(model_class._meta.verbose_name) if model_class else None


def in_order(hits, sort):
    if sort == SORT_DATE:
        oldest = timezone.make_aware(datetime(1970, 1, 1))
        return sorted(hits, key=lambda hit: hit.published or oldest, reverse=True)
    return hits


@functools.cache
def _specific_paths():
    """For every concrete page type, the ``select_related`` path from Page to it ("newspage"):
    with them one query loads the specific pages of a page of results of any mix of types
    (``specific()`` makes one query per type)."""
    paths = {}
    for model in get_page_models():
        steps, current = [], model
        while current is not Page:
            parent, link = next(
                (parent, link)
                for parent, link in current._meta.parents.items()
                if issubclass(parent, Page)
            )
            steps.insert(0, link.remote_field.get_accessor_name())
            current = parent
        if steps:
            paths[model] = steps
    return paths


def _specific(page):
    """The specific page of ``page`` from what ``select_related`` loaded (no query)."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    specific = page
    try:
        for step in _specific_paths().get(model, ()):
            specific = getattr(specific, step)
    except ObjectDoesNotExist:  # the type's row is missing: show the base page
        return page
    if specific is not page:
        specific.search_text = getattr(page, "search_text", "")
    return specific


def build_results(hits, scope, query_terms, request):
    """One page of results: the specific pages of ``hits`` in one query (every page type
    joined), with their indexed text for the snippet, in the order of ``hits``."""
    if not hits:
        return []
    pages = Page.objects.filter(pk__in=[hit.pk for hit in hits]).select_related(
        *("__".join(steps) for steps in _specific_paths().values())
    )
    text_field = _index_text_field()
    if text_field:
        entry = IndexEntry.objects.filter(
            content_type_id=OuterRef("content_type_id"),
            object_id=Cast(OuterRef("pk"), CharField()),
        )
        pages = pages.annotate(search_text=Subquery(entry.values(text_field)[:1]))
    by_pk = {page.pk: _specific(page) for page in pages}
    pattern = term_pattern(query_terms)
    results = []
    for hit in hits:
        page = by_pk.get(hit.pk)
        if page is None:
            continue
        results.append(
            Result(
                title=page.title,
                title_html=highlight(page.title, pattern),
                url=page.get_url(request),
                type_label=type_label(hit.content_type_id),
                kern=scope.kern_of(hit.path),
                date=_date_of(page),
                snippet=snippet(_texts_of(page), query_terms),
            )
        )
    return results


def _index_text_field():
    """The column of Wagtail's index entry that holds a page's plain text, if any."""
    if uses_postgres_index():
        return "body_text"
    return "body" if _field(IndexEntry, "body") else None


def _texts_of(page):
    """Candidate texts for the snippet, best first (the listing contract, then fallbacks)."""
    texts = [getattr(page, "listing_summary", ""), page.search_description]
    intro = getattr(page, "intro", "")
    if isinstance(intro, str):
        rich = isinstance(_field(page, "intro"), RichTextField)
        texts.append(strip_tags(intro) if rich else intro)
    texts.append(getattr(page, "search_text", "") or "")
    return [text for text in texts if isinstance(text, str)]


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _date_of(page):
    value = getattr(page, "listing_date", page.first_published_at)
    if isinstance(value, datetime):
        return timezone.localdate(value)
    return value


def promotions_for(query, scope):
    """Comms' pinned results for this query: external links, or live public pages of the site."""
    visible_pages = public(Page.objects.live().descendant_of(scope.root, inclusive=True))
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__isnull=True) | Q(page__in=visible_pages))
        .select_related("page")
        .order_by("sort_order")
    )


def record_hit(query):
    """Count a search that found something, for the "popular searches" suggestions: one
    UPDATE once the query has been counted today (Wagtail's ``add_hit`` takes three)."""
    counted = QueryDailyHits.objects.filter(
        query__query_string=normalise_query_string(query), date=timezone.localdate()
    ).update(hits=F("hits") + 1)
    if not counted:
        Query.get(query).add_hit(date=timezone.localdate())


def popular_searches(exclude, limit=5):
    since = timezone.localdate() - timedelta(days=30)
    popular = Query.get_most_popular(date_since=since).exclude(
        query_string=normalise_query_string(exclude)
    )
    return [query.query_string for query in popular[:limit]]


def kern_name_suggestions(query_terms, scope, limit=3):
    """Kern names that look like a word of the query ("Beest" → "Beesd")."""
    by_lower = {kern.title.lower(): kern for kern in scope.kernen.values()}
    found = []
    for word in [" ".join(query_terms), *query_terms]:
        for name in difflib.get_close_matches(word, by_lower, n=limit, cutoff=0.7):
            if by_lower[name] not in found:
                found.append(by_lower[name])
    return found[:limit]
