from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page, Workflow
from wagtail.search import index

from home.pages import BasePage
from home.panels import panels_for
from kernen.constants import RolloutStatus


class AreaBroker(index.Indexed, models.Model):
    """A gebiedsmakelaar: the municipality's contact person for one or more kernen."""

    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="area_broker",
        help_text=_("The login of this gebiedsmakelaar, if they have one."),
    )

    panels = [FieldPanel("name"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("user")]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("area broker")
        verbose_name_plural = _("area brokers")

    def __str__(self):
        return self.name


class KernPage(BasePage):
    """One kern (village or small town) of a municipality, with its own editors and sections."""

    intro = models.TextField(
        _("introduction"), help_text=_("One or two sentences about the kern, in plain language.")
    )
    about = RichTextField(
        _("about the kern"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ul", "ol"]
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    former_municipality = models.CharField(_("former municipality"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    rollout_status = models.CharField(
        _("rollout status"),
        max_length=20,
        choices=RolloutStatus.choices,
        default=RolloutStatus.PLANNED,
    )

    association_name = models.CharField(_("village association"), max_length=150, blank=True)
    association_email = models.EmailField(_("e-mail of the village association"), blank=True)
    association_phone = models.CharField(
        _("phone of the village association"), max_length=30, blank=True
    )
    association_website = models.URLField(_("website of the village association"), blank=True)
    area_broker = models.ForeignKey(
        AreaBroker,
        verbose_name=_("area broker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kernen",
    )

    moderation_enabled = models.BooleanField(
        _("moderation by the kern's moderator"),
        default=False,
        help_text=_(
            "On: the kern's editors submit their pages to the kern's moderator, who publishes "
            "them. Off: the editors publish directly. Only administrators can change this."
        ),
    )

    # Set by provisioning; not edited by hand.
    editors_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    moderators_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    moderation_workflow = models.OneToOneField(
        Workflow, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.OneToOneField(
        Collection,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # One group, collection and workflow per kern, linked from its Dutch page only: copies,
    # translations and aliases in /en/ and /pl/ must not take them (they are one-to-one).
    BOOKKEEPING_FIELDS = ("editors_group", "moderators_group", "moderation_workflow", "collection")
    exclude_fields_in_copy = list(BOOKKEEPING_FIELDS)

    def with_content_json(self, content):
        # Also used to bring an alias up to date with its Dutch page's new revision: keep this
        # page's own bookkeeping links rather than the revision's.
        page = super().with_content_json(content)
        for name in self.BOOKKEEPING_FIELDS:
            setattr(page, f"{name}_id", getattr(self, f"{name}_id"))
        return page

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("about"),
        MultiFieldPanel(
            [
                FieldPanel("association_name"),
                FieldRowPanel([FieldPanel("association_email"), FieldPanel("association_phone")]),
                FieldPanel("association_website"),
            ],
            heading=_("Village association"),
        ),
        FieldPanel("area_broker"),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [
                FieldPanel("rollout_status"),
                FieldPanel("former_municipality"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Kern"),
        ),
        MultiFieldPanel(
            [FieldPanel("moderation_enabled", permission="kernen.change_kern_moderation")],
            heading=_("Editorial workflow"),
            permission="kernen.change_kern_moderation",
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("about"),
        index.FilterField("rollout_status"),
    ]

    parent_page_types = ["home.HomePage"]

    template = "pages/kern_page.html"

    #: Loaded with the page when a visitor opens it (see HomePage.route): the page shows both.
    route_select_related = ("image", "area_broker")

    class Meta:
        verbose_name = _("kern")
        verbose_name_plural = _("kernen")
        permissions = [
            ("change_kern_moderation", _("Can switch moderation of a kern on or off")),
        ]

    def save(self, *args, **kwargs):
        if self.alias_of_id:
            # Wagtail copies every field into an alias (/en/, /pl/); these stay with the kern's
            # own page.
            for name in self.BOOKKEEPING_FIELDS:
                setattr(self, f"{name}_id", None)
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if self.alias_of_id:
            return
        if update_fields is None or "moderation_enabled" in update_fields:
            # Only when the setting itself is written (on publish), not for a draft revision.
            from kernen.moderation import apply_moderation

            apply_moderation(self)

    def route(self, request, path_components):
        """Wagtail's routing, and the section found remembers this kern as its parent, so its
        breadcrumb costs no query."""
        if not path_components:
            return super().route(request, path_components)
        try:
            section = self.get_children().get(slug=path_components[0]).specific
        except Page.DoesNotExist as error:
            raise Http404 from error
        section._cached_parent_obj = self
        return section.route(request, path_components[1:])

    @property
    def municipality(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["panels"] = panels_for(self, request)
        return context
