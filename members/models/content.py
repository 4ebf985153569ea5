from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.constants import Answer
from members.models.organisations import Organisation
from members.models.workspace import Workspace


class Meeting(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("date and time"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("One agenda item per line."))
    minutes = models.TextField(_("minutes"), blank=True)
    documents = models.ManyToManyField(
        "wagtaildocs.Document", blank=True, related_name="+", verbose_name=_("documents")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return self.title

    @property
    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]

    @property
    def is_past(self) -> bool:
        return self.starts_at < timezone.now()


class MeetingResponse(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="responses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_answer_per_member")
        ]

    def __str__(self):
        return f"{self.user} – {self.meeting}: {self.answer}"


class Thread(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("subject"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now, db_index=True)
    #: A thread a board addressed to an invited organisation: its members see it on their
    #: account page and get the e-mail about its messages.
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="threads",
        verbose_name=_("to organisation"),
    )

    class Meta:
        ordering = ["-last_post_at"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")

    def __str__(self):
        return self.title


class Post(models.Model):
    """A message in a thread. The body is plain text: it is escaped when shown and only web
    addresses become links (``members_tags.message_text``)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} – {self.thread}"


class Poll(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="polls")
    question = models.CharField(_("question"), max_length=250)
    closes_at = models.DateTimeField(_("closes at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-closes_at"]
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self):
        return self.question

    @property
    def is_open(self) -> bool:
        return timezone.now() < self.closes_at


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("option"), max_length=200)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.label


class Vote(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    voted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "user"], name="one_vote_per_member")]

    def __str__(self):
        return f"{self.user} – {self.poll}"


class Announcement(models.Model):
    """A message of the municipality to the boards of chosen kernen (or all of them)."""

    home = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"))
    all_kernen = models.BooleanField(_("all kernen"), default=False)
    kernen = models.ManyToManyField(
        "kernen.KernPage", blank=True, related_name="+", verbose_name=_("kernen")
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        permissions = [("send_announcement", "Can send announcements to boards")]

    def __str__(self):
        return self.title


class MeetingDecision(models.Model):
    """A decision recorded in a board meeting's minutes. It can become one action point of
    the kern's kernagenda (a draft for the kern's redactie); ``action_point`` links them."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    #: Set when a member asked for the action point; the claim that stops a second one.
    converted_at = models.DateTimeField(null=True, blank=True, editable=False)
    converted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    action_point = models.OneToOneField(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_decision",
        verbose_name=_("action point"),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return self.text[:80]
