"""Forms of what members keep in a workspace: documents, meetings (with answers, minutes
and decisions), messages and polls. Each writes in its own ``save()``."""

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model

from members import tasks
from members.constants import Answer
from members.models.content import (
    Meeting,
    MeetingDecision,
    MeetingResponse,
    Poll,
    PollOption,
    Post,
    Thread,
    Vote,
)
from members.models.organisations import Organisation
from security.uploads import validate_member_upload

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


def datetime_field(label, **kwargs):
    return forms.DateTimeField(
        label=label,
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        widget=DateTimeLocalInput(),
        error_messages={"invalid": _("Enter a date and time, e.g. 15-03-2027 19:30.")},
        **kwargs,
    )


class WorkspaceForm(forms.Form):
    """A form that writes into ``workspace`` as ``user``."""

    def __init__(self, *args, workspace, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        self.user = user


class DocumentUploadForm(WorkspaceForm):
    title = forms.CharField(label=_("Title"), max_length=255)
    file = forms.FileField(label=_("File"))

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        self.content_type = validate_member_upload(uploaded)
        return uploaded

    def save(self):
        document = get_document_model()(
            title=self.cleaned_data["title"],
            collection_id=self.workspace.collection_id,
            uploaded_by_user=self.user,
        )
        document.file = self.cleaned_data["file"]
        document.file_size = document.file.size
        document._set_document_file_metadata()
        document.save()
        return document


class DocumentSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by title"), max_length=100, required=False)


class MeetingForm(WorkspaceForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = datetime_field(_("Date and time"))
    location = forms.CharField(label=_("Place"), max_length=200, required=False)
    video_url = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")
    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One agenda item per line."),
    )
    documents = forms.ModelMultipleChoiceField(
        label=_("Documents"),
        queryset=get_document_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].queryset = (
            get_document_model()
            .objects.filter(collection=self.workspace.collection_id)
            .order_by("title")
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("location") and not cleaned.get("video_url"):
            raise forms.ValidationError(_("Give a place or a video link."))
        return cleaned

    @transaction.atomic
    def save(self) -> Meeting:
        data = self.cleaned_data
        meeting = Meeting.objects.create(
            workspace=self.workspace,
            created_by=self.user,
            **{key: data[key] for key in ("title", "starts_at", "location", "video_url", "agenda")},
        )
        meeting.documents.set(data["documents"])
        return meeting


class MeetingPartForm(forms.Form):
    """A form on a meeting's page, which writes into ``meeting`` as ``user``."""

    def __init__(self, *args, meeting, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.user = user


class MinutesForm(MeetingPartForm):
    minutes = forms.CharField(
        label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )

    def __init__(self, *args, meeting, **kwargs):
        kwargs.setdefault("initial", {"minutes": meeting.minutes})
        super().__init__(*args, meeting=meeting, **kwargs)

    def save(self) -> Meeting:
        self.meeting.minutes = self.cleaned_data["minutes"]
        self.meeting.save(update_fields=["minutes"])
        return self.meeting


class AnswerForm(MeetingPartForm):
    answer = forms.ChoiceField(
        label=_("Will you be there?"), choices=Answer.choices, widget=forms.RadioSelect
    )

    def save(self) -> MeetingResponse:
        response, _created = MeetingResponse.objects.update_or_create(
            meeting=self.meeting, user=self.user, defaults={"answer": self.cleaned_data["answer"]}
        )
        return response


class DecisionForm(MeetingPartForm):
    text = forms.CharField(
        label=_("Decision"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One decision, e.g. “We ask the municipality for a bench at the playground.”"),
    )

    def save(self) -> MeetingDecision:
        return MeetingDecision.objects.create(
            meeting=self.meeting, text=self.cleaned_data["text"], created_by=self.user
        )


class MessageForm(forms.Form):
    """A form that posts a message; the other members get an e-mail (``mail_urls``: the
    workspace's and the account page's full addresses)."""

    def __init__(self, *args, author, mail_urls, **kwargs):
        super().__init__(*args, **kwargs)
        self.author = author
        self.mail_urls = mail_urls

    def post(self, thread) -> Post:
        post = Post.objects.create(
            thread=thread, author=self.author, body=self.cleaned_data["body"]
        )
        tasks.enqueue_on_commit(tasks.notify_new_post, post.pk, *self.mail_urls)
        return post


class ThreadForm(MessageForm):
    title = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), max_length=10_000, widget=forms.Textarea)

    organisation = forms.ModelChoiceField(
        label=_("To an invited organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No: to the members"),
        help_text=_("Its members see the message on their account page and get an e-mail."),
    )

    def __init__(self, *args, workspace, **kwargs):
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        invited = Organisation.objects.filter(accesses__workspace=workspace)
        if invited.exists():
            self.fields["organisation"].queryset = invited
        else:
            del self.fields["organisation"]

    @transaction.atomic
    def save(self) -> Thread:
        thread = Thread.objects.create(
            workspace=self.workspace,
            title=self.cleaned_data["title"],
            author=self.author,
            organisation=self.cleaned_data.get("organisation"),
        )
        self.post(thread)
        return thread


class PostForm(MessageForm):
    body = forms.CharField(label=_("Your reply"), max_length=10_000, widget=forms.Textarea)

    def __init__(self, *args, thread, **kwargs):
        super().__init__(*args, **kwargs)
        self.thread = thread

    @transaction.atomic
    def save(self) -> Post:
        post = self.post(self.thread)
        self.thread.last_post_at = post.created_at
        self.thread.save(update_fields=["last_post_at"])
        return post


class PollForm(WorkspaceForm):
    question = forms.CharField(label=_("Question"), max_length=250)
    options = forms.CharField(
        label=_("Options"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One option per line, at least two."),
    )
    closes_at = datetime_field(_("Closes at"))

    def clean_options(self):
        options = [line.strip() for line in self.cleaned_data["options"].splitlines()]
        options = list(dict.fromkeys(option[:200] for option in options if option))
        if len(options) < 2:
            raise forms.ValidationError(_("Give at least two different options."))
        if len(options) > 20:
            raise forms.ValidationError(_("Give at most 20 options."))
        return options

    def clean_closes_at(self):
        closes_at = self.cleaned_data["closes_at"]
        if closes_at <= timezone.now():
            raise forms.ValidationError(_("The closing time must be in the future."))
        return closes_at

    @transaction.atomic
    def save(self) -> Poll:
        poll = Poll.objects.create(
            workspace=self.workspace,
            question=self.cleaned_data["question"],
            closes_at=self.cleaned_data["closes_at"],
            created_by=self.user,
        )
        PollOption.objects.bulk_create(
            PollOption(poll=poll, label=label, sort_order=number)
            for number, label in enumerate(self.cleaned_data["options"])
        )
        return poll


class VoteForm(forms.Form):
    option = forms.ModelChoiceField(
        label=_("Your choice"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose one of the options.")},
    )

    def __init__(self, *args, poll, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.poll = poll
        self.user = user
        self.fields["option"].queryset = poll.options.all()

    def save(self) -> Vote:
        vote, _created = Vote.objects.update_or_create(
            poll=self.poll, user=self.user, defaults={"option": self.cleaned_data["option"]}
        )
        return vote
