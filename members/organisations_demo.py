"""Demo of the organisations: three organisations of the municipality, each with a member
account; the housing corporation is invited (read and post) into the project
"Energiecoöperatie Linge" of three kernen and has a thread addressed to it, and the water
board reads along in the Beesd board. Idempotent: found again by slug."""

from kernen.demo import demo_account, demo_link
from kernen.models import KernPage
from members import services
from members.constants import AccessRole
from members.demo import demo_password_hash, ensure_member, ensure_thread
from members.factories import OrganisationFactory
from members.models import (
    BoardAreaPage,
    Organisation,
    OrganisationIndexPage,
    ProjectPage,
    Workspace,
)

ORGANISATIONS = [
    {
        "slug": "waterschap-rivierenland",
        "name": "Waterschap Rivierenland",
        "description": "Wij zorgen voor droge voeten, genoeg water en schoon water in het "
        "rivierengebied: dijken, sloten en de zuivering.",
        "email": "info@waterschap-rivierenland.example",
        "phone": "0344 64 90 90",
        "website": "https://www.waterschaprivierenland.nl/",
        "kernen": ("beesd", "heukelum"),
        "username": "waterschap-rivierenland",
    },
    {
        "slug": "woonstichting-de-kernen",
        "name": "Woonstichting De Kernen",
        "description": "Wij verhuren betaalbare woningen in de dorpen en denken mee over "
        "energie en leefbaarheid.",
        "email": "info@dekernen.example",
        "phone": "0183 64 20 00",
        "website": "https://www.dekernen.nl/",
        "kernen": ("beesd", "heukelum", "asperen"),
        "username": "woonstichting-de-kernen",
    },
    {
        "slug": "wijkagenten-west-betuwe",
        "name": "Wijkagenten West Betuwe",
        "description": "De wijkagenten van de politie: aanspreekpunt voor veiligheid in uw "
        "dorp. Bij spoed belt u 112.",
        "email": "wijkagenten@politie.example",
        "phone": "0900 8844",
        "website": "https://www.politie.nl/",
        "kernen": (),
        "username": "wijkagent-west-betuwe",
    },
]


def ensure_organisation(home, row, kernen, password_hash):
    organisation = Organisation.objects.filter(home=home, slug=row["slug"]).first()
    if organisation is None:
        organisation = OrganisationFactory(
            home=home,
            **{key: row[key] for key in ("slug", "name", "description", "email", "phone")},
            website=row["website"],
            kernen=[kernen[slug] for slug in row["kernen"] if slug in kernen],
        )
    first, _space, last = row["name"].partition(" ")
    user = ensure_member(row["username"], first, last, "organisatie", password_hash)
    services.add_organisation_member(organisation, user)
    demo_account(f"Organisatie {row['name']}", row["username"])
    return organisation, user


def load_organisations_demo(home, stdout=None):
    password_hash = demo_password_hash()
    kernen = {kern.slug: kern for kern in KernPage.objects.child_of(home)}
    made = {
        row["slug"]: ensure_organisation(home, row, kernen, password_hash) for row in ORGANISATIONS
    }
    project = ProjectPage.objects.filter(slug="energiecooperatie").descendant_of(home).first()
    project_workspace = Workspace.objects.filter(page=project).first() if project else None
    if project_workspace is not None:
        corporation, member = made["woonstichting-de-kernen"]
        services.invite_organisation(project_workspace, corporation, AccessRole.POST)
        chair = project_workspace.memberships.order_by("pk").first()
        if chair is not None:
            thread = ensure_thread(
                project_workspace, "Zonnepanelen op de huurwoningen?",
                [(chair.user, "Kunnen de daken van uw huurwoningen in Asperen meedoen?"),
                 (member, "Goed idee. We bekijken welke daken geschikt zijn.")],
            )  # fmt: skip
            thread.organisation = corporation
            thread.save(update_fields=["organisation"])
    beesd = kernen.get("beesd")
    board_page = BoardAreaPage.objects.child_of(beesd).first() if beesd else None
    board = Workspace.objects.filter(page=board_page).first() if board_page else None
    if board is not None:
        services.invite_organisation(board, made["waterschap-rivierenland"][0], AccessRole.READ)
    index = OrganisationIndexPage.objects.child_of(home).live().first()
    if index is not None:
        demo_link("Organisaties", index)
