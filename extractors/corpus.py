"""The corpus record shared by every dimension: example sentences and the records they must give.

A positive example lists the expected claims (only the fields given are checked, in order); a
negative example must give no claim at all. `xfail` names a known failure; the generic runner
(tests/test_extract_corpus.py) marks it as a strict expected failure so that a fix is noticed.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Example:
    text: str
    expected: tuple[dict, ...] = ()
    published: str | None = None
    xfail: str | None = None
    negative: bool = False
    style: str = ""


def ex(text: str, *records: dict, published: str | None = None, xfail: str | None = None, style: str = "", **one) -> Example:
    """A positive example: either keyword fields of one record, or several record dicts."""
    recs = tuple(records) if records else (one,)
    return Example(text, recs, published, xfail, False, style)


def no(text: str, *, published: str | None = None, xfail: str | None = None, style: str = "") -> Example:
    """A negative example: the sentence holds no figure."""
    return Example(text, (), published, xfail, True, style)
