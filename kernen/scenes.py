"""Photo-like pictures of the river land for the demo, painted with Pillow: nothing is downloaded
and nothing is shipped but this code.

A picture's title seeds everything (``Scene.for_title``): the light of the day, the clouds, where
the horizon lies, a river (narrow like the Linge or wide like the Waal) or a polder ditch, the
dike, fields in strips or an orchard, the village on the horizon with its church tower, and
pollard willows in front. The same title always gives the same picture; two titles almost never
the same one. ``SceneImageFactory`` is ``home.factories.ImageFactory`` with such a picture, and
``Scene.description`` says in Dutch what it shows (the image's alt text)."""

import io
import random
import zlib
from dataclasses import dataclass
from functools import cache

from django.core.files.images import ImageFile

import factory
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from home.factories import ImageFactory

WIDTH, HEIGHT = 1200, 675

#: The light of the day: sky at the top, sky at the horizon, the sun's glow, the land's tint.
LIGHTS = {
    "morning": ((118, 160, 214), (246, 214, 170), (255, 236, 200), (1.0, 0.97, 0.9)),
    "noon": ((70, 130, 205), (200, 224, 242), (255, 255, 240), (1.0, 1.0, 1.0)),
    "evening": ((64, 88, 150), (250, 170, 110), (255, 200, 140), (1.0, 0.86, 0.74)),
    "overcast": ((150, 162, 176), (212, 216, 220), (236, 236, 236), (0.9, 0.93, 0.95)),
}
LIGHT_WORDS = {
    "morning": "in de ochtendzon",
    "noon": "onder een blauwe lucht",
    "evening": "bij avondlicht",
    "overcast": "onder een grijze lucht",
}
#: Where a scene lies: on a narrow river, a wide river, or in the polder with a ditch.
WATERS = ("linge", "waal", "polder")
#: Words in a title that choose the land (the first that matches wins).
KEYWORDS = {
    "boomgaard": "orchard", "fruit": "orchard", "appel": "orchard", "kers": "orchard",
    "bloesem": "orchard", "peer": "orchard", "fiets": "fields", "wandel": "fields",
}  # fmt: skip


@dataclass(frozen=True)
class Scene:
    seed: int
    light: str
    water: str
    land: str  # "fields" or "orchard"
    village: bool
    tower: bool
    willows: int
    horizon: float  # as a share of the height

    @classmethod
    def for_title(cls, title: str, water: str | None = None, village: bool | None = None):
        """The scene of ``title``; ``water`` ("linge", "waal", "polder") and ``village`` fix
        what the title would otherwise choose."""
        rng = random.Random(zlib.crc32(title.encode()))  # noqa: S311  (a picture, not a secret)
        lowered = title.lower()
        land = next((land for word, land in KEYWORDS.items() if word in lowered), None)
        light = rng.choice(["morning", "noon", "noon", "evening", "overcast"])
        chosen_water = rng.choice(WATERS)
        chosen_land = land or rng.choice(["fields", "fields", "orchard"])
        with_village = rng.random() < 0.8
        return cls(
            seed=rng.randrange(1 << 30),
            light=light,
            water=water or chosen_water,
            land=chosen_land,
            village=with_village if village is None else village,
            tower=rng.random() < 0.85,
            willows=rng.choice([0, 1, 2, 3]),
            horizon=rng.uniform(0.42, 0.58),
        )

    def description(self, place: str = "") -> str:
        """What the picture shows, in Dutch: the alt text."""
        where = f" bij {place}" if place else ""
        water = {
            "linge": "de smalle rivier",
            "waal": "de brede rivier",
            "polder": "een sloot",
        }[self.water]
        land = "een boomgaard" if self.land == "orchard" else "weilanden en akkers"
        parts = [land, water, "de dijk"]
        if self.village:
            parts.append("de huizen en de kerktoren" if self.tower else "de huizen van het dorp")
        if self.willows:
            parts.append("knotwilgen")
        listed = ", ".join(parts[:-1]) + " en " + parts[-1]
        return f"Landschap{where} {LIGHT_WORDS[self.light]}: {listed}."

    def paint(self, width: int = WIDTH, height: int = HEIGHT) -> Image.Image:
        return _Painter(self, width, height).paint()


def _mix(one, other, share: float):
    return tuple(round(a + (b - a) * share) for a, b in zip(one, other, strict=True))


def _tint(colour, tint):
    return tuple(min(255, round(c * t)) for c, t in zip(colour, tint, strict=True))


class _Painter:
    def __init__(self, scene: Scene, width: int, height: int):
        self.scene = scene
        self.rng = random.Random(scene.seed)  # noqa: S311  (a picture, not a secret)
        self.width, self.height = width, height
        self.horizon = round(height * scene.horizon)
        self.top, self.low, self.glow, self.tint = LIGHTS[scene.light]
        self.picture = Image.new("RGB", (width, height))

    def paint(self) -> Image.Image:
        self.sky()
        self.clouds()
        self.treeline()
        if self.scene.village:
            self.village()
        self.land()
        self.water()
        self.willows()
        return self.finish()

    # The layers, back to front.

    def gradient(self, size, top, bottom) -> Image.Image:
        return ImageOps.colorize(_ramp(), top, bottom).resize(size, Image.Resampling.BILINEAR)

    def sky(self):
        self.picture.paste(self.gradient((self.width, self.horizon + 40), self.top, self.low))
        sun_x = self.rng.uniform(0.15, 0.85) * self.width
        strength = 90 if self.scene.light == "overcast" else 190
        mask = Image.new("L", (self.width, self.height), 0)
        mask.paste(_glow(self.width, strength), (round(sun_x - self.width / 2),
                                                 self.horizon - self.width // 2))  # fmt: skip
        self.picture.paste(self.glow, (0, 0, self.width, self.height), mask)

    def clouds(self):
        small = (self.width // 4, self.height // 4)
        mask = Image.new("L", small, 0)
        draw = ImageDraw.Draw(mask)
        count = 14 if self.scene.light == "overcast" else self.rng.randint(2, 8)
        for _ in range(count):
            x = self.rng.uniform(-20, small[0])
            y = self.rng.uniform(0, self.horizon / 4 * 0.8)
            w, h = self.rng.uniform(30, 90), self.rng.uniform(6, 16)
            for _ in range(5):
                dx, dy = self.rng.uniform(-w / 2, w / 2), self.rng.uniform(-h / 2, h / 3)
                draw.ellipse([x + dx, y + dy, x + dx + w / 2, y + dy + h], fill=200)
        mask = mask.filter(ImageFilter.GaussianBlur(5)).resize((self.width, self.height))
        white = (244, 244, 246) if self.scene.light != "evening" else (250, 214, 190)
        self.picture.paste(Image.new("RGB", self.picture.size, white), (0, 0), mask)

    def haze(self, colour, share):
        return _mix(colour, self.low, share)

    def treeline(self):
        draw = ImageDraw.Draw(self.picture)
        colour = self.haze((52, 78, 58), 0.55)
        x = -20
        while x < self.width:
            w = self.rng.uniform(18, 60)
            h = self.rng.uniform(6, 26)
            draw.ellipse([x, self.horizon - h, x + w, self.horizon + h / 2], fill=colour)
            x += w * self.rng.uniform(0.4, 0.9)
        draw.rectangle([0, self.horizon - 2, self.width, self.horizon + 4], fill=colour)

    def village(self):
        draw = ImageDraw.Draw(self.picture)
        colour = self.haze((86, 74, 70), 0.3)
        roof = self.haze((120, 58, 44), 0.3)
        start = self.rng.uniform(0.05, 0.5) * self.width
        end = start + self.rng.uniform(0.25, 0.45) * self.width
        x = start
        base = self.horizon + 6
        while x < end:
            w = self.rng.uniform(18, 40)
            h = self.rng.uniform(12, 24)
            wall = self.haze(self.rng.choice([(150, 80, 60), (190, 180, 160), (120, 70, 56)]), 0.3)
            draw.rectangle([x, base - h, x + w, base], fill=wall)
            draw.polygon([(x - 2, base - h), (x + w + 2, base - h), (x + w / 2, base - h - w / 2)],
                         fill=roof)  # fmt: skip
            x += w + self.rng.uniform(2, 14)
        if self.scene.tower:
            tx = self.rng.uniform(start + 20, max(start + 21, end - 20))
            tw, th = self.rng.uniform(18, 26), self.rng.uniform(70, 120)
            draw.rectangle([tx, base - th, tx + tw, base], fill=colour)
            draw.polygon([(tx - 2, base - th), (tx + tw + 2, base - th),
                          (tx + tw / 2, base - th - th * 0.7)], fill=colour)  # fmt: skip

    def land(self):
        height = self.height - self.horizon
        near = _tint((74, 122, 52), self.tint)
        far = self.haze(_tint((118, 150, 88), self.tint), 0.3)
        self.picture.paste(self.gradient((self.width, height), far, near), (0, self.horizon + 4))
        draw = ImageDraw.Draw(self.picture, "RGBA")
        vanish = self.rng.uniform(0.2, 0.8) * self.width
        if self.scene.land == "fields":
            self.fields(draw, vanish)
        else:
            self.orchard(draw, height)
        self.dike(draw, height)

    def fields(self, draw, vanish):
        """Strips of crops running to a point on the horizon."""
        strips = self.rng.randint(5, 9)
        for index in range(strips):
            if index % 2:
                continue
            left = (index / strips) * self.width * 2.4 - self.width * 0.7
            right = ((index + 1) / strips) * self.width * 2.4 - self.width * 0.7
            colour = self.rng.choice([(196, 176, 88, 70), (140, 170, 70, 60), (90, 70, 40, 45)])
            draw.polygon([(vanish, self.horizon + 4), (right, self.height),
                          (left, self.height)], fill=colour)  # fmt: skip

    def orchard(self, draw, height):
        """Rows of fruit trees, small far away and big in front; some rows in blossom."""
        rows = 9
        for row in range(rows):
            share = (row + 1) / rows
            y = self.horizon + 6 + height * share**2 * 0.9
            size = 4 + 60 * share**2
            x = self.rng.uniform(-size, size)
            crown = _tint((58, 98, 44), self.tint)
            blossom = self.rng.random() < 0.3
            while x < self.width + size:
                s = size * self.rng.uniform(0.8, 1.2)
                draw.rectangle([x + s * 0.45, y - s * 0.2, x + s * 0.55, y + s * 0.3],
                               fill=(70, 52, 40, 255))  # fmt: skip
                for dx, dy, part in ((0, 0, 0.7), (s * 0.3, -s * 0.2, 0.6),
                                     (s * 0.15, -s * 0.4, 0.5)):  # fmt: skip
                    shade = self.rng.uniform(0.85, 1.1)
                    colour = (236, 214, 222) if blossom else crown
                    fill = (*_tint(colour, (shade, shade, shade)), 235)
                    top = y - s * 0.8 + dy
                    draw.ellipse([x + dx, top, x + dx + s * part, top + s * part], fill=fill)
                x += size * self.rng.uniform(1.5, 2.1)

    def dike(self, draw, height):
        """A lighter band with its shadow and a road along its top."""
        top = self.horizon + height * self.rng.uniform(0.12, 0.22)
        slope = self.rng.uniform(-0.04, 0.04) * self.height
        bank = (*_tint((150, 178, 104), self.tint), 255)
        shadow = (*_tint((84, 118, 60), self.tint), 255)
        for fill, upper, lower in ((bank, 0, 26), (shadow, 26, 34)):
            draw.polygon(
                [(0, top + slope + upper), (self.width, top - slope + upper),
                 (self.width, top - slope + lower), (0, top + slope + lower)],
                fill=fill,
            )  # fmt: skip
        draw.line([(0, top + slope - 2), (self.width, top - slope - 2)], fill=(128, 124, 120, 255),
                  width=6)  # fmt: skip
        self.dike_top = top

    def water(self):
        if self.scene.water == "polder":
            y = self.horizon + (self.height - self.horizon) * 0.72
            width = 14
        else:
            y = self.dike_top + 30 + self.rng.uniform(0, 30)
            width = 40 if self.scene.water == "linge" else 95
        y = min(y, self.height - width - 10)
        water = self.gradient((self.width, round(width)), _mix(self.low, self.top, 0.3), self.top)
        mask = Image.new("L", water.size, 0)
        lean = self.rng.uniform(-12, 12)
        ImageDraw.Draw(mask).polygon(
            [(0, max(0, lean)), (self.width, max(0, -lean)), (self.width, width), (0, width)],
            fill=235,
        )
        self.picture.paste(water, (0, round(y)), mask)
        draw = ImageDraw.Draw(self.picture, "RGBA")
        for _ in range(int(width * 1.5)):
            x = self.rng.uniform(0, self.width)
            ry = y + self.rng.uniform(4, width - 2)
            draw.line([(x, ry), (x + self.rng.uniform(10, 60), ry)], fill=(255, 255, 255, 50))

    def willows(self):
        draw = ImageDraw.Draw(self.picture, "RGBA")
        for _ in range(self.scene.willows):
            x = self.rng.uniform(0.02, 0.9) * self.width
            base = self.height - self.rng.uniform(10, 80)
            trunk = self.rng.uniform(60, 110)
            draw.rectangle([x, base - trunk, x + 22, base], fill=(62, 50, 40, 255))
            crown = _tint((86, 110, 64), self.tint)
            for _ in range(40):
                cx = x + 11 + self.rng.uniform(-70, 70)
                cy = base - trunk - self.rng.uniform(0, 90)
                r = self.rng.uniform(12, 30)
                shade = self.rng.uniform(0.75, 1.15)
                fill = (*_tint(crown, (shade, shade, shade)), 220)
                draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fill)

    def finish(self) -> Image.Image:
        picture = self.picture.filter(ImageFilter.BoxBlur(1))
        grain, vignette = _film(self.width, self.height)
        return ImageChops.multiply(ImageChops.overlay(picture, grain), vignette)


@cache
def _ramp() -> Image.Image:
    """A vertical ramp from black to white, 1 px wide."""
    return Image.linear_gradient("L").resize((1, 256))


@cache
def _glow(width: int, strength: int) -> Image.Image:
    """The sun's glow: a soft disc ``width`` across, at most ``strength`` strong."""
    glow = ImageOps.invert(Image.radial_gradient("L").resize((width // 4, width // 4)))
    glow = glow.point(lambda v: max(0, v - 90) * strength // 165)
    return glow.resize((width, width), Image.Resampling.BILINEAR)


@cache
def _film(width: int, height: int) -> tuple[Image.Image, Image.Image]:
    """A photograph's grain and its darker corners, the same for every picture."""
    grain = Image.effect_noise((width // 2, height // 2), 9).resize((width, height))
    vignette = Image.radial_gradient("L").resize((width, height))
    vignette = vignette.point(lambda v: 255 - max(0, v - 150) // 3)
    return Image.merge("RGB", [grain] * 3), Image.merge("RGB", [vignette] * 3)


def scene_jpeg(title: str, water: str | None = None, village: bool | None = None) -> io.BytesIO:
    """The picture of ``title`` as a JPEG file."""
    buffer = io.BytesIO()
    Scene.for_title(title, water, village).paint().save(buffer, format="JPEG", quality=80)
    buffer.seek(0)
    return buffer


def _file_name(title: str) -> str:
    slug = "".join(c if c.isalnum() else "-" for c in title.lower())
    return "-".join(part for part in slug.split("-") if part)[:80] + ".jpg"


class SceneImageFactory(ImageFactory):
    """An image whose picture is the scene of its title (``water`` and ``village`` as in
    ``Scene.for_title``)."""

    file = factory.LazyAttribute(
        lambda image: ImageFile(
            scene_jpeg(image.title, image.water, image.village), name=_file_name(image.title)
        )
    )

    class Params:
        water = None
        village = None
