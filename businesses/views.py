"""What the business pages do; the page models' routes (``businesses.models``), which import
this module, call these. It imports no page model: the pages are its arguments."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from businesses import queries, services
from businesses.constants import PAGE_SIZE, RATE_LIMIT_COUNT, RATE_LIMIT_WINDOW
from businesses.forms import BusinessForm, LinkRequestForm, ManageForm, OverviewFilterForm
from home.pagination import paginate
from kernen.queries import attach_kernen, kernen_beside
from security.ratelimit import allow

TOO_MANY = gettext_lazy(
    "You have sent the form too often. Wait ten minutes and try again; what you typed is kept."
)


def _render(request, page, template=None, status=200, **context):
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def _message(request, page, kind, status=200):
    return _render(request, page, "pages/business_message.html", status, result=kind)


# A kern's businesses and the registration ---------------------------------------------------


def business_index(request, page):
    businesses = list(queries.with_logos(page.businesses))
    return _render(
        request,
        page,
        kern=page.get_parent(),
        businesses=businesses,
        map_points=queries.map_points(businesses, request),
        removed="verwijderd" in request.GET,
    )


def register(request, page):
    bounds = queries.municipality_bounds(page)
    if request.method != "POST":
        form = BusinessForm(bounds=bounds)
        return _render(request, page, "pages/business_register.html", form=form)
    form = BusinessForm(request.POST, request.FILES, bounds=bounds)
    if not allow(request, "businesses:register", RATE_LIMIT_COUNT, RATE_LIMIT_WINDOW):
        return _render(
            request, page, "pages/business_register.html", 429, form=form, form_error=TOO_MANY
        )
    if not form.is_valid():
        return _render(request, page, "pages/business_register.html", 400, form=form)
    services.register(page, form.cleaned_data, request)
    return _message(request, page, "registered")


def _private(response):
    """A page opened by an e-mailed link is that person's only: the page cache keeps none."""
    add_never_cache_headers(response)
    return response


def confirm(request, page, token):
    business = services.confirm(page, token)
    if business is None:
        return _private(_message(request, page, "invalid", status=400))
    return _private(_message(request, page, "confirmed"))


# One business: its page, the link to change it, the change --------------------------------


def business_detail(request, page):
    kern, index = (list(page.get_ancestors().filter(depth__gt=2)) + [None, None])[:2]
    return _render(request, page, kern=kern, index=index)


def manage_request(request, page):
    if request.method != "POST":
        form = LinkRequestForm()
        return _render(request, page, "pages/business_link.html", form=form)
    form = LinkRequestForm(request.POST)
    if not allow(request, "businesses:link", RATE_LIMIT_COUNT, RATE_LIMIT_WINDOW):
        return _render(
            request, page, "pages/business_link.html", 429, form=form, form_error=TOO_MANY
        )
    if not form.is_valid():
        return _render(request, page, "pages/business_link.html", 400, form=form)
    services.send_manage_link(page, form.cleaned_data["email"], request)
    return _message(request, page, "link_sent")


def _initial(page) -> dict:
    return {name: getattr(page, field) for name, field in services.FIELDS.items()}


def manage(request, page, token):
    return _private(_manage(request, page, token))


def _manage(request, page, token):
    link = services.manage_link(page, token)
    if link is None:
        return _message(request, page, "invalid", status=400)
    if request.method != "POST":
        form = ManageForm(initial=_initial(page))
        return _render(request, page, "pages/business_manage.html", form=form)
    if "remove" in request.POST:
        parent_url = page.get_parent().get_url(request)
        services.remove(page, link)
        return HttpResponseRedirect(f"{parent_url}?verwijderd=1")
    form = ManageForm(request.POST, request.FILES, bounds=queries.municipality_bounds(page))
    if not form.is_valid():
        return _render(request, page, "pages/business_manage.html", 400, form=form)
    services.update(page, form.cleaned_data, link)
    return _message(request, page, "changed")


# The overview of all kernen ----------------------------------------------------------------


def business_overview(request, page):
    home_path = page.path[: -Page.steplen]
    kernen = kernen_beside(page)
    form = OverviewFilterForm(request.GET or None, kernen=kernen)
    kern_slug, kind = form.valid_value("kern"), form.valid_value("soort")

    businesses = queries.with_logos(queries.live_businesses().filter(path__startswith=home_path))
    kern = next((kern for kern in kernen if kern.slug == kern_slug), None)
    if kern is not None:
        businesses = businesses.filter(path__startswith=kern.path)
    if kind:
        businesses = businesses.filter(kind=kind)
    page_obj = paginate(request, businesses, PAGE_SIZE)

    attach_kernen(page_obj.object_list, kernen)

    filters = {key: value for key, value in (("kern", kern_slug), ("soort", kind)) if value}
    response = _render(
        request,
        page,
        form=form,
        page_obj=page_obj,
        businesses=page_obj.object_list,
        map_points=queries.map_points(page_obj.object_list, request),
        extra_query=urlencode(filters),
    )
    if form.is_bound and form.errors:
        response.status_code = 400
    return response
