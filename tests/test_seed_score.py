"""The extractor scored with the project's own scorer (extractors.evaluation) on the seeds and the
dev set. Thresholds are the issue's targets for the seeds and a little below the level reached on dev."""
from pathlib import Path

import pytest

from extractors.evaluation import score_dir

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DEV = ROOT / "tests" / "data" / "dev"


@pytest.fixture(scope="module")
def seeds():
    return score_dir(SEEDS / "gold.jsonl", SEEDS, SEEDS / "articles.jsonl")


@pytest.fixture(scope="module")
def dev():
    return score_dir(DEV / "gold.jsonl", DEV, DEV / "articles.jsonl")


def test_seed_strict_f1(seeds):
    assert seeds["strict_p_r_f1"][2] >= 0.95, seeds


def test_seed_no_junk(seeds):
    assert seeds["junk_predictions"] == 0, seeds


def test_seed_attribution(seeds):
    assert seeds["field_accuracy"]["attribution"] >= 0.9, seeds


def test_seed_every_gold_figure_found(seeds):
    assert seeds["missed"] == []


def test_dev_strict_f1(dev):
    assert dev["strict_p_r_f1"][2] >= 0.95, dev


def test_dev_no_junk(dev):
    assert dev["junk_predictions"] == 0, dev


def test_dev_field_accuracy(dev):
    acc = dev["field_accuracy"]
    assert acc["interval"] >= 0.97 and acc["qualifier"] >= 0.97 and acc["kind"] >= 0.97, acc
    assert acc["attribution"] >= 0.8 and acc["as_of"] >= 0.95, acc
