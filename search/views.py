from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.template.response import TemplateResponse

from wagtail.models import Page, Site

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Full-text search over the live, public pages of the current municipality's site."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    site = Site.find_for_request(request)
    results_page = None
    if query:
        pages = Page.objects.live().public().specific()
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger as error:
            raise Http404("Ongeldig paginanummer.") from error
        except EmptyPage as error:
            raise Http404("Deze pagina met resultaten bestaat niet.") from error
    return TemplateResponse(
        request, "pages/search.html", {"search_query": query, "results": results_page}
    )
