"""Query helpers shared by every app that lists pages."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction

from home.locales import active_locale


def public(pages, locale=None):
    """``pages`` of one language tree (the active language's unless ``locale`` is given),
    without those behind a view restriction (on themselves or an ancestor).

    Every page exists once per language tree (home/locales.py), so filtering on the language
    is what keeps a listing free of doubles.

    Does what Wagtail's ``PageQuerySet.public()`` does, in the same SQL query as the listing:
    ``public()`` first loads every restriction in a query of its own, which every listing on a
    page would pay again.
    """
    covering = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    locale = locale or active_locale()
    return pages.filter(locale_id=locale.pk).exclude(Exists(covering))
