"""RSS and Atom per kern (/<kern>/rss/, /<kern>/atom/): the kern's news and the work notices
for the kern, newest first, with absolute links."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from news import queries
from news.constants import FEED_ITEMS
from news.links import absolute_url


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


class KernFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "nl"

    def __call__(self, request, kern):
        self.request = request
        return super().__call__(request, kern=kern)

    def get_object(self, request, kern):
        return kern

    def title(self, kern):
        return _("News and work notices in %(kern)s") % {"kern": kern.title}

    def link(self, kern):
        return absolute_url(self.request, kern)

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

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        if hasattr(item, "start_date"):
            return _("%(summary)s (from %(start)s to %(end)s, %(location)s)") % {
                "summary": item.summary,
                "start": f"{item.start_date:%d-%m-%Y}",
                "end": f"{item.end_date:%d-%m-%Y}",
                "location": item.location_text,
            }
        return item.listing_summary

    def item_link(self, item):
        return absolute_url(self.request, item)

    def item_guid(self, item):
        return absolute_url(self.request, item)

    def item_pubdate(self, item):
        if hasattr(item, "start_date"):
            # A notice is news from the moment it is published, not when the work starts.
            return item.first_published_at or _midnight(item.start_date)
        return _midnight(item.date)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [_("Work notice")] if hasattr(item, "start_date") else []


class KernAtomFeed(KernFeed):
    feed_type = Atom1Feed

    def subtitle(self, kern):
        return self.description(kern)
