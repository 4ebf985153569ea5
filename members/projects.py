"""A kern's board starts a cross-kern project and invites other kernen.

The project is an ordinary ``ProjectPage`` under ``/projecten/`` with its ``Workspace`` (made
by ``services.ensure_project_workspace`` when the page is published): nothing is copied. The
starting kern takes part at once and its board members become project members; an invited
kern takes part once its board accepts (``answer_kern_invitation``).

Who may: every member of the kern's board group ("<Kern> – bestuur") and admins; not the
kern's gebiedsmakelaar, who may read the board area but is not on the board. That check
(``access.is_board_member``) is the permission, so Wagtail's page permissions are skipped when
publishing: board members are not editors of ``/projecten/``.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from members import services, tasks
from members.constants import Role
from members.models.pages import ProjectIndexPage, ProjectPage
from members.models.projects import InvitationStatus, ProjectKernInvitation
from members.models.workspace import Invitation, Workspace


def project_index_of(kern) -> ProjectIndexPage | None:
    return ProjectIndexPage.objects.child_of(kern.get_parent()).first()


def projects_of(kern) -> list:
    """The live projects ``kern`` takes part in, by title (in the kern's language: the English
    and Polish copies of a project take part in the same kern)."""
    return list(
        ProjectPage.objects.filter(kernen=kern.pk, locale_id=kern.locale_id)
        .live()
        .order_by("title")
    )


def unique_slug(index, title: str) -> str:
    base = slugify(title)[:60].strip("-") or "project"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def add_board_to_project(board: Workspace, project_workspace: Workspace, chair=None) -> None:
    for membership in board.memberships.select_related("user").filter(user__is_active=True):
        role = Role.CHAIR if membership.user == chair else Role.MEMBER
        services.add_member(project_workspace, membership.user, role)


@transaction.atomic
def start_project(*, kern, board, user, title, summary, kernen, emails):
    """Create and publish the project page, its workspace and the invitations.

    Returns ``(project, kern_invitations, invitations)``; the caller sends the e-mail."""
    index = project_index_of(kern)
    project = ProjectPage(title=title, slug=unique_slug(index, title), summary=summary, owner=user)
    index.add_child(instance=project)
    project.kernen.set([kern])
    project.save_revision(user=user, log_action=True).publish(
        user=user, skip_permission_checks=True
    )
    workspace = services.ensure_project_workspace(project)
    add_board_to_project(board, workspace, chair=user)
    services.add_member(workspace, user, Role.CHAIR)
    kern_invitations = ProjectKernInvitation.objects.bulk_create(
        ProjectKernInvitation(project=project, kern=other, invited_by_kern=kern, invited_by=user)
        for other in kernen
    )
    invitations = [
        Invitation.objects.create(workspace=workspace, email=email, invited_by=user)
        for email in emails
    ]
    return project, kern_invitations, invitations


def send_invitations(kern_invitations, invitations, site_url: str) -> None:
    """E-mail the boards of the invited kernen and the people invited by address, once the
    project is stored."""
    for invitation in kern_invitations:
        tasks.enqueue_on_commit(tasks.send_project_invitation, invitation.pk, site_url)
    for invitation in invitations:
        tasks.enqueue_on_commit(tasks.send_invitation, invitation.pk, site_url)


def _add_kern(project: ProjectPage, kern, user) -> None:
    """Let ``kern`` take part: in the published page and in the latest revision, so that an
    editor who publishes a draft later keeps it."""
    had_draft = project.has_unpublished_changes
    draft = project.get_latest_revision_as_object()
    draft.kernen.add(kern)
    revision = draft.save_revision(user=user, log_action=True)
    if had_draft:
        project.kernen.through.objects.get_or_create(projectpage=project, kernpage=kern)
    else:
        revision.publish(user=user, skip_permission_checks=True)


@transaction.atomic
def answer_kern_invitation(invitation_id: int, kern, board, user, accept: bool):
    """Accept or decline a pending invitation of ``kern``. Returns the invitation, or None
    when there is no pending one (already answered, or not for this kern)."""
    answered = ProjectKernInvitation.objects.filter(
        pk=invitation_id, kern=kern, status=InvitationStatus.PENDING
    ).update(
        status=InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED,
        answered_by=user,
        answered_at=timezone.now(),
    )
    if not answered:
        return None
    invitation = ProjectKernInvitation.objects.select_related("project").get(pk=invitation_id)
    if accept:
        project = invitation.project
        _add_kern(project, kern, user)
        add_board_to_project(board, services.ensure_project_workspace(project))
    return invitation
