"""What we store about a subscriber, and no more (AVG): the address, the choices, when it was
confirmed and the bookkeeping of what was sent. An address is only stored once its owner has
confirmed it; until then everything lives in the signed confirmation link."""

from django.contrib.admin import display as admin_display
from django.db import models
from django.utils.translation import gettext_lazy as _

from subscriptions.constants import Kind


class SubscriberQuerySet(models.QuerySet):
    def wanting(self, kind: str, kern_ids):
        """Subscribers of any of ``kern_ids`` who chose ``kind``."""
        subscribers = self.filter(kernen__in=list(kern_ids)).distinct().prefetch_related("kernen")
        return [subscriber for subscriber in subscribers if kind in subscriber.kinds]


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    kernen = models.ManyToManyField(
        "kernen.KernPage", verbose_name=_("kernen"), related_name="email_subscribers"
    )
    kinds = models.JSONField(_("kinds"), default=list, help_text=", ".join(Kind.values))
    confirmed_at = models.DateTimeField(_("confirmed at"))
    #: Items first published before this moment have been considered for a digest.
    digest_until = models.DateTimeField(_("digest sent up to"))

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    @property
    def kind_labels(self) -> list[str]:
        return [str(Kind(kind).label) for kind in Kind.values if kind in self.kinds]

    @admin_display(description=_("kernen"))
    def kern_names(self) -> str:
        return ", ".join(sorted(kern.title for kern in self.kernen.all()))

    @admin_display(description=_("kinds"))
    def kind_names(self) -> str:
        return ", ".join(self.kind_labels)


class Delivery(models.Model):
    """A page that was e-mailed to a subscriber (in a digest or as an urgent notice): it is
    never sent to them again. Written in the same transaction that records the send."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "page"], name="one_delivery_per_page")
        ]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self):
        return f"{self.subscriber_id} ← {self.page_id}"
