"""Conflicts that refuse a move before anything changes.

- the kern already belongs to the target municipality;
- the target has a kern (or another page) at the kern's address, in any language tree;
- the target has a kern of the same name;
- a user would lose access: someone (not a superuser) whose rights on the kern come only from
  a group with page permissions on the source municipality's home page (inherited by every
  kern under it), while none of their groups has rights on the target's home page or inside
  the kern itself. The municipality's own groups with rights on its sections only (such as
  "Communicatie") are not affected: they never had rights on the kern's pages.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.models import Page

from kernen.models import KernPage


def municipality_name(home) -> str:
    return home.specific.municipality_name


def kern_conflicts(kern: KernPage, old_home, new_home) -> list[str]:
    names = {"kern": kern.title, "municipality": municipality_name(new_home)}
    if kern.get_parent().translation_key == new_home.translation_key:
        return [_("%(kern)s already belongs to %(municipality)s.") % names]
    messages = []
    if KernPage.objects.child_of(new_home).filter(title__iexact=kern.title).exists():
        messages.append(_("%(municipality)s already has a kern named %(kern)s.") % names)
    messages += slug_conflicts(kern, new_home)
    messages += access_losses(kern, old_home, new_home)
    return messages


def slug_conflicts(page: Page, new_parent: Page) -> list[str]:
    """The page's address (in any language tree) is taken under ``new_parent`` there."""
    messages = []
    for copy in Page.objects.filter(translation_key=page.translation_key).select_related("locale"):
        parent = new_parent.get_translation_or_none(copy.locale)
        if parent is not None and parent.get_children().filter(slug=copy.slug).exists():
            messages.append(
                _(
                    "The address %(path)s already exists in %(municipality)s: give the page "
                    "there or %(title)s another address (slug) first."
                )
                % {
                    "path": f"{(parent.get_url() or parent.url_path).rstrip('/')}/{copy.slug}/",
                    "municipality": municipality_name(
                        new_parent.get_ancestors(inclusive=True).filter(depth=2).first()
                    ),
                    "title": page.title,
                }
            )
    return messages


def access_losses(kern: KernPage, old_home, new_home) -> list[str]:
    losing = Group.objects.filter(
        page_permissions__page__translation_key=old_home.translation_key,
        page_permissions__page__depth=2,
    ).distinct()
    if not losing.exists():
        return []
    kern_paths = Q()
    for path in Page.objects.filter(translation_key=kern.translation_key).values_list(
        "path", flat=True
    ):
        kern_paths |= Q(page_permissions__page__path__startswith=path)
    keeping = Group.objects.filter(
        Q(page_permissions__page__translation_key=new_home.translation_key) | kern_paths
    )
    users = (
        get_user_model()
        .objects.filter(groups__in=losing, is_active=True, is_superuser=False)
        .exclude(groups__in=keeping)
        .distinct()
        .order_by("username")
    )
    return [
        _(
            "%(user)s would lose access to %(kern)s: their rights come from the group "
            "%(groups)s of %(old)s. Give them a group in %(new)s first, or take them out of "
            "that group."
        )
        % {
            "user": user.get_username(),
            "kern": kern.title,
            "groups": ", ".join(losing.filter(user=user).values_list("name", flat=True)),
            "old": municipality_name(old_home),
            "new": municipality_name(new_home),
        }
        for user in users
    ]


def section_conflicts(source_section: Page, target_section: Page) -> list[str]:
    """Children of a municipal section that would take an address already used in the target's
    section of the same type."""
    messages = []
    for child in source_section.get_children():
        messages += slug_conflicts(child, target_section)
    return messages
