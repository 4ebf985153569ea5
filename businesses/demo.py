"""Demo businesses: a handful in the pilot kernen, a few elsewhere, and one registration that
waits for review in Beesd. Idempotent: a business that exists (by slug) is left alone."""

from decimal import Decimal

from businesses.constants import Kind
from businesses.factories import BusinessPageFactory
from businesses.models import BusinessIndexPage, BusinessPage
from kernen.models import KernPage

# kern slug: [(name, kind, address, opening hours, website, short text, offset north, east)]
BUSINESSES = {
    "beesd": [
        ("Bakkerij Van Rossum", Kind.FOOD, "Voorstraat 12", "di–za 7:30–17:00",
         "https://bakkerij-vanrossum.example", "Brood, banket en de bekende Beesdse krentenbollen.",
         0.0012, 0.0008),
        ("Fietsenmaker De Linge", Kind.CRAFT, "Molenstraat 3", "ma–vr 9:00–18:00, za 9:00–16:00",
         "", "Reparatie en verkoop van fietsen en e-bikes; ook haal- en brengservice.",
         -0.0015, 0.0021),
        ("Dorpswinkel Beesd", Kind.SHOP, "Kerkplein 5", "ma–za 8:00–20:00",
         "https://dorpswinkel-beesd.example", "Boodschappen, pakketpunt en koffie voor onderweg.",
         0.0004, -0.0017),
        ("Camping Het Lingebos", Kind.STAY, "Lingedijk 40", "april–oktober, receptie 9:00–17:00",
         "https://lingebos.example", "Kleine camping aan de Linge met kano-verhuur.",
         0.0060, 0.0090),
    ],
    "heukelum": [
        ("Kapsalon Knip & Zo", Kind.SERVICE, "Hoogstraat 8", "di–vr 9:00–17:30, za 8:30–14:00",
         "", "Knippen voor dames, heren en kinderen, ook op afspraak aan huis.",
         0.0009, 0.0011),
        ("Fruitteelt De Vesting", Kind.FARM, "Vestingweg 2", "za 9:00–16:00 (seizoen)",
         "https://devesting-fruit.example",
         "Appels, peren en kersen van eigen land; zelfpluk in de zomer.",
         -0.0030, -0.0025),
        ("Eetcafé De Vesting", Kind.FOOD, "Achterstraat 1", "wo–zo 12:00–22:00",
         "", "Lunch en diner aan de Linge, met terras.", 0.0002, 0.0030),
    ],
    "asperen": [
        ("Huisartsenpraktijk Asperen", Kind.HEALTH, "Nieuwstraat 20", "ma–vr 8:00–17:00",
         "https://huisarts-asperen.example",
         "Spreekuur op afspraak; spoed buiten kantoortijd via de huisartsenpost.",
         0.0010, -0.0010),
    ],
    "geldermalsen": [
        ("Loodgietersbedrijf Van Dijk", Kind.CRAFT, "Rijksstraatweg 80", "ma–vr 7:30–17:00",
         "", "Loodgieterswerk, cv-ketels en dakgoten in heel West Betuwe.",
         0.0020, 0.0015),
    ],
}  # fmt: skip


def _demo_business(index, kern, entry) -> None:
    name, kind, address, hours, website, summary, north, east = entry
    latitude = longitude = None
    if kern.latitude is not None and kern.longitude is not None:
        latitude = (kern.latitude + Decimal(str(north))).quantize(Decimal("0.000001"))
        longitude = (kern.longitude + Decimal(str(east))).quantize(Decimal("0.000001"))
    BusinessPageFactory(
        parent=index,
        title=name,
        kind=kind,
        address=f"{address}, {kern.title}",
        latitude=latitude,
        longitude=longitude,
        opening_hours=hours,
        website=website,
        summary=summary,
    )


def load_businesses_demo(home, stdout=None) -> None:
    added = 0
    kernen = KernPage.objects.child_of(home).live().filter(slug__in=BUSINESSES)
    for kern in kernen:
        index = BusinessIndexPage.objects.child_of(kern).first()
        if index is None:
            continue
        existing = set(BusinessPage.objects.child_of(index).values_list("title", flat=True))
        for entry in BUSINESSES[kern.slug]:
            if entry[0] not in existing:
                _demo_business(index, kern, entry)
                added += 1
        if kern.slug == "beesd" and "Bloemenkiosk Beesd" not in existing:
            BusinessPageFactory(
                parent=index,
                title="Bloemenkiosk Beesd",
                kind=Kind.SHOP,
                address="Stationsweg 1, Beesd",
                summary="Verse bloemen en planten bij het station.",
                contact_email="bloemen@voorbeeld.example",
                draft=True,
            )
            added += 1
    if stdout and added:
        stdout.write(f"Bedrijven toegevoegd: {added} (één wacht op beoordeling in Beesd)\n")
