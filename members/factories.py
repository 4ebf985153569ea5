"""Factories of the member area: a workspace's documents, meetings, threads, posts and polls,
and projects. Workspaces themselves come with their pages (a kern's board area is made by
provisioning, a project's workspace when the project is published). See docs/testing.md."""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

import factory

from home import factories as home_factories
from home.factories import PageFactory
from members.models import Meeting, Organisation, Poll, PollOption, Post, ProjectPage, Thread


class DocumentFactory(home_factories.DocumentFactory):
    """A PDF in the collection of ``workspace=`` (a board's or a project's)."""

    title = "Jaarverslag"
    collection = factory.LazyAttribute(lambda document: document.workspace.collection)

    class Params:
        workspace = None


class MeetingFactory(factory.django.DjangoModelFactory):
    """A meeting of ``workspace=``, three days from now; ``documents=[...]`` its papers."""

    title = "Bestuursvergadering"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    location = "Dorpshuis"
    agenda = "Opening\nRondvraag"

    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    @factory.post_generation
    def documents(meeting, create, extracted, **kwargs):
        if create and extracted:
            meeting.documents.add(*extracted)


class ThreadFactory(factory.django.DjangoModelFactory):
    """A thread in ``workspace=``, started by ``author=``; its messages are ``PostFactory``."""

    title = factory.Sequence(lambda n: f"Onderwerp {n}")

    class Meta:
        model = Thread


class PostFactory(factory.django.DjangoModelFactory):
    """A message in ``thread=``, by the thread's author unless ``author=`` is given."""

    author = factory.LazyAttribute(lambda post: post.thread.author)
    body = "Wie helpt mee?"

    class Meta:
        model = Post


class PollOptionFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Keuze {n}")
    sort_order = 0

    class Meta:
        model = PollOption


class PollFactory(factory.django.DjangoModelFactory):
    """A poll of ``workspace=`` that closes in five days, with ``options`` (labels, in
    order)."""

    question = "Welke avond?"
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=5))

    class Meta:
        model = Poll
        skip_postgeneration_save = True

    @factory.post_generation
    def options(poll, create, extracted, **kwargs):
        if create:
            labels = ("Maandag", "Dinsdag") if extracted is None else extracted
            for number, label in enumerate(labels):
                PollOptionFactory(poll=poll, label=label, sort_order=number)


class ProjectPageFactory(PageFactory):
    """A project of ``kernen=[...]`` below ``/projecten/`` (``parent=``); publishing it makes
    its private workspace."""

    title = factory.Sequence(lambda n: f"Project {n}")
    summary = factory.LazyAttribute(lambda page: f"Samen werken aan {page.title}.")

    class Meta:
        model = ProjectPage

    _after_add_child = ("kernen",)

    @classmethod
    def _added(cls, page, kernen=()):
        page.kernen.set(kernen)  # saved with the page when its revision is published


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An organisation of the municipality ``home=``, serving ``kernen=[...]``; its members
    are added with ``members.services.add_organisation_member``."""

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.LazyAttribute(lambda organisation: slugify(organisation.name))
    description = "Wij werken samen met de kernen."
    email = "info@organisatie.example"

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    @factory.post_generation
    def kernen(organisation, create, extracted, **kwargs):
        if create and extracted:
            organisation.kernen.set(extracted)
