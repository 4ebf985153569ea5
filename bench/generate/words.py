"""The words of the benchmark site: titles, sentences and paragraphs drawn from one
``random.Random``, so that a seed fixes every text."""

import random

WORDS = (
    "dorp",
    "kern",
    "buurt",
    "straat",
    "plein",
    "school",
    "kerk",
    "dijk",
    "rivier",
    "polder",
    "fiets",
    "brug",
    "speeltuin",
    "bankje",
    "boom",
    "groen",
    "vereniging",
    "bewoners",
    "feest",
    "markt",
    "concert",
    "wandeling",
    "sport",
    "voetbal",
    "zwembad",
    "bibliotheek",
    "jeugd",
    "ouderen",
    "zorg",
    "verkeer",
    "veiligheid",
    "parkeren",
    "wegwerkzaamheden",
    "riolering",
    "glasvezel",
    "energie",
    "zonnepanelen",
    "duurzaam",
    "afval",
    "container",
    "verlichting",
    "stoep",
    "bushalte",
    "gemeente",
    "raad",
    "plan",
    "idee",
    "project",
    "budget",
    "vrijwilligers",
    "werkgroep",
    "inloopavond",
    "enquête",
)
STREETS = ("Dorpsstraat", "Kerkstraat", "Molenweg", "Dijkweg", "Schoolstraat", "Lingedijk")


class Words:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def phrase(self, count: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(count))

    def title(self, count: int = 5) -> str:
        return self.phrase(count).capitalize()

    def sentence(self, count: int = 14) -> str:
        return self.phrase(count).capitalize() + "."

    def paragraph(self, sentences: int = 3) -> str:
        return " ".join(self.sentence(self.rng.randint(8, 18)) for _ in range(sentences))
