"""Groups and permissions of the kernagenda, added to every kern and municipality."""

from django.contrib.auth.models import Group, Permission

#: What a kern's redactie may do with the sign-ups of its own kern's action points.
REDACTIE_PERMISSIONS = ("view_signup", "delete_signup", "view_interest", "delete_interest")
#: The municipality's group: keep the list of themes, see points past their review date.
MUNICIPALITY_GROUP = "Gemeente – kernagenda"
MUNICIPALITY_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("agenda", "add_theme"),
    ("agenda", "change_theme"),
    ("agenda", "delete_theme"),
    ("agenda", "view_overdue_reviews"),
)


def grant_redactie_permissions(kern, report):
    if kern.editors_group is None:
        return
    permissions = Permission.objects.filter(
        content_type__app_label="agenda", codename__in=REDACTIE_PERMISSIONS
    )
    kern.editors_group.permissions.add(*permissions)


def ensure_municipality_group(home, report):
    group, created = Group.objects.get_or_create(name=MUNICIPALITY_GROUP)
    if created:
        report.add(f"group {MUNICIPALITY_GROUP}")
    for app_label, codename in MUNICIPALITY_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
