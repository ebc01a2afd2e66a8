"""Topic keys: which quantity in the world a claim is a value of (claims.md §5).

A key is built from what is counted (kind, casualty type, the subject's head noun, `per`),
whose it is (the actor gazetteer), a military unit named in the subject, and the theatre
(the place gazetteer's country of the location). The catalog only names and merges keys.
"""
from __future__ import annotations

import re
from pathlib import Path

from extractors.gazetteer import actor_of, actors_in, load_actors, load_places, place_of
from extractors.topic.catalog import Catalog, load_catalog
from extractors.topic.context import ArticleContext, article_context
from schemas import Claim

__all__ = ["ArticleContext", "Catalog", "article_context", "assign_topic", "assign_topics", "load_catalog",
           "raw_topic", "slug"]

_UNIT = re.compile(r"\b(\d+(?:st|nd|rd|th))\s+(regiment|brigade|battalion|division|corps|army|company|fleet)\b", re.IGNORECASE)
_STOP = frozenset(["a", "an", "the", "of", "in", "to", "from", "by", "for", "per", "who", "which", "that", "at", "on", "with", "into", "across", "since", "over", "under", "after", "before", "during", "as", "and", "or", "sent", "deployed", "expected", "due", "being", "were", "was", "are", "is", "has", "have", "had", "its", "their", "his", "her", "total", "further", "additional", "more", "other", "some", "all", "final", "confirmed", "overall", "latest", "new", "people"])
_MILITARY = frozenset(["troops", "troop", "soldiers", "soldier", "forces", "force", "military", "army", "fighters", "personnel", "servicemen", "units", "contingent"])
_EVENT = frozenset(["earthquake", "quake", "fire", "wildfire", "strike", "flood", "dam", "election", "storm", "hurricane", "cyclone", "outbreak", "crush", "hijacking", "ceasefire", "mission", "crew", "plant", "port", "final", "cup"])
_PROPER = re.compile(r"\b(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:\s+([a-z]+))?")
_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])
_BREAK = frozenset(["of", "in", "to", "from", "by", "for", "per", "who", "which", "that", "at", "on", "with", "into", "across", "since", "after", "before", "during", "as", "sent", "deployed"])
_GENERIC_PLACE = frozenset(["region", "province", "oblast", "district", "city", "county", "state", "area", "town", "village"])
_VICTIMS = frozenset(["people", "persons", "dead", "deaths", "death", "killed", "injured", "wounded", "casualties", "toll",
                      "victims", "bodies", "lives", "fatalities", "injuries", "missing", "captured", "prisoners"])
_AREA = frozenset(["hectare", "acre", "kilometer ** 2", "mile ** 2", "meter ** 2"])
_CASUALTY = {"killed": "killed", "wounded": "wounded", "killed_or_wounded": "killed-or-wounded",
             "captured": "captured", "missing": "missing"}


def slug(text: str) -> str:
    """Lower-case hyphenated form: "Kursk region" -> "kursk-region"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _head(subject: str, *, drop: set[str], synonyms) -> list[str]:
    """Head words of the subject's first noun phrase, actor words and stop words removed (at most 3)."""
    words = []
    for w in re.findall(r"[A-Za-z][A-Za-z'\-]*|\d+(?:st|nd|rd|th)?", subject):
        lw = w.lower().removesuffix("'s")
        if lw in _BREAK and words:
            break
        if lw in _STOP or lw in drop or lw.isdigit():
            continue
        words.append(synonyms.get(lw, lw))
    return words[:3]


def _actor_words(subject: str) -> set[str]:
    """Words of the actor aliases that occur in the subject ("north", "korean")."""
    _, matcher = load_actors()
    out: set[str] = set()
    for m in matcher.pattern.finditer(subject):
        out.update(w.lower().removesuffix("'s") for w in m.group(0).split())
    return out


def _entity(subject: str, skip: set[str]) -> list[str]:
    """A named thing the subject counts for when no actor is known: "the Tavrin earthquake" -> tavrin earthquake."""
    for m in _PROPER.finditer(subject):
        words = [w.lower() for w in m.group(0).split()]
        tail = m.group(1)
        names = words[:-1] if tail else words
        if not names or names[0] in _MONTHS or set(names) <= skip:
            continue
        return names + ([tail] if tail in _EVENT else [])
    return []


def _source_countries(claim: Claim) -> set[str]:
    return {a.slug for a in actors_in(f"{claim.attribution} {claim.attribution_via or ''}")}


_LOCATIVE = re.compile(r"\b(?:to|in|into|inside|across|within|on)\s+(?:the\s+)?$", re.IGNORECASE)


def _place_in_sentence(claim: Claim) -> str | None:
    """The sentence's first place after a locative ("sent to Russia", "in Kursk") that is not the source's country."""
    sentence = (claim.sentence or "").translate({0x2019: "'"})
    skip = _source_countries(claim)
    for start, slug in load_places().find_spans(sentence):
        if slug not in skip and _LOCATIVE.search(sentence[max(0, start - 12):start]):
            return slug
    return None


def _actor_in_sentence(claim: Claim):
    """Whose troops, when the subject does not say: the sentence's actor that is neither the source's own
    country ("According to South Korea's spy agency, ... troops") nor the theatre ("... sent to Russia")."""
    skip = _source_countries(claim)
    skip |= {place_of(claim.location), _place_in_sentence(claim)}
    for actor in actors_in(claim.sentence):
        if actor.slug not in skip:
            return actor
    return None


def _theatre(claim: Claim, in_article: bool = False) -> str | None:
    """Country of the claim's place; inside an article, a place the gazetteer does not know is left out
    (the story name already says where, and loose picks like "Hall 3" would split one quantity)."""
    place = place_of(claim.location) or (place_of(claim.subject) if claim.kind.value in ("personnel", "casualties") else None)
    if place:
        return place
    if in_article:
        return _place_in_sentence(claim)
    if claim.location:
        words = [w for w in slug(claim.location).split("-") if w not in _GENERIC_PLACE]
        return "-".join(words[:2]) or None
    return None


_NOT_NOUN = frozenset(["it", "they", "he", "she", "we", "would", "could", "will", "may", "can", "might", "said",
                       "says", "than", "more", "less", "alone", "each", "apiece", "so", "far", "now", "then", "still",
                       "last", "next", "if", "because", "about", "around", "roughly", "outside", "inside", "away",
                       "implies", "up", "down", "below", "above", "this", "these", "those", "there"])
# words between a measure and its number: "turnout of", "put the bill at", "Turnout reached", "its own estimate"
_FILLER = _STOP | _NOT_NOUN | frozenset([
    "is", "be", "been", "stood", "stands", "reached", "reach", "rose", "risen", "fell", "slipped", "put", "raised",
    "estimate", "estimates", "figure", "count", "number", "own", "only", "just", "nearly", "almost", "approximately",
    "some", "least", "most", "much", "many", "up", "between", "than", "like", "said", "says", "told", "say", "now",
    "had", "has", "have", "will", "would", "could", "may", "might", "can", "to", "again", "also", "already",
    "not", "no", "just", "well", "even", "still", "currently", "already", "further", "another", "estimated"])
_COMPOUND = re.compile(r"-(?:day|week|month|year|hour|minute|metre|meter|km|kilometre|mile)s?$", re.IGNORECASE)


def _words_after(claim: Claim, sentence: str, i: int) -> str:
    """The nouns right after the number ("a four-month combat deployment to Russia" -> "combat deployment"),
    none after a verb or preposition."""
    words = []
    for w in re.findall(r"\S+", sentence[i + len(claim.quote):])[:4]:
        lw = w.lower().strip(",;:.()\"“”'’")
        if not re.fullmatch(r"[a-z][a-z-]*", lw) or lw in _STOP or lw in _BREAK or lw in _NOT_NOUN \
                or lw.endswith("ed"):
            break
        words.append(lw)
        if w[-1] in ",;:.)":
            break
    return " ".join(words)


def _noun_before(sentence: str, i: int, source: str) -> str:
    """The measure named before the number in its clause: "a turnout of 58.2%", "put the bill at $125
    million", "Turnout reached 47.3%" -> turnout; names, verbs, fillers and the source's own words ("the
    commission's final figure of 61.4%") are passed over (4 words at most)."""
    skip = set(source.lower().split())
    clause = re.split(r"[,;:()\"“”‘]|\s[–—]\s", sentence[:i])[-1]
    seen = 0
    for w in reversed(re.findall(r"[A-Za-z][\w'’-]*", clause)):
        lw = re.sub(r"(?:'s|’s)$", "", w.lower())
        if lw in _FILLER or lw in skip or lw.endswith("ed") or len(lw) < 3:
            continue
        seen += 1
        if seen > 4:
            break
        if w[0].isupper() and w is not clause.split()[0]:
            continue  # a name: the story, not the measure
        return lw
    return ""


def _counted(claim: Claim) -> str:
    """What a figure without a subject counts, from its sentence: the noun a compound number modifies
    ("17-day strike"), what a share is of ("54.8% of the vote"), else for shares and durations the
    measure named before it (for money and head counts that word is too often a verb or a name)."""
    sentence = claim.sentence or ""
    i = sentence.find(claim.quote) if claim.quote else -1
    if i < 0:
        return ""
    if _COMPOUND.search(claim.quote):
        return _words_after(claim, sentence, i)
    if claim.kind.value == "percentage":
        of = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\d,.]+\s+)?([a-z]+(?:\s+[a-z]+)?)", sentence[i + len(claim.quote):])
        if of:
            return of.group(1)
        return _words_after(claim, sentence, i) or _noun_before(sentence, i, claim.attribution)
    return _noun_before(sentence, i, claim.attribution) if claim.kind.value == "duration" else ""


_ANAPHOR = re.compile(r"\b(?:the|this|that)\s+(?:unit|regiment|brigade|battalion|division|corps)\b", re.IGNORECASE)


def _unit_of(claim: Claim, context: ArticleContext | None) -> re.Match | None:
    """A military unit the figure belongs to: in the subject, earlier in the sentence ("honoured the 528th
    Regiment upon their return from a four-month deployment"), or the one "the unit" refers back to."""
    found = _UNIT.search(claim.subject or "")
    if found or context is None:
        return found
    sentence = claim.sentence or ""
    i = sentence.find(claim.quote) if claim.quote else -1
    found = _UNIT.search(sentence[:max(i, 0)])
    if found or not _ANAPHOR.search(sentence[:max(i, 0)]):
        return found
    j = context.text.find(sentence)
    earlier = list(_UNIT.finditer(context.text[max(0, j - 1500):j])) if j > 0 else []
    return earlier[-1] if earlier else None


def _article_actor(claim: Claim, context: ArticleContext):
    """The actor the article names most (three times or more), unless it is the figure's source."""
    actors, _ = load_actors()
    skip = _source_countries(claim)
    for slug_, n in context.actors:
        if slug_ not in skip:
            return actors[slug_] if n >= 3 else None
    return None


def raw_topic(claim: Claim, *, catalog: Catalog | None = None,
              context: ArticleContext | None = None) -> tuple[str, str]:
    """(key, label) from the claim's own fields, before the catalog merges it; `context` (the article's
    actors and story name) stands in for an owner the claim's subject and sentence do not name."""
    catalog = catalog or load_catalog()
    subject = claim.subject or (_counted(claim) if context else "")
    actor = actor_of(subject)
    kind = claim.kind.value
    if actor is None and kind in ("personnel", "casualties"):
        actor = _actor_in_sentence(claim)
    if actor is None and context:
        actor = _article_actor(claim, context)
    unit_m = _unit_of(claim, context)
    unit = f"{unit_m.group(1)} {unit_m.group(2)}".lower() if unit_m else None
    drop = _actor_words(subject) | ({unit_m.group(1).lower(), unit_m.group(2).lower()} if unit_m else set())
    entity = [] if actor or unit else ([context.name] if context and context.name else _entity(subject, drop))
    story = {context.name, context.name + "n", context.name + "ns"} if context and context.name else set()
    head = _head(subject, drop=drop | set(entity) | story, synonyms=catalog.synonyms)
    military = bool(_MILITARY & {w.lower() for w in re.findall(r"[A-Za-z]+", subject or claim.sentence or "")})
    if kind == "personnel" and (military or actor):
        measure = ["troops"]
    elif kind == "casualties":
        # who the casualties were, when the subject names a group ("37 rescue workers" within "604 people")
        group = [w for w in head if w not in _VICTIMS and w not in _MILITARY][:2] if context else []
        measure = group + [_CASUALTY.get(claim.casualty_type.value if claim.casualty_type else "", "casualties")]
    elif kind == "duration":
        measure = (head[-1:] or ["event"]) + ["duration"]
    elif kind == "money":
        measure = head[:2] or ["cost"]
    elif kind == "percentage":
        measure = (head[:2] or ["share"]) + ["percent"]
    elif kind == "count" and claim.unit not in ("person", ""):
        plural = claim.unit if claim.unit.endswith("s") else claim.unit + "s"
        measure = head[:2] if head and head[-1].rstrip("s") == claim.unit.rstrip("s") else [plural.replace(" ", "-")]
    elif kind == "measure" and claim.unit in _AREA:
        # "61,000 acres, or about 24,700 hectares": one quantity in two units ("area burned" keeps its verb)
        measure = head[:2] if head[:1] == ["area"] else ["area"]
    else:
        measure = head[:2] or [claim.unit or kind]
    theatre = None if unit else _theatre(claim, context is not None) or (_place_in_sentence(claim) if kind in ("personnel", "casualties") else None)
    if theatre and ((actor and theatre == actor.slug) or theatre.split("-")[0] in entity):
        theatre = None  # "North Korean pay to Pyongyang", "the Tavrin earthquake in Tavrin": said once
    parts = [actor.slug if actor else None, *entity, unit, *measure]
    if claim.per:
        parts += ["per", claim.per.replace("/", " ")]
    if theatre:
        parts += ["in", theatre]
    key = slug(" ".join(p for p in parts if p))
    what = " ".join(measure).replace("-", " ")
    if kind == "casualties":  # "North Korean soldiers killed", "people killed"
        what = ("soldiers " if military else "people ") + what
    names = [w.title() if w not in _EVENT else w for w in entity]
    label_bits = [(" ".join(names) + ":") if names else "", actor.label if actor else "",
                  unit.title() if unit else "", what]
    if claim.per:
        label_bits.append(f"per {claim.per.replace('/', ' per ')}")
    if theatre:
        actors, _ = load_actors()
        where = actors[theatre].country if theatre in actors and actors[theatre].country else theatre.replace("-", " ").title()
        label_bits.append(f"in {where}")
    label = " ".join(b for b in label_bits if b).strip()
    return key, label[:1].upper() + label[1:]


def assign_topic(claim: Claim, *, catalog_path: str | Path | None = None,
                 context: ArticleContext | None = None) -> tuple[str, str]:
    """(key, label) for a claim: the generated key, merged and named by the topic catalog."""
    catalog = load_catalog(catalog_path)
    key, label = raw_topic(claim, catalog=catalog, context=context)
    resolved = catalog.resolve(key)
    return resolved, catalog.label(resolved) or label


def assign_topics(claims: list[Claim], text: str, *, catalog_path: str | Path | None = None) -> list[Claim]:
    """The claims of one article with their topics, the article's actors and story name filling in
    what single sentences leave out."""
    context = article_context(text, [a for c in claims for a in (c.attribution, c.attribution_via) if a])
    out = []
    said: dict[tuple, tuple[str, str]] = {}
    for c in claims:
        # the same number of the same people said again ("nine North Korean soldiers were killed" ...
        # "the loss of nine North Korean soldiers") is one quantity even when the wording changes its kind
        again = (c.value, (c.subject or "").lower()) if c.subject and c.value is not None else None
        key, label = said.get(again) or assign_topic(c, catalog_path=catalog_path, context=context)
        if again:
            said.setdefault(again, (key, label))
        out.append(c.model_copy(update={"topic": key, "topic_label": label}))
    return out
