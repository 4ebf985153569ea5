"""What the kernen app shows on other pages."""

from home.queries import public
from kernen.models import KernPage


def kernen_of_municipality(home, request):
    kernen = public(KernPage.objects.live().child_of(home)).order_by("title")
    return {"kernen": kernen}
