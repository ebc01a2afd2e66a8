"""JUnit XML, which most CI systems display as a test report: one testcase per figure, a failure per
failing verdict, one testsuite per file."""
import xml.etree.ElementTree as ET

from schemas import Verdict
from service.check.formats.common import message
from service.check.run import FileReport


def render(reports: list[FileReport], fail_on: frozenset[Verdict]) -> str:
    root = ET.Element("testsuites", name="tally check")
    total = failures = 0
    for r in reports:
        suite = ET.SubElement(root, "testsuite", name=r.path)
        n_failed = 0
        for f, p in r.located():
            case = ET.SubElement(suite, "testcase", classname=r.path, file=r.path, line=str(p.line),
                                 name=f"line {p.line} col {p.col}: {f.claim.quote} ({f.topic or 'no topic'})")
            detail = message(f) + (f"\nDisagrees with: {', '.join(f.disagrees_with)}" if f.disagrees_with else "")
            if f.verdict in fail_on:
                n_failed += 1
                ET.SubElement(case, "failure", type=f.verdict.value, message=f.reason).text = detail
            else:
                ET.SubElement(case, "system-out").text = detail
        n = len(r.result.figures)
        suite.attrib.update(tests=str(n), failures=str(n_failed), errors="0", skipped="0")
        total += n
        failures += n_failed
    root.attrib.update(tests=str(total), failures=str(failures), errors="0")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
