"""What an admin user may reach in a viewset: one scope, applied to every view the viewset builds.

Which records a user may reach is the model's permission policy (registered with
``wagtail.permissions.register_permission_policy``): ``instances_user_has_any_permission_for``.
``ScopedPermissionPolicy`` is Django's model permissions narrowed by a ``scope`` (for instance
"the sign-ups of my own kern's action points"); a model without a policy of its own has Wagtail's
``ModelPermissionPolicy``: all records for a user with a permission on the model, none for others.

``ScopedViewSetMixin`` enforces that scope on every view a ``ModelViewSet``, ``SnippetViewSet``
or ``ChooserViewSet`` constructs (through ``ViewSet.construct_view``, which builds them all):

- a view of one record (edit, delete, inspect, history, usage, copy, the chooser's "chosen", and
  any view Wagtail adds later with a ``pk`` in its URL) answers 404 for a record outside the
  scope, before it loads the record: GET and POST alike, so a POST changes nothing;
- a listing (the index, its results, its CSV/XLSX export, the chooser's lists) shows only records
  inside the scope.

What the user may then do with a record inside the scope is Wagtail's usual permission check
(model permissions, through the same policy): a refusal there redirects to the dashboard.

Two holes in Wagtail's generic views are closed on the way, since every view passes here:

- the copy view's form posts to the add view; a POST to the copy URL itself would save the form
  over the original record (Wagtail gives the form the original as its instance). Copy views
  answer GET only (a POST gets 405).
- a snippet chooser without a creation form (the default) still has a "create" URL, where a
  POST fails with a server error. It answers 404 instead.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import Http404
from django.views import View

from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.chooser import BaseChooseView, ChosenMultipleViewMixin
from wagtail.admin.views.generic.models import CopyViewMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

#: A record is in reach when the user holds any of these permissions for it.
REACH_ACTIONS = ("add", "change", "delete", "view")


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, limited to the records ``scope`` leaves a user.

    Subclasses implement ``scope(user, queryset)``. Superusers reach every record.
    ``refused_actions`` are refused to everyone, superusers included (e.g. "add" for records
    that only come in through a public form).
    """

    refused_actions = frozenset()

    def scope(self, user, queryset):
        raise NotImplementedError

    def user_has_permission(self, user, action):
        return action not in self.refused_actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        actions = [action for action in actions if action not in self.refused_actions]
        return bool(actions) and super().user_has_any_permission(user, actions)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return queryset.none()
        return queryset if user.is_superuser else self.scope(user, queryset)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return (
            self.instances_user_has_any_permission_for(user, actions)
            .filter(pk=instance.pk)
            .exists()
        )


class UnscopedPermissionPolicy(ScopedPermissionPolicy):
    """Model permissions on all records, with ``refused_actions`` (e.g. a read-only model)."""

    def scope(self, user, queryset):
        return queryset


class ScopedViewMixin:
    """Mixed into every view of a scoped viewset; ``scope(request)`` comes from the viewset."""

    scope = None

    def setup(self, request, *args, **kwargs):
        if self.scope is None:
            raise ImproperlyConfigured(f"{type(self).__name__} needs a scope from its viewset")
        if "pk" in kwargs and not self.in_scope(request, kwargs["pk"]):
            raise Http404
        super().setup(request, *args, **kwargs)

    def in_scope(self, request, quoted_pk):
        try:
            return self.scope(request).filter(pk=unquote(str(quoted_pk))).exists()
        except (ValueError, ValidationError):
            return False  # not a valid key for this model: no such record

    def within_scope(self, queryset):
        return queryset.filter(pk__in=self.scope(self.request).values("pk"))


class ScopedIndexMixin:
    """The index, its results and its spreadsheet export."""

    def get_base_queryset(self):
        return self.within_scope(super().get_base_queryset())


class ScopedChooseMixin:
    """The chooser's list and its results."""

    def get_object_list(self):
        return self.within_scope(super().get_object_list())


class ScopedChosenMultipleMixin:
    def get_objects(self, pks):
        return self.within_scope(super().get_objects(pks))


#: Listing views and how their queryset is narrowed; views of one record need nothing more.
LISTING_SCOPES = (
    (IndexView, ScopedIndexMixin),
    (BaseChooseView, ScopedChooseMixin),
    (ChosenMultipleViewMixin, ScopedChosenMultipleMixin),
)


def scoped_view_class(view_class):
    if issubclass(view_class, ScopedViewMixin):
        return view_class
    listing = [mixin for base, mixin in LISTING_SCOPES if issubclass(view_class, base)]
    attributes = {}
    if issubclass(view_class, CopyViewMixin):
        attributes["http_method_names"] = ["get", "head", "options"]
    return type(view_class.__name__, (*listing, ScopedViewMixin, view_class), attributes)


class NoCreationView(View):
    """The "create" URL of a chooser that offers no creation form."""

    def dispatch(self, request, *args, **kwargs):
        raise Http404


class ScopedViewSetMixin:
    """Every view this viewset constructs sees only ``get_scope_queryset(request)``."""

    def get_scope_queryset(self, request):
        """The records ``request.user`` may reach in this viewset."""
        policy = policy_registry.get_by_type(self.model)
        return policy.instances_user_has_any_permission_for(request.user, REACH_ACTIONS)

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(
            scoped_view_class(view_class), scope=self.get_scope_queryset, **kwargs
        )


class ScopedModelViewSet(ScopedViewSetMixin, ModelViewSet):
    pass


class ScopedSnippetChooserViewSet(ScopedViewSetMixin, SnippetChooserViewSet):
    #: Every admin user may choose from all records: for snippets that editors pick on their
    #: pages and that the public site shows anyway (a theme, an area broker).
    open_to_editors = False

    def get_scope_queryset(self, request):
        if self.open_to_editors:
            return self.model._default_manager.all()
        return super().get_scope_queryset(request)

    @property
    def create_view(self):
        has_form = self._creation_form_class or not (
            self.form_fields is None and self.exclude_form_fields is None
        )
        if has_form:
            return super().create_view
        return self.construct_view(NoCreationView)


class ScopedSnippetViewSet(ScopedViewSetMixin, SnippetViewSet):
    chooser_viewset_class = ScopedSnippetChooserViewSet
    #: See ``ScopedSnippetChooserViewSet.open_to_editors``.
    chooser_open_to_editors = False

    @property
    def chooser_viewset(self):
        viewset = super().chooser_viewset
        viewset.open_to_editors = self.chooser_open_to_editors
        return viewset
