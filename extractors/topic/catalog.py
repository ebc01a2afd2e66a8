"""The topic catalog (catalog.yaml): labels, alias keys and parents of topics, loaded once."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import yaml


@dataclass(frozen=True)
class Catalog:
    """Immutable view of the catalog: resolve a generated key, name it, find its parent."""

    labels: Mapping[str, str]
    aliases: Mapping[str, str]
    parents: Mapping[str, str]
    synonyms: Mapping[str, str]

    def resolve(self, key: str) -> str:
        """The catalog's key for a generated key (itself when the catalog does not merge it)."""
        seen = set()
        while key in self.aliases and key not in seen:
            seen.add(key)
            key = self.aliases[key]
        return key

    def label(self, key: str) -> str | None:
        return self.labels.get(self.resolve(key))

    def parent(self, key: str) -> str | None:
        """The wider topic this one is declared part of (`parent:` in the catalog)."""
        key = self.resolve(key)
        return self.parents.get(key)

    def related(self, a: str, b: str) -> str | None:
        """Which of two keys is the part when one is within the other (declared parent, or a key that
        extends the other: `tavrin-quake-killed-kol-dara` within `tavrin-quake-killed`), else None."""
        a, b = self.resolve(a), self.resolve(b)
        if a == b:
            return None
        if b in self._ancestors(a) or extends(a, b):
            return a
        if a in self._ancestors(b) or extends(b, a):
            return b
        return None

    def _ancestors(self, key: str) -> set[str]:
        out, k = set(), self.parents.get(key)
        while k and k not in out:
            out.add(k)
            k = self.parents.get(k)
        return out


def extends(child: str, parent: str) -> bool:
    """`tavrin-quake-killed-kol-dara` extends `tavrin-quake-killed`: a narrower quantity of the same family."""
    return child.startswith(parent + "-")


def _read(path: Path | None) -> dict:
    if path is None:
        text = resources.files(__package__).joinpath("catalog.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


@cache
def load_catalog(extra: str | Path | None = None) -> Catalog:
    """The shipped catalog with `extra` (a YAML file of the same shape) merged over it."""
    labels: dict[str, str] = {}
    aliases: dict[str, str] = {}
    parents: dict[str, str] = {}
    synonyms: dict[str, str] = {}
    for doc in (_read(None), _read(Path(extra)) if extra else {}):
        synonyms.update({str(k).lower(): str(v).lower() for k, v in (doc.get("synonyms") or {}).items()})
        for key, entry in (doc.get("topics") or {}).items():
            entry = entry or {}
            if entry.get("label"):
                labels[key] = str(entry["label"])
            for alias in entry.get("aliases") or ():
                aliases[str(alias)] = key
            if entry.get("parent"):
                parents[key] = str(entry["parent"])
            aliases.pop(key, None)  # a named topic is never an alias of another
    return Catalog(MappingProxyType(labels), MappingProxyType(aliases), MappingProxyType(parents),
                   MappingProxyType(synonyms))
