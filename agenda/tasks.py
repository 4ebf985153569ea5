from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
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
