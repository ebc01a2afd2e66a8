"""Topic keys, the catalog, and the gazetteers (actors, places, source aliases): tables of input -> expected."""
import json
from pathlib import Path

import pytest

from extractors.gazetteer import (
    actor_of,
    canonical_source,
    country_of,
    load_source_aliases,
    place_of,
)
from extractors.topic import article_context, assign_topic, assign_topics, load_catalog, raw_topic
from schemas import Claim

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _claim(kind="personnel", subject="", location=None, unit="person", per=None, casualty=None, sentence="",
           attribution="article") -> Claim:
    return Claim(kind=kind, casualty_type=casualty, subject=subject, location=location, unit=unit, per=per,
                 attribution=attribution, sentence=sentence, span=[0, 1], quote="1", value=1, low=1, high=1)


def _seed_rows():
    rows = [json.loads(l) for l in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    return [r for r in rows if r["kind"] != "not_a_figure" and not r.get("optional") and not r.get("mention_of")]


@pytest.mark.parametrize("row", _seed_rows(), ids=lambda r: f"{r['article'][:3]}:{r['quote']}")
def test_seed_claims_get_their_gold_topic(row):
    fields = {k: row[k] for k in ("kind", "casualty_type", "value", "low", "high", "qualifier", "unit", "per",
                                  "subject", "location", "attribution", "hedged", "as_of")}
    key, label = assign_topic(Claim(**fields, span=[0, 1], quote=row["quote"]))
    assert key == row["topic"] and label


KEYS = [  # (claim, generated key): from kind, casualty type, actor, unit, theatre and per, not from a list
    (_claim(subject="North Korean troops sent to Russia", location="Kursk region"), "dprk-troops-in-russia"),
    (_claim(subject="Pyongyang's soldiers", location="Kursk"), "dprk-troops-in-russia"),
    (_claim(subject="KPA troops", location="Kursk oblast"), "dprk-troops-in-russia"),
    (_claim(subject="DPRK forces", location="Russia"), "dprk-troops-in-russia"),
    (_claim(subject="troops", sentence="Pyongyang sent over 10,000 troops to Russia, South Korea's spy agency said.",
            attribution="South Korea National Intelligence Service"), "dprk-troops-in-russia"),
    (_claim(kind="casualties", casualty="killed", subject="North Korean soldiers", location="Kursk region"),
     "dprk-killed-in-russia"),
    (_claim(kind="casualties", casualty="wounded", subject="Russian soldiers", location="Donetsk"),
     "russia-wounded-in-ukraine"),
    (_claim(kind="casualties", casualty="killed", subject="people killed in the Tavrin earthquake",
            location="Tavrin province"), "tavrin-earthquake-killed"),
    (_claim(kind="count", subject="jobs Veltra plans to cut", unit="job"), "veltra-jobs"),
    (_claim(kind="personnel", subject="dockworkers on strike at Brackport"), "brackport-dockworkers"),
    (_claim(kind="money", subject="payment to Pyongyang per North Korean soldier", unit="USD", per="soldier"),
     "dprk-pay-per-soldier"),
    (_claim(kind="money", subject="ransom paid for the Orla Dawn crew", unit="USD"), "orla-dawn-crew-ransom-paid"),
    (_claim(kind="measure", subject="area burned by the Carrow Ridge fire", unit="hectare"),
     "carrow-ridge-fire-area-burned"),
]


@pytest.mark.parametrize("claim,key", KEYS, ids=[k for _, k in KEYS])
def test_topic_keys_are_built_from_the_record(claim, key):
    assert assign_topic(claim)[0] == key


def test_catalog_names_and_merges():
    catalog = load_catalog()
    assert raw_topic(_claim(subject="total North Korean troop involvement"))[0] == "dprk-troops"
    assert assign_topic(_claim(subject="total North Korean troop involvement")) == (
        "dprk-troops-in-russia", "North Korean troops in Russia")
    assert catalog.parent("dprk-528th-regiment-killed") == "dprk-killed-in-russia"
    assert catalog.related("dprk-killed-in-russia", "dprk-528th-regiment-killed") == "dprk-528th-regiment-killed"
    assert catalog.related("tavrin-quake-killed", "tavrin-quake-killed-kol-dara") == "tavrin-quake-killed-kol-dara"
    assert catalog.related("tavrin-quake-killed", "tavrin-quake-injured") is None


def test_an_extra_catalog_file_adds_names_and_aliases(tmp_path):
    extra = tmp_path / "catalog.yaml"
    extra.write_text("topics:\n  tavrin-quake-killed:\n    label: Tavrin earthquake death toll\n"
                     "    aliases: [tavrin-earthquake-killed]\n", encoding="utf-8")
    c = _claim(kind="casualties", casualty="killed", subject="people killed in the Tavrin earthquake")
    assert assign_topic(c, catalog_path=extra) == ("tavrin-quake-killed", "Tavrin earthquake death toll")
    assert assign_topic(c)[0] == "tavrin-earthquake-killed"  # the shipped catalog is untouched


SOURCES = [  # (name as written, canonical source)
    ("NIS", "South Korea National Intelligence Service"),
    ("South Korea's spy agency", "South Korea National Intelligence Service"),
    ("South Korea’s spy agency", "South Korea National Intelligence Service"),
    ("Seoul's National Intelligence Service", "South Korea National Intelligence Service"),
    ("the Pentagon", "Pentagon"),
    ("U.S. Department of Defense", "Pentagon"),
    ("UN refugee agency", "UNHCR"),
    ("Tavrin Health Ministry", "Tavrin Health Ministry"),
    ("  Civic   Watch ", "Civic Watch"),
    ("", "article"),
]


@pytest.mark.parametrize("name,canonical", SOURCES, ids=[n or "<empty>" for n, _ in SOURCES])
def test_canonical_source(name, canonical):
    assert canonical_source(name) == canonical


def test_an_extra_alias_file_extends_the_table(tmp_path):
    extra = tmp_path / "aliases.yaml"
    extra.write_text("sources:\n  Tavrin Health Ministry:\n    - Health Ministry of Tavrin\n    - Idris Malek's ministry\n",
                     encoding="utf-8")
    assert canonical_source("Health Ministry of Tavrin", aliases=extra) == "Tavrin Health Ministry"
    assert canonical_source("NIS", aliases=extra) == "South Korea National Intelligence Service"
    assert canonical_source("Health Ministry of Tavrin") == "Health Ministry of Tavrin"
    assert load_source_aliases() is load_source_aliases()  # loaded once


ACTORS = [("North Korean soldiers", "dprk"), ("Pyongyang's troops", "dprk"), ("KPA units", "dprk"),
          ("DPRK forces", "dprk"), ("South Korean intelligence", "rok"), ("Ukrainian drones", "ukraine"),
          ("told us the figure", None), ("US troops", "usa"), ("people in Brackport", None)]


@pytest.mark.parametrize("text,slug", ACTORS, ids=[t for t, _ in ACTORS])
def test_actor_of(text, slug):
    actor = actor_of(text)
    assert (actor.slug if actor else None) == slug


PLACES = [("Kursk region", "russia", "Russia"), ("Kursk", "russia", "Russia"), ("Donetsk", "ukraine", "Ukraine"),
          ("Pyongyang", "dprk", "North Korea"), ("Tavrin province", None, None)]


@pytest.mark.parametrize("place,slug,country", PLACES, ids=[p for p, *_ in PLACES])
def test_place_of_and_country_of(place, slug, country):
    assert (place_of(place), country_of(place)) == (slug, country)


def _in(text, quote, **fields):
    """A claim of `text` whose quote and sentence are found in it."""
    sentence = next(s for s in text.replace("\n", " ").split(". ") if quote in s)
    return _claim(sentence=sentence, **fields).model_copy(update={"quote": quote})


ARTICLE = ("Quake toll in Tavrin rises\nRescuers in Tavrin dug through rubble on Monday. The Health Ministry said "
           "458 people had died. Health Minister Idris Malek said 2,013 were injured, the Civil Protection "
           "Service said.")


def test_article_context_names_the_story_not_its_sources_or_people():
    context = article_context(ARTICLE, ["Health Ministry", "Civil Protection Service"])
    assert context.name == "tavrin"


def test_assign_topics_takes_the_story_from_the_article():
    killed = _in(ARTICLE, "458", kind="casualties", casualty="killed", subject="people")
    (claim,) = assign_topics([killed], ARTICLE)
    assert claim.topic == "tavrin-killed"
    assert assign_topic(killed)[0] == "killed"  # a claim alone has no story


def test_assign_topics_takes_the_actor_and_the_unit_from_the_article():
    text = ("North Korea sent troops. North Korea's 528th Regiment returned. North Korean engineers cleared mines. "
            "The unit served an approximately 120-day deployment.")
    duration = _in(text, "approximately 120-day", kind="duration", unit="day")
    troops = _in("Over 10,000 troops were sent to Russia, South Korea's spy agency said.", "Over 10,000",
                 subject="troops", attribution="South Korea National Intelligence Service")
    assert assign_topics([duration], text)[0].topic == "dprk-528th-regiment-deployment-duration"
    assert assign_topics([troops], text)[0].topic == "dprk-troops-in-russia"


def test_areas_in_two_units_are_one_topic():
    text = "The Carrow fire has burned 61,000 acres, or about 24,700 hectares, in Carrow."
    acres = _in(text, "61,000 acres", kind="measure", unit="acre")
    hectares = _in(text, "about 24,700 hectares", kind="measure", unit="hectare")
    assert {c.topic for c in assign_topics([acres, hectares], text)} == {"carrow-area"}
