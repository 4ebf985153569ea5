from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail, send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from django_tasks import task


@task()
def send_signup_notification(signup_id):
    """Tell the carrier of an action point (or the village association) who signed up."""
    from agenda.models import SignUp

    signup = (
        SignUp.objects.select_related("action_point__kern", "kern").filter(pk=signup_id).first()
    )
    if signup is None:
        return
    point = signup.action_point
    recipient = point.carrier_email or (point.kern.association_email if point.kern else "")
    if not recipient:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "signup": signup,
            "point": point,
            "url": point.get_full_url() or settings.BASE_URL,
        }
        subject = render_to_string("emails/agenda_signup_subject.txt", context).strip()
        body = render_to_string("emails/agenda_signup.txt", context)
    send_mail(subject, body, None, [recipient])


@task()
def notify_redactie_of_draft(point_id, maker_id=None):
    """Tell the kern's redactie that a draft action point waits for them (made from a board
    decision): what it is, who made it and where to complete and publish it."""
    from agenda.models import ActionPointPage

    point = ActionPointPage.objects.filter(pk=point_id).select_related("kern").first()
    kern = point.kern if point else None
    group = getattr(kern, "editors_group", None)
    if group is None:
        return 0
    users = group.user_set.filter(is_active=True).exclude(email="").exclude(pk=maker_id)
    maker = get_user_model().objects.filter(pk=maker_id).first()
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "point": point,
            "kern": kern,
            "maker": maker.get_full_name() or maker.username if maker else "",
            "url": settings.WAGTAILADMIN_BASE_URL
            + reverse("wagtailadmin_pages:edit", args=[point.pk]),
        }
        subject = render_to_string("emails/agenda_draft_point_subject.txt", context).strip()
        body = render_to_string("emails/agenda_draft_point.txt", context)
    mails = [(subject, body, None, [user.email]) for user in users.order_by("pk")]
    return send_mass_mail(mails, fail_silently=False)
