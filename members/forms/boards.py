"""Forms of the municipality and the boards: an announcement to the boards of chosen
kernen, and a board starting a project with other kernen."""

from django import forms
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kernen.models import KernPage
from members import tasks
from members.models.content import Announcement


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

    def __init__(self, *args, home, sent_by, **kwargs):
        super().__init__(*args, **kwargs)
        self.home = home
        self.sent_by = sent_by
        self.fields["kernen"].queryset = KernPage.objects.child_of(home).order_by("title")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("all_kernen") and not cleaned.get("kernen"):
            raise forms.ValidationError(_("Choose one or more kernen, or all kernen."))
        return cleaned

    @transaction.atomic
    def save(self) -> Announcement:
        data = self.cleaned_data
        announcement = Announcement.objects.create(
            home=self.home,
            title=data["title"],
            body=data["body"],
            all_kernen=data["all_kernen"],
            sent_by=self.sent_by,
        )
        if not data["all_kernen"]:
            announcement.kernen.set(data["kernen"])
        tasks.enqueue_on_commit(tasks.send_announcement, announcement.pk)
        return announcement


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
