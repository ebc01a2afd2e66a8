"""Schemathesis fuzzes every operation of a live server from the committed spec: no 5xx, no answer off it.

The committed spec is the app's own (tests/test_foundation.py checks that), and loading it at collection
time gives one test per operation.
"""
import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from service.settings import Settings
from tests.api_helpers import live_server
from tests.conftest import ROOT, TEST_KEY, seed_articles

EXAMPLES_PER_OPERATION = 25

schema = schemathesis.openapi.from_path(ROOT / "openapi" / "openapi.json")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "tally.db"
    with live_server(Settings(database_url=f"sqlite:///{db}", api_keys=TEST_KEY)) as url:
        for article in seed_articles()[3:]:  # real topics and disagreements to read, not only 404s
            assert httpx.post(f"{url}/v1/articles", json=article, headers={"X-API-Key": TEST_KEY},
                              timeout=60).status_code == 201
        yield url


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_answers_every_generated_request_within_its_schema(case, base_url):
    """All built-in checks but one: a schema-valid `cursor` or id may still name nothing (a 422 or 404 is right)."""
    case.call_and_validate(base_url=base_url, headers={"X-API-Key": TEST_KEY}, timeout=60,
                           excluded_checks=[positive_data_acceptance])
