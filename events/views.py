"""What the activity pages do; the page models' routes (``events.models.pages``), which
import this module, call these. So it imports no page model itself: the pages are its
arguments, the activities come from ``events.queries``."""

from urllib.parse import urlencode

from django.apps import apps
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from events import registrations
from events.constants import PAGE_SIZE, RATE_LIMIT_COUNT, RATE_LIMIT_WINDOW, RegistrationStatus
from events.forms import OverviewFilterForm, RegistrationForm
from events.ical import calendar_response
from events.models.registrations import Registration
from events.queries import for_feed, in_period, live_events, past, upcoming, with_images
from events.tokens import read_cancel_token
from home.pagination import LISTING_MAX_PAGES, paginate
from home.queries import public
from kernen.models import KernPage
from kernen.queries import attach_kernen, kernen_beside
from pagecache.tags import declare_page
from security.ratelimit import allow


def kern_feed_url(kern_url: str) -> str:
    return f"{kern_url}agenda.ics"


# The kern's list and archive ---------------------------------------------------------------


def event_index(request, page, archive: bool):
    events = with_images(past(page.events) if archive else upcoming(page.events))
    page_obj = paginate(request, events, PAGE_SIZE)
    kern = page.get_parent()
    return page.render(
        request,
        context_overrides={
            "archive": archive,
            "page_obj": page_obj,
            "events": page_obj.object_list,
            "kern": kern,
            "feed_url": kern_feed_url(kern.get_url(request)),
        },
    )


# One activity: details, registration, cancelling, calendar file ----------------------------


def event_detail(request, page, form=None, status=200, form_error=""):
    places_left = None
    if page.registration_enabled and page.max_places is not None:
        places_left = max(page.max_places - registrations.confirmed_count(page), 0)
    kern, index = (list(page.get_ancestors().filter(depth__gt=2)) + [None, None])[:2]
    response = page.render(
        request,
        context_overrides={
            "form": form or RegistrationForm(),
            "form_error": form_error,
            "places_left": places_left,
            "kern": kern,
            "index": index,
        },
    )
    response.status_code = status
    return response


def register(request, page):
    if not page.registration_enabled:
        raise Http404
    if request.method != "POST":
        return HttpResponseRedirect(page.get_url(request))
    form = RegistrationForm(request.POST)
    if not allow(request, "events:register", RATE_LIMIT_COUNT, RATE_LIMIT_WINDOW):
        return event_detail(
            request,
            page,
            form,
            status=429,
            form_error=_(
                "You have sent the form too often. Wait ten minutes and try again; what you "
                "typed is kept."
            ),
        )
    if not form.is_valid():
        return event_detail(request, page, form, status=400)
    try:
        registration = registrations.register(
            page, form.cleaned_data["name"], form.cleaned_data["email"]
        )
    except registrations.AlreadyRegistered:
        form.add_error("email", _("This e-mail address is already registered for this activity."))
        return event_detail(request, page, form, status=400)
    except registrations.RegistrationClosed:
        return event_detail(
            request,
            page,
            form,
            status=400,
            form_error=_("Registration for this activity is closed."),
        )
    url = page.get_url(request) + page.reverse_subpage("registered")
    if registration.status == RegistrationStatus.WAITING:
        url += "?wachtlijst=1"
    return HttpResponseRedirect(url)


def registered(request, page):
    if not page.registration_enabled:
        raise Http404
    return page.render(
        request,
        template="pages/event_registration_result.html",
        context_overrides={"result": "waiting" if request.GET.get("wachtlijst") else "confirmed"},
    )


def cancel(request, page, token):
    def result(name, status=200, registration=None):
        response = page.render(
            request,
            template="pages/event_cancel.html",
            context_overrides={"result": name, "registration": registration},
        )
        response.status_code = status
        return response

    payload = read_cancel_token(token)
    if payload is None or payload[1] != page.pk:
        return result("invalid", status=400)
    registration = Registration.objects.filter(pk=payload[0], event_id=page.pk).first()
    if registration is None:
        return result("unknown", status=404)
    if registration.status == RegistrationStatus.CANCELLED:
        return result("already", registration=registration)
    if request.method == "POST":
        registration, _promoted = registrations.cancel(registration.pk)
        return result("cancelled", registration=registration)
    return result("confirm", registration=registration)


def event_calendar(request, page):
    return calendar_response([page], page.title, request, filename=f"{page.slug}.ics")


# The overview of all kernen ----------------------------------------------------------------


def event_overview(request, page):
    home_path = page.path[: -Page.steplen]
    kernen = kernen_beside(page)
    form = OverviewFilterForm(request.GET or None, kernen=kernen)
    kern_slug, period = form.valid_value("kern"), form.valid_value("periode")

    events = with_images(upcoming(live_events().filter(path__startswith=home_path)))
    kern = next((kern for kern in kernen if kern.slug == kern_slug), None)
    if kern is not None:
        events = events.filter(path__startswith=kern.path)
    if period:
        events = in_period(events, period)
    page_obj = paginate(request, events, PAGE_SIZE, max_pages=LISTING_MAX_PAGES)

    attach_kernen(page_obj.object_list, kernen)

    filters = {key: value for key, value in (("kern", kern_slug), ("periode", period)) if value}
    response = page.render(
        request,
        context_overrides={
            "form": form,
            "page_obj": page_obj,
            "events": page_obj.object_list,
            "selected_kern": kern,
            "period": period,
            "extra_query": urlencode(filters),
            "feed_url": f"{page.get_url(request)}agenda.ics",
        },
    )
    if form.is_bound and form.errors:
        response.status_code = 400
    return response


# Calendar feeds ----------------------------------------------------------------------------


def calendar_feed(request, slug):
    """``/<kern>/agenda.ics`` for a kern, ``/activiteiten/agenda.ics`` for all kernen.

    A plain URL pattern (see portal/urls.py): Wagtail's page URLs end in a slash and cannot
    hold a dot, so the feed resolves the page by its slug under the current site itself."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    page = (
        public(Page.objects.live().child_of(site.root_page))
        .filter(slug=slug)
        .select_related("content_type")
        .first()
    )
    if page is None:
        raise Http404
    page = page.specific
    if isinstance(page, KernPage):
        events = live_events().descendant_of(page)
        name = _("Activities in %(place)s") % {"place": page.title}
    elif isinstance(page, apps.get_model("events", "EventOverviewPage")):
        events = live_events().descendant_of(site.root_page)
        name = _("Activities in %(place)s") % {"place": site.root_page.title}
    else:
        raise Http404
    declare_page(request, page)
    return calendar_response(for_feed(events), name, request)
