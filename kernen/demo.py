"""The West Betuwe demo: 26 kernen with text, generated images, gebiedsmakelaars, a demo
editor, a demo moderator (Heukelum is moderated) and an admin. Idempotent: what exists is
reused, never duplicated."""

from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from home.factories import UserFactory, get_or_create
from home.locales import sync_language_trees
from home.models import PortalSettings
from kernen import sections
from kernen.constants import RolloutStatus
from kernen.data import read_kernen
from kernen.factories import AreaBrokerFactory, KernFactory, MunicipalityFactory
from kernen.kern_texts import INTROS, agenda_invitation
from kernen.models import KernPage
from kernen.provisioning import move_site, site_address
from kernen.scenes import Scene, SceneImageFactory

MUNICIPALITY = "West Betuwe"

MUNICIPALITY_INTRO = (
    "<p>West Betuwe bestaat uit 26 kernen: dorpen en twee kleine steden tussen de Linge en de "
    "Waal. Op dit portaal lees je wat er in jouw kern gebeurt, wat de dorpsbelangen doen en "
    "waar de gemeente aan werkt. Kies hieronder je kern.</p>"
)

# Kernen that lie on the Linge or on the Waal; the rest lie in the polder between them.
LINGE = {
    "acquoy", "asperen", "heukelum", "beesd", "rhenoy", "rumpt", "gellicum", "enspijk",
    "deil", "geldermalsen", "buurmalsen", "tricht",
}  # fmt: skip
WAAL = {
    "haaften", "hellouw", "herwijnen", "tuil", "waardenburg", "varik", "heesselt",
    "opijnen", "neerijnen", "ophemert", "vuren",
}  # fmt: skip
TOWNS = {"geldermalsen", "heukelum"}

AREA_BROKERS = {
    "Geldermalsen": ("Anouk de Wit", "a.dewit@westbetuwe.example", "0345 - 123 401"),
    "Lingewaal": ("Jeroen van Dam", "j.vandam@westbetuwe.example", "0345 - 123 402"),
    "Neerijnen": ("Fatima El Amrani", "f.elamrani@westbetuwe.example", "0345 - 123 403"),
}

ADMIN_USERNAME = "admin"
EDITOR_USERNAME = "redactie-beesd"
MODERATOR_USERNAME = "moderator-heukelum"
#: The pilot kern whose editors submit their pages to a moderator.
MODERATED_KERN = "heukelum"


#: The demo's accounts and links, as ``load_demo`` prints them: (role, username or URL). Filled
#: again by every run (``demo_login``, ``demo_link``); all accounts share the admin's password.
LOGINS: list[tuple[str, str]] = []
LINKS: list[tuple[str, str]] = []


def demo_login(role: str, username: str, groups=(), **fields):
    """The demo account ``username`` with the admin's password, in ``groups``, listed by
    ``load_demo`` under ``role``. Made when missing; its password follows the admin's."""
    admin = get_user_model().objects.filter(username=ADMIN_USERNAME).first()
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = UserFactory(username=username, **fields)
    if admin is not None and user.password != admin.password:
        user.password = admin.password
        user.save(update_fields=["password"])
    user.groups.add(*groups)
    demo_account(role, username)
    return user


def demo_account(role: str, username: str) -> None:
    """List an account another step made (its password is the admin's) under ``role``."""
    if (role, username) not in LOGINS:
        LOGINS.append((role, username))


def demo_link(label: str, page, suffix: str = "") -> None:
    """List the absolute URL of ``page`` (plus ``suffix``) under ``label``."""
    LINKS.append((label, f"{page.get_full_url()}{suffix}"))


def kern_intro(row: dict, language: str = "nl") -> str:
    """The kern's introduction (``kernen.kern_texts``: what the place is known for, in
    ``language``); a kern not described there gets a plain sentence in Dutch."""
    name, slug = row["name"], row["slug"]
    if slug in INTROS:
        return INTROS[slug][("nl", "en", "pl").index(language)]
    kind = "kleine stad" if slug in TOWNS else "dorp"
    if slug in LINGE:
        where = "aan de Linge"
    elif slug in WAAL:
        where = "aan de Waal"
    else:
        where = "in het rivierengebied tussen Linge en Waal"
    return (
        f"{name} is een {kind} {where}. Hier vind je het nieuws, de activiteiten en de "
        f"kernagenda van {name}, en wie je kunt bellen met een vraag of idee."
    )


def kern_about(row: dict) -> str:
    name = row["name"]
    return (
        f"<p>Tot 2019 hoorde {name} bij de gemeente {row['former_municipality']}. Sinds de "
        f"fusie is {name} een van de 26 kernen van West Betuwe.</p>"
        f"<p>{agenda_invitation(row['slug']).format(name=name)}</p>"
    )


def demo_image(title: str, collection, water: str | None = None, village: bool | None = None):
    """The picture ``title`` in ``collection``: a landscape of the river land seeded by its title
    (``kernen.scenes``), painted the first time. ``water`` and ``village`` fix what it shows."""
    image, _created = get_or_create(
        SceneImageFactory,
        title=title,
        collection=collection,
        defaults={"water": water, "village": village},
    )
    return image


def demo_image_alt(title: str, place: str, water: str | None = None) -> str:
    """The alt text of ``demo_image(title, ...)``: what its picture shows, near ``place``."""
    return Scene.for_title(title, water).description(place)


def kern_water(slug: str) -> str:
    """The water a kern lies on, as its picture shows it."""
    return "linge" if slug in LINGE else "waal" if slug in WAAL else "polder"


def ensure_user(username: str, password: str, **fields):
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = UserFactory(username=username, password=password, **fields)
    else:
        # The printed password must always work, also when the demo was loaded before.
        user.set_password(password)
        user.save()
    return user


@transaction.atomic
def load_demo(password: str, stdout=None, base_url: str | None = None) -> dict:
    """Load the demo on the address ``base_url`` (default: the setting ``BASE_URL``): the
    Site, and with it every absolute link in e-mails, feeds and the API, follows it."""
    LOGINS.clear()
    LINKS.clear()
    hostname, port = site_address(base_url)
    home = MunicipalityFactory(
        title=MUNICIPALITY,
        hostname=hostname,
        port=port,
        is_default_site=True,
        intro=MUNICIPALITY_INTRO,
    )
    move_site(home.get_site(), base_url or settings.BASE_URL)
    portal_settings = PortalSettings.for_site(home.get_site())
    if not portal_settings.contact_email:
        portal_settings.contact_email = "info@westbetuwe.example"
        portal_settings.contact_phone = "0345 - 123 400"
        portal_settings.contact_address = "Postbus 100\n4190 CC Geldermalsen"
        portal_settings.save()

    brokers = {}
    for former, (name, email, phone) in AREA_BROKERS.items():
        brokers[former], _created = get_or_create(
            AreaBrokerFactory, email=email, defaults={"name": name, "phone": phone}
        )

    rows = read_kernen()
    for seed, row in enumerate(rows):
        if row["pilot"] == "yes":
            status = RolloutStatus.PILOT
        elif seed % 3 == 0:
            status = RolloutStatus.LIVE
        else:
            status = RolloutStatus.PLANNED
        kern = KernFactory(
            parent=home,
            title=row["name"],
            slug=row["slug"],
            intro=kern_intro(row),
            about=kern_about(row),
            former_municipality=row["former_municipality"],
            latitude=Decimal(row["lat"]),
            longitude=Decimal(row["lon"]),
            rollout_status=status,
            association_name=f"Dorpsbelang {row['name']}",
            association_email=f"bestuur@dorpsbelang-{row['slug']}.example",
            association_phone=f"06 - 1234 {5600 + seed:04d}",
            area_broker=brokers[row["former_municipality"]],
        )
        if kern.image_id is None:
            kern.image = demo_image(
                f"{row['name']} – gezicht op het dorp",
                kern.collection,
                water=kern_water(row["slug"]),
                village=True,
            )
            kern.save_revision(log_action=True).publish(log_action=True)

    ensure_user(ADMIN_USERNAME, password, is_staff=True, is_superuser=True,
                email="beheer@westbetuwe.example", first_name="Beheerder")  # fmt: skip
    demo_account("Beheerder (alles)", ADMIN_USERNAME)
    editor = ensure_user(EDITOR_USERNAME, password, email="redactie@dorpsbelang-beesd.example",
                         first_name="Redactie", last_name="Beesd")  # fmt: skip
    beesd = KernPage.objects.child_of(home).get(slug="beesd")
    editor.groups.add(beesd.editors_group)
    demo_account("Kernredactie Beesd", EDITOR_USERNAME)

    moderated = KernPage.objects.child_of(home).get(slug=MODERATED_KERN)
    if not moderated.moderation_enabled:
        moderated.moderation_enabled = True
        moderated.save_revision(log_action=True).publish(log_action=True)
    moderator = ensure_user(MODERATOR_USERNAME, password,
                            email="moderator@dorpsbelang-heukelum.example",
                            first_name="Moderator", last_name="Heukelum")  # fmt: skip
    moderator.groups.add(moderated.moderators_group)
    demo_account("Moderator Heukelum (keurt pagina's van de redactie goed)", MODERATOR_USERNAME)

    for step in sections.demo_steps():
        step(home, stdout)
    sync_language_trees()  # some steps add pages without publishing them
    # Imported here: kernen.translations_demo imports this module's demo texts.
    from kernen.translations_demo import load_translations_demo

    load_translations_demo(home, stdout)

    return {
        "home": home,
        "kernen": KernPage.objects.child_of(home).count(),
        "url": home.get_site().root_url,
        "logins": list(LOGINS),
        "links": list(LINKS),
    }
