"""RSS and Atom per kern (/<kern>/rss/, /<kern>/atom/): the kern's news and the work notices
for the kern, newest first, with absolute links. And for the whole municipality
(/nieuws/rss/, /nieuws/atom/, routes of its news page): the newest news of every kern and of
the municipality itself."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from wagtail.models import Site

from news import queries
from news.constants import FEED_ITEMS, MUNICIPALITY_FEED_ITEMS
from news.links import absolute_url


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


class PageFeed(Feed):
    """The feed of a page (called as ``Feed()(request, page)``): its items' titles, and links
    that are absolute on the address the request came to."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, page):
        self.request = request
        return super().__call__(request, page=page)

    def get_object(self, request, page):
        return page

    def link(self, page):
        return absolute_url(self.request, page)

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return absolute_url(self.request, item)

    def item_guid(self, item):
        return absolute_url(self.request, item)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)


class KernFeed(PageFeed):
    language = "nl"

    def title(self, kern):
        return _("News and work notices in %(kern)s") % {"kern": kern.title}

    def description(self, kern):
        return _("What is going on in %(kern)s: news and works that affect the kern.") % {
            "kern": kern.title
        }

    def items(self, kern):
        news = list(queries.news_below(kern).order_by("-date", "-pk")[:FEED_ITEMS])
        notices = list(queries.notices_for_kern(kern).order_by("-start_date", "-pk")[:FEED_ITEMS])
        items = news + notices
        items.sort(key=self.item_pubdate, reverse=True)
        return items[:FEED_ITEMS]

    def item_description(self, item):
        if hasattr(item, "start_date"):
            return _("%(summary)s (from %(start)s to %(end)s, %(location)s)") % {
                "summary": item.summary,
                "start": f"{item.start_date:%d-%m-%Y}",
                "end": f"{item.end_date:%d-%m-%Y}",
                "location": item.location_text,
            }
        return item.listing_summary

    def item_pubdate(self, item):
        if hasattr(item, "start_date"):
            # A notice is news from the moment it is published, not when the work starts.
            return item.first_published_at or _midnight(item.start_date)
        return _midnight(item.date)

    def item_categories(self, item):
        return [_("Work notice")] if hasattr(item, "start_date") else []


class KernAtomFeed(KernFeed):
    feed_type = Atom1Feed

    def subtitle(self, kern):
        return self.description(kern)


class MunicipalityNewsFeed(PageFeed):
    """The newest news of the whole municipality: public pages of this language's tree only,
    at most ``MUNICIPALITY_FEED_ITEMS``, in a fixed number of queries."""

    def title(self, index):
        return _("News from %(municipality)s and its kernen") % {"municipality": self.name(index)}

    def description(self, index):
        return _("The newest news of every kern of %(municipality)s and of the municipality.") % {
            "municipality": self.name(index)
        }

    def name(self, index):
        site = Site.find_for_request(self.request)
        return site.site_name if site is not None and site.site_name else index.title

    def items(self, index):
        news = queries.with_kern(queries.in_municipality_of(queries.public_news(), index))
        return list(news.order_by("-date", "-first_published_at", "-pk")[:MUNICIPALITY_FEED_ITEMS])

    def item_description(self, item):
        return item.listing_summary

    def item_pubdate(self, item):
        return _midnight(item.date)

    def item_categories(self, item):
        return [item.kern_title] if item.kern_title else []


class MunicipalityNewsAtomFeed(MunicipalityNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
