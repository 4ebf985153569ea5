"""Admin views: publish a version of a kernagenda, and the action points past their review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda.constants import Status
from agenda.forms import VersionForm
from agenda.models import ActionPointPage, KernagendaPage
from agenda.versions import publish_version as publish
from home.locales import default_locale


def publish_version(request, page_id):
    page = get_object_or_404(KernagendaPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    form = VersionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        version = publish(page, form.cleaned_data["name"], user=request.user)
        messages.success(
            request, _("Version “%(name)s” has been published.") % {"name": version.name}
        )
        return redirect("wagtailadmin_explore", page.pk)
    return TemplateResponse(
        request,
        "agenda/admin/publish_version.html",
        {"page": page, "form": form, "versions": page.versions.all()},
    )


def overdue_reviews(request):
    if not request.user.has_perm("agenda.view_overdue_reviews"):
        raise PermissionDenied
    points = (
        # Dutch pages only: their English and Polish copies are the same action points.
        ActionPointPage.objects.filter(
            next_review_date__lt=timezone.localdate(), locale=default_locale()
        )
        .exclude(status__in=[Status.DONE, Status.PARKED])
        .select_related("kern", "theme")
        .order_by("next_review_date", "kern__title")
    )
    return TemplateResponse(
        request, "agenda/admin/overdue_reviews.html", {"points": points, "statuses": Status}
    )
