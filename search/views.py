from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Page, Site

from search.engine import Scope, SearchUnavailable, find, stems_words
from search.results import (
    SORT_DATE,
    SORT_RELEVANCE,
    build_results,
    in_order,
    kern_name_suggestions,
    narrow,
    popular_searches,
    promotions_for,
    record_hit,
    type_label,
)
from search.text import clean_query, only_stop_words, terms
from security import ratelimit

RESULTS_PER_PAGE = 10
SUGGESTIONS = 8
MAX_FILTER_VALUES = 30


@require_GET
def search(request):
    """Full-text search over the live, public pages of the current municipality's site."""
    query, shortened = clean_query(request.GET.get("q", ""))
    kern_slugs = _filter_values(request, "kern")
    type_values = _filter_values(request, "soort")
    sort = SORT_DATE if request.GET.get("sorteer") == SORT_DATE else SORT_RELEVANCE
    page_number = _page_number(request)
    context = {
        "search_query": query,
        "shortened": shortened,
        "sort": sort,
        "sort_date": SORT_DATE,
        "sort_relevance": SORT_RELEVANCE,
        "kern_slugs": kern_slugs,
        # SQLite's full-text search has no Dutch stemming and no compounds: the page says so.
        "exact_words_only": not stems_words(),
    }
    if page_number is None:
        return _not_found(request, context, _("This page number does not exist."))

    site = Site.find_for_request(request)
    if site is None:
        return TemplateResponse(request, "pages/search.html", context)
    scope = Scope.for_site(site)
    context["scope_kern"] = scope.kern_by_slug(next(iter(kern_slugs))) if kern_slugs else None
    if not query:
        return TemplateResponse(request, "pages/search.html", context)
    if not _allowed(request, "search", settings.SEARCH_RATE_LIMIT):
        context["too_many"] = True
        return _too_many(TemplateResponse(request, "pages/search.html", context))

    # A kern filter goes into the search itself: counts within a kern stay complete however
    # many hits other kernen have. The kern facet then lists the chosen kernen only.
    chosen_kernen = [kern for slug in kern_slugs if (kern := scope.kern_by_slug(slug))]
    try:
        hits = find(scope, query, kernen=chosen_kernen)
    except SearchUnavailable:
        return _unavailable(TemplateResponse(request, "pages/search.html", context))
    kept, facets = narrow(hits, scope, kern_slugs, type_values)
    paginator = Paginator(in_order(kept, sort), RESULTS_PER_PAGE)
    try:
        results_page = paginator.page(page_number)
    except EmptyPage:
        return _not_found(request, context, _("This page of results does not exist."))

    context.update(
        _results_context(
            request, query, scope, hits, facets, results_page, kern_slugs, type_values, sort
        )
    )
    return TemplateResponse(request, "pages/search.html", context)


@require_GET
def suggestions(request):
    """Up to eight page titles for the text typed so far, as JSON for the search box."""
    query, _shortened = clean_query(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    if len(query) < 2 or site is None:
        return JsonResponse({"query": query, "suggestions": []})
    if not _allowed(request, "suggestions", settings.SEARCH_SUGGESTIONS_RATE_LIMIT):
        return _too_many(JsonResponse({"query": query, "suggestions": []}))
    scope = Scope.for_site(site)
    try:
        hits = find(scope, query, autocomplete=True, limit=SUGGESTIONS)
    except SearchUnavailable:
        return _unavailable(JsonResponse({"query": query, "suggestions": []}))
    pages = {page.pk: page for page in Page.objects.filter(pk__in=[hit.pk for hit in hits])}
    items = []
    for hit in hits:
        page = pages.get(hit.pk)
        if page is None:
            continue
        kern = scope.kern_of(hit.path)
        items.append(
            {
                "title": page.title,
                "url": page.get_url(request),
                "type": str(type_label(hit.content_type_id)),
                "kern": kern.title if kern else "",
            }
        )
    return JsonResponse({"query": query, "suggestions": items})


def _results_context(
    request, query, scope, hits, facets, results_page, kern_slugs, type_values, sort
):
    """What the page shows of a search that ran: the results, facets and counts, and when
    nothing was found, what else to try. A first unfiltered page with results counts for the
    popular searches."""
    query_terms = terms(query)
    filtered = bool(kern_slugs or type_values)
    total = results_page.paginator.count
    if total and results_page.number == 1 and not filtered:
        record_hit(query)
    context = {
        "total": total,
        "total_unfiltered": len(hits),
        "filtered": filtered,
        "facets": facets,
        "results": results_page,
        "result_items": build_results(
            results_page.object_list, scope, [*query_terms, *getattr(hits, "words", ())], request
        ),
        "promotions": promotions_for(query, scope) if results_page.number == 1 else [],
        "page_query": _query_string(query, kern_slugs, type_values, sort),
    }
    if not total:
        context["only_stop_words"] = only_stop_words(query)
        context["kern_suggestions"] = kern_name_suggestions(query_terms, scope)
        context["popular_searches"] = popular_searches(exclude=query)
    return context


def _filter_values(request, name):
    return {value[:100] for value in request.GET.getlist(name)[:MAX_FILTER_VALUES] if value}


def _page_number(request):
    """The requested page of results: 1 when absent, None when not a positive number."""
    raw = request.GET.get("page", "1").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6 or int(raw) < 1:
        return None
    return int(raw)


def _query_string(query, kern_slugs, type_values, sort):
    params = [("q", query)]
    params += [("kern", slug) for slug in sorted(kern_slugs)]
    params += [("soort", value) for value in sorted(type_values)]
    if sort != SORT_RELEVANCE:
        params.append(("sorteer", sort))
    return urlencode(params)


def _allowed(request, kind, limit):
    """Count this search for the visitor's address; False once there were ``limit`` in the
    last ``SEARCH_RATE_WINDOW`` seconds (security.ratelimit, like the public forms)."""
    key = f"search:{kind}:{ratelimit.client_address(request)}"
    return ratelimit.hit(key, limit, settings.SEARCH_RATE_WINDOW)


def _too_many(response):
    """429 with the seconds to wait: this visitor searched too often. The page says so in
    Dutch ("Je hebt in korte tijd heel vaak gezocht")."""
    response.status_code = 429
    response["Retry-After"] = str(settings.SEARCH_RATE_WINDOW)
    return response


def _unavailable(response):
    """503 with a hint when to retry: the search backend is down, the rest of the site is not.
    The page says so in Dutch ("Zoeken is tijdelijk niet beschikbaar")."""
    if isinstance(response, TemplateResponse):
        response.context_data["unavailable"] = True
    response.status_code = 503
    response["Retry-After"] = "60"
    return response


def _not_found(request, context, message):
    context["error"] = message
    return TemplateResponse(request, "pages/search.html", context, status=404)
