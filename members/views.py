"""Account pages of the public site: the member's own page, accepting an invitation, and the
calendar feed that a calendar app reads with a secret token."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from members.access import can_access, workspaces_of
from members.calendar import calendar_response
from members.forms import ProfileForm, SetPasswordForInvitationForm
from members.models import Invitation, MemberProfile, Membership, Workspace
from members.models.workspace import new_token


@never_cache
@login_required
def account(request):
    profile = MemberProfile.for_user(request.user)
    form = ProfileForm(initial={"email_notifications": profile.email_notifications})
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            profile.email_notifications = form.cleaned_data["email_notifications"]
            profile.save(update_fields=["email_notifications"])
            messages.success(request, _("Your settings have been saved."))
            return redirect("members_account")
    workspaces = list(workspaces_of(request.user).order_by("kind", "name"))
    for workspace in workspaces:
        page_url = workspace.page.specific_deferred.get_url(request) or ""
        workspace.url = page_url + workspace.page.specific_class.overview_subpath
        workspace.calendar_url = request.build_absolute_uri(
            f"/kalender/{profile.calendar_token}/{workspace.pk}.ics"
        )
    return TemplateResponse(
        request,
        "members/account.html",
        {"form": form, "workspaces": workspaces, "profile": profile},
    )


@require_POST
@login_required
def new_calendar_token(request):
    profile = MemberProfile.for_user(request.user)
    profile.calendar_token = new_token()
    profile.save(update_fields=["calendar_token"])
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
    User = get_user_model()
    user = User.objects.filter(email__iexact=invitation.email, is_active=True).first()
    form = None if user else SetPasswordForInvitationForm(email=invitation.email)
    if request.method == "POST":
        if user is None:
            form = SetPasswordForInvitationForm(request.POST, email=invitation.email)
            if form.is_valid():
                data = form.cleaned_data
                user = User.objects.create_user(
                    username=invitation.email.lower(),
                    email=invitation.email,
                    password=data["password1"],
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                )
        if user is not None:
            with transaction.atomic():
                membership, _created = Membership.objects.get_or_create(
                    workspace=invitation.workspace, user=user, defaults={"role": invitation.role}
                )
                invitation.accepted_at = timezone.now()
                invitation.save(update_fields=["accepted_at"])
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
    from django.core.exceptions import PermissionDenied

    from wagtail.models import Site

    from members.access import can_announce
    from members.forms import AnnouncementForm
    from members.models import Announcement
    from members.routes import on_commit
    from members.tasks import send_announcement

    if not can_announce(request.user):
        raise PermissionDenied
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    home = site.root_page
    form = AnnouncementForm(home=home)
    if request.method == "POST":
        form = AnnouncementForm(request.POST, home=home)
        if form.is_valid():
            data = form.cleaned_data
            announcement = Announcement.objects.create(
                home=home,
                title=data["title"],
                body=data["body"],
                all_kernen=data["all_kernen"],
                sent_by=request.user,
            )
            if not data["all_kernen"]:
                announcement.kernen.set(data["kernen"])
            on_commit(send_announcement, announcement.pk)
            messages.success(request, _("The announcement has been sent."))
            return redirect("members_announce")
    return TemplateResponse(
        request, "members/announce.html", {"form": form}, status=400 if form.errors else 200
    )


@never_cache
def decision(request, decision_id):
    """Where a kernagenda action point made from a board decision links to.

    A member who may enter the board area goes on to the meeting; anyone else (the public
    reading the published action point) learns which board decided and when, and may log in,
    but never sees the minutes or the meeting."""
    from members.constants import WorkspaceKind
    from members.models import MeetingDecision

    found = (
        MeetingDecision.objects.select_related("meeting__workspace__page", "action_point")
        .filter(pk=decision_id, meeting__workspace__kind=WorkspaceKind.BOARD)
        .first()
    )
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
