"""The public views of the kernagenda, called from the routes of its pages
(``agenda.models.pages``), which import this module. So it imports no page model itself: the
pages it gets are its arguments, its querysets come from ``agenda.queries``."""

from itertools import groupby
from urllib.parse import urlencode

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from agenda import charts, queries
from agenda.constants import (
    KERNAGENDA_GROUP_SIZE,
    NO_THEME_GROUP,
    SIGNUP_RATE_LIMIT,
    SIGNUP_RATE_WINDOW,
    InterestKind,
    Status,
)
from agenda.forms import InterestForm, KernagendaFilterForm, OverviewFilterForm, SignUpForm
from agenda.models.themes import Theme
from agenda.tasks import send_signup_notification
from agenda.versions import compare, snapshot
from home.pagination import (
    OLD_PAGE_PARAMETER,
    PAGE_PARAMETER,
    page_number,
    paginate,
    query_without_page,
)
from home.queries import public
from kernen.models import KernPage
from kernen.queries import kernen_beside
from pagecache.invalidation import cached_by_tags
from pagecache.tags import page_read_tags
from security.ratelimit import client_address, hit

OVERVIEW_PAGE_SIZE = 50
NO_THEME = "Overig"


def render(request, page, template=None, status=200, **context):
    """``page.render()`` with ``context`` added to the page's own, answered with ``status``."""
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def kern_of(page):
    """The kern a kernagenda belongs to (its parent), in one query."""
    return KernPage.objects.get(path=page.path[: -page.steplen])


def kernen_queryset(kern):
    """The live, public kernen of ``kern``'s municipality, for a form's choice of kern."""
    kernen = KernPage.objects.live().filter(
        path__startswith=kern.path[: -kern.steplen], depth=kern.depth
    )
    return public(kernen).order_by("title")


def filter_points(points, data, kernen=None):
    if data.get("status"):
        points = points.filter(status=data["status"])
    if data.get("thema"):
        points = points.filter(theme__slug=data["thema"])
    if data.get("samen"):
        has_joint = points.model.joint_kernen.through.objects.filter(actionpointpage=OuterRef("pk"))
        points = points.filter(Q(Exists(has_joint)) | Q(joint_purchase=True))
    if data.get("kern") and kernen is not None:
        kern = next(kern for kern in kernen if kern.slug == data["kern"])
        joint = points.model.joint_kernen.through.objects.filter(kernpage=kern).values(
            "actionpointpage_id"
        )
        points = points.filter(Q(kern=kern) | Q(pk__in=joint))
    return points


def group_by_theme(points):
    return [
        (theme_name, list(items))
        for theme_name, items in groupby(points, key=lambda point: point.theme_name or NO_THEME)
    ]


def kernagenda_points(kern):
    return (
        queries.with_last_update(queries.action_points_for_kern(kern))
        .select_related("theme", "kern")
        .prefetch_related(queries.joint_kernen_prefetch())
        .order_by("theme__sort_order", "theme__name", "title")
    )


def kernagenda_index(request, page):
    """The points of a kernagenda by theme, at most KERNAGENDA_PREVIEW of each with a link to
    the rest; ``?groep=<theme>`` shows one theme, KERNAGENDA_GROUP_SIZE a page (``&pagina=``)."""
    kern = kern_of(page)
    themes = list(Theme.objects.all())
    form = KernagendaFilterForm(request.GET or None, themes=themes)
    group = request.GET.get("groep") or None
    if group and group not in {theme.slug for theme in themes} | {NO_THEME_GROUP}:
        raise Http404(_("This theme does not exist."))
    number = 1
    if group:
        try:
            number = max(int(page_number(request)), 1)
        except ValueError as error:
            raise Http404(_("This page number is not valid.")) from error
    points = queries.action_points_for_kern(kern)
    status = 200
    if form.is_bound:
        if form.is_valid():
            points = filter_points(points, form.cleaned_data)
        else:
            status = 400
            points = points.none()
    groups, total = queries.kernagenda_groups(points, group, number)
    # The pager checks the number against the total (a page past the end is a 404).
    page_obj = paginate(request, [], KERNAGENDA_GROUP_SIZE, count=total) if group else None
    kept = request.GET.copy()
    for parameter in ("groep", PAGE_PARAMETER, OLD_PAGE_PARAMETER):
        kept.pop(parameter, None)
    kept = [(key, value) for key, value in kept.items()]
    for item in groups:
        item["name"] = item["name"] or NO_THEME
        item["more_query"] = urlencode([*kept, ("groep", item["slug"])])
    return render(
        request,
        page,
        status=status,
        kern=kern,
        form=form,
        groups=groups,
        number=total,
        group=group,
        page_obj=page_obj,
        extra_query=urlencode([*kept, ("groep", group)]) if group else "",
        all_query=urlencode(kept),
        versions=list(page.versions.defer("points")),
        filtered=form.is_bound,
    )


def kernagenda_print(request, page):
    kern = kern_of(page)
    points = list(kernagenda_points(kern))
    return render(
        request,
        page,
        "pages/kernagenda_print.html",
        kern=kern,
        groups=group_by_theme(points),
        number=len(points),
    )


def labelled(points):
    """Snapshot points with the Dutch names of their statuses (then and before)."""
    labels = dict(Status.choices)
    return [
        {
            **point,
            "status_label": labels.get(point["status"], point["status"]),
            "status_before_label": labels.get(point.get("status_before"), ""),
        }
        for point in points
    ]


def kernagenda_version(request, page, version_id):
    version = get_object_or_404(page.versions, pk=version_id)
    kern = kern_of(page)
    points = labelled(version.points)
    groups = [
        (theme or NO_THEME, list(items))
        for theme, items in groupby(points, key=lambda point: point["theme"])
    ]
    return render(
        request,
        page,
        "pages/kernagenda_version.html",
        kern=kern,
        version=version,
        groups=groups,
        number=len(points),
    )


def kernagenda_changes(request, page):
    kern = kern_of(page)
    versions = list(page.versions.all())
    template = "pages/kernagenda_changes.html"
    if not versions:
        return render(request, page, template, kern=kern, versions=versions)

    by_id = {str(version.pk): version for version in versions}
    old_id = request.GET.get("van") or str(versions[-2].pk if len(versions) > 1 else versions[0].pk)
    new_id = request.GET.get("naar") or (str(versions[-1].pk) if len(versions) > 1 else "nu")
    if old_id not in by_id or (new_id != "nu" and new_id not in by_id):
        error = _("Choose two versions of this kernagenda.")
        return render(request, page, template, 400, kern=kern, versions=versions, error=error)
    old = by_id[old_id]
    if new_id == "nu":
        new_points, new_label = snapshot(page, kern), _("now")
    else:
        new_points, new_label = by_id[new_id].points, by_id[new_id].name
    changes = compare(old.points, new_points)
    for name in ("added", "finished", "changed", "removed"):
        setattr(changes, name, labelled(getattr(changes, name)))
    return render(
        request,
        page,
        template,
        kern=kern,
        versions=versions,
        old=old,
        old_id=old_id,
        new_id=new_id,
        new_label=new_label,
        changes=changes,
    )


# Action point


def action_point_page(request, page, signup_form=None, interest_form=None, status=200):
    point = (
        page if hasattr(page, "signup_count") else queries.action_point_details().get(pk=page.pk)
    )
    kernen = kernen_queryset(point.kern) if point.kern else KernPage.objects.none()
    joint_kernen = list(point.joint_kernen.only("id", "title", "slug", "url_path"))
    return render(
        request,
        point,
        status=status,
        kernagenda_url=point.url[: -len(point.slug) - 1] if point.url else None,
        joint_kernen=joint_kernen,
        updates=list(point.updates.order_by("-date", "-sort_order")),
        similar=list(queries.similar_action_points(point)),
        signup_count=point.signup_count or 0,
        resident_count=point.resident_count or 0,
        kern_count=(1 if point.kern_id else 0) + len(joint_kernen) + (point.other_kern_count or 0),
        signup_form=signup_form or SignUpForm(kernen=kernen),
        interest_form=(interest_form or InterestForm(kernen=kernen))
        if point.joint_purchase
        else None,
        signed_up=request.GET.get("aangemeld") == "1",
        interested=request.GET.get("doet-mee") == "1",
    )


def rate_limited(request):
    """Count a sign-up from this address; True when it exceeds the limit for this hour."""
    key = f"agenda:signups:{client_address(request)}"
    return not hit(key, SIGNUP_RATE_LIMIT, SIGNUP_RATE_WINDOW)


def too_many(request, page):
    message = _("You have sent many forms in a short time. Please try again in an hour.")
    return render(request, page, "pages/agenda_too_many.html", 429, message=message)


def action_point_signup(request, page):
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    kernen = kernen_queryset(page.kern) if page.kern_id else KernPage.objects.none()
    form = SignUpForm(request.POST, kernen=kernen)
    if rate_limited(request):
        return too_many(request, page)
    if not form.is_valid():
        return action_point_page(request, page, signup_form=form, status=400)
    signup = form.save(commit=False)
    signup.action_point = page
    signup.save()
    transaction.on_commit(lambda: send_signup_notification.enqueue(signup.pk))
    return HttpResponseRedirect(f"{page.url}?aangemeld=1#doe-mee")


def action_point_interest(request, page):
    if request.method != "POST" or not page.joint_purchase:
        return HttpResponseRedirect(page.url)
    kernen = kernen_queryset(page.kern) if page.kern_id else KernPage.objects.none()
    form = InterestForm(request.POST, kernen=kernen)
    if rate_limited(request):
        return too_many(request, page)
    if not form.is_valid():
        return action_point_page(request, page, interest_form=form, status=400)
    interest = form.save(commit=False)
    interest.action_point = page
    if interest.kind == InterestKind.RESIDENT:
        interest.kern = None
    interest.save()
    return HttpResponseRedirect(f"{page.url}?doet-mee=1#inkoop")


# Overview


def status_table(kernen, counts):
    """A row per kern with its number of points per status, in the order of ``Status``."""
    table = []
    for kern in kernen:
        kern_counts = counts.get(kern.pk, {})
        table.append(
            {
                "kern": kern,
                "counts": kern_counts,
                "cells": [kern_counts.get(choice, 0) for choice in Status.values],
                "total": sum(kern_counts.values()),
            }
        )
    return table


def overview_counts(page, points, filters):
    """``queries.overview_counts(points)``, kept in the cache until the page cache would drop
    the overview (its own tags: a point, a kern or a view restriction of the municipality
    changed). Every page of the listing and every filter shows the counts of its filters: on a
    site with 9,747 points counting them is the one slow query of the overview (51 ms)."""
    chosen = urlencode(sorted((name, str(value)) for name, value in filters.items()))
    return cached_by_tags(
        f"agenda:overview-counts:{page.pk}:{chosen}",
        page_read_tags(page),
        lambda: queries.overview_counts(points),
    )


def overview(request, page):
    kernen = kernen_beside(page)
    themes = list(Theme.objects.all())
    form = OverviewFilterForm(request.GET or None, kernen=kernen, themes=themes)
    home_path = page.path[: -page.steplen]
    points = queries.live_action_points().filter(path__startswith=home_path)
    status = 200
    if form.is_bound:
        if form.is_valid():
            points = filter_points(points, form.cleaned_data, kernen)
        else:
            status = 400
            points = points.none()

    if status == 200:
        counts, budgets = overview_counts(page, points, form.cleaned_data if form.is_bound else {})
    else:
        counts, budgets = queries.overview_counts(points)  # none: nothing to keep
    table = status_table(kernen, counts)
    totals = [sum(row["cells"][index] for row in table) for index in range(len(Status))]
    for row in table:  # as text: no number localisation per cell in the template
        row["cell_texts"] = [str(cell) for cell in row["cells"]]
    # The points' kernen are among those loaded for the form and the table: a page of points
    # joins none of their rows (building a page instance per point is most of its cost).
    listing = points.select_related("theme").prefetch_related(queries.joint_kernen_prefetch())
    # Its length is the sum of the counts: the paginator asks no COUNT of its own.
    page_obj = paginate(request, queries.PointsByKern(listing, kernen, counts), OVERVIEW_PAGE_SIZE)
    by_pk = {kern.pk: kern for kern in kernen}
    for point in page_obj.object_list:
        point.kern = by_pk.get(point.kern_id) or point.kern
    return render(
        request,
        page,
        status=status,
        form=form,
        page_obj=page_obj,
        points=page_obj.object_list,
        table=table,
        totals=totals,
        grand_total=sum(totals),
        statuses=Status.choices,
        chart=charts.status_chart(table),
        budgets=budgets,
        budget_requested=sum(row["requested"] for row in budgets),
        budget_granted=sum(row["granted"] for row in budgets),
        extra_query=query_without_page(request),
    )
