from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from agenda import opendata
from agenda.api import api_router
from events import views as events_views
from home import views as home_views
from home.sitemap import PortalSitemap
from search import views as search_views
from security import media
from security.csvsafe import safe_export_urlpatterns

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # security: the second login step, in the admin's look and under its policy.
    path("admin/tweestaps/", include("security.urls")),
    # Every CSV export of the admin, Wagtail's own included, with formulas made harmless.
    path("admin/", include(safe_export_urlpatterns(wagtailadmin_urls.urlpatterns))),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    # Uploaded images that the reverse proxy did not find in MEDIA_ROOT: private ones after a
    # permission check, public ones copied there (security/media.py). In every environment,
    # so `make run` serves /media/ as production does.
    path("media/<path:name>", media.serve, name="media"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("favicon.ico", home_views.favicon),
    path("", include("members.urls")),
    path("mijn-dossier/", include("dossiers.urls")),
    path("api/v2/", api_router.urls),
    path("kernagendas/actiepunten.csv", opendata.action_points_csv, name="agenda_csv"),
    path("kernagendas/actiepunten.json", opendata.action_points_json, name="agenda_json"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Feeds and calendars on a kern's URL (/<kern>/rss/, /<kern>/atom/, /<kern>/werkzaamheden.ics);
# they hand anything that is not a kern on to Wagtail.
urlpatterns += [path("", include("news.urls"))]

urlpatterns += [
    # Calendar feeds: /<kern>/agenda.ics and /activiteiten/agenda.ics. Wagtail's page URLs end
    # in a slash and hold no dot, so these resolve their page themselves (events/views.py).
    path("<slug:slug>/agenda.ics", events_views.calendar_feed, name="events_calendar_feed"),
]

# The public pages in every language: Dutch without a prefix, English under /en/, Polish under
# /pl/. Feeds, calendars, open data, the member area, the API and the admin above stay
# unprefixed and Dutch (docs/i18n.md).
urlpatterns += i18n_patterns(
    path("zoeken/", search_views.search, name="search"),
    path("zoeken/suggesties/", search_views.suggestions, name="search_suggestions"),
    path("blijf-op-de-hoogte/", include("subscriptions.urls")),
    path("mijn-gegevens/", include("privacy.mydata")),
    path("", include("home.urls")),
    prefix_default_language=False,
)

# The 500 page in the visitor's language, without the database (home/views.py).
handler500 = "home.views.server_error"
