"""What the kernen app shows on other pages."""

from kernen.models import KernPage


def kernen_of_municipality(home, request):
    kernen = KernPage.objects.live().public().child_of(home).order_by("title")
    return {"kernen": kernen}
