from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What kind of business: the filter on ``/bedrijven/``."""

    SHOP = "winkel", _("shop")
    FOOD = "eten", _("food and drink")
    SERVICE = "dienst", _("service")
    CRAFT = "vakman", _("craftsman")
    FARM = "boerderij", _("farm and farm shop")
    STAY = "verblijf", _("stay and recreation")
    HEALTH = "zorg", _("health and care")
    OTHER = "anders", _("other")


#: Businesses per page of a listing.
PAGE_SIZE = 30
#: How many registrations (and requests for a link) one IP address may send in
#: RATE_LIMIT_WINDOW seconds, as the other public forms.
RATE_LIMIT_COUNT = 5
RATE_LIMIT_WINDOW = 10 * 60
#: The logo: a photo or drawing, at most this large.
LOGO_EXTENSIONS = ("png", "jpg", "jpeg", "webp")
LOGO_MAX_SIZE = 1024 * 1024
#: How long the link in the confirmation e-mail and the link to change an entry work.
CONFIRM_MAX_AGE = 3 * 24 * 60 * 60
MANAGE_MAX_AGE = 7 * 24 * 60 * 60
#: The purposes of the e-mail links (privacy.EmailLink).
CONFIRM_PURPOSE = "businesses.confirm"
MANAGE_PURPOSE = "businesses.manage"
#: Around the outermost kernen, how far (in degrees, about 3 km) a business may lie.
BOUNDS_MARGIN = 0.03
#: The kern page's businesses panel (businesses/panels.py): the first businesses by name in its
#: list, and at most this many on its map. The kern's own section lists them all, paged; the
#: panel weighs the same for a kern of 5 businesses and one of 500.
KERN_PANEL_BUSINESSES = 8
KERN_PANEL_MAP_BUSINESSES = 100
