"""Query helpers shared by every app that lists pages."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


def public(pages):
    """``pages`` without those behind a view restriction (on themselves or an ancestor).

    Does what Wagtail's ``PageQuerySet.public()`` does, in the same SQL query as the listing:
    ``public()`` first loads every restriction in a query of its own, which every listing on a
    page would pay again.
    """
    covering = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(covering))
