"""The kernen of West Betuwe (name, slug, former municipality, position, pilot), read by the
demo and by tests that need all 26."""

import csv
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "kernen-west-betuwe.csv"


def read_kernen() -> list[dict]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))
