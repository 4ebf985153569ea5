"""Wagtail's read-only API v2 at /api/v2/: live, public pages only (Wagtail's default)."""

from django.utils.translation import gettext

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from home.locales import default_locale

#: Far beyond any listing; an offset past a 64-bit integer made the database fail (a 500).
MAX_OFFSET = 1_000_000_000


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # Wagtail answers this one with a 400 itself
        if offset > MAX_OFFSET:
            raise BadRequestError(
                gettext("offset cannot be higher than %(max)d") % {"max": MAX_OFFSET}
            )
        return super().paginate_queryset(queryset, request, view)


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, Dutch pages unless ``?locale=en`` (or ``pl``) asks for another
    language tree: every page exists once per language, so an API without that filter would
    list each three times. Bad numbers get a 400 instead of a 500."""

    pagination_class = BoundedPagination

    def get_queryset(self):
        pages = super().get_queryset()
        if "locale" in self.request.GET or "translation_of" in self.request.GET:
            return pages
        return pages.filter(locale_id=default_locale().pk)

    def find_object(self, queryset, request):
        # /api/v2/pages/find/?id=abc reached the database as text (a 500).
        if "id" in request.GET:
            try:
                int(request.GET["id"])
            except ValueError:
                raise BadRequestError(gettext("id must be a whole number")) from None
        return super().find_object(queryset, request)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
