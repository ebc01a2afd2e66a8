"""What an article is about, for topic keys whose claim alone does not say whose quantity it is.

A figure's sentence often names neither actor nor story ("458 people had died"); a reader takes both
from the article: the actor it names most (North Korea in a piece on its troops) and, for stories the
actor gazetteer does not know, the proper name it repeats most (Tavrin, Brackport). Sources are not
what an article is about, so names inside its claims' attributions do not count.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extractors.gazetteer import actors_in, load_actors, load_places, load_source_aliases, normalise_name

_NAME = re.compile(r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]{3,5})(?:'s|’s)?")
_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:of\s+|for\s+|&\s+)?[A-Z][\w'’-]*)*")
# capitalised words that name kinds of bodies, titles, days or sentence openers, never a story
_NOT_NAME = frozenset("""
the a an in on at by for of and or but it its he she they we i this that these those some around about more
than fewer up down over after before since from with as when while if how what who why where there here
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december according analysis live read min update breaking
ministry minister union service authority agency commission council government department office committee
institute association society trust group bank programme program organization organisation mission
president prime deputy chief director chairman chairwoman spokesman spokeswoman spokesperson mayor judge
health interior defence defense water fire police army national central international world regional
civil protection red crescent cross security sports electoral medical engineering shipping company
lawmaker article section resolution route gate hall pier berth platform
european western eastern northern southern reuters afp ap each every all most many several one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundreds thousands
""".split())
_ROLE = re.compile(r"\b(?:minister|mayor|president|chairman|chairwoman|chair|spokesperson|spokesman|spokeswoman|chief|"
                   r"officer|analyst|nurse|director|judge|lawmaker|secretary|commander|governor|general|imam|son|"
                   r"daughter|wife|husband|captain|coach|manager|senator|envoy|negotiator|official|leader|\d+-year-old)s?,?\s+$", re.I)
_APPOSITION = re.compile(r",\s+(?:\d|a\s|an\s|the\s|whose\s|who\s|[a-z]+ed\s)")
_BYLINE = re.compile(r"^(?:©.*|\d+\s+min\s+read)$", re.MULTILINE)  # an outlet's line, not the story
_ARTICLES = frozenset(["the", "a", "an", "of"])
_COMMON = re.compile(r"(?:s|ing|ed|ly)$")
_DEMONYM = re.compile(r"(?<=ia)ns?$")  # "Valtorians", "Orvanian" -> valtoria, orvania


@dataclass(frozen=True)
class ArticleContext:
    """The actors an article names with their counts, most named first, and its dominant proper name."""

    actors: tuple[tuple[str, int], ...]
    name: str | None
    text: str


def _known_name(word: str) -> bool:
    """Names the gazetteers already resolve (countries, their demonyms and places) are not story names."""
    return bool(load_actors()[1].find(word) or load_places().find(word))


def _is_source(low: str) -> bool:
    """An agency the source table names by this word itself ("UNHCR"): a source, never a story (so is
    an acronym the table knows, "WFP")."""
    canonical = load_source_aliases().table.get(low)
    return canonical is not None and normalise_name(canonical) == low


def article_context(text: str, attributions: list[str] = ()) -> ArticleContext:
    """The context of one article text (title on line 1 when there are several); names that are only
    ever the claims' sources (`attributions`) count half: a story told by "Hanbit said" is still Hanbit's."""
    actor_counts = Counter(a.slug for a in actors_in(text))
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    title_end = text.find("\n") if "\n" in text.strip() else 0
    sources = {normalise_name(a) for a in attributions if a}
    inner = {m.group(1).lower() for m in re.finditer(r"[a-z,;]\s+(?:the\s+)?([A-Z][a-z]+)", text)}
    for run in _RUN.finditer(_BYLINE.sub(lambda m: " " * len(m.group(0)), text)):
        start, words = run.start(), run.group(0).split()
        before = text[max(0, start - 4):start]
        initial = start == 0 or re.search(r"[.!?:–—\"“‘'\n]\s*$", before)
        the = bool(re.search(r"the\s$", before, re.I))
        while words and (words[0].lower() in _ARTICLES or initial and _COMMON.search(re.sub(r"(?:'s|’s)$", "", words[0]))):
            the = the or words[0].lower() == "the"
            words, initial = words[1:], False  # "The Orla Dawn", "Residents of Cardle"
        head = _NAME.fullmatch(words[0]) if words else None
        if not head:
            continue
        word = re.sub(r"(?:'s|’s)$", "", head.group(0))
        low = word.lower()
        if low in _NOT_NAME or _is_source(low) or word.isupper() and low in load_source_aliases().table \
                or _known_name(word) or _known_name(" ".join(words).split(" of ")[0]):
            continue
        if len(words) > 1 and not the and (_ROLE.search(text[max(0, start - 16):start])
                                            or _APPOSITION.match(text, start + len(run.group(0)))):
            continue  # "spokesperson Mireille Dutoit", "Yusuf Arin, the imam": a person, not a story
        weight = 2 if start < title_end else 1
        if normalise_name(" ".join(words)) in sources or len(words) == 1 and initial \
                and not head.group(0).endswith(("'s", "’s")) and low not in inner:
            weight /= 2  # a source, or a sentence's capitalised first word ("Built in 1974")
        if re.search(r"\b(?:in|into|across|near|at)\s+(?:the\s+)?$", text[max(0, start - 12):start]):
            weight *= 1.5  # where the story happens: "crossed into Dessaly", "killed in Tavrin"
        if head.group(0).endswith(("'s", "’s")):
            weight *= 1.5  # whose it is: "Veltra's plan"
        counts[_DEMONYM.sub("", low)] += weight
        first.setdefault(_DEMONYM.sub("", low), start)
    name = max(counts, key=lambda w: (counts[w], -first[w])) if counts else None
    return ArticleContext(tuple(actor_counts.most_common()), name, text)
