"""Querysets of the kernagenda that pages, panels and other apps use."""

import re

from django.db.models import (
    Case,
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber

from agenda.constants import (
    KERNAGENDA_GROUP_SIZE,
    KERNAGENDA_PREVIEW,
    NO_THEME_GROUP,
    InterestKind,
)
from agenda.models.participation import Interest, SignUp
from home.queries import public
from kernen.models import KernPage

#: Words too common to make two action points similar.
STOP_WORDS = {
    "aan", "als", "bij", "dat", "de", "den", "der", "des", "die", "dit", "door", "een", "en",
    "het", "in", "met", "meer", "naar", "nieuwe", "nieuw", "of", "om", "onder", "op", "over",
    "samen", "te", "tot", "uit", "van", "voor", "wat", "we", "zijn",
}  # fmt: skip
SIMILAR_LIMIT = 4
SIMILAR_WORDS = 3


def live_action_points():
    # Imported here: the page models import this module (their routes' data come from it).
    from agenda.models import ActionPointPage

    return public(ActionPointPage.objects.live())


def joint_kernen_prefetch():
    return Prefetch("joint_kernen", queryset=KernPage.objects.only("id", "title", "slug"))


def with_last_update(points):
    """Annotate the date and text of each point's newest progress update (same query)."""
    # Imported here: the page models import this module (their routes' data come from it).
    from agenda.models import ProgressUpdate

    newest = ProgressUpdate.objects.filter(page=OuterRef("pk")).order_by("-date", "-sort_order")
    return points.annotate(
        last_update_date=Subquery(newest.values("date")[:1]),
        last_update_text=Subquery(newest.values("text")[:1]),
    )


def action_points_for_kern(kern):
    """The live, public action points in ``kern``'s kernagenda: its own and the joint ones
    that another kern owns and ``kern`` takes part in. One row per point, no copies."""
    # Imported here: the page models import this module (their routes' data come from it).
    from agenda.models import ActionPointPage

    # By translation key: a point in /en/ or /pl/ (an alias of the Dutch one) still names the
    # Dutch kern pages.
    kernen = kern.get_translations(inclusive=True).values("pk")
    # One set of ids, the kern's own points and its joint ones: PostgreSQL finds them through
    # the indexes on kern_id and on the joint table, and then only those pages. (An OR of the
    # two conditions made it read every page first: 46 ms against 6 ms for the status counts
    # of Beesd's kernagenda among 55,000 pages.)
    own = ActionPointPage.objects.filter(kern__in=kernen).order_by().values("pk")
    joint = (
        ActionPointPage.joint_kernen.through.objects.filter(kernpage__in=kernen)
        .order_by()
        .values("actionpointpage_id")
    )
    return live_action_points().filter(pk__in=own.union(joint))


def action_point_details():
    """Action points with kern, theme and the counts the public may see, in one query."""
    # Imported here: the page models import this module (their routes' data come from it).
    from agenda.models import ActionPointPage

    joint_ids = ActionPointPage.joint_kernen.through.objects.filter(
        actionpointpage=OuterRef(OuterRef("pk"))
    ).values("kernpage_id")
    signups = SignUp.objects.filter(action_point=OuterRef("pk")).order_by().values("action_point")
    residents = (
        Interest.objects.filter(action_point=OuterRef("pk"), kind=InterestKind.RESIDENT)
        .order_by()
        .values("action_point")
    )
    other_kernen = (
        Interest.objects.filter(action_point=OuterRef("pk"), kind=InterestKind.KERN)
        .exclude(kern=None)
        .exclude(kern_id=OuterRef("kern_id"))
        .exclude(kern_id__in=joint_ids)
        .order_by()
        .values("action_point")
    )
    return ActionPointPage.objects.select_related("kern", "theme").annotate(
        signup_count=Subquery(signups.annotate(number=Count("pk")).values("number")),
        resident_count=Subquery(residents.annotate(number=Count("pk")).values("number")),
        other_kern_count=Subquery(
            other_kernen.annotate(number=Count("kern_id", distinct=True)).values("number")
        ),
    )


def status_counts(points):
    """{status: number} of ``points``, in one query."""
    rows = points.order_by().values("status").annotate(number=Count("pk"))
    return {row["status"]: row["number"] for row in rows}


def words_of(text):
    words = re.findall(r"[a-zà-ÿ]{4,}", text.lower())
    chosen = [word for word in dict.fromkeys(words) if word not in STOP_WORDS]
    return sorted(chosen, key=len, reverse=True)[:SIMILAR_WORDS]


def similar_action_points(point):
    """Up to SIMILAR_LIMIT live action points of other kernen with the same theme and one of
    the longest words of the title in their title or summary. One query, however many kernen."""
    if not point.theme_id:
        return live_action_points().none()
    words = words_of(point.title) or words_of(point.summary)
    if not words:
        return live_action_points().none()
    matches = Q()
    for word in words:
        matches |= Q(title__icontains=word) | Q(summary__icontains=word)
    return (
        live_action_points()
        .filter(matches, theme_id=point.theme_id)
        .exclude(kern_id=point.kern_id)
        .exclude(pk=point.pk)
        .select_related("kern")
        .order_by("-last_published_at")[:SIMILAR_LIMIT]
    )


#: What a kernagenda's list of points shows: no page body, no revision data. The owning
#: kern's title comes as ``kern_title`` (a joint point shows it): no kern page built per point.
LISTED_FIELDS = (
    "id", "title", "url_path", "locale_id", "alias_of_id", "kern_id", "theme_id", "status",
    "joint_purchase", "summary", "theme__name", "theme__slug", "theme__sort_order",
)  # fmt: skip


def kernagenda_groups(points, group=None, number=1):
    """``points`` grouped by theme, at most KERNAGENDA_PREVIEW of each theme, in one query
    (plus one for the joint kernen of those shown), however many points there are.

    Returns ``(groups, total)``: each group a dict with the theme's ``name`` and ``slug``
    (None: no theme), its ``total`` and the ``points`` shown; ``total`` counts the points in
    all groups. With ``group`` (a theme's slug, or NO_THEME_GROUP) only that theme, its
    ``number``-th page of KERNAGENDA_GROUP_SIZE."""
    size = KERNAGENDA_GROUP_SIZE if group else KERNAGENDA_PREVIEW
    if group == NO_THEME_GROUP:
        points = points.filter(theme__isnull=True)
    elif group:
        points = points.filter(theme__slug=group)
    first = (number - 1) * size if group else 0
    ranked = (
        with_last_update(points)
        .select_related("theme")
        .only(*LISTED_FIELDS)
        .prefetch_related(joint_kernen_prefetch())
        .annotate(
            kern_title=F("kern__title"),
            place=Window(
                RowNumber(), partition_by=F("theme_id"), order_by=[F("title").asc(), F("pk").asc()]
            ),
            group_total=Window(Count("pk"), partition_by=F("theme_id")),
        )
        .filter(place__gt=first, place__lte=first + size)
        .order_by("theme__sort_order", "theme__name", "title", "pk")
    )
    groups = {}
    for point in ranked:
        theme = point.theme if point.theme_id else None
        key = theme.slug if theme else NO_THEME_GROUP
        if key not in groups:
            groups[key] = {
                "name": theme.name if theme else None,
                "slug": key,
                "sort": (theme is None, theme.sort_order if theme else 0),
                "total": point.group_total,
                "points": [],
            }
        groups[key]["points"].append(point)
    ordered = sorted(groups.values(), key=lambda group: group["sort"])  # no theme last
    return ordered, sum(group["total"] for group in ordered)


def overview_counts(points):
    """The numbers of ``points`` per kern and status, and their budgets per theme (in the
    themes' order, those without a theme last), from one grouped query."""
    counts, budget_rows = {}, {}
    grouped = (
        points.order_by()
        .values("kern_id", "status", "theme__name", "theme__sort_order")
        .annotate(
            number=Count("pk"),
            requested=Sum("budget_requested"),
            granted=Sum("budget_granted"),
        )
    )
    for row in grouped:
        kern_counts = counts.setdefault(row["kern_id"], {})
        kern_counts[row["status"]] = kern_counts.get(row["status"], 0) + row["number"]
        theme = (
            row["theme__name"] is None,
            row["theme__sort_order"] or 0,
            row["theme__name"] or "",
        )
        budget = budget_rows.setdefault(
            theme, {"theme__name": row["theme__name"], "requested": 0, "granted": 0}
        )
        budget["requested"] += row["requested"] or 0
        budget["granted"] += row["granted"] or 0
    return counts, [budget_rows[key] for key in sorted(budget_rows)]


class PointsByKern:
    """The overview's points in its order (kern, theme, title), as the paginator slices them.

    The number of points of each kern is known (``overview_counts``), so a page of the listing
    asks only the kernen it spans for their points, and sorts those: on a site with 9,747
    points one sort of all of them took 97 ms for the first 50. The kernen come by title
    (``kernen_beside``); a counted kern not among them (none should be) comes last."""

    def __init__(self, listing, kernen, counts):
        self.listing = listing
        self.counts = {kern_id: sum(numbers.values()) for kern_id, numbers in counts.items()}
        known = [kern.pk for kern in kernen]
        self.order = known + sorted(set(self.counts) - set(known))

    def __len__(self):
        return sum(self.counts.values())

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        spanned, skip, position = [], 0, 0
        for kern_id in self.order:
            number = self.counts.get(kern_id, 0)
            if number and position + number > start and position < stop:
                if not spanned:
                    skip = start - position
                spanned.append(kern_id)
            position += number
        if not spanned:
            return []
        kern_order = Case(
            *(When(kern_id=kern_id, then=Value(index)) for index, kern_id in enumerate(spanned))
        )
        rows = self.listing.filter(kern_id__in=spanned).order_by(
            kern_order, "theme__sort_order", "title", "pk"
        )
        return list(rows[skip : skip + stop - start])
