"""Who may open and change what in every admin viewset of the portal, view by view.

The cells are generated from the viewsets registered through the hooks (Wagtail's viewset
registry): every view a viewset exposes (from its URL patterns), the CSV and XLSX export of
its listing where it has one, and the chooser of a snippet, for every role, on a record of the
redactie's own kern (Beesd) and on one of another kern (Heukelum). A viewset of ours without a
row in ``MATRIX`` fails ``test_every_project_viewset_has_a_matrix_row``, and a view the matrix
has no rule for fails its viewset's test: a new viewset or view cannot slip past unchecked.

What every cell checks, by the role's relation to the record:

- anonymous visitors and logged-in users without admin access go to the login page;
- a record the user does not reach (another kern's, or any record of a model the user has no
  permission on) does not exist for them: 404 on every view that names it, GET or POST;
- a view the user may not use on a record they do reach is refused the Wagtail way (a
  redirect to the dashboard with a message);
- a listing (index, its results, its CSV and XLSX export, the chooser's lists) shows the
  records the user reaches and no other;
- a POST changes the record (edit), removes it (delete) or adds one (add, copy) when allowed,
  and changes nothing at all when not. Every POST sends valid form data, so that a refused one
  would have worked had it been let through.
"""

import io
from dataclasses import dataclass
from datetime import timedelta
from itertools import count
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.chooser import ChooserViewSet

import pytest
from openpyxl import load_workbook

from agenda.constants import InterestKind
from agenda.factories import ActionPointPageFactory
from agenda.models import ActionPointPage, Interest, KernagendaPage, SignUp, Theme
from agenda.provisioning import MUNICIPALITY_GROUP
from events.constants import RegistrationStatus
from events.models import EventIndexPage, EventPage, Registration
from kernen.models import AreaBroker
from members.constants import Role
from members.models import BoardAreaPage, Membership, Organisation, Workspace
from security.admin_scope import ScopedViewSetMixin
from subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db

ROLES = ("superuser", "municipality", "comms", "redactie", "board", "outsider", "anonymous")
#: Roles without access to the admin (a board member works on the public site).
NO_ADMIN = ("board", "outsider", "anonymous")
#: "own": a record of the redactie's kern (Beesd); "other": one of another kern (Heukelum).
#: Records of models that belong to no kern are made the same way, two of them.
TARGETS = ("own", "other")
BOTH = frozenset(TARGETS)
NOTHING = frozenset()

#: The views of a viewset, by the name of their URL (snippets call their index "list").
ALIASES = {"list": "index", "list_results": "index_results"}
LISTINGS = {"index", "index_results", "export_csv", "export_xlsx"}
CHOOSER_LISTINGS = {"choose", "choose_results", "chosen_multiple"}
RECORD_VIEWS = {"edit", "delete", "history", "history_results", "usage", "inspect", "copy"}
CHOOSER_RECORD_VIEWS = {"chosen"}
#: What an allowed POST does, per view.
POST_EFFECTS = {"add": "adds", "edit": "changes", "delete": "deletes", "copy": None,
                "create": None}  # fmt: skip
KNOWN_VIEWS = LISTINGS | CHOOSER_LISTINGS | RECORD_VIEWS | CHOOSER_RECORD_VIEWS | set(POST_EFFECTS)

ALL_VIEWS = frozenset(KNOWN_VIEWS)
READ_AND_DELETE = frozenset(
    {"index", "index_results", "export_csv", "export_xlsx", "inspect", "history",
     "history_results", "delete"}
)  # fmt: skip

_serial = count(1)


def label(prefix):
    """A word found nowhere in the admin but where this record is shown; sorts by age."""
    return f"{prefix}{next(_serial):05d}x"


# The records, one kind per viewset: ``make(kern)`` adds one that belongs to ``kern``.


def action_point_of(kern):
    kernagenda = KernagendaPage.objects.child_of(kern).get()
    point = ActionPointPage.objects.child_of(kernagenda).first()
    return point or ActionPointPageFactory(
        parent=kernagenda,
        kern=kern,
        title=f"Bankjes in {kern.title}",
        slug="bankjes",
        summary="Bankjes.",
    )


def event_of(kern):
    index = EventIndexPage.objects.child_of(kern).get()
    event = EventPage.objects.child_of(index).first()
    if event is None:
        start = timezone.now().replace(microsecond=0) + timedelta(days=7)
        event = EventPage(
            title=f"Burendag {kern.title}", slug="burendag", start=start,
            end=start + timedelta(hours=2), location="Dorpshuis", registration_enabled=True,
        )  # fmt: skip
        index.add_child(instance=event)
        event.save_revision().publish()
    return event


def board_of(kern):
    return Workspace.objects.get(page=BoardAreaPage.objects.child_of(kern).get())


def new_user():
    return get_user_model().objects.create_user(username=label("lid"), password="x-horse-9")


def make_signup(kern):
    name = label("aanmelder")
    return SignUp.objects.create(
        action_point=action_point_of(kern), name=name, email=f"{name}@example.nl", kern=kern,
        contribution="Zaaien", consent=True,
    )  # fmt: skip


def make_interest(kern):
    name = label("inkoper")
    return Interest.objects.create(
        action_point=action_point_of(kern), kind=InterestKind.RESIDENT, name=name,
        email=f"{name}@example.nl", kern=kern,
    )  # fmt: skip


def make_registration(kern):
    name = label("deelnemer")
    return Registration.objects.create(
        event=event_of(kern), name=name, email=f"{name}@example.nl",
        status=RegistrationStatus.CONFIRMED,
    )  # fmt: skip


def make_membership(kern):
    return Membership.objects.create(workspace=board_of(kern), user=new_user(), role=Role.MEMBER)


def make_organisation(kern):
    name = label("organisatie")
    return Organisation.objects.create(home=kern.get_parent(), name=name, slug=name)


def make_theme(kern):
    name = label("thema")
    return Theme.objects.create(name=name, slug=name, sort_order=0)  # first in every list


def make_area_broker(kern):
    name = label("makelaar")
    return AreaBroker.objects.create(name=name, email=f"{name}@example.nl")


def make_subscriber(kern):
    moment = timezone.now() - timedelta(days=1)
    subscriber = Subscriber.objects.create(
        email=f"{label('abonnee')}@example.nl", kinds=["news"], confirmed_at=moment,
        digest_until=moment,
    )  # fmt: skip
    subscriber.kernen.set([kern])
    return subscriber


# Valid form data for each viewset's forms.


def person_form(kern, **extra):
    return {"name": label("nieuw"), "email": "nieuw@example.nl", "kern": kern.pk, **extra}


def signup_form(kern):
    return person_form(kern, contribution="Maaien", consent="on")


def interest_form(kern):
    return person_form(kern, kind=InterestKind.RESIDENT)


def registration_form(kern):
    return {"name": label("nieuw"), "email": "nieuw@example.nl", "status": "confirmed"}


def membership_form(kern):
    return {"workspace": board_of(kern).pk, "user": new_user().pk, "role": Role.CHAIR}


def organisation_form(kern):
    name = label("nieuw")
    return {"home": kern.get_parent().pk, "name": name, "slug": name, "description": "",
            "email": "", "phone": "", "website": "https://example.nl/",
            "kernen": [kern.pk]}  # fmt: skip


def theme_form(kern):
    return {"name": label("nieuw"), "slug": label("nieuw"), "sort_order": 5}


def area_broker_form(kern):
    return {"name": label("nieuw"), "email": "nieuw@example.nl", "phone": "", "user": ""}


def subscriber_form(kern):
    moment = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    return {"email": f"{label('nieuw')}@example.nl", "kernen": [kern.pk],
            "kinds": '["news"]', "confirmed_at": moment, "digest_until": moment}  # fmt: skip


@dataclass
class Row:
    """One viewset (with its chooser, for a snippet) in the matrix."""

    make: Any
    #: The records each role reaches at all: {role: targets}.
    reaches: dict
    #: The views each role may use (on the records it reaches): {role: views}.
    allowed: dict
    #: Valid data for the model's add and edit forms.
    form: Any
    #: How a record appears in a listing, and the field an edit changes.
    shown_as: str = "name"
    changes: str = "name"
    #: Every admin user may choose from all records (snippets editors pick on their pages).
    chooser_open_to_editors: bool = False

    def reach(self, role, chooser=False):
        if role in NO_ADMIN:
            return NOTHING
        if chooser and self.chooser_open_to_editors:
            return BOTH
        return self.reaches.get(role, NOTHING)


MATRIX = {
    # Personal data of residents: a kern's redactie reads and deletes its own kern's; nobody
    # adds one in the admin (they come in through the action point's form).
    "agenda.signup": Row(
        make=make_signup,
        reaches={"superuser": BOTH, "redactie": {"own"}},
        allowed={"superuser": ALL_VIEWS - {"add", "copy"}, "redactie": READ_AND_DELETE},
        form=signup_form,
    ),
    "agenda.interest": Row(
        make=make_interest,
        reaches={"superuser": BOTH, "redactie": {"own"}},
        allowed={"superuser": ALL_VIEWS - {"add", "copy"}, "redactie": READ_AND_DELETE},
        form=interest_form,
    ),
    # The registrations of the activities the user may edit; organisers only list and export.
    "events.registration": Row(
        make=make_registration,
        reaches={"superuser": BOTH, "redactie": {"own"}},
        allowed={
            "superuser": ALL_VIEWS - {"add", "copy"},
            "redactie": {"index", "index_results", "export_csv", "export_xlsx"},
        },
        form=registration_form,
    ),
    # Municipality-wide: administrators only.
    "members.membership": Row(
        make=make_membership,
        reaches={"superuser": BOTH},
        allowed={"superuser": ALL_VIEWS},
        form=membership_form,
        shown_as="user.username",
        changes="role",
    ),
    # Organisations (members.Organisation): administrators and the municipality's
    # Communicatie (its own municipality's, with their members); their own members edit their
    # public profile on the site (/organisaties/<slug>/bewerken/).
    "members.organisation": Row(
        make=make_organisation,
        reaches={"superuser": BOTH, "comms": BOTH},
        allowed={"superuser": ALL_VIEWS, "comms": ALL_VIEWS},
        form=organisation_form,
    ),
    "kernen.areabroker": Row(
        make=make_area_broker,
        reaches={"superuser": BOTH},
        allowed={"superuser": ALL_VIEWS},
        form=area_broker_form,
        chooser_open_to_editors=True,
    ),
    # The municipality keeps the themes; every redactie picks one for its action points.
    "agenda.theme": Row(
        make=make_theme,
        reaches={"superuser": BOTH, "municipality": BOTH},
        allowed={"superuser": ALL_VIEWS, "municipality": ALL_VIEWS},
        form=theme_form,
        chooser_open_to_editors=True,
    ),
    # Read-only, for administrators: subscribers come in through the double opt-in only.
    "subscriptions.subscriber": Row(
        make=make_subscriber,
        reaches={"superuser": BOTH},
        allowed={"superuser": ALL_VIEWS - {"add", "copy", "create", "edit", "usage"}},
        form=subscriber_form,
        shown_as="email",
        changes="email",
    ),
}


# The viewsets registered for the project's own models.


def project_app_labels():
    base = Path(settings.BASE_DIR).resolve()
    labels = set()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and ".venv" not in path.relative_to(base).parts:
            labels.add(config.label)
    return labels


def model_of(viewset):
    model = getattr(viewset, "model", None)
    return apps.get_model(model) if isinstance(model, str) else model


def project_viewsets():
    """``{"app.model": [viewset, ...]}``: each model's viewset and, for a snippet, its chooser."""
    reverse("wagtailadmin_home")  # loads the admin's URLs, which fills the registry
    labels = project_app_labels()
    found = {}
    for viewset in viewsets.viewsets:
        model = model_of(viewset)
        if model is not None and model._meta.app_label in labels:
            found.setdefault(model._meta.label_lower, []).append(viewset)
    return found


def test_every_project_viewset_has_a_matrix_row():
    assert sorted(project_viewsets()) == sorted(MATRIX)


def test_every_project_viewset_is_scoped():
    unscoped = [
        f"{type(viewset).__module__}.{type(viewset).__name__}"
        for found in project_viewsets().values()
        for viewset in found
        if not isinstance(viewset, ScopedViewSetMixin)
    ]

    assert unscoped == []


# The cells.


@dataclass(frozen=True)
class Cell:
    viewset: Any
    view: str  # index, export_csv, edit, chosen, ...
    url_name: str
    method: str
    role: str
    target: str | None  # for a view of one record

    @property
    def in_chooser(self):
        return isinstance(self.viewset, ChooserViewSet)

    def __str__(self):
        on = f" on the {self.target} record" if self.target else ""
        return f"{self.role} {self.method} {self.viewset.url_namespace}:{self.view}{on}"


def has_export(viewset):
    return getattr(viewset, "list_export", None) not in (None, ViewSet.UNDEFINED, [], ())


def views_of(viewset):
    """(view, URL name, whether it names a record) for every URL of ``viewset``."""
    found = []
    for pattern in viewset.get_urlpatterns():
        view = ALIASES.get(pattern.name, pattern.name)
        found.append((view, pattern.name, "pk" in pattern.pattern.regex.groupindex))
        if view == "index" and has_export(viewset):
            found += [("export_csv", pattern.name, False), ("export_xlsx", pattern.name, False)]
    return found


def cells_of(key):
    cells = []
    for viewset in project_viewsets()[key]:
        for view, url_name, names_record in views_of(viewset):
            assert view in KNOWN_VIEWS, f"No rule in the matrix for {url_name} of {viewset}"
            assert names_record == (view in RECORD_VIEWS | CHOOSER_RECORD_VIEWS), url_name
            for method in ("GET", "POST") if view in POST_EFFECTS else ("GET",):
                for role in ROLES:
                    for target in TARGETS if names_record else (None,):
                        cells.append(Cell(viewset, view, url_name, method, role, target))
    return cells


def expected(row, cell):
    """What ``cell`` must answer: "login", "not found", "refused", "not allowed" or "ok"."""
    if cell.role in NO_ADMIN:
        return "login"
    if cell.target and cell.target not in row.reach(cell.role, chooser=cell.in_chooser):
        return "not found"
    if cell.in_chooser:
        # No chooser of ours offers a creation form: its "create" URL finds nothing. The
        # other chooser views ask for no permission; what they offer is limited to the reach.
        return "not found" if cell.view == "create" else "ok"
    if cell.view not in row.allowed.get(cell.role, ()):
        return "refused"
    if cell.view == "copy" and cell.method == "POST":
        return "not allowed"  # 405: the copy form posts to the add view
    return "ok"


def snapshot(record):
    fresh = type(record)._default_manager.filter(pk=record.pk).first()
    return fresh and model_to_dict(fresh)


def text_of(response, view):
    body = (
        b"".join(response.streaming_content)
        if getattr(response, "streaming", False)
        else response.content
    )
    if view != "export_xlsx":
        return body.decode()
    sheet = load_workbook(io.BytesIO(body), read_only=True).active
    return " ".join(str(value) for row in sheet.iter_rows(values_only=True) for value in row)


def attribute(record, path):
    for name in path.split("."):
        record = getattr(record, name)
    return str(record)


def check(client, row, cell, kernen, listed):
    """Request ``cell``; return what is wrong with the answer (nothing when all is right)."""
    posting = cell.method == "POST"
    if cell.target is None:
        record = None
    else:  # a POST gets a record of its own: an allowed one deletes or changes it
        record = row.make(kernen[cell.target]) if posting else listed[cell.target]
    url = reverse(cell.viewset.get_url_name(cell.url_name), args=[record.pk] if record else [])
    query = {
        "export_csv": {"export": "csv"},
        "export_xlsx": {"export": "xlsx"},
        "chosen_multiple": {"id": [listed["own"].pk, listed["other"].pk]},
    }.get(cell.view, {})
    model = model_of(cell.viewset)
    count_before = model._default_manager.count()
    before = record and snapshot(record)

    if posting:
        response = client.post(url, row.form(kernen[cell.target or "own"]))
    else:
        response = client.get(url, query)

    outcome = expected(row, cell)
    status, location = response.status_code, response.get("Location", "")
    answer = f"{status} {location}".strip()
    problems = []
    if outcome == "login":
        if status != 302 or reverse("wagtailadmin_login") not in location:
            problems.append(f"expected the login page, got {answer}")
    elif outcome == "not found":
        if status != 404:
            problems.append(f"expected 404, got {answer}")
    elif outcome == "refused":
        if status != 302 or location != reverse("wagtailadmin_home"):
            problems.append(f"expected a refusal (302 to the dashboard), got {answer}")
    elif outcome == "not allowed":
        if status != 405:
            problems.append(f"expected 405, got {answer}")
    elif not posting:
        if status != 200:
            problems.append(f"expected 200, got {answer}")
        elif cell.view in LISTINGS | CHOOSER_LISTINGS:
            text = text_of(response, cell.view)
            reach = row.reach(cell.role, chooser=cell.in_chooser)
            for target in TARGETS:
                shown = attribute(listed[target], row.shown_as) in text
                if shown and target not in reach:
                    problems.append(f"the {target} record is listed")
                if not shown and target in reach:
                    problems.append(f"the {target} record is missing")
    else:
        effect = POST_EFFECTS[cell.view]
        success = 200 if cell.in_chooser else 302
        if status != success:
            problems.append(f"expected {success}, got {answer}")
        elif effect == "adds" and model._default_manager.count() != count_before + 1:
            problems.append("nothing was added")
        elif effect == "deletes" and snapshot(record) is not None:
            problems.append("the record was not deleted")
        elif effect == "changes" and snapshot(record)[row.changes] == before[row.changes]:
            problems.append("the record was not changed")

    if posting and outcome != "ok":
        if model._default_manager.count() != count_before:
            problems.append("a refused POST added or deleted a record")
        if record is not None and snapshot(record) != before:
            problems.append("a refused POST changed the record")
    return problems


@pytest.fixture
def people(make_user, beesd_editor, beesd):
    return {
        "superuser": make_user("beheerder", is_superuser=True),
        "municipality": make_user("gemeente", Group.objects.get(name=MUNICIPALITY_GROUP)),
        "comms": make_user("communicatie", Group.objects.get(name="Communicatie")),
        "redactie": beesd_editor,
        "board": make_user("bestuur-beesd", board_of(beesd).member_group),
        "outsider": make_user("inwoner"),
        "anonymous": None,
    }


@pytest.mark.parametrize("key", sorted(MATRIX))
def test_access_matrix(key, client, beesd, heukelum, people, subtests):
    row = MATRIX[key]
    kernen = {"own": beesd, "other": heukelum}
    listed = {target: row.make(kernen[target]) for target in TARGETS}
    cells = cells_of(key)

    for cell in cells:
        with subtests.test(msg=str(cell)):
            client.logout()
            if people[cell.role] is not None:
                client.force_login(people[cell.role])
            assert check(client, row, cell, kernen, listed) == []

    print(f"\n{key}: {len(cells)} cells")


def test_a_key_that_is_no_number_finds_nothing(client, people):
    client.force_login(people["superuser"])
    url = reverse("wagtailsnippetchoosers_agenda_theme:chosen", args=["geen-nummer"])

    assert client.get(url).status_code == 404
