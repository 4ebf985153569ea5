"""Businesses (AVG): the e-mail address a business gave for its links to change the entry,
the holder's to download or delete; a registration never confirmed is deleted after
``PRIVACY_BUSINESS_REGISTRATIONS_DAYS``. See docs/privacy.md.

Deleting the address deletes a registration that is not public; from a published business
it takes the address out of the page, its translations and their revisions, and the entry
stays (the redactie approved it, and it names the business, not a person)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Revision

from businesses.models import BusinessPage
from home.locales import default_locale
from privacy.registry import AddressSource, Retention, iso, normalise


def _businesses(email):
    """The businesses of ``email``, every language."""
    if not email:
        return BusinessPage.objects.none()
    return BusinessPage.objects.filter(contact_email__iexact=email)


def export(email) -> list[dict]:
    businesses = _businesses(email).filter(locale=default_locale()).order_by("path")
    return [
        {
            "business": business.title,
            "address": business.address,
            "website": business.website,
            "email": business.contact_email,
            "email_confirmed": business.email_confirmed,
            "published": business.live,
            "changed_at": iso(business.latest_revision_created_at),
        }
        for business in businesses
    ]


def _delete(business) -> None:
    """The business and its translations; a logo uploaded with an unconfirmed registration
    (an image of its own, made by the form) goes with them."""
    logo = business.logo if not business.email_confirmed else None
    for translation in business.get_translations():
        translation.delete()
    business.delete()
    if logo is not None and not BusinessPage.objects.filter(logo=logo).exists():
        logo.delete()


def _strip(businesses, email) -> None:
    """``email`` out of the pages and out of every revision of them."""
    pages = list(businesses)
    BusinessPage.objects.filter(pk__in=[page.pk for page in pages]).update(contact_email="")
    revisions = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page.pk) for page in pages],
    )
    for revision in revisions:
        if normalise(revision.content.get("contact_email")) == normalise(email):
            revision.content["contact_email"] = ""
            revision.save(update_fields=["content"])


def erase(email) -> None:
    with transaction.atomic():
        businesses = list(_businesses(email).filter(locale=default_locale()))
        for business in businesses:
            if not business.live:
                _delete(business)
        live = [business for business in businesses if business.live]
        if live:
            pages = Page.objects.none()
            for business in live:
                pages |= business.get_translations(inclusive=True)
            _strip(BusinessPage.objects.filter(pk__in=pages.values("pk")), email)
        # What is left in other languages alone (a translation made without the Dutch page).
        _strip(_businesses(email), email)


def purge(before) -> int:
    """Registrations whose address was never confirmed, made before ``before``."""
    unconfirmed = BusinessPage.objects.filter(
        latest_revision_created_at__lt=before,
        email_confirmed=False,
        live=False,
        locale=default_locale(),
    )
    count = 0
    for business in unconfirmed:
        _delete(business)
        count += 1
    return count


def privacy_data() -> list[AddressSource]:
    return [AddressSource("businesses", _("Businesses you registered"), export, erase)]


def retention_rules() -> list[Retention]:
    return [Retention("business_registrations", "PRIVACY_BUSINESS_REGISTRATIONS_DAYS", purge)]
