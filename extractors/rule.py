"""The rule record shared by every dimension (Duckling-style): a readable name, a pattern, a pure production."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class Rule:
    """One named rule: `pattern` finds text, `production(match)` builds a value or refuses (returns None)."""

    name: str
    pattern: re.Pattern[str]
    production: Callable[[re.Match[str]], Any]

    def apply(self, text: str, pos: int = 0, endpos: int | None = None):
        """Yield (match, value) for every match whose production accepts it."""
        end = len(text) if endpos is None else endpos
        for m in self.pattern.finditer(text, pos, end):
            value = self.production(m)
            if value is not None:
                yield m, value


def rule(name: str, pattern: str, flags: int = re.IGNORECASE):
    """Decorator: turn a production function into a Rule with a compiled pattern."""
    def wrap(fn: Callable[[re.Match[str]], Any]) -> Rule:
        return Rule(name, re.compile(pattern, flags), fn)
    return wrap
