"""What the public forms change: a registration (a draft page), its confirmation, a change or
removal through an e-mailed link. Nothing here publishes: the kern redactie does (docs)."""

from django.conf import settings
from django.core.mail import send_mail, send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override

from wagtail.images import get_image_model

from businesses.constants import (
    CONFIRM_MAX_AGE,
    CONFIRM_PURPOSE,
    MANAGE_MAX_AGE,
    MANAGE_PURPOSE,
)
from privacy import emaillinks

#: Form fields and the page fields they fill.
FIELDS = {
    "name": "title",
    "kind": "kind",
    "summary": "summary",
    "address": "address",
    "latitude": "latitude",
    "longitude": "longitude",
    "opening_hours": "opening_hours",
    "url": "website",
}


def _unique_slug(index, name: str) -> str:
    base = slugify(name)[:60] or "bedrijf"
    taken = set(index.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _logo(uploaded, kern, name: str):
    if not uploaded:
        return None
    return get_image_model().objects.create(
        title=_("Logo of %(name)s") % {"name": name},
        file=uploaded,
        collection=kern.collection or get_image_model().get_first_root_collection(),
    )


def _mail(kind: str, page, email: str, url: str) -> None:
    context = {"page": page, "url": url}
    subjects = {
        "confirm": _("Confirm the registration of %(name)s"),
        "manage": _("Change or remove %(name)s"),
    }
    send_mail(
        subjects[kind] % {"name": page.title},
        render_to_string(f"emails/business_{kind}.txt", context),
        None,
        [email],
    )


def register(index, data: dict, request):
    """A draft business under ``index`` (the kern's section), and the e-mail to confirm it."""
    # Imported here: the page models import the views, which import this module.
    from businesses.models import BusinessPage

    kern = index.get_parent().specific
    page = BusinessPage(
        slug=_unique_slug(index, data["name"]),
        live=False,
        email_confirmed=False,
        contact_email=data["email"],
        logo=_logo(data.get("logo"), kern, data["name"]),
        **{field: data[name] for name, field in FIELDS.items()},
    )
    index.add_child(instance=page)
    page.save_revision(log_action=True)
    token = emaillinks.issue(
        CONFIRM_PURPOSE, data["email"], CONFIRM_MAX_AGE, payload={"page": page.pk}
    )
    url = index.get_full_url(request) + index.reverse_subpage("confirm", args=[token])
    _mail("confirm", page, data["email"], url)
    return page


def confirm(index, token: str):
    """The business of ``token``, now confirmed and waiting for the redactie; None for a link
    we did not send (or that expired)."""
    # Imported here: the page models import the views, which import this module.
    from businesses.models import BusinessPage

    try:
        link = emaillinks.read(CONFIRM_PURPOSE, token)
    except emaillinks.InvalidLink:
        return None
    page = BusinessPage.objects.child_of(index).filter(pk=link.payload.get("page")).first()
    if page is not None and not page.email_confirmed:
        page.email_confirmed = True
        page.save(update_fields=["email_confirmed"], clean=False)
        notify_redactie(page, index.get_parent().specific)
    emaillinks.used(link)
    return page


def notify_redactie(page, kern) -> int:
    """One e-mail to each editor of ``kern``: ``page`` waits for their review, and where."""
    group = kern.editors_group
    if group is None:
        return 0
    users = group.user_set.filter(is_active=True).exclude(email="").order_by("pk")
    with override(settings.LANGUAGE_CODE):
        context = {
            "page": page,
            "kern": kern,
            "url": settings.WAGTAILADMIN_BASE_URL + reverse("businesses_review"),
        }
        subject = _("A business waits for your review in %(kern)s: %(name)s") % {
            "kern": kern.title,
            "name": page.title,
        }
        body = render_to_string("emails/business_review.txt", context)
    return send_mass_mail([(subject, body, None, [user.email]) for user in users])


def send_manage_link(page, email: str, request) -> None:
    """Mail a link to change ``page``, when ``email`` is the business's own address; the
    visitor is told the same either way."""
    if not page.contact_email or page.contact_email.lower() != email.strip().lower():
        return
    token = emaillinks.issue(MANAGE_PURPOSE, page.contact_email, MANAGE_MAX_AGE, {"page": page.pk})
    url = page.get_full_url(request) + page.reverse_subpage("manage", args=[token])
    _mail("manage", page, page.contact_email, url)


def manage_link(page, token: str):
    """The e-mail link of ``token`` when it opens ``page``, else None."""
    try:
        link = emaillinks.read(MANAGE_PURPOSE, token)
    except emaillinks.InvalidLink:
        return None
    return link if link.payload.get("page") == page.pk else None


def update(page, data: dict, link) -> None:
    """The changed entry, as a draft revision for the redactie to publish."""
    kern = page.get_parent().get_parent().specific
    for name, field in FIELDS.items():
        setattr(page, field, data[name])
    logo = _logo(data.get("logo"), kern, data["name"])
    if logo is not None:
        page.logo = logo
    page.save_revision(log_action=True)
    emaillinks.used(link)


def remove(page, link) -> None:
    """The entry is gone: its translations, and the page itself."""
    emaillinks.used(link)
    for translation in page.get_translations():
        translation.delete()
    page.delete()
