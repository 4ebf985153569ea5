"""The private routes every workspace page has: documents, meetings, messages, polls, members.

A board area, a project and the dorpenoverleg all mix this in, so each building block exists
once. Every route goes through ``private``, which asks ``members.access.can_access``.
"""

from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import transaction
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    DateTimeField,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model
from wagtail.models import Page

from members import decisions, forms, tasks
from members.access import can_access, is_board_member, workspace_for_page
from members.calendar import calendar_response
from members.constants import Answer, Role
from members.models.content import (
    Meeting,
    MeetingDecision,
    MeetingResponse,
    Poll,
    PollOption,
    Post,
    Thread,
    Vote,
)
from members.models.workspace import Invitation, Membership, Workspace
from members.overview import overview

PER_PAGE = 20


def private(view):
    @wraps(view)
    def wrapper(page, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        workspace = page.get_workspace(request.user)
        if workspace is None or not can_access(request.user, workspace):
            raise PermissionDenied
        response = view(page, request, workspace, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapper


def paginate(request, items):
    try:
        return Paginator(items, PER_PAGE).page(request.GET.get("page", 1))
    except PageNotAnInteger as error:
        raise Http404(_("This page number is not valid.")) from error
    except EmptyPage as error:
        raise Http404(_("This page does not exist.")) from error


def on_commit(task, *args):
    transaction.on_commit(lambda: task.enqueue(*args))


def meeting_papers(meeting, *, with_decisions: bool):
    """A meeting's documents and (in a board area) its decisions with their action points,
    in one UNION ALL query."""
    Document = get_document_model()
    none = {
        "int": Value(None, output_field=IntegerField()),
        "bool": Value(None, output_field=BooleanField()),
        "text": Value(None, output_field=CharField()),
        "time": Value(None, output_field=DateTimeField()),
    }
    documents = meeting.documents.order_by().values_list(
        Value("document", output_field=CharField()), "pk", "title", "file",
        none["int"], none["bool"], none["text"], none["time"], "created_at",
    )  # fmt: skip
    if with_decisions:
        decision_rows = meeting.decisions.order_by().values_list(
            Value("decision", output_field=CharField()), "pk", "text", "action_point__title",
            "action_point_id", "action_point__live", "action_point__url_path", "converted_at",
            "created_at",
        )  # fmt: skip
        documents = documents.union(decision_rows, all=True)
    found_documents, found_decisions = [], []
    for kind, pk, text, name, point_id, live, url_path, converted_at, created_at in documents:
        if kind == "document":
            found_documents.append(
                Document(pk=pk, title=text, file=name, created_at=created_at, collection_id=None)
            )
            continue
        point = Page(pk=point_id, title=name, live=live, url_path=url_path) if point_id else None
        found_decisions.append(
            MeetingDecision(
                pk=pk,
                meeting=meeting,
                text=text,
                action_point=point,
                converted_at=converted_at,
                created_at=created_at,
            )
        )
    found_documents.sort(key=lambda document: (document.title.lower(), document.pk))
    found_decisions.sort(key=lambda decision: (decision.created_at, decision.pk))
    return found_documents, found_decisions


class WorkspaceRoutesMixin(RoutablePageMixin):
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

    def notify(self, request, post):
        on_commit(
            tasks.notify_new_post,
            post.pk,
            request.build_absolute_uri(self.get_url(request)),
            request.build_absolute_uri(reverse("members_account")),
        )

    def workspace_render(self, request, workspace, template, **context):
        base = self.get_url(request)
        context.update(
            workspace=workspace,
            base_url=base,
            overview_url=base + self.overview_subpath,
            section=template.rsplit("/", 1)[-1].removesuffix(".html").removeprefix("workspace_"),
        )
        return self.render(request, template=template, context_overrides=context)

    # Overview ------------------------------------------------------------------------------

    def overview_context(self, request, workspace) -> dict:
        return overview(
            workspace,
            self.overview_announcements(workspace),
            self.overview_invitations(workspace),
        )

    def overview_announcements(self, workspace):
        """Announcements shown on the overview, as a queryset (None: no announcements)."""
        return None

    def overview_invitations(self, workspace):
        """Open project invitations shown on the overview, as a queryset (None: none)."""
        return None

    def render_overview(self, request, workspace):
        return self.workspace_render(
            request,
            workspace,
            self.overview_template,
            **self.overview_context(request, workspace),
        )

    # Documents -----------------------------------------------------------------------------

    @path("documenten/", name="documents")
    @private
    def documents_view(self, request, workspace):
        Document = get_document_model()
        upload_form = forms.DocumentUploadForm()
        if request.method == "POST":
            upload_form = forms.DocumentUploadForm(request.POST, request.FILES)
            if upload_form.is_valid():
                document = Document(
                    title=upload_form.cleaned_data["title"],
                    collection_id=workspace.collection_id,
                    uploaded_by_user=request.user,
                )
                document.file = upload_form.cleaned_data["file"]
                document.file_size = document.file.size
                document._set_document_file_metadata()
                document.save()
                messages.success(request, _("The document has been saved."))
                return redirect(request.path)
        search_form = forms.DocumentSearchForm(request.GET or None)
        documents = Document.objects.filter(collection_id=workspace.collection_id).order_by(
            "-created_at"
        )
        query = ""
        if search_form.is_valid():
            query = search_form.cleaned_data["q"]
            if query:
                documents = documents.filter(title__icontains=query).order_by("title")
        response = self.workspace_render(
            request,
            workspace,
            "pages/workspace_documents.html",
            documents=paginate(request, documents),
            search_form=search_form,
            upload_form=upload_form,
            query=query,
            extra_query=urlencode({"q": query}) if query else "",
            upload_limit=settings.MEMBERS_MAX_UPLOAD_SIZE,
        )
        if upload_form.errors:
            response.status_code = 400
        return response

    @path("documenten/<int:document_id>/", name="document")
    @private
    def document_download(self, request, workspace, document_id):
        document = (
            get_document_model()
            .objects.filter(pk=document_id, collection_id=workspace.collection_id)
            .first()
        )
        if document is None:
            raise Http404(_("This document does not exist."))
        try:
            handle = document.file.open("rb")
        except (FileNotFoundError, OSError) as error:
            raise Http404(_("This document does not exist.")) from error
        return FileResponse(handle, as_attachment=True, filename=document.filename)

    # Meetings ------------------------------------------------------------------------------

    @path("vergaderingen/", name="meetings")
    @private
    def meetings_view(self, request, workspace):
        form = forms.MeetingForm(collection=workspace.collection_id)
        if request.method == "POST":
            form = forms.MeetingForm(request.POST, collection=workspace.collection_id)
            if form.is_valid():
                data = form.cleaned_data
                meeting = Meeting.objects.create(
                    workspace=workspace,
                    created_by=request.user,
                    **{
                        key: data[key]
                        for key in ("title", "starts_at", "location", "video_url", "agenda")
                    },  # fmt: skip
                )
                meeting.documents.set(data["documents"])
                messages.success(request, _("The meeting has been planned."))
                return redirect(f"{self.get_url(request)}vergaderingen/{meeting.pk}/")
        now = timezone.now()
        # One query: every meeting from a year back on, split here.
        meetings = list(workspace.meetings.filter(starts_at__gte=now - timedelta(days=365)))
        response = self.workspace_render(
            request,
            workspace,
            "pages/workspace_meetings.html",
            upcoming=[meeting for meeting in meetings if meeting.starts_at >= now],
            past=[meeting for meeting in reversed(meetings) if meeting.starts_at < now][:20],
            form=form,
        )
        if form.errors:
            response.status_code = 400
        return response

    @path("vergaderingen/<int:meeting_id>/", name="meeting")
    @private
    def meeting_view(self, request, workspace, meeting_id):
        meeting = (
            workspace.meetings.filter(pk=meeting_id)
            .annotate(
                **{
                    f"{answer}_count": Count("responses", filter=Q(responses__answer=answer))
                    for answer in Answer.values
                },  # fmt: skip
                my_answer=Subquery(
                    MeetingResponse.objects.filter(
                        meeting=OuterRef("pk"), user=request.user
                    ).values("answer")[:1]
                ),
            )
            .first()
        )
        if meeting is None:
            raise Http404(_("This meeting does not exist."))
        answer_form = forms.AnswerForm()
        may_write_minutes = self.may_write_minutes(request.user, workspace)
        minutes_form = forms.MinutesForm(initial={"minutes": meeting.minutes})
        decision_form = forms.DecisionForm()
        action = request.POST.get("action") if request.method == "POST" else None
        if action in ("decision", "action_point"):
            if not self.records_decisions or not is_board_member(request.user, workspace):
                raise PermissionDenied
            if action == "action_point":
                return self.decision_to_action_point(request, workspace, meeting)
            decision_form = forms.DecisionForm(request.POST)
            if decision_form.is_valid():
                MeetingDecision.objects.create(
                    meeting=meeting,
                    text=decision_form.cleaned_data["text"],
                    created_by=request.user,
                )
                messages.success(request, _("The decision has been recorded."))
                return redirect(request.path)
        elif request.method == "POST":
            if action == "minutes":
                if not may_write_minutes:
                    raise PermissionDenied
                minutes_form = forms.MinutesForm(request.POST)
                if minutes_form.is_valid():
                    meeting.minutes = minutes_form.cleaned_data["minutes"]
                    meeting.save(update_fields=["minutes"])
                    messages.success(request, _("The minutes have been saved."))
                    return redirect(request.path)
            else:
                answer_form = forms.AnswerForm(request.POST)
                if answer_form.is_valid():
                    MeetingResponse.objects.update_or_create(
                        meeting=meeting,
                        user=request.user,
                        defaults={"answer": answer_form.cleaned_data["answer"]},
                    )
                    messages.success(request, _("Your answer has been saved."))
                    return redirect(request.path)
        documents, decision_list = meeting_papers(meeting, with_decisions=self.records_decisions)
        if meeting.my_answer and not answer_form.is_bound:
            answer_form = forms.AnswerForm(initial={"answer": meeting.my_answer})
        response = self.workspace_render(
            request,
            workspace,
            "pages/workspace_meeting.html",
            meeting=meeting,
            documents=documents,
            answer_counts=[
                (label, getattr(meeting, f"{value}_count")) for value, label in Answer.choices
            ],
            my_answer=Answer(meeting.my_answer).label if meeting.my_answer else None,
            answer_form=answer_form,
            minutes_form=minutes_form if may_write_minutes else None,
            **self.decisions_context(request, workspace, decision_list, decision_form),
        )
        if answer_form.errors or minutes_form.errors or decision_form.errors:
            response.status_code = 400
        return response

    #: Whether only the workspace's own members write the minutes. A board's minutes are
    #: the board's: the kern's gebiedsmakelaar reads them, and can post a message, but does
    #: not change them. In a project and the dorpenoverleg everyone who enters may write them.
    minutes_by_members_only = False

    def may_write_minutes(self, user, workspace) -> bool:
        return not self.minutes_by_members_only or is_board_member(user, workspace)

    # Decisions (board areas: ``records_decisions``) --------------------------------------

    #: Whether meetings here record decisions that can become kernagenda action points.
    records_decisions = False

    def decisions_context(self, request, workspace, decision_list, decision_form) -> dict:
        if not self.records_decisions:
            return {}
        return {
            "decisions": decision_list,
            "decision_form": decision_form,
            "may_decide": is_board_member(request.user, workspace),
            "makes_action_points": decisions.can_make_action_points(),
        }

    def decision_to_action_point(self, request, workspace, meeting):
        decision = meeting.decisions.filter(pk=request.POST.get("decision") or 0).first()
        if decision is None:
            raise Http404(_("This decision does not exist."))
        kern = self.get_parent().specific
        # The site's own address (not the request's host): the link is stored and public.
        _site_id, root_url, _path = self.get_url_parts(request)
        try:
            point = decisions.convert_decision(decision, kern, request.user, root_url)
        except LookupError:
            messages.error(
                request, _("This kern has no kernagenda, so no action point can be made.")
            )
            return redirect(request.path)
        if point is None:
            messages.error(request, _("This decision is an action point already."))
        else:
            messages.success(
                request,
                _(
                    "The action point has been made as a draft. The kernagenda's editors "
                    "complete and publish it."
                ),
            )
        return redirect(f"{request.path}#besluit-{decision.pk}")

    @path("kalender/", name="calendar")
    @private
    def calendar_view(self, request, workspace):
        return calendar_response(workspace)

    # Messages ------------------------------------------------------------------------------

    @path("berichten/", name="threads")
    @private
    def threads_view(self, request, workspace):
        form = forms.ThreadForm()
        if request.method == "POST":
            form = forms.ThreadForm(request.POST)
            if form.is_valid():
                thread = Thread.objects.create(
                    workspace=workspace, title=form.cleaned_data["title"], author=request.user
                )
                post = Post.objects.create(
                    thread=thread, author=request.user, body=form.cleaned_data["body"]
                )
                self.notify(request, post)
                messages.success(request, _("Your message has been posted."))
                return redirect(f"{self.get_url(request)}berichten/{thread.pk}/")
        threads = (
            workspace.threads.select_related("author")
            .annotate(replies=Count("posts"))
            .order_by("-last_post_at", "pk")
        )
        response = self.workspace_render(
            request,
            workspace,
            "pages/workspace_threads.html",
            threads=paginate(request, threads),
            form=form,
        )
        if form.errors:
            response.status_code = 400
        return response

    @path("berichten/<int:thread_id>/", name="thread")
    @private
    def thread_view(self, request, workspace, thread_id):
        thread = workspace.threads.filter(pk=thread_id).first()
        if thread is None:
            raise Http404(_("This conversation does not exist."))
        form = forms.PostForm()
        if request.method == "POST":
            form = forms.PostForm(request.POST)
            if form.is_valid():
                post = Post.objects.create(
                    thread=thread, author=request.user, body=form.cleaned_data["body"]
                )
                thread.last_post_at = post.created_at
                thread.save(update_fields=["last_post_at"])
                self.notify(request, post)
                messages.success(request, _("Your reply has been posted."))
                return redirect(request.path)
        response = self.workspace_render(
            request,
            workspace,
            "pages/workspace_thread.html",
            thread=thread,
            posts=list(thread.posts.select_related("author")),
            form=form,
        )
        if form.errors:
            response.status_code = 400
        return response

    # Polls ---------------------------------------------------------------------------------

    @path("peilingen/", name="polls")
    @private
    def polls_view(self, request, workspace):
        form = forms.PollForm()
        if request.method == "POST":
            form = forms.PollForm(request.POST)
            if form.is_valid():
                poll = Poll.objects.create(
                    workspace=workspace,
                    question=form.cleaned_data["question"],
                    closes_at=form.cleaned_data["closes_at"],
                    created_by=request.user,
                )
                PollOption.objects.bulk_create(
                    PollOption(poll=poll, label=label, sort_order=number)
                    for number, label in enumerate(form.cleaned_data["options"])
                )
                messages.success(request, _("The poll has been opened."))
                return redirect(f"{self.get_url(request)}peilingen/{poll.pk}/")
        response = self.workspace_render(
            request,
            workspace,
            "pages/workspace_polls.html",
            polls=paginate(
                request,
                workspace.polls.annotate(vote_count=Count("votes")).order_by("-closes_at", "pk"),
            ),
            now=timezone.now(),
            form=form,
        )
        if form.errors:
            response.status_code = 400
        return response

    @path("peilingen/<int:poll_id>/", name="poll")
    @private
    def poll_view(self, request, workspace, poll_id):
        poll = workspace.polls.filter(pk=poll_id).first()
        if poll is None:
            raise Http404(_("This poll does not exist."))
        form = forms.VoteForm(poll=poll)
        if request.method == "POST":
            if not poll.is_open:
                messages.error(request, _("This poll has closed; you can no longer vote."))
                return redirect(request.path)
            form = forms.VoteForm(request.POST, poll=poll)
            if form.is_valid():
                Vote.objects.update_or_create(
                    poll=poll, user=request.user, defaults={"option": form.cleaned_data["option"]}
                )
                messages.success(request, _("Your vote has been saved."))
                return redirect(request.path)
        mine = Vote.objects.filter(option=OuterRef("pk"), user=request.user)
        options = list(poll.options.annotate(vote_count=Count("votes"), is_mine=Exists(mine)))
        my_vote = next((option for option in options if option.is_mine), None)
        if my_vote and not form.is_bound:
            form = forms.VoteForm(poll=poll, initial={"option": my_vote.pk})
        total = sum(option.vote_count for option in options)
        for option in options:
            option.percentage = round(100 * option.vote_count / total) if total else 0
        response = self.workspace_render(
            request,
            workspace,
            "pages/workspace_poll.html",
            poll=poll,
            options=options,
            total_votes=total,
            my_vote=my_vote,
            show_results=bool(my_vote) or not poll.is_open,
            form=form,
        )
        if form.errors:
            response.status_code = 400
        return response

    # Members -------------------------------------------------------------------------------

    def member_candidates(self, workspace):
        """People who may be added without an invitation (a project: the boards' members)."""
        return None

    @path("leden/", name="members")
    @private
    def members_view(self, request, workspace):
        memberships = list(
            workspace.memberships.select_related("user").order_by(
                "user__first_name", "user__username"
            )
        )
        chair = request.user.is_superuser or any(
            m.user_id == request.user.pk and m.role == Role.CHAIR for m in memberships
        )
        invite_form = forms.InviteForm()
        candidates = self.member_candidates(workspace)
        add_form = forms.AddMemberForm(candidates=candidates) if candidates is not None else None
        if request.method == "POST":
            if not chair:
                raise PermissionDenied
            action = request.POST.get("action")
            if action == "remove":
                membership = workspace.memberships.filter(pk=request.POST.get("membership")).first()
                if membership is None:
                    raise Http404(_("This member does not exist."))
                membership.delete()
                name = membership.user.get_full_name() or membership.user.username
                messages.success(request, _("%(name)s is no longer a member.") % {"name": name})
                return redirect(request.path)
            if action == "add" and add_form is not None:
                add_form = forms.AddMemberForm(request.POST, candidates=candidates)
                if add_form.is_valid():
                    Membership.objects.get_or_create(
                        workspace=workspace, user=add_form.cleaned_data["user"]
                    )
                    messages.success(request, _("The member has been added."))
                    return redirect(request.path)
            elif action == "invite":
                invite_form = forms.InviteForm(request.POST)
                if invite_form.is_valid():
                    invitation = Invitation.objects.create(
                        workspace=workspace, invited_by=request.user, **invite_form.cleaned_data
                    )
                    on_commit(tasks.send_invitation, invitation.pk, request.build_absolute_uri("/"))
                    messages.success(request, _("The invitation has been sent."))
                    return redirect(request.path)
        invitations = workspace.invitations.filter(
            accepted_at__isnull=True,
            created_at__gte=timezone.now() - timedelta(days=settings.MEMBERS_INVITATION_VALID_DAYS),
        )
        response = self.workspace_render(
            request,
            workspace,
            "pages/workspace_members.html",
            memberships=memberships,
            invitations=list(invitations) if chair else [],
            is_chair=chair,
            invite_form=invite_form,
            add_form=add_form,
        )
        if invite_form.errors or (add_form is not None and add_form.errors):
            response.status_code = 400
        return response
