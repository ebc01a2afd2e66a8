"""Attribution rules (claims.md §4): who the sentence says a figure comes from.

Source cues found in a sentence, each with its position: "according to X", "estimates by X",
"X's figures", "X, citing Y,", "X said/estimated/confirmed/told ...", "..., said X". A figure takes the
nearest cue of its own clause, else of its sentence. Pronouns and generic heads ("he", "the agency")
refer back to the last source named in the article; an official speaking for a body gives the body
with the speaker in `via`; a relay ("X said Y had told ...") keeps the origin Y, via X.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

VERBS = (r"said|says|say|stated|states|estimated|estimates|estimate|confirmed|confirms|confirm|reported|"
         r"reports|report|told|tells|announced|announces|added|adds|put|puts|counted|counts|claimed|claims|"
         r"claim|believes|believe|warned|warns|wrote|writes|recorded|records|registered|insisted|insists|"
         r"admitted|acknowledged|noted|notes|revealed|disclosed|calculated|calculates|"
         r"showed|show|shows|indicated|indicate|indicates|explained|declared|predicted|predicts|forecast|"
         r"forecasts|expects|expected|argued|argue|argues|told\s+\w+")
_AUX = r"(?:\s+(?:has|have|had|also|now|again|previously|earlier|initially|officially|publicly|first|later|then|already|separately|still|jointly|on\s+[A-Z]\w+|last\s+\w+|this\s+\w+|on\s+\w+\s+(?:night|morning|evening)|in\s+a\s+statement|in\s+\w+\s+statement))*"
_VERB_RX = re.compile(rf"\b(?:{VERBS})\b")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:(?:estimates|figures|data|a\s+report|reports|a\s+statement|statements|a\s+count|a\s+tally)\s+(?:by|from|of)\s+)?([^,.;:()\"“”]+)", re.I)
_BY = re.compile(r"\b(?:estimates|figures|data|reports|statements|a\s+report|a\s+statement|a\s+survey|a\s+count|a\s+tally|intelligence\s+reports|calculations)\s+(?:by|from)\s+((?:[^,.;:()\"“”]|,\s+(?=(?:and\s+)?[A-Z]))+?)(?=\s+(?:that|which|who|suggest|suggests|show|shows|say|says|said|put|puts|estimate|estimates|indicate|indicated|had|have|has)\b|[,.;:](?!\s+(?:and\s+)?[A-Z])|$)", re.I)
_POSSESSIVE = re.compile(r"((?:[A-Z][\w&.-]*\s+){0,5}[A-Z][\w&.-]*)['’]s\s+(?:own\s+)?(?:estimates?|figures?|count|tally|data|numbers|report|calculations?)\b")
_CITING = re.compile(r"([^,;:]+?),\s+citing\s+([^,;:]+?),\s+(?:" + VERBS + r")\b", re.I)
_INVERTED = re.compile(r"[,'’\"”]\s*(?:said|says|added|adds|wrote|writes|told\s+\w+)\s+((?:[a-z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")
_RELAY = re.compile(r"^\s+(?:that\s+)?(?:the\s+)?((?:[A-Z][\w'’&-]*\s+){0,5}[A-Z][\w'’&-]*)\s+(?:had\s+)?(?:told|briefed|informed)\b")

PRONOUNS = frozenset("he she they it we i".split())
SOURCE_NOUNS = frozenset("""officials official intelligence agencies agency sources source analysts analyst experts
expert authorities authority scientists mediators engineers workers families critics groups group commanders
officers union ministry service government company researchers monitors observers organisers organizers police
spokesperson spokesman spokeswoman minister chairman chairwoman steward nurse doctors doctor negotiator negotiators
diplomats diplomat economists economist residents witnesses witness campaigners activists organisation
organization council committee office department institute front chamber association bank report memo survey
rebels army military military's coastguard operators operator owner owners insurers insurer lawyers lawyer
prosecutors prosecutor investigators investigator estimates statement firm consultancy trust club charity
mission ngo watchdog regulator airline federation league management staff employers farmers""".split())
LINK = frozenset("of and & for on at in de".split())
ADJ = frozenset("""international provincial local opposition regional federal national western foreign military
senior independent humanitarian state health interior defence defense emergency civil internal annual latest
preliminary official unnamed anonymous top chief""".split())
GENERIC_BODY = frozenset("""agency service ministry company union mission authority club group government
organisation organization bank police council committee office department institute front chamber association
firm consultancy trust charity coastguard army military owner rebels shipowner operator watchdog regulator
airline federation league court""".split())
TITLES = re.compile(r"^(?P<body>.*?)\s*\b(?P<title>Minister|minister|spokesperson|spokesman|spokeswoman|chief|chairman|chairwoman|director|head|official|secretary|commander|steward|president|CEO|chief\s+executive|analyst|epidemiologist|representative|general\s+secretary|Secretary|Director|Chairman|Commissioner|commissioner|coordinator|Coordinator|officer|manager|Spokesperson|Spokesman|leader|Leader|mayor|Mayor|governor|Governor|nurse|doctor|Dr\.?|MP|lawmaker|senator|Senator|imam|Imam|General|Gen\.|Colonel|Col\.)\s+(?P<name>(?:[A-Z][\w'’-]*\.?\s*){1,4})$")
_HEADS = re.compile(r"\b(?:prime|leader|president|mayor|governor|MP|lawmaker|senator|imam|nurse|doctor|Dr)\b", re.I)


@dataclass(frozen=True)
class SourceCue:
    """A source named in a sentence: where its cue is, the name, the relay, the cue's rule."""

    pos: int
    name: str
    via: str | None
    rule: str


def _clean(np: str) -> str:
    np = re.sub(r"\s+", " ", np).strip(" ,'’\"“”")
    np = re.sub(r"^(?:both|the|a|an|and|of)\s+", "", np, flags=re.I)
    np = re.sub(r"^(?:the|both)\s+", "", np, flags=re.I)
    np = re.sub(r"\s+(?:estimates?|figures|data|reports?|statements?|sources)$", lambda m: m.group(0) if np.lower().endswith(("western sources",)) else "", np)
    return np.strip()


def _np_before(prefix: str) -> str:
    """The noun phrase that ends `prefix` (the subject of a verb that follows)."""
    prefix = re.sub(r",\s*\d{1,3}\s*,\s*$", " ", prefix)  # "Lidia Horak, 45, said"
    prefix = re.sub(_AUX + r"\s*$", "", prefix)
    toks = re.findall(r"[\w'’&.-]+|,", prefix)
    out: list[str] = []
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        tl = t.lower().strip("'’")
        if not out and tl in PRONOUNS:
            return tl
        if t == ",":
            # a list of sources: "South Korean, Ukrainian, and Western sources"
            if out and i > 0 and toks[i - 1][:1].isupper() and any(w.lower() in SOURCE_NOUNS for w in out):
                out.append(",")
                continue
            break
        if tl in ("the", "both"):
            break
        if t[:1].isupper() or tl in SOURCE_NOUNS or tl in LINK or tl in ADJ or tl.endswith(("'s", "’s", "s'")) and t[:1].isupper():
            out.append(t)
            continue
        break
    while out and (out[-1].lower() in LINK or out[-1] == ","):
        out.pop()
    while out and (out[0].lower() in LINK or out[0] == ","):
        out.pop(0)
    np = " ".join(reversed(out)).replace(" ,", ",")
    if not np or not (re.search(r"[A-Z]", np) or any(w.lower() in SOURCE_NOUNS for w in out)):
        return ""
    if np.split()[0] in ("In", "On", "At", "By", "For", "But", "And", "While", "As", "If", "When", "After", "Before", "Since", "Most"):
        parts = np.split()
        np = " ".join(parts[1:])
    return np


def _split_title(np: str) -> tuple[str, str | None]:
    """"Health Minister Idris Malek" -> ("Health Ministry", "Idris Malek"); heads of government speak for themselves."""
    m = TITLES.match(np)
    if not m:
        return np, None
    body, title, name = m.group("body").strip(), m.group("title"), m.group("name").strip()
    if _HEADS.search(title) or re.search(r"\bPrime\b", body) or not body:
        return name, None
    if title.lower() == "minister":
        return f"{body} Ministry", name
    return body, name


def find_cues(sentence: str) -> list[SourceCue]:
    """Every source cue of one sentence (positions relative to the sentence)."""
    cues: list[SourceCue] = []
    for m in _CITING.finditer(sentence):
        relay = _np_before(m.group(1) + " ")
        origin = _clean(m.group(2))
        if origin:
            cues.append(SourceCue(m.start(2), origin, _clean(relay) or None, "attribution:X, citing Y,"))
    for m in _ACCORDING.finditer(sentence):
        name = _clean(re.split(r"\s+(?:that|which|who|and\s+(?:a|an|the)\s+\w+\s+(?:of|in))\b", m.group(1))[0])
        if name:
            cues.append(SourceCue(m.start(), name, None, "attribution:according to X"))
    for m in _BY.finditer(sentence):
        name = _clean(m.group(1))
        if name:
            cues.append(SourceCue(m.start(), name, None, "attribution:estimates by X"))
    for m in _POSSESSIVE.finditer(sentence):
        cues.append(SourceCue(m.start(), _clean(m.group(1)), None, "attribution:X's figures"))
    for m in _INVERTED.finditer(sentence):
        name = _clean(m.group(1))
        if name and not name.lower().startswith(("the ", "that")):
            cues.append(SourceCue(m.start(), name, None, "attribution:..., said X"))
    spans = [m.span() for rx in (_CITING, _ACCORDING, _BY, _POSSESSIVE) for m in rx.finditer(sentence)]
    for m in _VERB_RX.finditer(sentence):
        if any(s <= m.start() < e for s, e in spans):
            continue
        if any(c.pos <= m.start() <= c.pos + 80 and c.rule != "attribution:X said" for c in cues if c.rule == "attribution:X, citing Y,"):
            continue
        np = _np_before(sentence[:m.start()])
        if not np:
            continue
        relay = _RELAY.match(sentence[m.end():])
        if relay:
            cues.append(SourceCue(m.start(), _clean(relay.group(1)), np, "attribution:X said Y told"))
        else:
            cues.append(SourceCue(m.start(), np, None, "attribution:X said"))
    return cues


def _clause_bounds(sentence: str, pos: int) -> tuple[int, int]:
    cuts = [0] + [m.end() for m in re.finditer(r";|,\s+(?:while|whereas|but)\b|\s+but\s+|\s+while\s+", sentence)] + [len(sentence)]
    lo = max(c for c in cuts if c <= pos)
    hi = min([c for c in cuts if c > pos] or [len(sentence)])
    return lo, hi


def choose(cues: list[SourceCue], sentence: str, pos: int) -> SourceCue | None:
    """The cue a figure at `pos` takes: nearest in its clause, else a sentence-wide one."""
    if not cues:
        return None
    lo, hi = _clause_bounds(sentence, pos)
    inside = [c for c in cues if lo <= c.pos < hi]
    pool = inside or [c for c in cues if c.rule in ("attribution:..., said X", "attribution:according to X") or c.pos < lo] or cues
    return min(pool, key=lambda c: (abs(c.pos - pos), c.rule != "attribution:X, citing Y,"))


class Resolver:
    """Turns a cue's raw name into a source, resolving back-references against earlier sources
    of the same article. One per article; holds the article's history (not global state)."""

    def __init__(self, text: str):
        self.text = text
        self.history: list[tuple[str, str | None]] = []

    def note(self, name: str, via: str | None) -> None:
        self.history.append((name, via))

    def resolve(self, cue: SourceCue, offset: int) -> tuple[str, str | None]:
        raw = cue.name
        low = raw.lower()
        first = low.split()[0] if low.split() else ""
        if low in PRONOUNS or first in ("its", "their", "his", "her"):
            if self.history:
                return self.history[-1]
            if low in ("he", "she"):
                person = self._last_person(offset)
                if person:
                    return person, None
            return "article", None
        generic = re.fullmatch(r"(?:the\s+)?(\w+)(?:\s+also)?", low)
        if generic and generic.group(1) in GENERIC_BODY and self.history:
            word = generic.group(1)
            for name, via in reversed(self.history):
                if word in name.lower():
                    return name, via
            return self.history[-1]
        name, via = _split_title(raw)
        if via is None and cue.via:
            via_name, _ = _split_title(cue.via)
            via = cue.via if via_name == cue.via else cue.via
        if name.lower() in GENERIC_BODY | {"union", "ministry"} or re.fullmatch(r"\w+", name.lower() or "x") and name.lower() in GENERIC_BODY:
            for prev, _ in reversed(self.history):
                if name.lower() in prev.lower():
                    return prev, via
        full = self._expand(name, offset)
        return full, via

    def _expand(self, name: str, offset: int) -> str:
        """"Kim" -> "Kim Jong Un" when the article named the person in full before."""
        if " " in name or not name[:1].isupper():
            return name
        m = re.search(rf"\b{re.escape(name)}(?:\s+[A-Z][a-z]+){{1,3}}\b", self.text[:offset])
        return m.group(0) if m else name

    def _last_person(self, offset: int) -> str | None:
        before = self.text[max(0, offset - 3000):offset]
        names = re.findall(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})\s+(?:has\s+|had\s+|also\s+|personally\s+)?(?:[a-z]+ed|said|says|told)\b", before)
        names = [n for n in names if n.split()[0] not in ("The", "In", "On", "A", "This", "That", "It", "But", "And")]
        if not names:
            return None
        return self._expand(names[-1], offset)
