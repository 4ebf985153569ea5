"""Demo activities in every kern, past and coming, relative to today. Idempotent: an activity
that exists (by slug) is left alone."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from events.constants import RegistrationStatus
from events.factories import EventPageFactory, RegistrationFactory
from events.models import EventIndexPage, EventPage
from events.models.pages import LOCAL_TZ
from home.factories import get_or_create
from kernen.demo import demo_image, demo_image_alt
from kernen.models import KernPage

#: Of the five activities of a kern, these (by position) get a picture (kernen.scenes).
WITH_IMAGE = (0, 1, 3)

# (slug, title, days from today, start hour or None for all day, hours, location, organiser,
#  cost, summary)
ACTIVITIES = [
    (
        "burendag",
        "Burendag",
        -40,
        10,
        5,
        "Dorpshuis",
        "Dorpsbelang {kern}",
        "gratis",
        "Samen klussen, koffie drinken en elkaar leren kennen.",
    ),
    (
        "snoeiochtend",
        "Snoeiochtend knotwilgen",
        -12,
        9,
        3,
        "Dijk bij de kerk",
        "Werkgroep Groen {kern}",
        "gratis",
        "Knotwilgen snoeien langs de dijk; neem werkhandschoenen mee.",
    ),
    (
        "kernagenda-avond",
        "Avond over de kernagenda",
        5,
        19,
        2,
        "Dorpshuis, grote zaal",
        "Dorpsbelang {kern}",
        "gratis",
        "Praat mee over de plannen voor {kern}: verkeer, groen en wonen.",
    ),
    (
        "rommelmarkt",
        "Rommelmarkt",
        16,
        None,
        0,
        "Kerkplein",
        "Oranjevereniging {kern}",
        "€ 5 per kraam",
        "Koopjes, koffie en taart op het plein.",
    ),
    (
        "fietstocht",
        "Fietstocht langs de Linge",
        33,
        13,
        3,
        "Start bij het dorpshuis",
        "Fietsclub {kern}",
        "€ 2,50, koffie inbegrepen",
        "Een rustige tocht van 30 kilometer, ook voor e-bikes.",
    ),
]

REGISTRATIONS = {
    # kern slug: (activity slug, places, people)
    "beesd": ("kernagenda-avond", 3, ["Ans de Groot", "Bram Smits", "Carla Peters",
                                       "Dirk Jansen", "Eva Bakker"]),
    "heukelum": ("fietstocht", 12, ["Femke Visser", "Gerrit de Boer"]),
}  # fmt: skip


def at(days: int, hour: int | None) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour or 0), LOCAL_TZ)


def load_events_demo(home, stdout=None) -> None:
    added = 0
    for seed, kern in enumerate(KernPage.objects.child_of(home).live().order_by("title")):
        index = EventIndexPage.objects.child_of(kern).first()
        if index is None:
            continue
        existing = set(EventPage.objects.child_of(index).values_list("slug", flat=True))
        for number, activity in enumerate(ACTIVITIES):
            slug, title, days, hour, hours, location, organiser, cost, summary = activity
            if slug in existing:
                continue
            image = None
            if (number + seed) % len(ACTIVITIES) in WITH_IMAGE:
                image = demo_image(f"{kern.title} – {title}", kern.collection)
            start = at(days + seed % 4, hour)  # not every kern on the same day
            with_registration = REGISTRATIONS.get(kern.slug, ("",))[0] == slug
            event = EventPageFactory(
                parent=index,
                title=title,
                slug=slug,
                start=start,
                end=start + timedelta(hours=hours) if hour is not None else start,
                all_day=hour is None,
                summary=summary.format(kern=kern.title),
                description=(
                    f"<p>{summary.format(kern=kern.title)}</p><p>Iedereen uit {kern.title} en "
                    "omgeving is welkom. Vragen? Mail de organisatie via de dorpsvereniging.</p>"
                ),
                location=f"{location}, {kern.title}",
                latitude=kern.latitude,
                longitude=kern.longitude,
                organiser=organiser.format(kern=kern.title),
                cost=cost,
                registration_enabled=with_registration,
                max_places=REGISTRATIONS[kern.slug][1] if with_registration else None,
                image=image,
                image_alt=demo_image_alt(f"{kern.title} – {title}", kern.title) if image else "",
            )
            _demo_registrations(event, kern.slug)
            added += 1
    if stdout and added:
        stdout.write(f"Activiteiten toegevoegd: {added}\n")


def _demo_registrations(event, kern_slug):
    if not event.registration_enabled:
        return
    _slug, places, people = REGISTRATIONS[kern_slug]
    for number, name in enumerate(people):
        get_or_create(
            RegistrationFactory,
            event=event,
            email=f"{name.split()[0].lower()}@voorbeeld.example",
            defaults={
                "name": name,
                "status": (
                    RegistrationStatus.CONFIRMED if number < places else RegistrationStatus.WAITING
                ),
            },
        )
