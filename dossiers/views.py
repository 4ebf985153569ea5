"""The dossier pages at ``/mijn-dossier/``: the list, a dossier, adding an item, an item and
its file, shares and the access log. Every view asks ``dossiers.access`` at each request;
someone who may not read a dossier gets a 404, as if it did not exist; the owner's pages
(adding, sharing, the log) answer 403 to whoever reads through a share. No answer is stored
by a browser or a proxy (``never_cache``)."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from wagtail.models import Site

from dossiers import access, queries, services
from dossiers.constants import AccessAction
from dossiers.forms import DossierForm, ItemForm, ShareForm
from dossiers.models import Dossier


def dossier_view(owner_only=False):
    """Login, then the dossier of the URL if ``request.user`` may read it (the owner only, with
    ``owner_only``); the view gets the dossier."""

    def decorate(view):
        @wraps(view)
        @never_cache
        @login_required
        def wrapper(request, dossier_id, *args, **kwargs):
            dossier = get_object_or_404(Dossier.objects.select_related("owner"), pk=dossier_id)
            owner = access.is_owner(request.user, dossier)
            if not owner and not access.shares_for(request.user).filter(dossier=dossier).exists():
                raise Http404(_("This dossier does not exist."))
            if owner_only and not owner:
                raise PermissionDenied
            return view(request, dossier, *args, **kwargs)

        return wrapper

    return decorate


def handle_form(request, form, *, render, message, success_url):
    """POST/redirect/GET: a valid bound form saves and redirects, else the page with the form
    (400 with errors)."""
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, message)
        return redirect(success_url(saved) if callable(success_url) else success_url)
    response = render(form)
    if form.errors:
        response.status_code = 400
    return response


def bound(request, form_class, **kwargs):
    if request.method == "POST":
        return form_class(request.POST, request.FILES, **kwargs)
    return form_class(**kwargs)


@never_cache
@login_required
def index(request):
    return handle_form(
        request,
        bound(request, DossierForm, owner=request.user),
        message=_("Your dossier has been made."),
        success_url=lambda dossier: reverse("dossiers:dossier", args=[dossier.pk]),
        render=lambda form: TemplateResponse(
            request,
            "dossiers/index.html",
            {
                "form": form,
                "dossiers": queries.own_dossiers(request.user),
                "shared": queries.shared_with(request.user),
            },
        ),
    )


@dossier_view()
def dossier(request, dossier):
    items, can_edit = access.readable_items(request.user, dossier)
    if not can_edit:
        services.log_access(
            request.user, dossier, share=access.share_for_dossier(request.user, dossier)
        )
    return TemplateResponse(
        request,
        "dossiers/dossier.html",
        {"dossier": dossier, "items": items, "can_edit": can_edit},
    )


@dossier_view(owner_only=True)
def add_item(request, dossier):
    return handle_form(
        request,
        bound(request, ItemForm, dossier=dossier),
        message=_("The item has been added to your dossier."),
        success_url=lambda item: item_url(item),
        render=lambda form: TemplateResponse(
            request,
            "dossiers/item_add.html",
            {"dossier": dossier, "form": form, "upload_limit": settings.DOSSIER_MAX_UPLOAD_SIZE},
        ),
    )


def item_url(item):
    return reverse("dossiers:item", args=[item.dossier_id, item.pk])


def readable_item(request, dossier, item_id):
    """The item and the share it is read through (``None`` for the owner), or a 404."""
    item = dossier.items.filter(pk=item_id).first()
    if item is None:
        raise Http404(_("This item does not exist."))
    if access.is_owner(request.user, dossier):
        return item, None
    share = access.share_for_item(request.user, item)
    if share is None:
        raise Http404(_("This item does not exist."))
    return item, share


@dossier_view()
def item(request, dossier, item_id):
    item, share = readable_item(request, dossier, item_id)
    if share is not None:
        services.log_access(request.user, dossier, share=share, item=item)
    return TemplateResponse(
        request,
        "dossiers/item.html",
        {"dossier": dossier, "item": item, "can_edit": share is None},
    )


@dossier_view()
def item_file(request, dossier, item_id):
    """The file of an item, checked at this very request: a revoked or expired share no longer
    opens a link that was copied before."""
    item, share = readable_item(request, dossier, item_id)
    if not item.file:
        raise Http404(_("This item has no file."))
    try:
        handle = item.file.open("rb")
    except OSError as error:
        raise Http404(_("This item has no file.")) from error
    if share is not None:
        services.log_access(
            request.user, dossier, share=share, item=item, action=AccessAction.DOWNLOAD
        )
    inline = request.GET.get("weergave") == "1" and item.content_type.startswith("image/")
    return FileResponse(
        handle,
        as_attachment=not inline,
        filename=item.original_name or item.file.name.rsplit("/", 1)[-1],
        content_type=item.content_type or "application/octet-stream",
    )


@require_POST
@dossier_view(owner_only=True)
def delete_item(request, dossier, item_id):
    item = get_object_or_404(dossier.items, pk=item_id)
    services.delete_item(item)
    messages.success(request, _("The item has been deleted."))
    return redirect("dossiers:dossier", dossier.pk)


@dossier_view(owner_only=True)
def shares(request, dossier):
    return handle_form(
        request,
        bound(request, ShareForm, dossier=dossier, home=owners_municipality(request)),
        message=_("Shared. You can stop sharing at any moment on this page."),
        success_url=request.path,
        render=lambda form: TemplateResponse(
            request,
            "dossiers/shares.html",
            {"dossier": dossier, "form": form, "shares": queries.shares(dossier)},
        ),
    )


def owners_municipality(request):
    """The municipality whose workspaces and organisations the owner may share with: the home
    page of the site they use (those of other municipalities are not offered)."""
    site = Site.find_for_request(request)
    return site.root_page if site is not None else None


@require_POST
@dossier_view(owner_only=True)
def revoke(request, dossier, share_id):
    share = get_object_or_404(dossier.shares, pk=share_id)
    services.revoke(share)
    messages.success(request, _("You stopped sharing. From now on it no longer works."))
    return redirect("dossiers:shares", dossier.pk)


@dossier_view(owner_only=True)
def log(request, dossier):
    return TemplateResponse(
        request, "dossiers/log.html", {"dossier": dossier, "entries": queries.log(dossier)}
    )
