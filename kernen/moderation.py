"""Moderation per kern, with Wagtail's workflows.

Every kern gets a group "<Kern> – moderatie" and a workflow with one approval task for that
group. The setting ``KernPage.moderation_enabled`` (administrators only) decides whether the
workflow applies to the kern's subtree:

- on: the workflow is assigned to the kern page (``WorkflowPage``) and the kern's editors lose
  the *publish* permission there, so they can only submit; the moderators approve, which
  publishes the page. (Wagtail lets anyone with *publish* bypass a workflow, hence the
  permission change.)
- off: no kern workflow, and the editors publish directly.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from kernen.models import KernPage
from kernen.provisioning import (
    EDITOR_COLLECTION_PERMISSIONS,
    grant_admin_access,
    grant_collection_permissions,
    grant_page_permissions,
)

#: What a kern's moderators may do in the kern's subtree.
MODERATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
EDITOR_SUFFIX = " – redactie"


def moderation_name(kern: KernPage) -> str:
    """ "Beesd – moderatie", or "Beesd (Zaltbommel) – moderatie" like the editors' group."""
    base = kern.title
    if kern.editors_group_id and kern.editors_group.name.endswith(EDITOR_SUFFIX):
        base = kern.editors_group.name.removesuffix(EDITOR_SUFFIX)
    return f"{base} – moderatie"


def ensure_moderation(kern: KernPage, report) -> None:
    """Kern hook: the kern's moderators group and workflow exist; the setting is applied."""
    name = moderation_name(kern)
    changed = []
    if kern.moderators_group_id is None:
        group, created = Group.objects.get_or_create(name=name)
        if created:
            report.add(f"group {name}")
        kern.moderators_group = group
        changed.append("moderators_group")
    group = kern.moderators_group
    grant_admin_access(group)
    grant_page_permissions(group, kern, MODERATOR_PAGE_PERMISSIONS)
    if kern.collection_id:
        grant_collection_permissions(group, kern.collection, EDITOR_COLLECTION_PERMISSIONS)

    if kern.moderation_workflow_id is None:
        workflow = Workflow.objects.create(name=name)
        task = GroupApprovalTask.objects.create(name=f"Goedkeuring door {name}")
        task.groups.set([group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        report.add(f"workflow {name}")
        kern.moderation_workflow = workflow
        changed.append("moderation_workflow")
    if changed:
        # Bookkeeping links, like the editors' group: no new revision.
        kern.save(update_fields=changed)
    apply_moderation(kern)


def apply_moderation(kern: KernPage) -> None:
    """Assign or unassign the kern's workflow and the editors' publish right to match the
    kern's setting."""
    if kern.moderation_workflow_id is None:
        return  # not provisioned yet; ensure_moderation applies it
    publish = Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename="publish_page"
    )
    # The kern page in every language tree: translations are moderated like the Dutch page.
    pages = list(
        Page.objects.filter(translation_key=kern.translation_key).values_list("pk", flat=True)
    )
    if kern.moderation_enabled:
        for page_id in pages:
            WorkflowPage.objects.update_or_create(
                page_id=page_id, defaults={"workflow_id": kern.moderation_workflow_id}
            )
        if kern.editors_group_id:
            GroupPagePermission.objects.filter(
                group_id=kern.editors_group_id, page_id__in=pages, permission=publish
            ).delete()
    else:
        WorkflowPage.objects.filter(
            page_id__in=pages, workflow_id=kern.moderation_workflow_id
        ).delete()
        if kern.editors_group_id:
            for page_id in pages:
                GroupPagePermission.objects.get_or_create(
                    group_id=kern.editors_group_id, page_id=page_id, permission=publish
                )
