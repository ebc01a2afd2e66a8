"""Gazetteers: actors, places and source aliases shared by the extractors and the reconciler.

The tables are YAML package data, loaded once into immutable structures (functools.cache);
an extra file (same shape, e.g. from TALLY_SOURCE_ALIASES) is merged over the shipped one.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import yaml

__all__ = ["Actor", "SourceAliases", "actor_of", "actors_in", "canonical_source", "country_of", "load_actors",
           "load_places", "load_source_aliases", "normalise_name", "place_of", "places_in"]


def _read_yaml(name: str) -> dict:
    return yaml.safe_load(resources.files(__package__).joinpath(name).read_text(encoding="utf-8")) or {}


def _read_extra(path: str | Path | None) -> dict:
    if path is None:
        return {}
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}


_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def normalise_name(name: str) -> str:
    """Lookup form of a name: curly quotes straightened, spaces collapsed, case folded, no leading "the"."""
    s = _SPACES.sub(" ", name.translate(_QUOTES)).strip().strip(".,;:").casefold()
    return s.removeprefix("the ")


# ---------------------------------------------------------------- sources

@dataclass(frozen=True)
class SourceAliases:
    """Alias (normalised) -> canonical source name."""

    table: Mapping[str, str]

    def canonical(self, name: str) -> str:
        key = normalise_name(name)
        return self.table.get(key, _SPACES.sub(" ", name).strip())


@cache
def load_source_aliases(extra: str | Path | None = None) -> SourceAliases:
    """The shipped alias table, with the entries of `extra` (a YAML file of the same shape) merged over it."""
    table: dict[str, str] = {}
    for doc in (_read_yaml("source_aliases.yaml"), _read_extra(extra)):
        for canonical, aliases in (doc.get("sources") or {}).items():
            table[normalise_name(canonical)] = canonical
            for alias in aliases or ():
                table[normalise_name(str(alias))] = canonical
    return SourceAliases(MappingProxyType(table))


def canonical_source(name: str, *, aliases: str | Path | None = None) -> str:
    """Canonical name of a source: "NIS" -> "South Korea National Intelligence Service"; unknown names stay as given."""
    if not name or not name.strip():
        return "article"
    return load_source_aliases(aliases).canonical(name)


# ---------------------------------------------------------------- actors and places

@dataclass(frozen=True)
class Actor:
    slug: str
    label: str
    country: str | None


@dataclass(frozen=True)
class _Matcher:
    """Longest-alias-first word-boundary matcher over a fixed alias table."""

    pattern: re.Pattern
    by_alias: Mapping[str, str]
    acronyms: frozenset[str]

    @classmethod
    def build(cls, aliases: dict[str, str]) -> _Matcher:
        """`aliases` maps an alias as written to a slug; all-capital acronyms ("US", "NIS") match only in capitals."""
        alts = sorted(aliases, key=len, reverse=True)
        body = "|".join(re.escape(a) for a in alts)
        acronyms = frozenset(a for a in aliases if a.replace(".", "").isupper() and len(a) <= 5)
        return cls(re.compile(rf"(?<![\w.])(?:{body})(?![\w])", re.IGNORECASE),
                   MappingProxyType({a.casefold(): s for a, s in aliases.items()}), acronyms)

    def find(self, text: str) -> str | None:
        found = self.find_all(text)
        return found[0] if found else None

    def find_all(self, text: str) -> list[str]:
        return [slug for _, slug in self.find_spans(text)]

    def find_spans(self, text: str) -> list[tuple[int, str]]:
        """(offset, slug) of every alias in `text`."""
        out = []
        for m in self.pattern.finditer(text.translate(_QUOTES)) if text else ():
            word = m.group(0)
            if word.upper() in self.acronyms and word not in self.acronyms:
                continue  # "us" is a pronoun, "US" a country
            out.append((m.start(), self.by_alias[word.casefold()]))
        return out


@cache
def load_actors() -> tuple[Mapping[str, Actor], _Matcher]:
    doc = _read_yaml("actors.yaml")["actors"]
    actors = {slug: Actor(slug, d["label"], d.get("country")) for slug, d in doc.items()}
    aliases = {str(a): slug for slug, d in doc.items() for a in d.get("aliases", ())}
    return MappingProxyType(actors), _Matcher.build(aliases)


@cache
def load_places() -> _Matcher:
    doc = _read_yaml("places.yaml")["places"]
    return _Matcher.build({str(p): slug for slug, names in doc.items() for p in names})


def actor_of(text: str | None) -> Actor | None:
    """The first actor named in `text`: "North Korean soldiers", "Pyongyang's troops", "KPA units" -> dprk."""
    if not text:
        return None
    actors, matcher = load_actors()
    slug = matcher.find(text)
    return actors[slug] if slug else None


def actors_in(text: str | None) -> list[Actor]:
    """Every actor named in `text`, in order of mention."""
    if not text:
        return []
    actors, matcher = load_actors()
    return [actors[s] for s in matcher.find_all(text)]


def place_of(text: str | None) -> str | None:
    """Country slug of the first known place named in `text` ("Kursk region" -> "russia")."""
    return load_places().find(text) if text else None


def places_in(text: str | None) -> list[str]:
    """Country slugs of every known place named in `text`, in order of mention."""
    return load_places().find_all(text) if text else []


def country_of(place: str | None) -> str | None:
    """Country name of a place ("Kursk" -> "Russia"), None when the place is unknown."""
    slug = place_of(place)
    if slug is None:
        return None
    actor = load_actors()[0].get(slug)
    return actor.country if actor else None
