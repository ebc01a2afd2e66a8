"""Generic runner for every dimension's corpus (extractors/*/corpus.py): positive examples must give
exactly the listed records (only the listed fields are compared), negative ones nothing. Known
failures carry `xfail` in the table and run as strict expected failures."""
import math

import pytest

from extractors import extract
from extractors.registry import corpora


def _cases():
    for dim, mod in corpora():
        for i, e in enumerate(list(mod.EXAMPLES) + list(mod.NEGATIVE)):
            kind = "neg" if e.negative else "pos"
            marks = [pytest.mark.xfail(reason=e.xfail, strict=True)] if e.xfail else []
            yield pytest.param(e, id=f"{dim}-{kind}-{i:03d}-{e.text[:40]}", marks=marks)


def _same(a, b) -> bool:
    if isinstance(b, float) or isinstance(b, int) and not isinstance(b, bool):
        return a is not None and math.isclose(float(a), float(b), rel_tol=0.005, abs_tol=1e-6)
    return a == b


@pytest.mark.parametrize("example", list(_cases()))
def test_corpus(example):
    claims = extract(example.text, published=example.published)
    if example.negative:
        assert claims == [], [c.quote for c in claims]
        return
    got = [c.model_dump(mode="json") for c in claims]
    assert len(got) == len(example.expected), [(c["quote"], c["kind"]) for c in got]
    for record, want in zip(got, example.expected):
        for key, value in want.items():
            assert _same(record.get(key), value), (key, record.get(key), value, record["quote"])
        assert example.text[record["span"][0]:record["span"][1]] == record["quote"]


def test_corpus_size():
    """The corpora hold at least 300 sentences, 80 of them negative."""
    pos = sum(len(m.EXAMPLES) for _, m in corpora())
    neg = sum(len(m.NEGATIVE) for _, m in corpora())
    assert pos + neg >= 300 and neg >= 80, (pos, neg)
