"""The demo's pictures (kernen.scenes): a landscape per title, the same every time, different
for another title, and an alt text that says what it shows."""

import io

import pytest
from PIL import Image, ImageChops, ImageStat

from kernen.scenes import Scene, SceneImageFactory, scene_jpeg


def difference(one: Image.Image, other: Image.Image) -> float:
    """The mean difference of two pictures, 0–255 per channel."""
    return sum(ImageStat.Stat(ImageChops.difference(one, other)).mean) / 3


def test_a_title_always_gives_the_same_picture_and_another_title_another():
    beesd = Scene.for_title("Beesd – gezicht op het dorp").paint(320, 180)
    again = Scene.for_title("Beesd – gezicht op het dorp").paint(320, 180)
    assert difference(beesd, again) < 1  # only the grain, drawn once per process
    others = [Scene.for_title(f"{name} – gezicht op het dorp").paint(320, 180)
              for name in ("Asperen", "Heukelum", "Varik")]  # fmt: skip
    for other in others:
        assert difference(beesd, other) > 4


def test_a_picture_is_a_landscape_jpeg_with_sky_above_and_land_below():
    picture = Image.open(scene_jpeg("Tricht – boomgaard", water="waal"))
    assert picture.format == "JPEG" and picture.size == (1200, 675)
    sky = ImageStat.Stat(picture.crop((0, 0, 1200, 100))).mean
    land = ImageStat.Stat(picture.crop((0, 600, 1200, 675))).mean
    assert sky[2] > land[2]  # blue above
    assert land[1] > land[2]  # green below


def test_the_alt_text_says_what_the_picture_shows():
    orchard = Scene.for_title("Tricht – bloesemtocht door de boomgaard", water="waal")
    assert orchard.land == "orchard" and orchard.water == "waal"
    text = orchard.description("Tricht")
    assert text.startswith("Landschap bij Tricht ")
    assert "een boomgaard" in text and "de brede rivier" in text
    polder = Scene.for_title("Meteren – gezicht op het dorp", water="polder", village=True)
    assert "een sloot" in polder.description() and "de huizen" in polder.description()


@pytest.mark.django_db
def test_the_factory_stores_the_picture_of_its_title():
    image = SceneImageFactory(title="Deil – molen", water="linge")
    assert (image.width, image.height) == (1200, 675)
    with image.open_file() as stored:
        expected = Image.open(scene_jpeg("Deil – molen", water="linge")).convert("RGB")
        assert difference(Image.open(io.BytesIO(stored.read())).convert("RGB"), expected) < 1
