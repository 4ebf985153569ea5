from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkspaceKind(models.TextChoices):
    BOARD = "board", _("board")
    PROJECT = "project", _("project")
    OVERLEG = "overleg", _("meeting of the kernen")


class Role(models.TextChoices):
    MEMBER = "member", _("member")
    CHAIR = "chair", _("chair")


class Answer(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")
    MAYBE = "maybe", _("maybe")


class AccessRole(models.TextChoices):
    """What an invited organisation may do in a workspace."""

    READ = "read", _("read")
    POST = "post", _("read and post")
