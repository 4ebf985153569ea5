"""Factories of the kernagenda: themes, action points and progress updates. See
docs/testing.md."""

from django.utils import timezone
from django.utils.text import slugify

import factory

from agenda.constants import Status
from agenda.models import ActionPointPage, KernagendaPage, ProgressUpdate, Theme
from home.factories import PageFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    """A kernagenda theme, found again by its slug."""

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))

    class Meta:
        model = Theme
        django_get_or_create = ("slug",)


def kernagenda_of(kern):
    if kern is None:
        raise TypeError("ActionPointPageFactory needs kern= or parent=")
    return KernagendaPage.objects.child_of(kern).get()


class ActionPointPageFactory(PageFactory):
    """An action point of ``kern=``'s kernagenda (or of ``parent=``, a kernagenda).

    Fast, as the demo and imports add points: live and marked published, without a revision
    (the first edit in the admin makes one). ``published=True``: published with a revision
    instead; ``draft=True``: not live, with a revision. ``joint_kernen=[...]``: the other
    kernen that share the point.
    """

    parent = factory.LazyAttribute(lambda point: kernagenda_of(point.kern))
    kern = None  # without one, the page takes the kern it sits under when saved
    title = factory.Sequence(lambda n: f"Actiepunt {n}")
    summary = factory.LazyAttribute(lambda point: f"Samenvatting van {point.title}.")
    status = Status.IDEA
    live = True
    has_unpublished_changes = False
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyAttribute(lambda point: point.first_published_at)
    revision = False

    class Meta:
        model = ActionPointPage

    class Params:
        published = factory.Trait(revision=True, first_published_at=None, last_published_at=None)
        draft = factory.Trait(
            live=False,
            has_unpublished_changes=True,
            first_published_at=None,
            last_published_at=None,
            revision=True,
            publish=False,
        )

    _after_add_child = ("joint_kernen",)

    @classmethod
    def _added(cls, point, joint_kernen=()):
        through = ActionPointPage.joint_kernen.through
        through.objects.bulk_create(
            [through(actionpointpage=point, kernpage=kern) for kern in joint_kernen],
            ignore_conflicts=True,
        )


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    """A step in an action point's progress (``page=``), dated today."""

    text = factory.Sequence(lambda n: f"Stap {n}")
    date = factory.LazyFunction(timezone.localdate)
    new_status = ""
    sort_order = 0

    class Meta:
        model = ProgressUpdate
