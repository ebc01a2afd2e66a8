"""Generated news articles with figures, and a stand-in extractor, for load tests and `benchmarks/ingest.py`.

Templates over a few stories, places, sources, qualifiers and dates, so that texts differ (distinct ids),
topics recur across articles and sources disagree. Deterministic for a seed. `count_numbers` is an extractor
with exact, predictable output, so that tests and benchmarks can measure the store apart from the rules.
"""
import random
import re

from schemas import ArticleCreate, Claim, Kind

# Each story happens in a generated town; the counted noun is followed by "in {place}", so that topics are
# per story, as in a real corpus of many stories with some articles each.
STORIES = [
    ("Earthquake", [
        "{q} {n} people were killed in {place} by the earthquake, {src} said on {day}.",
        "{src} said {q} {n} people were injured in {place} and {m} homes destroyed.",
        "Rescuers had pulled {n} survivors in {place} from the rubble by {day}, according to {src}.",
    ]),
    ("Floods", [
        "Floods have displaced {q} {n} families in {place}, {src} said on {day}.",
        "{src} estimated that {n} hectares of farmland in {place} were under water.",
        "The death toll from the floods rose to {n} people in {place}, {src} reported on {day}.",
    ]),
    ("Budget", [
        "The council will spend {q} ${n} million on roads in {place} next year, {src} said.",
        "{src} said unemployment in {place} reached {p} percent in {month}.",
        "Officials plan to hire {n} teachers in {place} over {k} years, {src} said on {day}.",
    ]),
    ("Deployment", [
        "{src} said {q} {n} troops in {place} had been put on alert by {day}.",
        "{q} {n} soldiers in {place} began a {k}-month rotation, {src} said.",
        "{src} reported that {n} armoured vehicles in {place} were moved on {day}.",
    ]),
    ("Strike", [
        "{q} {n} dock workers in {place} walked out on {day}, {src} said.",
        "The strike has cost businesses in {place} {q} ${n} million so far, according to {src}.",
        "{src} said {n} ships in {place} were waiting to unload after {k} days.",
    ]),
]
SYLLABLES = ["tav", "rin", "kar", "so", "va", "or", "in", "vel", "mar", "den", "ost", "lu", "bra", "nik", "es",
             "tor", "hal", "ga", "mir", "ul"]
SOURCES = ["the Health Ministry", "the United Nations", "the Red Cross", "local officials", "the interior ministry",
           "Meridian Wire", "the regional governor", "an army spokesperson", "the port authority", "the finance ministry"]
QUALIFIERS = ["", "about", "at least", "more than", "nearly", "up to", "an estimated", "some"]
OUTLETS = ["Meridian Wire", "The Northern Ledger", "Daily Courier", "Harbour Times"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
FILLER = [
    "Witnesses described scenes of confusion as the day went on.",
    "The figures could not be independently verified.",
    "Residents said help had been slow to arrive.",
    "Officials promised a full account within the week.",
    "The opposition questioned the government's handling of the crisis.",
]


def _sentence(rng: random.Random, template: str, place: str) -> str:
    text = template.format(q=rng.choice(QUALIFIERS), n=f"{rng.randrange(2, 60) * rng.choice([1, 10, 100, 1000]):,}",
                           m=f"{rng.randrange(10, 9000):,}", p=rng.randrange(1, 12), k=rng.randrange(2, 12),
                           src=rng.choice(SOURCES), day=rng.choice(DAYS), month=rng.choice(MONTHS), place=place)
    text = " ".join(text.split())
    return text[0].upper() + text[1:]


def _places(rng: random.Random, n: int) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 4))).capitalize())
    return sorted(names)


def generate_articles(n: int, *, seed: int = 0, articles_per_story: int = 8) -> list[ArticleCreate]:
    """`n` articles of 2-5 paragraphs, each with one to three figures and some filler, about
    `n / articles_per_story` stories (a kind of event in a town)."""
    rng = random.Random(seed)
    places = _places(rng, max(1, n // articles_per_story // len(STORIES) + 1))
    articles = []
    for i in range(n):
        story, templates = rng.choice(STORIES)
        place = rng.choice(places)
        paragraphs = []
        for _ in range(rng.randrange(2, 6)):
            sentences = [_sentence(rng, rng.choice(templates), place) for _ in range(rng.randrange(1, 4))]
            sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(FILLER))
            paragraphs.append(" ".join(sentences))
        title = f"{story} in {place}: latest figures ({i})"
        month = rng.randrange(1, 11)
        articles.append(ArticleCreate(
            source_id=f"synthetic-{seed}-{i:06d}", title=title, outlet=rng.choice(OUTLETS),
            published=f"2025-{month:02d}-{rng.randrange(1, 28):02d}", language="en",
            text=title + "\n\n" + "\n\n".join(paragraphs)))
    return articles


NUMBER = re.compile(r"\d[\d,]*")
NOUN_AFTER = re.compile(r"[\s$]*(?:million\s+)?([A-Za-z]+)")


def count_numbers(text: str, *, published: str | None = None) -> list[Claim]:
    """One count claim per number; its topic is the word after it, `as_of` the publication date."""
    claims = []
    for m in NUMBER.finditer(text):
        word = NOUN_AFTER.match(text, m.end())
        noun = word.group(1).lower() if word else "thing"
        value = float(m.group().replace(",", ""))
        claims.append(Claim(kind=Kind.count, value=value, low=value, high=value, unit=noun, subject=noun,
                            topic=f"count-{noun}", topic_label=noun, as_of=published, span=[m.start(), m.end()],
                            quote=m.group(), rule="synthetic:number"))
    return claims
