"""The ordered dimensions of the extractors (Duckling-style dependency table).

Numbers are read once; qualifiers and the not-a-figure filters judge them; money, percentages,
durations and measures consume a number and a unit; casualties and people consume a number and a
noun or a cue; context (attribution, dates, hedging) is read last. Each entry names its rules
module, its corpus module and the dimensions it requires.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class Dimension:
    name: str
    rules: str
    corpus: str
    requires: tuple[str, ...] = ()


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("numeral", "extractors.numeral.rules", "extractors.numeral.corpus"),
    Dimension("not_a_figure", "extractors.not_a_figure.rules", "extractors.not_a_figure.corpus", ("numeral",)),
    Dimension("qualifier", "extractors.qualifier.rules", "extractors.qualifier.corpus", ("numeral",)),
    Dimension("money", "extractors.money.rules", "extractors.money.corpus", ("numeral", "qualifier")),
    Dimension("measure", "extractors.measure.rules", "extractors.measure.corpus", ("numeral", "qualifier")),
    Dimension("duration", "extractors.duration.rules", "extractors.duration.corpus", ("numeral", "qualifier")),
    Dimension("casualties", "extractors.casualties.rules", "extractors.casualties.corpus", ("numeral", "qualifier")),
    Dimension("personnel", "extractors.personnel.rules", "extractors.personnel.corpus", ("numeral", "qualifier")),
    Dimension("context", "extractors.context.rules", "extractors.context.corpus",
              ("money", "measure", "duration", "casualties", "personnel")),
)


def corpora():
    """(dimension name, corpus module) for every dimension, in order."""
    return [(d.name, import_module(d.corpus)) for d in DIMENSIONS]
