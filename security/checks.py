"""System checks (``manage.py check``, ``runserver``, ``check --deploy``) for the two media
roots of ``security.media``: the private root must be out of every folder a web server
serves, and MEDIA_ROOT must not hold uploads from before they moved."""

from pathlib import Path

from django.conf import settings
from django.core import checks

#: Folders of uploads that belong in the private root, never in MEDIA_ROOT.
PRIVATE_FOLDERS = ("documents", "original_images")


def _inside(path: Path, folder: Path) -> bool:
    path, folder = Path(path).resolve(), Path(folder).resolve()
    return path == folder or folder in path.parents


@checks.register(checks.Tags.security)
def private_media_root(app_configs, **kwargs):
    private = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if private is None:
        return []
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        served = getattr(settings, name, None)
        if served and (_inside(private, served) or _inside(served, private)):
            errors.append(
                checks.Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) and {name} ({served}) overlap: a web "
                    f"server that serves {name} would serve the boards' private files.",
                    hint="Give PRIVATE_MEDIA_ROOT a folder of its own (docs/operations.md).",
                    id="security.E101",
                )
            )
    return errors


@checks.register(checks.Tags.security)
def uploads_left_in_media_root(app_configs, **kwargs):
    media_root = Path(settings.MEDIA_ROOT)
    left = [
        name
        for name in PRIVATE_FOLDERS
        if any(path.is_file() for path in (media_root / name).rglob("*"))
    ]
    if not left or Path(getattr(settings, "PRIVATE_MEDIA_ROOT", media_root)) == media_root:
        return []
    return [
        checks.Warning(
            f"MEDIA_ROOT ({media_root}) still holds uploads ({', '.join(left)}/) that belong in "
            "PRIVATE_MEDIA_ROOT; anyone who can reach MEDIA_ROOT can read them.",
            hint="Run `python manage.py secure_media` (docs/operations.md).",
            id="security.W102",
        )
    ]
