"""SARIF 2.1.0 for code-scanning views: one rule per verdict that needs a look (ids `tally/<verdict>`, stable),
one result per such figure with its physical location. Consistent figures are not alerts and are left out."""
import json
from importlib.metadata import version
from pathlib import PurePath

from schemas import Verdict
from service.check.formats.common import RULES, message, severity
from service.check.run import FileReport

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULE_VERDICTS = tuple(RULES)


def rule_id(verdict: Verdict) -> str:
    return f"tally/{verdict.value}"


def _uri(path: str) -> dict:
    """Relative paths stay relative to the checkout (%SRCROOT%), as code scanning expects."""
    p = PurePath(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": p.as_posix(), "uriBaseId": "%SRCROOT%"}


def render(reports: list[FileReport], fail_on: frozenset[Verdict]) -> str:
    rules = [{"id": rule_id(v), "name": v.value.capitalize(), "shortDescription": {"text": RULES[v]},
              "defaultConfiguration": {"level": severity(v, fail_on)}} for v in RULE_VERDICTS]
    results = []
    for r in reports:
        for f, p in r.located():
            level = severity(f.verdict, fail_on)
            if level is None:
                continue
            results.append({
                "ruleId": rule_id(f.verdict), "ruleIndex": RULE_VERDICTS.index(f.verdict), "level": level,
                "message": {"text": message(f)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": _uri(r.path),
                    "region": {"startLine": p.line, "startColumn": p.col, "endLine": p.end_line,
                               "endColumn": p.end_col, "snippet": {"text": f.claim.quote}},
                }}],
                "properties": {"topic": f.topic, "disagreesWith": f.disagrees_with},
            })
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "tally", "version": version("tally"), "rules": rules}},
        "results": results,
    }]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
