"""Topic pair F1 of the real extractor's output (extractors.evaluation): figures a reader would compare
must share a key across articles, and different quantities must not. Thresholds sit a little under the
level reached, so that a change which splits or merges topics shows up here."""
from pathlib import Path

import pytest

from extractors.evaluation import score_dir

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DEV = ROOT / "tests" / "data" / "dev"


@pytest.mark.parametrize("corpus,threshold", [(SEEDS, 0.95), (DEV, 0.34)], ids=["seeds", "dev"])
def test_topic_pair_f1(corpus, threshold):
    result = score_dir(corpus / "gold.jsonl", corpus, corpus / "articles.jsonl")
    assert result["topic_pair_p_r_f1"][2] >= threshold, result["topic_pair_p_r_f1"]
