"""Pagination for listings: the Dutch pager in ``components/pagination.html``."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def paginate(request, items, per_page: int):
    """The requested page of ``items``; a page number that is not a number or lies past the
    end is a 404, page 1 of an empty listing is an empty page."""
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error
