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
    assert "Everyone knows its leaning church tower" in english
    assert "Until 2019 Acquoy belonged to the municipality of Lingewaal." in english
    assert "has not been translated yet" not in english
    polish = client.get("/pl/heukelum/").content.decode()
    assert "Heukelum to miasteczko z prawami miejskimi" in polish
    assert "nie została jeszcze przetłumaczona" not in polish
    assert "Co można poprawić w Heukelum?" in polish  # its own closing paragraph, translated
    # The Dutch page is untouched.
    assert "Iedereen kent de scheve kerktoren" in client.get("/acquoy/").content.decode()


def test_every_kern_has_an_introduction_of_its_own_in_three_languages():
    rows = read_kernen()
    assert len(rows) == 26
    for language in ("nl", "en", "pl"):
        intros = [kern_intro(row, language) for row in rows]
        assert all(row["name"] in intro for row, intro in zip(rows, intros, strict=True))
        # Not one sentence with the name filled in: without the name, no two sentences match.
        sentences = [sentence for row, intro in zip(rows, intros, strict=True)
                     for sentence in intro.replace(row["name"], "X").split(". ")]  # fmt: skip
        assert len(set(sentences)) == len(sentences) >= 2 * 26
        openings = {" ".join(sentence.split()[:3]) for sentence in sentences}
        assert len(openings) >= 26


def test_the_kern_pages_close_in_different_ways():
    rows = read_kernen()
    closings = {kern_about(row).split("<p>")[-1].replace(row["name"], "X") for row in rows}
    assert len(closings) == 4
