"""The forms of the dossier: signing up, a dossier, an item (document, photo or note) and a
share. Every write is a form's ``save()``; a form with errors stores nothing."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from dossiers.constants import ItemKind
from dossiers.models import Dossier, DossierItem, DossierShare
from security.honeypot import HoneypotForm
from security.passwords import NewAccountForm
from security.uploads import MEMBER_EXTENSIONS, check_upload

#: What a photo may be; a document may be what the member area allows.
PHOTO_EXTENSIONS = ("png", "jpg", "jpeg")


class SignupForm(HoneypotForm, NewAccountForm):
    """A resident's account. Nothing is stored until the e-mail link is clicked: the address
    and the password's hash wait in the link (``privacy.EmailLink``)."""

    email = forms.EmailField(label=_("E-mail address"))

    field_order = ["website", "email", "first_name", "last_name", "password1", "password2"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def account_email(self) -> str:
        return self.cleaned_data.get("email", "")

    def payload(self) -> dict:
        data = self.cleaned_data
        return {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "password": make_password(data["password1"]),
        }


class DossierForm(forms.ModelForm):
    class Meta:
        model = Dossier
        fields = ["title", "description"]

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.owner = owner


class ItemForm(forms.ModelForm):
    file = forms.FileField(label=_("File"), required=False)

    class Meta:
        model = DossierItem
        fields = ["kind", "title", "text", "file"]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.dossier = dossier
        self.fields["text"].label = _("Note or description")

    def clean(self):
        cleaned = super().clean()
        kind, upload = cleaned.get("kind"), cleaned.get("file")
        if kind == ItemKind.NOTE:
            if not (cleaned.get("text") or "").strip():
                self.add_error("text", _("Write your note."))
            cleaned["file"] = None
        elif kind in (ItemKind.FILE, ItemKind.PHOTO):
            if not upload:
                self.add_error("file", _("Choose a file."))
            else:
                self._check_file(kind, upload)
        return cleaned

    def _check_file(self, kind, upload):
        extensions = PHOTO_EXTENSIONS if kind == ItemKind.PHOTO else MEMBER_EXTENSIONS
        try:
            self.instance.content_type = check_upload(
                upload, extensions=extensions, max_size=settings.DOSSIER_MAX_UPLOAD_SIZE
            )
        except forms.ValidationError as error:
            self.add_error("file", error)
            return
        self.instance.original_name = upload.name[-255:]
        self.instance.size = upload.size


def related_model(field: str):
    """The model a share's target field points at (``members`` is not imported here)."""
    return DossierShare._meta.get_field(field).related_model


def workspaces_of(home):
    """The workspaces (boards, projects, the dorpenoverleg) under ``home``'s municipality, in
    any of its languages: those whose page's path starts with the path of a home page that
    translates ``home``. One query, however many municipalities there are."""
    workspaces = related_model("workspace").objects.order_by("name")
    if home is None:
        return workspaces.none()
    homes = Page.objects.filter(translation_key=home.translation_key).values("path")
    return workspaces.annotate(home_path=Substr("page__path", 1, len(home.path))).filter(
        home_path__in=homes
    )


class ShareForm(forms.Form):
    """A share of the whole dossier or one item, with a person (by e-mail address), a
    workspace of the member area or an organisation, both of the owner's municipality
    (``home``: the home page of the site the owner uses), until an optional end date."""

    TARGETS = (
        ("user", _("a person (their e-mail address)")),
        ("workspace", _("a board")),
        ("organisation", _("an organisation")),
    )

    CHOOSE = {"workspace": _("Choose a board."), "organisation": _("Choose an organisation.")}

    target = forms.ChoiceField(label=_("Share with"), choices=TARGETS, widget=forms.RadioSelect)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    workspace = forms.ModelChoiceField(
        label=_("Board, project or dorpenoverleg"),
        queryset=None,
        required=False,
        help_text=_(
            "Only its own members can read it, not a gebiedsmakelaar or an organisation "
            "invited into it."
        ),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        required=False,
        help_text=_("Every member of the organisation can read it."),
    )
    item = forms.ModelChoiceField(
        label=_("What"), queryset=None, required=False, empty_label=_("The whole dossier")
    )
    ends_on = forms.DateField(
        label=_("Until (last day; empty: until you stop sharing)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, dossier, home=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier
        self.fields["workspace"].queryset = workspaces_of(home)
        organisations = related_model("organisation").objects.order_by("name")
        self.fields["organisation"].queryset = (
            organisations.filter(home__translation_key=home.translation_key)
            if home is not None
            else organisations.none()
        )
        self.fields["item"].queryset = dossier.items.order_by("title")

    def clean_ends_on(self):
        ends_on = self.cleaned_data.get("ends_on")
        if ends_on and ends_on < timezone.localdate():
            raise forms.ValidationError(
                _("This date has passed. Choose today or a later day."), code="past"
            )
        return ends_on

    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("target")
        if target == "user":
            cleaned["user"] = self._user(cleaned.get("email"))
        elif target in self.CHOOSE and not cleaned.get(target) and target not in self.errors:
            self.add_error(target, self.CHOOSE[target])
        return cleaned

    def _user(self, email):
        if not email:
            if "email" not in self.errors:
                self.add_error("email", _("Fill in the e-mail address of the person."))
            return None
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            self.add_error(
                "email",
                _(
                    "There is no account with this e-mail address. Ask the person to make an "
                    "account first, or check the address."
                ),
            )
        elif user.pk == self.dossier.owner_id:
            self.add_error("email", _("This is your own address."))
            return None
        return user

    def save(self) -> DossierShare:
        data = self.cleaned_data
        target = data["target"]
        return DossierShare.objects.create(
            dossier=self.dossier,
            item=data.get("item"),
            user=data["user"] if target == "user" else None,
            workspace=data["workspace"] if target == "workspace" else None,
            organisation=data["organisation"] if target == "organisation" else None,
            ends_on=data.get("ends_on"),
        )
