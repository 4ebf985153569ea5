from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def paginate(request, items, per_page):
    """The requested page of ``items``; a page number that is not a number or lies past the
    end is a 404 with a Dutch message, never a 500."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger as error:
        raise Http404("Ongeldig paginanummer.") from error
    except EmptyPage as error:
        raise Http404("Deze pagina bestaat niet.") from error
