"""The chat's one form: a short message."""

from django import forms
from django.utils.translation import gettext_lazy as _

from members import chat
from members.models.chat import CHAT_MAX_LENGTH


class ChatForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=CHAT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write a message first.")},
    )

    def __init__(self, *args, workspace, author, **kwargs):
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        self.author = author

    def save(self):
        return chat.post_message(self.workspace, self.author, self.cleaned_data["text"])
