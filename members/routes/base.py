"""What every workspace route shares: the access check, pagination, rendering, the overview,
and the one way a form is handled."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy

from wagtail.contrib.routable_page.models import RoutablePageMixin

from members.access import can_access, can_post, workspace_for_page
from members.models.workspace import Workspace
from members.overview import overview

PER_PAGE = 20
#: Why an organisation invited to read gets 403 on every form of the workspace.
READ_ONLY = gettext_lazy("Your organisation may read in this workspace, not post.")


def private(view):
    """Only for who may enter the page's workspace (``members.access.can_access``): others
    get the login page or 403. A POST needs ``can_post`` too: an organisation invited to read
    gets 403. The view gets the workspace; the response is not stored."""

    @wraps(view)
    def wrapper(page, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        workspace = page.get_workspace(request.user)
        if workspace is None or not can_access(request.user, workspace):
            raise PermissionDenied
        if request.method == "POST" and not can_post(request.user, workspace):
            response = TemplateResponse(request, "403.html", {"reason": READ_ONLY}, status=403)
            patch_cache_control(response, private=True, no_store=True)
            return response
        response = view(page, request, workspace, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapper


def handle_form(request, form_class, *, render, message, success_url, save=None, **form_kwargs):
    """A form of the member area, handled the same way everywhere (POST, redirect, GET).

    On POST the form is bound to the request's data and files. Valid: ``form.save()`` (or
    ``save(form)``, a service) writes, ``message`` waits for the next page, and the answer is
    a redirect to ``success_url`` (a URL or URL name, or a function of what was saved).
    Otherwise ``render(form)`` shows the page with the form: 400 when it has errors.
    ``form_kwargs`` go to the form (its workspace, user, ...)."""
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, **form_kwargs)
        if form.is_valid():
            saved = save(form) if save else form.save()
            messages.success(request, message)
            return redirect(success_url(saved) if callable(success_url) else success_url)
    else:
        form = form_class(**form_kwargs)
    response = render(form)
    if form.errors:
        response.status_code = 400
    return response


class WorkspaceRoutesBase(RoutablePageMixin):
    #: The URL (relative to the page) of the workspace's overview.
    overview_subpath = ""
    overview_template = "pages/workspace.html"

    def get_workspace(self, user=None) -> Workspace | None:
        if not hasattr(self, "_workspace"):
            if user is None:
                self._workspace = Workspace.objects.filter(page_id=self.pk).first()
            else:
                self._workspace = workspace_for_page(self.pk, user)
        return self._workspace

    def workspace_render(self, request, workspace, template, **context):
        base = self.get_url(request)
        context.update(
            workspace=workspace,
            base_url=base,
            overview_url=base + self.overview_subpath,
            section=template.rsplit("/", 1)[-1].removesuffix(".html").removeprefix("workspace_"),
            # False for an organisation invited to read: its pages show no forms to write.
            may_post=can_post(request.user, workspace),
        )
        return self.render(request, template=template, context_overrides=context)

    def mail_urls(self, request) -> tuple[str, str]:
        """The workspace's and the account page's full addresses, for e-mail to members."""
        return (
            request.build_absolute_uri(self.get_url(request)),
            request.build_absolute_uri(reverse("members_account")),
        )

    # Overview ------------------------------------------------------------------------------

    def overview_announcements(self, workspace):
        """Announcements shown on the overview, as a queryset (None: no announcements)."""
        return None

    def overview_invitations(self, workspace):
        """Open project invitations shown on the overview, as a queryset (None: none)."""
        return None

    def render_overview(self, request, workspace, **context):
        return self.workspace_render(
            request,
            workspace,
            self.overview_template,
            **overview(
                workspace,
                self.overview_announcements(workspace),
                self.overview_invitations(workspace),
            ),
            **context,
        )
