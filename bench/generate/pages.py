"""The pages of one kern: news, activities, action points with progress updates, stories
and the municipality's work notices for the kern, in the share of ``MIX``.

Every text, date and choice comes from the run's ``random.Random`` in a fixed order: the same
seed on the same starting database gives the same pages."""

import datetime
import random
from dataclasses import dataclass

from agenda.constants import CarrierKind, Status
from agenda.models import ActionPointPage, KernagendaPage, ProgressUpdate
from events.models import EventIndexPage, EventPage
from kernen.models import InspirationIndexPage, InspirationPage, KernPage
from news.constants import Impact
from news.models import NewsIndexPage, NewsPage, WorkNoticeIndexPage, WorkNoticePage

from .bulk import BulkPages
from .words import STREETS, Words

#: Share of a kern's pages per type; notices are the municipality's, one per kern's share.
MIX = (
    ("news", 0.40),
    ("event", 0.25),
    ("action_point", 0.15),
    ("story", 0.10),
    ("notice", 0.10),
)


def counts_per_kern(pages_per_kern: int) -> dict[str, int]:
    counts = {kind: int(pages_per_kern * share) for kind, share in MIX}
    counts["news"] += pages_per_kern - sum(counts.values())
    return counts


@dataclass
class KernPages:
    """Adds the pages of a kern to ``writer``; ``run`` (the seed in hex) keeps slugs apart."""

    rng: random.Random
    words: Words
    writer: BulkPages
    today: datetime.date
    noon: datetime.datetime
    kernen: list
    notices: WorkNoticeIndexPage
    themes: list
    run: str

    def moment(self, days_back: int) -> datetime.datetime:
        return self.noon - datetime.timedelta(days=days_back, minutes=self.rng.randint(0, 600))

    def add(self, kern_number: int, kern: KernPage, counts: dict[str, int]) -> None:
        news_index = NewsIndexPage.objects.child_of(kern).first()
        events = EventIndexPage.objects.child_of(kern).first()
        agenda = KernagendaPage.objects.child_of(kern).first()
        stories = InspirationIndexPage.objects.child_of(kern).first()
        for number in range(counts["news"]):
            self.news(news_index, f"{self.run}-{kern_number}-{number}")
        for number in range(counts["event"]):
            self.event(events, kern, f"{self.run}-{kern_number}-{number}")
        for number in range(counts["action_point"]):
            self.action_point(agenda, kern, f"{self.run}-{kern_number}-{number}")
        for number in range(counts["story"]):
            self.story(stories, f"{self.run}-{kern_number}-{number}")
        for number in range(counts["notice"]):
            self.notice(kern, f"{self.run}-{kern_number}-{number}")

    def news(self, parent, key: str) -> None:
        rng, words = self.rng, self.words
        days = rng.randint(0, 5 * 365)
        self.writer.add(parent, NewsPage(
            title=words.title(), slug=f"nieuws-{key}",
            date=self.today - datetime.timedelta(days=days), intro=words.sentence(),
            body=[{"type": "paragraph", "value": f"<p>{words.paragraph()}</p>"}
                  for _ in range(rng.randint(1, 4))],
        ), self.moment(days))  # fmt: skip

    def event(self, parent, kern: KernPage, key: str) -> None:
        rng, words = self.rng, self.words
        days = rng.randint(-365, 365)
        start = self.noon - datetime.timedelta(days=days, hours=rng.randint(-4, 8))
        self.writer.add(parent, EventPage(
            title=words.title(4), slug=f"activiteit-{key}",
            start=start, end=start + datetime.timedelta(hours=rng.randint(1, 4)),
            summary=words.sentence(), description=f"<p>{words.paragraph()}</p>",
            location=f"{rng.choice(STREETS)} {rng.randint(1, 120)}, {kern.title}",
            organiser=f"Werkgroep {words.phrase(1)}",
        ), self.moment(max(days, 0) + 14))  # fmt: skip

    def action_point(self, parent, kern: KernPage, key: str) -> None:
        rng, words = self.rng, self.words
        days = rng.randint(0, 4 * 365)
        updates = [
            ProgressUpdate(
                date=self.today - datetime.timedelta(days=days - step * 30),
                text=words.sentence(),
                new_status=rng.choice(Status.values),
            )
            for step in range(rng.randint(0, 3))
            if days - step * 30 >= 0
        ]
        status = updates[-1].new_status if updates else Status.IDEA
        partners = rng.sample(self.kernen, min(len(self.kernen), rng.randint(0, 2)))
        self.writer.add(parent, ActionPointPage(
            title=words.title(), slug=f"actiepunt-{key}",
            summary=words.sentence(), theme=rng.choice(self.themes), status=status,
            carrier_kind=rng.choice(CarrierKind.values), carrier_name=words.title(2),
            description=[{"type": "paragraph", "value": f"<p>{words.paragraph()}</p>"}],
            kern=kern,
        ), self.moment(days), updates=updates,
           joint_kernen=[p for p in partners if p.pk != kern.pk])  # fmt: skip

    def story(self, parent, key: str) -> None:
        rng, words = self.rng, self.words
        days = rng.randint(0, 6 * 365)
        self.writer.add(parent, InspirationPage(
            title=words.title(), slug=f"verhaal-{key}",
            date=self.today - datetime.timedelta(days=days), intro=words.sentence(),
            body=f"<p>{words.paragraph(4)}</p>", cost=words.sentence(6),
        ), self.moment(days))  # fmt: skip

    def notice(self, kern: KernPage, key: str) -> None:
        rng, words = self.rng, self.words
        days = rng.randint(-60, 3 * 365)
        start = self.today - datetime.timedelta(days=days)
        everyone = rng.random() < 0.05
        others = rng.sample(self.kernen, min(len(self.kernen), rng.randint(0, 3)))
        targeted = [] if everyone else sorted({kern, *others}, key=lambda k: k.pk)
        self.writer.add(self.notices, WorkNoticePage(
            title=f"{words.title(3)} {rng.choice(STREETS)}",
            slug=f"werk-{key}",
            summary=words.sentence(), body=f"<p>{words.paragraph()}</p>",
            start_date=start, end_date=start + datetime.timedelta(days=rng.randint(0, 30)),
            location_text=f"{rng.choice(STREETS)}, {kern.title}",
            impact=rng.choice(Impact.values), detour=words.sentence(),
            all_kernen=everyone,
        ), self.moment(max(days, 0) + 7), kernen=targeted)  # fmt: skip
