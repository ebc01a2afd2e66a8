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
WEAK_VERBS = (r"certified|published|released|issued|found|finds|raised|revised|lowered|asked|accused|offered|"
              r"voted|agreed|approved|decided|promised|recorded|tabled|demanded|demands")
_VERB_RX = re.compile(rf"\b(?:{VERBS})\b")
_ADJECTIVAL = re.compile(r"\b(?:an?|the|some)\s+estimated\b|\breported\s+(?:deployment|presence|figure|number|cases)", re.I)
_WEAK_RX = re.compile(rf"\b(?:{WEAK_VERBS})\b")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:(?:(?:preliminary|final|official|latest|new|its|the)\s+)?(?:results|estimates|figures|data|a\s+report|reports|a\s+statement|statements|a\s+count|a\s+tally)\s+(?:by|from|of)\s+)?([^,.;:()\"“”]+)", re.I)
_BY = re.compile(r"\b(?:estimates|figures|data|reports|statements|a\s+report|a\s+statement|a\s+survey|a\s+count|a\s+tally|intelligence\s+reports|calculations)\s+(?:by|from)\s+((?:[^,.;:()\"“”]|,\s+(?=(?:and\s+)?[A-Z]))+?)(?=\s+(?:that|which|who|suggest|suggests|show|shows|say|says|said|put|puts|estimate|estimates|indicate|indicated|had|have|has|are|is|was|were)\b|[,.;:](?!\s+(?:and\s+)?[A-Z])|$)", re.I)
_POSSESSIVE = re.compile(r"((?:[A-Z][\w&.-]*\s+){0,5}[A-Z][\w&.-]*)['’]s\s+(?:own\s+)?(?:estimates?|figures?|count|tally|data|numbers|report|calculations?)\b")
_CITING = re.compile(r",\s+(?:citing|briefed\s+by|quoting)\s+([^,;:]{1,80}?),\s+(?:" + VERBS + r")\b", re.I)
_ANON = re.compile(r"\b(?:an?|the)\s+((?:[\w-]+\s+){0,2}(?:negotiator|official|source|diplomat|person|people|officials|sources|diplomats)\s+(?:close\s+to|familiar\s+with|with\s+knowledge\s+of)\s+the\s+\w+)\s*$")
_APPOSITIVE = re.compile(r"((?:[A-Z][\w&-]*\s+){0,4}[A-Z][\w&-]*|the\s+\w+)['’]s\s+(?:spokesman|spokeswoman|spokesperson|director|chairman|chairwoman|head|chief|leader|commander|secretary)\s*,\s*((?:[A-Z][\w'’-]*\s*){1,4}),\s*$")
_INVERTED = re.compile(r"[,'’\"”]\s*(?:said|says|added|adds|wrote|writes|told\s+\w+)\s+((?:[a-z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})(?=\s*(?:[,.;:!?'’\"”]|$))")
_RELAY = re.compile(r"^\s+(?:that\s+)?(?:the\s+)?((?:[A-Z][\w'’&-]*\s+){0,5}[A-Z][\w'’&-]*)\s+(?:had\s+)?(?:told|briefed|informed)\b")

PRONOUNS = frozenset("he she they it we i".split())
PEOPLE = frozenset("families residents sailors workers farmers relatives survivors witnesses parents villagers".split())
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten".split())
STOPWORDS = frozenset("""the a an and or but that which who of in on at to for with by from as is are was were
has have had be been this these those its their his her it they we he she said says while whereas yet as
when if although though after before since because so then""".split())
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
TITLES = re.compile(r"^(?P<body>.*?)\s*\b(?P<title>Minister|minister|spokesperson|spokesman|spokeswoman|chief|chairman|chairwoman|director|head|official|secretary|commander|steward|president|CEO|chief\s+executive|analyst|epidemiologist|representative|general\s+secretary|Secretary|Director|Chairman|Commissioner|commissioner|coordinator|Coordinator|officer|manager|Spokesperson|Spokesman|leader|Leader|mayor|Mayor|governor|Governor|nurse|doctor|Dr\.?|MP|lawmaker|senator|Senator|imam|Imam|General|Gen\.|Colonel|Col\.)\s+(?P<name>[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?){1,3})$")
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
    prefix = prefix[-160:]
    prefix = re.sub(r",\s*\d{1,3}\s*,\s*$", ", ", prefix)  # "Lidia Horak, 45, said"
    prefix = re.sub(_AUX + r"\s*$", "", prefix)
    prefix = re.sub(r",\s+(?:the|a|an|whose|which|who)\b[^,]*(?:,\d{3}[^,]*)*,\s*$", " ", prefix)  # appositive / relative clause
    anon = _ANON.search(prefix)
    if anon:
        return anon.group(1)
    prefix = re.sub(r"[\s,]+$", " ", prefix)
    toks = re.findall(r"[\w'’&.-]+|,", prefix)
    out: list[str] = []
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        tl = t.lower().strip("'’")
        if not out and tl in PRONOUNS:
            return tl
        if t == ",":
            # a list of sources: "South Korean, Ukrainian, and Western sources"
            if out and i > 0 and re.fullmatch(r"[A-Z][a-z]+", toks[i - 1]) and "and" in (w.lower() for w in out) \
                    and any(w.lower() in SOURCE_NOUNS for w in out):
                out.append(",")
                continue
            break
        if tl in ("the", "both"):
            # "the Institute for the Study of War": an article inside a name goes on
            if out and i > 1 and toks[i - 1].lower() in ("for", "of", "at", "on") and toks[i - 2][:1].isupper():
                out.append(t)
                continue
            if out and i > 1 and toks[i - 1].lower() in ("for", "of", "at", "on") and toks[i - 2].lower() in SOURCE_NOUNS:
                out.append(t)
                continue
            break
        if t[:1].isupper() or tl in SOURCE_NOUNS or tl in LINK or tl in ADJ or tl in PEOPLE or tl in NUMBER_WORDS \
                or tl.endswith(("'s", "’s", "s'")) and t[:1].isupper():
            out.append(t)
            continue
        if out and out[-1].lower() in SOURCE_NOUNS and tl not in STOPWORDS and re.fullmatch(r"[a-z]+", tl):
            out.append(t)  # "border police", "aid workers"
        break
    while out and (out[-1].lower() in LINK or out[-1] == ","):
        out.pop()
    while out and (out[0].lower() in LINK or out[0] == ","):
        out.pop(0)
    np = " ".join(reversed(out)).replace(" ,", ",")
    if not np or not (re.search(r"[A-Z]", np) or any(w.lower() in SOURCE_NOUNS for w in out)):
        return ""
    if np.split() and np.split()[0] in ("In", "On", "At", "By", "For", "But", "And", "While", "As", "If", "When", "After", "Before", "Since", "Most", "An", "A", "Yet", "So"):
        parts = np.split()
        np = " ".join(parts[1:])
    return np


def _split_title(np: str) -> tuple[str, str | None]:
    """"Health Minister Idris Malek" -> ("Health Ministry", "Idris Malek"); heads of government speak for themselves."""
    m = TITLES.match(np)
    if not m:
        bare = re.match(r"^(.+?)\s+(?:spokesman|spokeswoman|spokesperson|official|officials|representative|commander|commanders)$", np)
        if bare and bare.group(1)[:1].isupper():
            return bare.group(1), None  # "a HUR spokesman", "WHO officials"
        return np, None
    body, title, name = m.group("body").strip(), m.group("title"), m.group("name").strip()
    if _HEADS.search(title) or re.search(r"\bPrime\b", body) or not body:
        return name, None
    if title.lower() == "minister":
        return f"{body} Ministry", name
    return body, name


_HINT = re.compile(rf"\b(?:{VERBS}|{WEAK_VERBS}|according|citing|briefed|quoting|estimates|figures|data|tally|count)\b", re.I)


def find_cues(sentence: str) -> list[SourceCue]:
    """Every source cue of one sentence (positions relative to the sentence)."""
    cues: list[SourceCue] = []
    if not _HINT.search(sentence):
        return cues
    for m in _CITING.finditer(sentence):
        relay = _np_before(sentence[max(0, m.start() - 120):m.start()] + " ")
        origin = _clean(m.group(1))
        if origin:
            cues.append(SourceCue(m.start(1), origin, _clean(relay) or None, "attribution:X, citing Y,"))
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
        if name and not m.group(1).lower().startswith(("the ", "that ", "a ", "an ")):
            cues.append(SourceCue(m.start(), name, None, "attribution:..., said X"))
    spans = [m.span() for rx in (_CITING, _ACCORDING, _BY, _POSSESSIVE) for m in rx.finditer(sentence)]
    verbs = [(m, False) for m in _VERB_RX.finditer(sentence)] + [(m, True) for m in _WEAK_RX.finditer(sentence)]
    verbs.sort(key=lambda x: x[0].start())
    for m, weak in verbs:
        if any(s <= m.start() < e for s, e in spans):
            continue
        if _ADJECTIVAL.match(sentence, max(0, m.start() - 5)) or _ADJECTIVAL.search(sentence[max(0, m.start() - 6):m.end() + 12]):
            continue
        ap = _APPOSITIVE.search(sentence[:m.start()])
        if ap:
            cues.append(SourceCue(m.start(), _clean(ap.group(1)), ap.group(2).strip(), "attribution:X's spokesman, Y, said"))
            continue
        pre = sentence[:m.start()]
        if re.search(r"(?:,\s*|\b)and\s+(?:also\s+)?$", pre) and cues:
            first = min(cues, key=lambda c: c.pos)
            cues.append(SourceCue(m.start(), first.name, first.via, "attribution:X ... and said"))
            continue
        if any(c.pos <= m.start() <= c.pos + 80 for c in cues if c.rule == "attribution:X, citing Y,"):
            continue
        np = _np_before(sentence[:m.start()])
        if not np:
            continue
        if weak and not (np[:1].isupper() or np.lower().split()[-1] in SOURCE_NOUNS or np.lower() in PRONOUNS):
            continue
        if np.lower() in ("it", "they") and cues:
            prev = [c for c in cues if c.pos < m.start() and c.name.lower() not in PRONOUNS]
            if prev:
                first = min(prev, key=lambda c: c.pos)
                cues.append(SourceCue(m.start(), first.name, first.via, "attribution:X ... it said"))
                continue
        np = re.sub(r"^([A-Z]{2,6})\s+(?:commanders|leaders|officials|fighters|spokesmen)$", r"\1", np)
        relay = _RELAY.match(sentence[m.end():])
        if relay:
            spans.append((m.end(), m.end() + relay.end()))
            cues.append(SourceCue(m.start(), _clean(relay.group(1)), np, "attribution:X said Y told"))
        else:
            cues.append(SourceCue(m.start(), np, None, "attribution:X said" if not weak else "attribution:X <did>"))
    # "UNHCR estimates ..., spokesperson Mireille Dutoit said": the body, via its speaker
    out = []
    for c in cues:
        t = re.match(r"^(?:spokesperson|spokesman|spokeswoman|official|director|chief)\s+((?:[A-Z][\w'’-]*\s*){1,4})$", c.name)
        others = [o for o in cues if o is not c and o.name[:1].isupper() and not TITLES.match(o.name)]
        if t and others:
            o = min(others, key=lambda o: abs(o.pos - c.pos))
            c = SourceCue(c.pos, o.name, t.group(1).strip(), "attribution:X ..., spokesperson Y said")
        out.append(c)
    return out


def clause_cuts(sentence: str) -> list[int]:
    """Clause boundaries of a sentence (computed once per sentence)."""
    return [0] + [m.start() for m in _CUTS.finditer(sentence)] + [len(sentence)]


def _clause_bounds(sentence: str, pos: int, cuts: list[int] | None = None) -> tuple[int, int]:
    cuts = cuts if cuts is not None else clause_cuts(sentence)
    lo = max(c for c in cuts if c <= pos)
    hi = min([c for c in cuts if c > pos] or [len(sentence)])
    return lo, hi


_CUTS = re.compile(r";|,\s+(?:while|whereas|but|yet)\b|\s+but\s+|\s+while\s+|,?\s+and\s+that\b")


def choose(cues: list[SourceCue], sentence: str, pos: int, cuts: list[int] | None = None) -> SourceCue | None:
    """The cue a figure at `pos` takes: the nearest of its own clause; else a sentence-wide cue
    (a trailing "..., X said", a leading "According to X,"), or the main subject when the clause
    continues it ("..., and that 200 ..."); else none (the article asserts it)."""
    if not cues:
        return None
    lo, hi = _clause_bounds(sentence, pos, cuts)
    inside = [c for c in cues if lo <= c.pos < hi]
    if inside:
        strong = [c for c in inside if not c.rule.endswith("<did>")] or inside
        return min(strong, key=lambda c: (abs(c.pos - pos), c.rule != "attribution:X, citing Y,"))
    trailing = [c for c in cues if c.pos > pos and c.pos >= len(sentence) - 60 and c.rule in ("attribution:X said", "attribution:..., said X")]
    if trailing:
        return min(trailing, key=lambda c: c.pos)
    leading = [c for c in cues if c.pos < lo]
    if leading and re.match(r",?\s+and\s+that\b", sentence[lo:lo + 12]):
        return min(leading, key=lambda c: c.pos)
    if leading and any(c.rule == "attribution:according to X" and c.pos < 15 for c in leading):
        return min(leading, key=lambda c: c.pos)
    return None


_WINDOW = 6_000  # back-references look this far (characters) around a cue: keeps long texts linear


class Resolver:
    """Turns a cue's raw name into a source, resolving back-references against earlier sources
    of the same article. One per article; holds the article's history (not global state)."""

    def __init__(self, text: str):
        self.text = text
        self.history: list[tuple[str, str | None, bool]] = []
        self.sentence_of: list[int] = []
        self._first_of_last = 0

    def note(self, name: str, via: str | None, relayed: bool = False, sentence: int = 0) -> None:
        if not self.sentence_of or self.sentence_of[-1] != sentence:
            self._first_of_last = len(self.history)
        self.history.append((name, via, relayed))
        self.sentence_of.append(sentence)

    def _last(self) -> tuple[str, str | None]:
        """The subject source of the latest sentence that named one (its first cue)."""
        name, via, relayed = self.history[self._first_of_last]
        if relayed and via:
            return via, None  # "The agency also said" after "X, citing Y, said": the agency is X
        return name, via

    def resolve(self, cue: SourceCue, offset: int) -> tuple[str, str | None]:
        raw = cue.name
        low = raw.lower()
        words = low.split()
        first = words[0] if words else ""
        if low in PRONOUNS or first in ("its", "their", "his", "her"):
            if first in ("its", "their", "his", "her") and len(words) > 1 and words[-1] in GENERIC_BODY:
                return self._generic(words[-1], offset)
            if self.history:
                return self._last()
            if low in ("he", "she"):
                person = self._last_person(offset)
                if person:
                    return person, None
            return "article", None
        generic = re.fullmatch(r"(?:the|a|an)\s+(\w+)(?:\s+also)?", low)
        if generic and (generic.group(1) in GENERIC_BODY or generic.group(1) in ("spokesman", "spokeswoman", "spokesperson", "official")):
            return self._generic(generic.group(1), offset)
        if low in GENERIC_BODY:
            name, via = self._generic(low, offset, fallback_last=low not in ("police", "rebels", "officials"))
            return (raw if name == low else name), via
        if low in ("spokesman", "spokeswoman", "spokesperson", "official", "an official"):
            return self._generic(low, offset)
        name, via = _split_title(raw)
        if via is None and cue.via:
            via = cue.via
        if name.lower() in GENERIC_BODY:
            found = self._find_in_text(name.lower(), offset)
            if found:
                return found, via
        return self._expand(name, offset), via

    def _generic(self, word: str, offset: int, fallback_last: bool = True) -> tuple[str, str | None]:
        """"the agency", "his ministry", "a spokesman": an earlier source with that head, else a
        capitalised name with that head in the article, else the last source."""
        for name, via, relayed in reversed(self.history):
            if word in name.lower():
                return name, via
            if relayed and via and word in via.lower():
                return via, None
        found = self._find_in_text(word, offset)
        if found:
            return found, None
        if self.history and fallback_last:
            return self._last()
        return word, None

    def _find_in_text(self, word: str, offset: int) -> str | None:
        rx = re.compile(rf"((?:[A-Z][\w'’&-]*\s+(?:(?:and|of|for|&)\s+)?){{1,5}}){word.capitalize()}\b")
        lo = max(0, offset - _WINDOW)
        before = [m for m in rx.finditer(self.text, lo, offset)]
        m = before[-1] if before else rx.search(self.text, offset, offset + _WINDOW)
        if not m:
            return None
        name = re.sub(r"^(?:The|A|An|In|On|At|By)\s+", "", m.group(0))
        return name

    def _expand(self, name: str, offset: int) -> str:
        """"Kim" -> "Kim Jong Un" when the article named the person in full before."""
        if " " in name or not name[:1].isupper() or name.isupper():
            return name
        m = re.compile(rf"\b{re.escape(name)}(?:\s+[A-Z][a-z]+){{1,3}}\b").search(self.text, max(0, offset - _WINDOW), offset)
        return m.group(0) if m else name

    def _last_person(self, offset: int) -> str | None:
        before = self.text[max(0, offset - 3000):offset]
        names = re.findall(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})\s+(?:has\s+|had\s+|also\s+|personally\s+)?(?:[a-z]+ed|said|says|told)\b", before)
        names = [n for n in names if n.split()[0] not in ("The", "In", "On", "A", "This", "That", "It", "But", "And")]
        if not names:
            return None
        return self._expand(names[-1], offset)
