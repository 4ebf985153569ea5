"""The chat's part of ``load_demo``: a few messages in the Beesd board's chat (idempotent:
nothing is added when the chat has messages already). Runs after the members' demo step."""

from django.contrib.auth import get_user_model

from kernen.models import KernPage
from members import chat
from members.constants import WorkspaceKind
from members.models.workspace import Workspace

CHAT = [
    ("bestuur-beesd", "Wie heeft de sleutel van het dorpshuis voor vanavond?"),
    ("penningmeester-beesd", "Ik, ik ben er om 19.15 uur."),
    ("secretaris-beesd", "De agenda staat bij de documenten. Ik neem koffie mee."),
    ("bestuur-beesd", "Top, tot vanavond!"),
]


def load_chat_demo(home, stdout=None):
    beesd = KernPage.objects.child_of(home).filter(slug="beesd").first()
    if beesd is None:
        return
    board = Workspace.objects.filter(
        kind=WorkspaceKind.BOARD, page__path__startswith=beesd.path
    ).first()
    if board is None or board.chat_messages.exists():
        return
    users = get_user_model().objects.in_bulk([name for name, _text in CHAT], field_name="username")
    for username, text in CHAT:
        if username in users:
            chat.post_message(board, users[username], text)
    if stdout is not None:
        stdout.write(f"Chat van het bestuur van Beesd: {board.chat_messages.count()} berichten.")
