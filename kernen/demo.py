"""The West Betuwe demo: 26 kernen with text, generated images, gebiedsmakelaars, a demo
editor, a demo moderator (Heukelum is moderated) and an admin. Idempotent: what exists is
reused, never duplicated."""

import csv
import io
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images import get_image_model

from home.locales import sync_language_trees
from home.models import PortalSettings
from kernen import sections
from kernen.constants import RolloutStatus
from kernen.models import AreaBroker, KernPage
from kernen.provisioning import provision_kern, provision_municipality

DATA_FILE = Path(__file__).resolve().parent / "data" / "kernen-west-betuwe.csv"
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


def read_kernen() -> list[dict]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def kern_intro(row: dict) -> str:
    name, slug = row["name"], row["slug"]
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
        f"<p>Bewoners, de dorpsvereniging en de gemeente maken samen een kernagenda: de plannen "
        f"en wensen voor {name}. Wil je meedoen of heb je een idee? Neem contact op met de "
        f"dorpsvereniging of met de gebiedsmakelaar van de gemeente.</p>"
    )


def demo_image(title: str, seed: int, collection):
    """A landscape drawn with Pillow: sky, river, a dike and a church tower. Nothing is
    downloaded."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing

    from PIL import Image as PILImage
    from PIL import ImageDraw

    width, height = 1200, 675
    picture = PILImage.new("RGB", (width, height), (200, 225, 240))
    draw = ImageDraw.Draw(picture)
    hue = (seed * 37) % 60
    for y in range(height // 2):  # sky gradient
        shade = 170 + y * 70 // (height // 2)
        draw.line([(0, y), (width, y)], fill=(shade - hue, shade, 250))
    draw.rectangle([0, height // 2, width, height], fill=(96 + hue, 150, 70))  # meadows
    draw.polygon(  # river
        [(0, height * 3 // 4), (width, height * 2 // 3), (width, height * 3 // 4 + 40),
         (0, height * 5 // 6)],
        fill=(70, 120, 170),
    )  # fmt: skip
    tower_x = 200 + (seed * 53) % 700
    draw.rectangle([tower_x, 170, tower_x + 50, height // 2 + 10], fill=(120, 80, 60))
    draw.polygon([(tower_x - 8, 172), (tower_x + 58, 172), (tower_x + 25, 80)], fill=(60, 60, 70))
    for index in range(6):  # houses
        x = 60 + index * 180 + (seed * 17 + index * 29) % 60
        draw.rectangle([x, height // 2 - 40, x + 90, height // 2 + 20], fill=(170, 90, 70))
        draw.polygon([(x - 6, height // 2 - 40), (x + 96, height // 2 - 40),
                      (x + 45, height // 2 - 85)], fill=(90, 50, 45))  # fmt: skip

    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    slug = title.lower().replace(" ", "-").replace("–", "").replace("--", "-")
    image = Image(title=title, collection=collection)
    image.file = ImageFile(buffer, name=f"{slug}.jpg")
    image.save()
    return image


def ensure_user(username: str, password: str, **fields):
    User = get_user_model()
    user, _created = User.objects.get_or_create(username=username, defaults=fields)
    # The printed password must always work, also when the demo was loaded before.
    user.set_password(password)
    user.save()
    return user


@transaction.atomic
def load_demo(password: str, stdout=None) -> dict:
    home, _report = provision_municipality(
        MUNICIPALITY, hostname="localhost", port=80, is_default_site=True, intro=MUNICIPALITY_INTRO
    )
    portal_settings = PortalSettings.for_site(home.get_site())
    if not portal_settings.contact_email:
        portal_settings.contact_email = "info@westbetuwe.example"
        portal_settings.contact_phone = "0345 - 123 400"
        portal_settings.contact_address = "Postbus 100\n4190 CC Geldermalsen"
        portal_settings.save()

    brokers = {}
    for former, (name, email, phone) in AREA_BROKERS.items():
        brokers[former], _created = AreaBroker.objects.get_or_create(
            email=email, defaults={"name": name, "phone": phone}
        )

    rows = read_kernen()
    for seed, row in enumerate(rows):
        if row["pilot"] == "yes":
            status = RolloutStatus.PILOT
        elif seed % 3 == 0:
            status = RolloutStatus.LIVE
        else:
            status = RolloutStatus.PLANNED
        kern, _report = provision_kern(
            home,
            row["name"],
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
            kern.image = demo_image(f"{row['name']} – gezicht op het dorp", seed, kern.collection)
            kern.save_revision(log_action=True).publish(log_action=True)

    ensure_user(ADMIN_USERNAME, password, is_staff=True, is_superuser=True,
                email="beheer@westbetuwe.example", first_name="Beheerder")  # fmt: skip
    editor = ensure_user(EDITOR_USERNAME, password, email="redactie@dorpsbelang-beesd.example",
                         first_name="Redactie", last_name="Beesd")  # fmt: skip
    beesd = KernPage.objects.child_of(home).get(slug="beesd")
    editor.groups.add(beesd.editors_group)

    moderated = KernPage.objects.child_of(home).get(slug=MODERATED_KERN)
    if not moderated.moderation_enabled:
        moderated.moderation_enabled = True
        moderated.save_revision(log_action=True).publish(log_action=True)
    moderator = ensure_user(MODERATOR_USERNAME, password,
                            email="moderator@dorpsbelang-heukelum.example",
                            first_name="Moderator", last_name="Heukelum")  # fmt: skip
    moderator.groups.add(moderated.moderators_group)

    for step in sections.demo_steps():
        step(home, stdout)
    sync_language_trees()  # some steps add pages without publishing them
    from kernen.translations_demo import load_translations_demo

    load_translations_demo(home, stdout)

    return {"home": home, "kernen": KernPage.objects.child_of(home).count()}
