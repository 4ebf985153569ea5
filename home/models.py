from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import InformationBodyBlock
from home.pages import BasePage
from home.panels import panels_for
from home.tasks import send_form_email
from pagecache.tags import CONTENT
from security.honeypot import HONEYPOT_FIELD, HoneypotForm
from security.ratelimit import allow_submission


class HoneypotFormBuilder(FormBuilder):
    """The form of a form page, with the honeypot of every public form."""

    def get_form_class(self):
        return type(
            "WagtailForm", (HoneypotForm, BaseForm), {**self.formfields, "mark_required": True}
        )


class HomePage(BasePage):
    """The portal of one municipality: the root page of its Wagtail Site.

    Its children are the kernen and the municipality-wide sections. Which page types those are
    is declared by the children (``parent_page_types = ["home.HomePage"]``), so an app that adds
    a section does not have to be imported here.
    """

    municipality_name = models.CharField(_("municipality name"), max_length=100)
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short welcome shown at the top of the portal."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("municipality_name"),
        FieldPanel("intro"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    template = "pages/home_page.html"

    # Page cache (pagecache/): the home page lists the newest of everything.
    cache_reads = (CONTENT,)

    class Meta:
        verbose_name = _("municipality home page")
        verbose_name_plural = _("municipality home pages")

    def __str__(self):
        return self.municipality_name or self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["panels"] = panels_for(self, request)
        return context

    def route(self, request, path_components):
        """Wagtail's routing (:func:`route_below_home`)."""
        if not path_components:
            return super().route(request, path_components)
        return route_below_home(self, request, path_components)


def route_below_home(home, request, path_components):
    """What ``HomePage.route`` does for a path below the home page: the child of that slug,
    and the rest of the path routed from there. A child page type that names
    ``route_select_related`` (a kern page: its image and area broker) is loaded with those in
    the same query. ``home`` may be the plain ``Page`` of a home page: only its place in the
    tree counts, so the page view (``home.views.route``) needs no query for its specific row."""
    try:
        child = home.get_children().get(slug=path_components[0])
    except Page.DoesNotExist as error:
        raise Http404 from error
    model = child.specific_class
    related = getattr(model, "route_select_related", ())
    if model is not None and related:
        child = model.objects.select_related(*related).get(pk=child.pk)
    else:
        child = child.specific
    child._cached_parent_obj = home
    return child.route(request, path_components[1:])


class InformationPage(BasePage):
    """A page about the portal itself, such as the accessibility statement
    (``/toegankelijkheid/``) and the privacy statement (``/privacy/``). Provisioning creates
    both with default text; the municipality's comms staff edit them. Linked in the footer."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(InformationBodyBlock(), verbose_name=_("text"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    template = "pages/information_page.html"

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Contact details of the municipality, shown in every page's footer."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    website = models.URLField(_("municipality website"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        )
    ]

    class Meta:
        verbose_name = _("portal settings")

    @classmethod
    def for_site(cls, site):
        """Every page shows these in its footer: kept in the cache (emptied on save) instead of
        read on every request."""
        key = f"portalsettings:{site.pk}"
        instance = cache.get(key)
        if instance is None:
            instance = super().for_site(site)
            cache.set(key, instance, timeout=None)
        return instance


class FormField(AbstractFormField):
    page = ParentalKey("home.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    def clean(self):
        super().clean()
        # A field named like the honeypot would replace it, and its answers would be refused.
        if (self.clean_name or self.get_field_clean_name()) == HONEYPOT_FIELD:
            raise ValidationError(
                {"label": _("Choose another label: this name is kept for the spam check.")}
            )


class FormPage(EmailFormMixin, FormMixin, BasePage):
    """A form that comms staff compose in the admin, e.g. joining the klankbordgroep.

    Submissions are stored (admin → Formulieren, with CSV export) and e-mailed to the page's
    address. A honeypot field and a per-address rate limit keep bots out; a refused attempt
    stores nothing.
    """

    #: Anonymous visitors post its form without a CSRF token, from this site only
    #: (security.csrf): its page holds no token, so the page cache can keep it.
    public_form = True

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after someone has sent the form."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", heading=_("Form fields"), label=_("Field")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    form_builder = HoneypotFormBuilder

    template = "pages/form_page.html"
    landing_page_template = "pages/form_page_landing.html"

    class Meta:
        verbose_name = _("form page")
        verbose_name_plural = _("form pages")

    def get_submissions_list_view_class(self):
        # Imported here: the admin's views cannot be imported while the models load.
        from home.submissions import SubmissionsListView

        return SubmissionsListView

    def process_form_submission(self, form):
        submission = self.get_submission_class().objects.create(
            form_data=form.cleaned_data, page=self
        )
        if self.to_address:
            self.send_mail(form)
        return submission

    def send_mail(self, form):
        """Queue the e-mail once the submission is committed."""
        addresses = [address.strip() for address in self.to_address.split(",")]
        subject = self.subject or self.title
        body = self.render_email(form)
        from_address = self.from_address or settings.DEFAULT_FROM_EMAIL
        transaction.on_commit(
            lambda: send_form_email.enqueue(subject, body, addresses, from_address)
        )

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():
            return self._render_form(request, form, status=400)
        if not allow_submission(request, self):
            form.add_error(
                None, _("You have sent this form too often. Please try again in an hour.")
            )
            return self._render_form(request, form, status=429)
        submission = self.process_form_submission(form)
        return self.render_landing_page(request, submission, *args, **kwargs)

    def _render_form(self, request, form, status):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)
