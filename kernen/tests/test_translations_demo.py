"""The demo's English and Polish pages: every kern page has its own translation."""

import pytest

from kernen.data import read_kernen
from kernen.demo import kern_about, kern_intro
from kernen.translations_demo import load_translations_demo

pytestmark = pytest.mark.django_db


def test_every_kern_of_the_demo_reads_in_english_and_polish(client, languages, make_kern):
    rows = {row["slug"]: row for row in read_kernen()}
    for slug in ("acquoy", "heukelum"):
        row = rows[slug]
        make_kern(row["name"], slug=slug, intro=kern_intro(row), about=kern_about(row))

    load_translations_demo(languages)

    english = client.get("/en/acquoy/").content.decode()
    assert "Acquoy is a village on the Linge." in english
    assert "Until 2019 Acquoy belonged to the municipality of Lingewaal." in english
    assert "has not been translated yet" not in english
    polish = client.get("/pl/heukelum/").content.decode()
    assert "Heukelum to małe miasto nad rzeką Linge." in polish
    assert "nie została jeszcze przetłumaczona" not in polish
    # The Dutch page is untouched.
    assert "Acquoy is een dorp aan de Linge." in client.get("/acquoy/").content.decode()
