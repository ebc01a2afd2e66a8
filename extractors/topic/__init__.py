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
from schemas import Claim

__all__ = ["Catalog", "assign_topic", "load_catalog", "raw_topic", "slug"]

_UNIT = re.compile(r"\b(\d+(?:st|nd|rd|th))\s+(regiment|brigade|battalion|division|corps|army|company|fleet)\b", re.IGNORECASE)
_STOP = frozenset(["a", "an", "the", "of", "in", "to", "from", "by", "for", "per", "who", "which", "that", "at", "on", "with", "into", "across", "since", "over", "under", "after", "before", "during", "as", "and", "or", "sent", "deployed", "expected", "due", "being", "were", "was", "are", "is", "has", "have", "had", "its", "their", "his", "her", "total", "further", "additional", "more", "other", "some", "all", "final", "confirmed", "overall", "latest", "new", "people"])
_MILITARY = frozenset(["troops", "troop", "soldiers", "soldier", "forces", "force", "military", "army", "fighters", "personnel", "servicemen", "units", "contingent"])
_EVENT = frozenset(["earthquake", "quake", "fire", "wildfire", "strike", "flood", "dam", "election", "storm", "hurricane", "cyclone", "outbreak", "crush", "hijacking", "ceasefire", "mission", "crew", "plant", "port", "final", "cup"])
_PROPER = re.compile(r"\b(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:\s+([a-z]+))?")
_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])
_BREAK = frozenset(["of", "in", "to", "from", "by", "for", "per", "who", "which", "that", "at", "on", "with", "into", "across", "since", "after", "before", "during", "as", "sent", "deployed"])
_GENERIC_PLACE = frozenset(["region", "province", "oblast", "district", "city", "county", "state", "area", "town", "village"])
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


def _theatre(claim: Claim) -> str | None:
    place = place_of(claim.location) or (place_of(claim.subject) if claim.kind.value in ("personnel", "casualties") else None)
    if place:
        return place
    if claim.location:
        words = [w for w in slug(claim.location).split("-") if w not in _GENERIC_PLACE]
        return "-".join(words[:2]) or None
    return None


def raw_topic(claim: Claim, *, catalog: Catalog | None = None) -> tuple[str, str]:
    """(key, label) from the claim's own fields, before the catalog merges it."""
    catalog = catalog or load_catalog()
    subject = claim.subject or ""
    actor = actor_of(subject)
    kind = claim.kind.value
    if actor is None and kind in ("personnel", "casualties"):
        actor = _actor_in_sentence(claim)
    unit_m = _UNIT.search(subject)
    unit = f"{unit_m.group(1)} {unit_m.group(2)}".lower() if unit_m else None
    drop = _actor_words(subject) | ({unit_m.group(1).lower(), unit_m.group(2).lower()} if unit_m else set())
    entity = [] if actor or unit else _entity(subject, drop)
    head = _head(subject, drop=drop | set(entity), synonyms=catalog.synonyms)
    military = bool(_MILITARY & {w.lower() for w in re.findall(r"[A-Za-z]+", subject or claim.sentence or "")})
    if kind == "personnel" and (military or actor):
        measure = ["troops"]
    elif kind == "casualties":
        measure = [_CASUALTY.get(claim.casualty_type.value if claim.casualty_type else "", "casualties")]
    elif kind == "duration":
        measure = (head[-1:] or ["event"]) + ["duration"]
    elif kind == "money":
        measure = head[:2] or ["cost"]
    elif kind == "percentage":
        measure = (head[:2] or ["share"]) + ["percent"]
    elif kind == "count" and claim.unit not in ("person", ""):
        plural = claim.unit if claim.unit.endswith("s") else claim.unit + "s"
        measure = head[:2] if head and head[-1].rstrip("s") == claim.unit.rstrip("s") else [plural.replace(" ", "-")]
    else:
        measure = head[:2] or [claim.unit or kind]
    theatre = None if unit else _theatre(claim) or (_place_in_sentence(claim) if kind in ("personnel", "casualties") else None)
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


def assign_topic(claim: Claim, *, catalog_path: str | Path | None = None) -> tuple[str, str]:
    """(key, label) for a claim: the generated key, merged and named by the topic catalog."""
    catalog = load_catalog(catalog_path)
    key, label = raw_topic(claim, catalog=catalog)
    resolved = catalog.resolve(key)
    return resolved, catalog.label(resolved) or label
