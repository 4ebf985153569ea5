"""The sitemap: every public page of the site in Dutch, plus the pages that editors have
translated into English or Polish. Untranslated pages in /en/ and /pl/ (aliases showing the
Dutch text) are left out: they would be the same content again under a second address."""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.locales import default_locale


class PortalSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True).only("path"):
            trees |= Q(path__startswith=home.path)
        untranslated = Q(alias_of__isnull=False) & ~Q(locale_id=default_locale().pk)
        return (
            Page.objects.filter(trees)
            .exclude(untranslated)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
