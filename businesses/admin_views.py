"""The admin's list of businesses waiting for review: registrations whose e-mail address was
confirmed and changes sent through an e-mailed link, of the kernen the editor may publish in."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from wagtail.permission_policies.pages import PagePermissionPolicy

from businesses.models import BusinessPage
from home.locales import default_locale
from kernen.models import KernPage


def waiting_for_review(user):
    """The businesses ``user`` may publish that wait for it: new ones not live yet, and live
    ones with changes. Dutch pages only: their translations follow them."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
    return (
        BusinessPage.objects.filter(pk__in=pages.values("pk"), email_confirmed=True)
        .filter(locale=default_locale())
        .exclude(live=True, has_unpublished_changes=False)
        .order_by("latest_revision_created_at")
    )


def can_review(user) -> bool:
    return user.is_active and (
        user.is_superuser
        or PagePermissionPolicy()
        .instances_user_has_permission_for(user, "publish")
        .type(BusinessPage)
        .exists()
    )


def with_kernen(businesses) -> list[BusinessPage]:
    """``businesses`` with ``kern`` set on each (the grandparent: kern → bedrijven/ →
    business), in one query for all of them."""
    businesses = list(businesses)
    kern_path = {b.pk: b.path[: -2 * BusinessPage.steplen] for b in businesses}
    kernen = KernPage.objects.filter(path__in=set(kern_path.values())).only("title", "path")
    by_path = {kern.path: kern for kern in kernen}
    for business in businesses:
        business.kern = by_path.get(kern_path[business.pk])
    return businesses


def review(request):
    if not can_review(request.user):
        raise PermissionDenied
    businesses = with_kernen(waiting_for_review(request.user))
    return TemplateResponse(request, "businesses/admin/review.html", {"businesses": businesses})
