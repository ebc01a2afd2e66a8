"""The project's scorer (extractors.evaluation) follows the shared evaluation rules: overlap matching,
duplicates and strays are false positives, optional lines and repeat mentions count neither way,
junk is counted on not_a_figure phrases."""
from extractors.evaluation import close, same_source, score

TEXT = {"a.txt": "At least 300 died. Article 4 applies. Some 10,000 troops and nine soldiers. Nine soldiers again."}
GOLD = [
    {"article": "a.txt", "quote": "At least 300", "kind": "casualties", "low": 300, "high": None, "qualifier": "at_least",
     "unit": "person", "attribution": "article", "topic": "t1", "as_of": "2025-03-03"},
    {"article": "a.txt", "quote": "Some 10,000", "kind": "personnel", "low": 9000, "high": 11000,
     "qualifier": "approximately", "unit": "person", "attribution": "Pentagon", "topic": "t2"},
    {"article": "a.txt", "quote": "nine", "kind": "personnel", "low": 9, "high": 9, "qualifier": "exact", "unit": "person",
     "attribution": "article", "topic": "t2", "optional": True},
    {"article": "a.txt", "quote": "Nine", "quote_after": "soldiers.", "kind": "personnel", "low": 9, "high": 9,
     "qualifier": "exact", "unit": "person", "attribution": "article", "topic": "t2", "mention_of": 2},
    {"article": "a.txt", "quote": "Article 4", "kind": "not_a_figure"},
]


def pred(quote, after=None, **kw):
    t = TEXT["a.txt"]
    s = t.find(quote, t.find(after) + len(after) if after else 0)
    return {"article": "a.txt", "span": [s, s + len(quote)], **kw}


def test_perfect_and_ignored_lines():
    preds = [pred("At least 300", kind="casualties", low=300, high=None, qualifier="at_least", unit="person",
                  attribution="article", as_of="2025-03-03"),
             pred("Some 10,000", kind="personnel", low=9000, high=11000, qualifier="approximately", unit="person",
                  attribution="the Pentagon"),
             pred("nine", kind="personnel", low=9, high=9), pred("Nine", "soldiers.", kind="personnel", low=9, high=9)]
    r = score(GOLD, TEXT, preds)
    assert r["strict_p_r_f1"] == (1.0, 1.0, 1.0)
    assert r["field_accuracy"]["attribution"] == 1.0 and r["field_accuracy"]["as_of"] == 1.0


def test_junk_duplicates_and_wrong_kind():
    preds = [pred("At least 300", kind="personnel", low=300, high=None),
             pred("300", kind="casualties", low=300, high=None),
             pred("4", kind="count", low=4, high=4)]
    r = score(GOLD, TEXT, preds)
    assert r["junk_predictions"] == 1 and r["matched"] == 1
    assert r["span_p_r_f1"] == (0.333, 0.5, 0.4)
    assert r["strict_p_r_f1"][2] == 0.0
    assert r["missed"] == ["a.txt:Some 10,000"]


def test_names_and_numbers():
    assert same_source("South Korea National Intelligence Service", "NIS")
    assert same_source("Tavrin Health Ministry", "Health Ministry")
    assert not same_source("article", "Pentagon")
    assert close(121.75, 121.8) and not close(None, 3) and close(None, None)
