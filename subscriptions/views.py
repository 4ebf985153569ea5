"""The public side of "Blijf op de hoogte": subscribe, confirm, unsubscribe. No account."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wagtail.models import Site

from home.locales import default_locale
from home.queries import public
from kernen.models import KernPage
from pagecache.tags import declare, site_tag
from privacy import emaillinks
from security.csrf import public_form
from security.ratelimit import client_address, hit
from subscriptions import tasks
from subscriptions.constants import Kind
from subscriptions.forms import SubscribeForm
from subscriptions.models import Subscriber
from subscriptions.tokens import (
    ExpiredToken,
    InvalidToken,
    Request,
    make_confirm_token,
    read_confirm_link,
    read_unsubscribe_token,
)


def kernen_of_site(request):
    # Subscriptions are to the Dutch kern pages (a digest links those), also on /en/ and /pl/.
    site = Site.find_for_request(request)
    if site is None:
        return []
    kernen = KernPage.objects.live().child_of(site.root_page)
    return list(public(kernen, locale=default_locale()).order_by("title"))


def over_limit(key: str, limit: int) -> bool:
    """Count one more attempt for ``key``; True when there were ``limit`` already in the
    window (``SUBSCRIPTIONS_RATE_WINDOW`` seconds)."""
    return not hit(f"subscriptions:{key}", limit, settings.SUBSCRIPTIONS_RATE_WINDOW)


def message(request, title, text, status, template="pages/subscription_message.html", **extra):
    return TemplateResponse(
        request, template, {"title": title, "text": text, **extra}, status=status
    )


@public_form
@require_http_methods(["GET", "POST"])
def subscribe(request):
    kernen = kernen_of_site(request)
    if request.method == "POST":
        if over_limit("ip:" + client_address(request), settings.SUBSCRIPTIONS_RATE_LIMIT):
            return message(
                request,
                _("Too many attempts"),
                _("You have tried to subscribe too often. Please try again in an hour."),
                status=429,
            )
        form = SubscribeForm(request.POST, kernen=kernen)
        if form.is_valid():
            queue_confirmation(request, form)
            return redirect("subscriptions:sent")
        status, problem = 400, None
    else:
        initial = {"kinds": Kind.values}
        status, problem = 200, None
        slug = request.GET.get("kern")
        if slug is not None:
            chosen = [kern.pk for kern in kernen if kern.slug == slug]
            if chosen:
                initial["kernen"] = chosen
            else:
                status = 400
                problem = _("We do not know this kern. Choose a kern from the list.")
        form = SubscribeForm(initial=initial, kernen=kernen)
        site = Site.find_for_request(request)  # kept on the request: no query
        if site is not None:
            # The page lists the site's kernen; publishing one purges the site's tag.
            declare(request, site_tag(site.root_page.path))
    return TemplateResponse(
        request, "pages/subscribe.html", {"form": form, "problem": problem}, status=status
    )


def queue_confirmation(request, form) -> None:
    email = form.cleaned_data["email"]
    # At most a few confirmation e-mails an hour to one address, so that nobody can flood
    # somebody else's mailbox. The page says the same either way: it does not tell whether
    # an address is known.
    if over_limit("email:" + email, settings.SUBSCRIPTIONS_RATE_LIMIT_PER_ADDRESS):
        return
    chosen = form.chosen_kernen()
    token = make_confirm_token(
        Request(
            email=email,
            kern_ids=tuple(kern.pk for kern in chosen),
            kinds=tuple(form.cleaned_data["kinds"]),
        )
    )
    transaction.on_commit(
        partial(
            tasks.send_confirmation.enqueue,
            email,
            [kern.title for kern in chosen],
            list(form.cleaned_data["kinds"]),
            request.build_absolute_uri(reverse("subscriptions:confirm", args=[token])),
            request.build_absolute_uri("/"),
        )
    )


def sent(request):
    return message(
        request,
        _("Check your e-mail"),
        _(
            "We have sent you an e-mail with a link. Click the link to confirm your "
            "subscription. Until then we send you nothing else. The link works for "
            "%(hours)d hours."
        )
        % {"hours": settings.SUBSCRIPTIONS_CONFIRM_MAX_AGE // 3600},
        status=200,
    )


def bad_link(request, error):
    if isinstance(error, ExpiredToken):
        text = _("This link has expired. Subscribe again to get a new one.")
    else:
        text = _("This link is not valid. Check that you copied the whole link from the e-mail.")
    return message(
        request,
        _("This link does not work"),
        text,
        status=400,
        link=reverse("subscriptions:subscribe"),
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        wish, link = read_confirm_link(token)
    except InvalidToken as error:
        return bad_link(request, error)
    kernen = KernPage.objects.live().filter(pk__in=wish.kern_ids)
    kernen = list(public(kernen, locale=default_locale()).order_by("title"))
    kinds = [kind for kind in Kind.values if kind in wish.kinds]
    if not kernen or not kinds:
        return message(
            request,
            _("This link does not work"),
            _("The kernen you chose no longer exist on this site. Subscribe again."),
            status=400,
            link=reverse("subscriptions:subscribe"),
        )
    context = {"kernen": kernen, "kinds": [Kind(kind).label for kind in kinds]}
    if request.method == "GET":
        # Confirming takes a button: a link checker that opens the link confirms nothing.
        return TemplateResponse(request, "pages/subscription_confirm.html", context)

    now = timezone.now()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=wish.email,
            defaults={"kinds": kinds, "confirmed_at": now, "digest_until": now},
        )
        if not created:  # a new choice of an existing subscriber: nothing sent twice
            subscriber.kinds = kinds
            subscriber.confirmed_at = now
            subscriber.save(update_fields=["kinds", "confirmed_at"])
        subscriber.kernen.set(kernen)
        if link is not None:
            emaillinks.used(link)
    return TemplateResponse(
        request, "pages/subscription_confirmed.html", {**context, "email": wish.email}
    )


@csrf_exempt  # RFC 8058: mail programs post "List-Unsubscribe=One-Click" without a form
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscriber_id = read_unsubscribe_token(token)
    except InvalidToken as error:
        return bad_link(request, error)
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if request.method == "GET" and subscriber is not None:
        # Unsubscribing takes one click on the button: a link checker must not do it.
        return TemplateResponse(request, "pages/unsubscribe.html", {"email": subscriber.email})
    if subscriber is not None:
        subscriber.delete()
    return message(
        request,
        _("You have been unsubscribed"),
        _("We have deleted your e-mail address and your choices. You will get no more e-mail."),
        status=200,
    )
