"""Views on a kern's URL that are not pages: /<kern>/rss/, /<kern>/atom/,
/<kern>/werkzaamheden.ics.

Each finds the live, public kern of the current site by its slug. When there is none the
request goes on to Wagtail, so a page that happens to live at such a URL is still served.
"""

from django.http import Http404
from django.utils.translation import gettext as _

from wagtail.models import Site

from home import views as home_views
from home.ical import ical_response
from home.queries import public
from kernen.models import KernPage
from news.calendar import kern_notices_calendar
from news.feeds import KernAtomFeed, KernFeed
from pagecache.tags import declare_page


def find_kern(request, kern_slug):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return public(KernPage.objects.live().child_of(site.root_page)).filter(slug=kern_slug).first()


def _kern_or_wagtail(view):
    def wrapped(request, kern_slug, tail):
        kern = find_kern(request, kern_slug)
        if kern is None:
            return home_views.serve(request, f"{kern_slug}/{tail}")
        declare_page(request, kern)
        return view(request, kern)

    wrapped.__name__ = view.__name__
    return wrapped


def kern_rss(request, kern):
    return KernFeed()(request, kern)


def kern_atom(request, kern):
    return KernAtomFeed()(request, kern)


def kern_calendar(request, kern_slug):
    kern = find_kern(request, kern_slug)
    if kern is None:
        raise Http404(_("This kern does not exist."))
    declare_page(request, kern)
    return ical_response(
        kern_notices_calendar(kern, request), f"werkzaamheden-{kern.slug}.ics", inline=True
    )


rss = _kern_or_wagtail(kern_rss)
atom = _kern_or_wagtail(kern_atom)
