from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model

from kernen.models import KernPage
from members.constants import Answer, Role
from members.uploads import validate_upload

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


class DocumentUploadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    file = forms.FileField(label=_("File"))

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        self.content_type = validate_upload(uploaded)
        return uploaded


class DocumentSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by title"), max_length=100, required=False)


class MeetingForm(forms.Form):
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

    def __init__(self, *args, collection=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].queryset = (
            get_document_model().objects.filter(collection=collection).order_by("title")
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("location") and not cleaned.get("video_url"):
            raise forms.ValidationError(_("Give a place or a video link."))
        return cleaned


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Will you be there?"), choices=Answer.choices, widget=forms.RadioSelect
    )


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), max_length=10_000, widget=forms.Textarea)


class PostForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), max_length=10_000, widget=forms.Textarea)


class PollForm(forms.Form):
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


class VoteForm(forms.Form):
    option = forms.ModelChoiceField(
        label=_("Your choice"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose one of the options.")},
    )

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].queryset = poll.options.all()


class InviteForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class AddMemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Board member"), queryset=None)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates


class ProfileForm(forms.Form):
    email_notifications = forms.BooleanField(
        label=_("E-mail me about new messages in my workspaces"), required=False
    )


class SetPasswordForInvitationForm(forms.Form):
    """Used when the invited person has no account yet."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        from django.contrib.auth import password_validation

        cleaned = super().clean()
        password = cleaned.get("password1")
        if password and password != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords are not the same."))
        elif password:
            user = get_user_model()(
                username=self.email, email=self.email, first_name=cleaned.get("first_name", "")
            )
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class AnnouncementForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Message"), max_length=10_000, widget=forms.Textarea)
    all_kernen = forms.BooleanField(label=_("To the boards of all kernen"), required=False)
    kernen = forms.ModelMultipleChoiceField(
        label=_("Or to the boards of these kernen"),
        queryset=KernPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, home, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kernen"].queryset = KernPage.objects.child_of(home).order_by("title")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("all_kernen") and not cleaned.get("kernen"):
            raise forms.ValidationError(_("Choose one or more kernen, or all kernen."))
        return cleaned


MAX_INVITED_EMAILS = 20


class StartProjectForm(forms.Form):
    """A kern's board starts a project: other kernen of the same municipality (one or more)
    and, if wanted, people by e-mail."""

    title = forms.CharField(label=_("Name of the project"), max_length=100)
    summary = forms.CharField(
        label=_("Public summary"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Everyone can read this on the project's page. Do not put private things here."
        ),
    )
    kernen = forms.ModelMultipleChoiceField(
        label=_("Invite these kernen"),
        queryset=KernPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Their boards get an invitation and decide whether they take part."),
        error_messages={
            "required": _("Choose at least one other kern."),
            "invalid_choice": _("This kern is not in your municipality."),
            "invalid_pk_value": _("This kern is not in your municipality."),
        },
    )
    emails = forms.CharField(
        label=_("Also invite these people (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E-mail addresses, one per line. They get an invitation to the workspace."),
    )

    def __init__(self, *args, kern, **kwargs):
        super().__init__(*args, **kwargs)
        self.kern = kern
        field = self.fields["kernen"]
        field.queryset = KernPage.objects.child_of(kern.get_parent()).order_by("title")
        # Offer the other kernen; the own kern stays valid input so it gets its own message.
        field.choices = [(other.pk, other.title) for other in field.queryset if other != kern]

    def clean_kernen(self):
        kernen = self.cleaned_data["kernen"]
        if any(other.pk == self.kern.pk for other in kernen):
            raise forms.ValidationError(
                _("Your own kern takes part already. Choose one or more other kernen.")
            )
        return kernen

    def clean_emails(self):
        from django.core.validators import validate_email

        emails = []
        for line in self.cleaned_data["emails"].replace(",", "\n").splitlines():
            email = line.strip()
            if not email:
                continue
            try:
                validate_email(email)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    _("“%(email)s” is not a valid e-mail address."), params={"email": email[:100]}
                ) from error
            if email.lower() not in (known.lower() for known in emails):
                emails.append(email)
        if len(emails) > MAX_INVITED_EMAILS:
            raise forms.ValidationError(
                _("Invite at most %(count)d people at once."), params={"count": MAX_INVITED_EMAILS}
            )
        return emails


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("Decision"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One decision, e.g. “We ask the municipality for a bench at the playground.”"),
    )
