"""Open data: every live, public action point of a site, without personal data."""

import csv
import io

from django.http import HttpResponse, JsonResponse
from django.utils.text import slugify

from wagtail.models import Site

from agenda.queries import joint_kernen_prefetch, live_action_points
from pagecache.tags import declare, site_tag
from security.csvsafe import safe_row

FIELDS = [
    "id",
    "title",
    "kern",
    "joint_kernen",
    "theme",
    "status",
    "start_date",
    "target_date",
    "next_review_date",
    "budget_requested",
    "budget_granted",
    "budget_source",
    "joint_purchase",
    "last_published_at",
    "url",
]


def rows(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    declare(request, site_tag(site.root_page.path), "overview:agenda")
    points = (
        live_action_points()
        .descendant_of(site.root_page, inclusive=False)
        .select_related("kern", "theme")
        .prefetch_related(joint_kernen_prefetch())
        .order_by("kern__title", "title")
    )

    def text(value):
        return value.isoformat() if value else None

    def amount(value):
        return str(value) if value is not None else None

    return [
        {
            "id": point.pk,
            "title": point.title,
            "kern": point.kern.title if point.kern_id else None,
            "joint_kernen": sorted(kern.title for kern in point.joint_kernen.all()),
            "theme": point.theme.name if point.theme_id else None,
            "status": point.status,
            "start_date": text(point.start_date),
            "target_date": text(point.target_date),
            "next_review_date": text(point.next_review_date),
            "budget_requested": amount(point.budget_requested),
            "budget_granted": amount(point.budget_granted),
            "budget_source": point.budget_source or None,
            "joint_purchase": point.joint_purchase,
            "last_published_at": text(point.last_published_at),
            "url": request.build_absolute_uri(point.get_url(request)),
        }
        for point in points
    ]


def filename(request, extension):
    site = Site.find_for_request(request)
    name = slugify(site.site_name) if site and site.site_name else "kernenportaal"
    return f"kernagenda-actiepunten-{name}.{extension}"


def action_points_csv(request):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS)
    writer.writeheader()
    for row in rows(request):
        writer.writerow(safe_row({**row, "joint_kernen": "; ".join(row["joint_kernen"])}))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(request, "csv")}"'
    return response


def action_points_json(request):
    data = rows(request)
    response = JsonResponse(
        {"count": len(data), "fields": FIELDS, "action_points": data},
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
