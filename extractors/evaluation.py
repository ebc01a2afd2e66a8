"""Scoring of extracted figures against gold lines (spec/claims.md §6), in pure Python.

Mirrors the shared evaluation script's rules so that the project's own tests can score without
reading anything outside the repository: a prediction matches a gold figure when both are in the
same article and their spans overlap; strict = kind and interval right; optional figures and repeated
mentions count neither way; predictions on `not_a_figure` phrases are junk.
"""
from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path

_STOP = {"the", "of", "s", "and", "a", "an", "its"}
_DEMONYM = {"ukrainian": "ukraine", "korean": "korea", "russian": "russia",
            "american": "us", "libyan": "libya", "british": "uk"}
FIELDS = ("kind", "interval", "qualifier", "unit", "attribution", "as_of")


def norm_name(s: str | None) -> list[str]:
    """Words of a source name, lower-cased, stop words dropped, demonyms to countries."""
    s = (s or "").lower().replace("’", "'").replace("'s", "")
    s = s.replace("united states", "us").replace("u.s.", "us")
    words = re.sub(r"[^a-z0-9 ]", " ", s).split()
    return [_DEMONYM.get(w, w) for w in words if w not in _STOP]


def same_source(gold: str, pred: str) -> bool:
    """Same asserting source: most of gold's words, or gold's acronym ("NIS")."""
    g, p = norm_name(gold), norm_name(pred)
    if not g or not p:
        return False
    if g == ["article"] or p == ["article"]:
        return g == p
    if len(p) == 1 and p[0] == "".join(w[0] for w in g if len(w) > 2)[-len(p[0]):]:
        return True
    return len(set(g) & set(p)) / len(set(g)) >= 0.6


def close(a: float | None, b: float | None) -> bool:
    """Equal within 1% (both None counts as equal)."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.01 * max(abs(a), abs(b), 1e-9)


def locate(gold: dict, texts: dict[str, str]) -> tuple[int, int]:
    """Span of a gold quote: its first occurrence after `quote_after`, if given."""
    t = texts[gold["article"]]
    start = 0
    if gold.get("quote_after"):
        i = t.find(gold["quote_after"])
        if i < 0:
            raise ValueError(f"quote_after not found: {gold}")
        start = i + len(gold["quote_after"])
    j = t.find(gold["quote"], start)
    if j < 0:
        raise ValueError(f"quote not found: {gold}")
    return j, j + len(gold["quote"])


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def score(gold_lines: list[dict], texts: dict[str, str], preds: list[dict]) -> dict:
    """Span, value and strict P/R/F1, junk, field accuracies and topic-pair P/R/F1."""
    required, optional, junk = [], [], []
    for g in gold_lines:
        if g["article"] not in texts:
            continue
        g = dict(g, _span=locate(g, texts))
        if g["kind"] == "not_a_figure":
            junk.append(g)
        elif g.get("optional") or g.get("mention_of"):
            optional.append(g)
        else:
            required.append(g)
    preds = [p for p in preds if p.get("article") in texts]
    matched: dict[int, dict] = {}
    fp = junk_preds = 0
    junk_hit: set[int] = set()
    for p in preds:
        span = tuple(p["span"])
        hit = [i for i, g in enumerate(required) if g["article"] == p["article"] and _overlaps(g["_span"], span)]
        if hit:
            if hit[0] in matched:
                fp += 1
            else:
                matched[hit[0]] = p
            continue
        if any(g["article"] == p["article"] and _overlaps(g["_span"], span) for g in optional):
            continue
        fp += 1
        hits = [k for k, g in enumerate(junk) if g["article"] == p["article"] and _overlaps(g["_span"], span)]
        junk_preds += bool(hits)
        junk_hit.update(hits)
    fn = len(required) - len(matched)
    fields = {k: [0, 0] for k in FIELDS}
    strict_tp = value_tp = 0
    for i, p in matched.items():
        g = required[i]
        ok_kind = p.get("kind") == g["kind"]
        ok_int = close(p.get("low"), g["low"]) and close(p.get("high"), g["high"])
        checks = (("kind", ok_kind), ("interval", ok_int), ("qualifier", p.get("qualifier") == g["qualifier"]),
                  ("unit", (p.get("unit") or "").lower() == (g["unit"] or "").lower()),
                  ("attribution", same_source(g["attribution"], p.get("attribution") or "")))
        for k, ok in checks:
            fields[k][0] += ok
            fields[k][1] += 1
        if g.get("as_of"):
            fields["as_of"][0] += str(p.get("as_of") or "").startswith(g["as_of"][:7])
            fields["as_of"][1] += 1
        strict_tp += ok_kind and ok_int
        value_tp += ok_int
    wrong = len(matched) - strict_tp
    strict = prf(strict_tp, fp + wrong, fn + wrong)
    wrong = len(matched) - value_tp
    value = prf(value_tp, fp + wrong, fn + wrong)
    same_g = same_p = both = 0
    for (i, p), (j, q) in combinations(matched.items(), 2):
        sg = required[i]["topic"] == required[j]["topic"]
        sp = bool(p.get("topic")) and p.get("topic") == q.get("topic")
        same_g += sg
        same_p += sp
        both += sg and sp
    return {
        "required": len(required), "predicted": len(preds), "matched": len(matched),
        "span_p_r_f1": prf(len(matched), fp, fn), "value_p_r_f1": value, "strict_p_r_f1": strict,
        "junk_predictions": junk_preds, "junk_phrases_hit": len(junk_hit), "junk_phrases": len(junk),
        "field_accuracy": {k: (round(a / n, 3) if n else None) for k, (a, n) in fields.items()},
        "topic_pair_p_r_f1": prf(both, same_p - both, same_g - both),
        "missed": [f'{required[i]["article"]}:{required[i]["quote"]}' for i in range(len(required)) if i not in matched],
    }


def predict_dir(texts_dir: Path, articles_jsonl: Path) -> tuple[dict[str, str], list[dict]]:
    """Run the extractor over every `*.txt` of a directory: (texts by file name, prediction lines)."""
    from extractors import extract

    published: dict[str, str | None] = {}
    for line in Path(articles_jsonl).read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            published[a["id"]] = a.get("published")
            published[Path(a["id"]).stem] = a.get("published")
    texts, preds = {}, []
    for path in sorted(Path(texts_dir).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts[path.name] = text
        pub = published.get(path.name, published.get(path.stem))
        for claim in extract(text, published=pub):
            d = claim.model_dump(mode="json")
            d["article"] = path.name
            preds.append(d)
    return texts, preds


def score_dir(gold_jsonl: Path, texts_dir: Path, articles_jsonl: Path) -> dict:
    """Extract a directory of articles and score it against a gold file."""
    gold = [json.loads(l) for l in Path(gold_jsonl).read_text(encoding="utf-8").splitlines() if l.strip()]
    texts, preds = predict_dir(texts_dir, articles_jsonl)
    return score(gold, texts, preds)
