"""Account pages of the public site: the member's own page, accepting an invitation, the
calendar feed that a calendar app reads with a secret token, the municipality's announcement
to the boards, and the public side of a board decision."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from wagtail.models import Site

from members import chat, organisations, queries, services
from members.access import can_access, can_announce, workspaces_of
from members.calendar import calendar_response
from members.forms import AnnouncementForm, ProfileForm, SetPasswordForInvitationForm
from members.models.workspace import Invitation, MemberProfile, Workspace
from members.routes import handle_form


@never_cache
@login_required
def account(request):
    profile = MemberProfile.for_user(request.user)
    return handle_form(
        request,
        ProfileForm,
        profile=profile,
        message=_("Your settings have been saved."),
        success_url="members_account",
        render=lambda form: account_page(request, profile, form),
    )


def account_page(request, profile, form):
    workspaces = list(
        chat.with_unread_counts(workspaces_of(request.user), request.user).order_by("kind", "name")
    )
    for workspace in workspaces:
        page_url = workspace.page.specific_deferred.get_url(request) or ""
        workspace.url = page_url + workspace.page.specific_class.overview_subpath
        workspace.chat_url = page_url + "chat/"
        workspace.calendar_url = request.build_absolute_uri(
            f"/kalender/{profile.calendar_token}/{workspace.pk}.ics"
        )
    return TemplateResponse(
        request,
        "members/account.html",
        {
            "form": form,
            "workspaces": workspaces,
            "profile": profile,
            **organisations.account_context(request.user, request),
        },
    )


@require_POST
@login_required
def new_calendar_token(request):
    services.renew_calendar_token(request.user)
    messages.success(
        request, _("Your calendar links have been renewed. The old links no longer work.")
    )
    return redirect("members_account")


def calendar_feed(request, token, workspace_id):
    profile = (
        MemberProfile.objects.select_related("user").filter(calendar_token=token).first()
        if len(token) <= 64
        else None
    )
    workspace = Workspace.objects.filter(pk=workspace_id).first()
    if workspace is None:
        raise Http404(_("This calendar does not exist."))
    if profile is None or not can_access(profile.user, workspace):
        return HttpResponseForbidden(
            _("This calendar link does not work (any more). Get a new link on your account page."),
            content_type="text/plain; charset=utf-8",
        )
    return calendar_response(workspace)


@never_cache
def accept_invitation(request, token):
    invitation = get_object_or_404(
        Invitation.objects.select_related("workspace__page"), token=token[:64]
    )
    if not invitation.is_usable:
        return TemplateResponse(
            request, "members/invitation_invalid.html", {"invitation": invitation}, status=410
        )
    user = get_user_model().objects.filter(email__iexact=invitation.email, is_active=True).first()
    form = None if user else SetPasswordForInvitationForm(email=invitation.email)
    if request.method == "POST":
        if user is None:
            form = SetPasswordForInvitationForm(request.POST, email=invitation.email)
            if form.is_valid():
                user = form.save()
        if user is not None:
            services.accept_invitation(invitation, user)
            if request.user.is_authenticated and request.user != user:
                return redirect("login")
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            page = invitation.workspace.page.specific
            messages.success(request, _("Welcome! You are now a member."))
            return redirect(page.get_url(request) + page.overview_subpath)
    return TemplateResponse(
        request,
        "members/invitation.html",
        {"invitation": invitation, "form": form, "existing_user": user},
        status=400 if form is not None and form.errors else 200,
    )


@never_cache
@login_required
def announce(request):
    """The municipality (gebiedsmakelaars, communicatie) writes to the boards of chosen kernen."""
    if not can_announce(request.user):
        raise PermissionDenied
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return handle_form(
        request,
        AnnouncementForm,
        home=site.root_page,
        sent_by=request.user,
        message=_("The announcement has been sent."),
        success_url="members_announce",
        render=lambda form: TemplateResponse(request, "members/announce.html", {"form": form}),
    )


@never_cache
def decision(request, decision_id):
    """Where a kernagenda action point made from a board decision links to.

    A member who may enter the board area goes on to the meeting; anyone else (the public
    reading the published action point) learns which board decided and when, and may log in,
    but never sees the minutes or the meeting."""
    found = queries.board_decision(decision_id)
    if found is None:
        raise Http404(_("This decision does not exist."))
    meeting = found.meeting
    board = meeting.workspace.page
    if can_access(request.user, meeting.workspace):
        url = board.specific_deferred.get_url(request) or ""
        return redirect(f"{url}vergaderingen/{meeting.pk}/#besluit-{found.pk}")
    point = found.action_point if found.action_point and found.action_point.live else None
    return TemplateResponse(
        request,
        "members/decision.html",
        {
            "kern": board.get_parent().specific,
            "meeting_date": meeting.starts_at,
            "action_point": point,
        },
    )
