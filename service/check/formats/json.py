"""The CheckResult of each file, keyed by path: for scripts."""
import json

from schemas import Verdict
from service.check.run import FileReport


def render(reports: list[FileReport], fail_on: frozenset[Verdict]) -> str:
    return json.dumps({r.path: r.result.model_dump(mode="json") for r in reports}, indent=2, ensure_ascii=False)
