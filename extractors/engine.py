"""The extraction pipeline: sentences -> numerals -> not-a-figure filters -> ranges -> qualifier,
unit and kind (money, percentage, duration, measure, casualties, people, counts) -> context
(attribution, as_of, hedging, subject, location) -> mentions merged -> topic.

Everything here is pure and per call: the only state is local to one article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extractors import casualties, duration, measure, money, personnel
import extractors.casualties.rules
import extractors.personnel.rules
from extractors.context import attribution as attr
from extractors.context import dates as dates_mod
from extractors.context.hedging import is_hedged
from extractors.not_a_figure import blocked_spans, reject_reason
from extractors.numeral import Numeral, find_numerals
from extractors.qualifier import interval, prefix_qualifier, suffix_qualifier
from extractors.text import PRESCAN, split_sentences
from extractors.units import to_days

_RANGE_JOIN = re.compile(r"^\s*(?:%|per\s?cent|percent)?\s*(?:-|\u2013|\u2014|\u2010|to|and|or)\s*(?:US\$|[$€£₩¥₽])?\s*$", re.I)
_CHANGE_FROM = re.compile(r"\b(?:rose|risen|rising|increased?|fell|fallen|falling|dropped|grew|grown|climbed|jumped|raised|cut|reduced|up|down|went)\s+from\s*$", re.I)
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:while|whereas|but|and|which|who|according|the\s+\w+\s+said)\b|\s+but\s+|\s+while\s+|\.\s|\s[\u2013\u2014]\s")
_OF_PEOPLE = re.compile(r"^\s+of\s+(?:its|the|their|whom|them|his|her|our|those|these)?\s*", re.I)
_CASUALTY_HEADS = {"death": "killed", "dead": "killed", "fatality": "killed", "casualty": "killed_or_wounded",
                   "loss": "killed_or_wounded", "prisoner": "captured", "pow": "captured", "injury": "wounded",
                   "wounded": "wounded", "injured": "wounded", "killed": "killed", "body": "killed"}
_AGO = re.compile(r"^[\s\u2010-]+(?:years?|months?|weeks?|days?|decades?|hours?)[\s\u2010-]+(?:ago|old|earlier|before|later)\b", re.I)
_DIGIT = re.compile(r"\d")
_LOCATION = re.compile(r"\b(?:in|across|near|at|into|off|outside)\s+((?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|province|region|district|county|valley|camp|crossing|coast|plant|stadium|port))*)")
_NOT_PLACE = frozenset("January February March April May June July August September October November December "
                       "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An".split())


@dataclass
class Figure:
    """A figure being built: mutable while the stages run, turned into a Claim at the end."""

    start: int
    end: int
    num: Numeral
    stated_value: float | None
    stated_low: float | None
    stated_high: float | None
    qualifier: str = "exact"
    shape: str = "exact"
    kind: str = ""
    unit: str = ""
    stated_unit: str = ""
    casualty_type: str | None = None
    per: str | None = None
    subject: str = ""
    hedged: bool = False
    rules: list[str] = field(default_factory=list)
    bare: bool = False
    noun_end: int = 0


def _scan(text: str, ss: int, se: int, rejected: list) -> list[Numeral]:
    nums = find_numerals(text, ss, se)
    for m in duration.A_DURATION.pattern.finditer(text, ss, se):
        if not any(n.start <= m.start() < n.end for n in nums):
            nums.append(Numeral(m.start(), m.start() + len(m.group(0).rstrip()), 1.0, form="article",
                                rule=duration.A_DURATION.name))
    nums.sort(key=lambda n: n.start)
    blocks = blocked_spans(text, ss, se)
    out = []
    for n in nums:
        if n.value is not None and not (abs(n.value) < 1e15):  # also catches inf and nan
            rejected.append((n.start, n.end, "implausible-number"))
            continue
        reason = next((r for s, e, r in blocks if s < n.end and n.start < e), None)
        if reason is None:
            reason = reject_reason(text, n.start, n.end, n.value, n.form, bool(n.scale), ss)
        if reason:
            rejected.append((n.start, n.end, reason))
            continue
        out.append(n)
    return out


def _merge_ranges(text: str, nums: list[Numeral], ss: int) -> list[tuple[Numeral, Numeral | None, int]]:
    """Pair "X to Y", "X-Y", "between X and Y"; returns (first, second or None, start incl. 'between')."""
    out = []
    i = 0
    while i < len(nums):
        a = nums[i]
        if i + 1 < len(nums) and a.form != "vague" and nums[i + 1].form != "vague":
            b = nums[i + 1]
            gap = text[a.end:b.start]
            pre = text[max(ss, a.start - 12):a.start]
            between = re.search(r"\bbetween\s+(?:US\$|[$€£₩¥₽])?\s*$", pre, re.I)
            joiner = _RANGE_JOIN.match(gap)
            ok = joiner and (("and" not in gap.lower()) or between)
            if ok and "to" in gap.lower() and (_CHANGE_FROM.search(text[max(ss, a.start - 30):a.start]) or re.search(r"\bfrom\s*$", pre, re.I)):
                ok = False
            if ok and a.form != b.form and "article" in (a.form, b.form):
                ok = False
            if ok:
                av, bv = a.value, b.value
                if b.scale and not a.scale and av < bv and av * 1000 > bv / 1000:
                    av = av * (bv / _unscaled(text, b))  # "10 to 12 million"
                elif not a.scale and bv >= 1000 and av < 1000 and "," in text[b.start:b.end] and av * 1000 <= bv:
                    av = av * 1000  # "around 8 to 9,000"
                if av < bv:
                    a2 = replace(a, value=av)
                    s0 = a.start - len(between.group(0)) if between else a.start
                    out.append((a2, replace(b), s0))
                    i += 2
                    continue
        out.append((a, None, a.start))
        i += 1
    return out


def _unscaled(text: str, n: Numeral) -> float:
    m = re.match(r"[\d,. \u00a0]+", text[n.start:n.end])
    try:
        return float(re.sub(r"[,\s\u00a0]", "", m.group(0))) if m else n.value
    except ValueError:
        return n.value


def _clause_after(text: str, pos: int, se: int, next_num: int) -> str:
    end = min(se, next_num, pos + 90)
    w = text[pos:end]
    m = _CLAUSE_END.search(w)
    return w[:m.start()] if m else w


def _build(text: str, ss: int, se: int, a: Numeral, b: Numeral | None, s0: int, next_start: int) -> Figure | None:
    last = b or a
    start, end = s0, last.end
    fig = Figure(start, end, a, a.value, a.low, a.high)
    fig.rules.append(a.rule)
    if b is not None:
        fig.stated_value, fig.stated_low, fig.stated_high = None, a.value, b.value
        fig.qualifier, fig.shape = "range", "range"
        fig.rules.append("qualifier:<x> to <y>")
    elif a.form == "vague":
        fig.stated_value = None
        fig.qualifier, fig.shape = "vague", "vague"
    value_scale_m = a.scale == "m" or (b is not None and b.scale == "m")
    # currency before the (first) number
    near = max(ss, start - 80)  # qualifiers and currencies sit right before the number: keep it linear
    prefix = text[near:start]
    cur = money.currency_before(text[max(ss, a.start - 12):a.start])
    if cur is None and b is None and a.form == "digits" and text[a.start - 1:a.start] == "(" \
            and text[a.end:a.end + 1] == ")":
        # accounting parentheses: "$(1.2) million" is minus 1.2 million
        c2 = money.currency_before(text[max(ss, a.start - 13):a.start - 1])
        if c2 and c2[0]:
            sc = re.match(r"^\)\s?(million|billion|thousand|bn|m|k)\b", text[a.end:a.end + 10], re.I)
            mult = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3, "k": 1e3}[sc.group(1).lower()] if sc else 1
            v = -abs(a.value) * mult
            fig.stated_value, fig.stated_low, fig.stated_high = v, v, v
            fig.kind, fig.unit, fig.stated_unit = "money", c2[0], c2[0]
            start = a.start - 1 - c2[1]
            end = a.end + (len(sc.group(0)) if sc else 1)
            fig.end = end
            fig.rules.append("money:<currency>(<n>) accounting negative")
    if cur and cur[0]:
        fig.kind, fig.unit, fig.stated_unit = "money", cur[0], cur[0]
        if start == a.start:
            start -= cur[1]
        prefix = text[near:start]
        fig.rules.append("money:<currency> <n>")
    suffix = text[end:se]
    consumed = 0
    # "2 billion rubles", "45%", "four-month", "12 km"
    if not fig.kind:
        if value_scale_m:  # "40m" without a currency is metres, not millions
            fig.stated_value = fig.stated_value / 1e6 if fig.stated_value is not None else None
            fig.stated_low = fig.stated_low / 1e6 if fig.stated_low is not None and b is not None else fig.stated_low
            fig.stated_high = fig.stated_high / 1e6 if fig.stated_high is not None and b is not None else fig.stated_high
            fig.kind, fig.unit, fig.stated_unit = "measure", "meter", "m"
            fig.rules.append("measure:<n>m")
    if not fig.kind:
        p = measure.percent_after(suffix)
        if p is not None:
            fig.kind, fig.unit, fig.stated_unit = "percentage", "percent", "percent"
            consumed = p
            fig.rules.append("percentage:<n>%")
    if not fig.kind:
        c = money.currency_after(suffix)
        if c:
            fig.kind, fig.unit, fig.stated_unit = "money", c[0], c[0]
            consumed = c[1]
            fig.rules.append("money:<n> <currency word>")
    if not fig.kind:
        d = duration.duration_after(suffix)
        if d:
            fig.kind, fig.unit, fig.stated_unit = "duration", "day", d[0]
            consumed = d[1]
            fig.rules.append("duration:<n>-<unit>" if d[2] else "duration:<n> <unit>")
    if a.form == "article" and fig.kind != "duration":
        return None
    if not fig.kind and _AGO.match(suffix):
        return None
    if not fig.kind and re.match(r"^[\u2010-]strong\b", suffix, re.I):
        fig.kind, fig.unit, fig.stated_unit = "personnel", "person", "person"  # "a 500,000-strong army"
        fig.rules.append("personnel:<n>-strong")
    if not fig.kind:
        u = measure.measure_after(suffix)
        if u:
            fig.kind, fig.unit, fig.stated_unit = "measure", u[0], u[1].lower()
            consumed = u[2]
            fig.rules.append("measure:<n> <unit>")
    # vague "thousands of X": the unit is after "of"
    if not fig.kind and a.form == "vague":
        om = re.match(r"^\s+of\s+", suffix)
        if om:
            rest = suffix[om.end() - 1:]
            c = money.currency_after(rest)
            u = measure.measure_after(rest)
            if c:
                fig.kind, fig.unit, fig.stated_unit = "money", c[0], c[0]
                consumed = om.end() - 1 + c[1]
            elif u:
                fig.kind, fig.unit, fig.stated_unit = "measure", u[0], u[1].lower()
                consumed = om.end() - 1 + u[2]
            else:
                noun = measure.counted_noun(rest)
                if noun:
                    fig.unit, fig.subject = noun[0], noun[1]
                    consumed = om.end() - 1 + noun[2]
            fig.rules.append("vague:<vague> of <noun>")
    # rates
    after_unit = suffix[consumed:]
    r = money.rate_after(after_unit, money=fig.kind == "money")
    if r and fig.kind in ("money", "", "count", "percentage") and fig.kind != "percentage":
        fig.per = r[0]
        consumed += r[1]
        after_unit = suffix[consumed:]
    sq = suffix_qualifier(suffix[consumed:]) if not fig.kind or fig.kind in ("money", "duration") else suffix_qualifier(suffix[consumed:])
    # counted noun
    if not fig.kind and not fig.unit:
        skip = sq[2] if sq else 0  # "500 more troops", "a hundred or more boats"
        sub = suffix[skip:]
        om = _OF_PEOPLE.match(sub) if re.match(r"^\s+of\s", sub) else None
        noun = measure.counted_noun(sub)
        if noun is None and om:
            noun2 = measure.counted_noun(" " + sub[om.end():])
            if noun2 and (personnel.people_kind(noun2[0]) or noun2[0] in _CASUALTY_HEADS):
                noun = (noun2[0], noun2[1], om.end() + noun2[2] - 1)
        if noun:
            fig.unit, fig.subject = noun[0], noun[1]
            consumed = max(consumed, noun[2] + skip)
            fig.rules.append("count:<n> <noun>")
            r = money.rate_after(suffix[consumed:], money=False)
            if r:
                fig.per = r[0]
                consumed += r[1]
    fig.noun_end = end + consumed
    # qualifier before
    if fig.qualifier not in ("range", "vague"):
        q = prefix_qualifier(prefix, duration=fig.kind == "duration")
        if q:
            fig.qualifier, fig.shape, fig.hedged = q.qualifier, q.shape, q.hedged
            start -= q.length
            fig.rules.append(q.rule)
            pre2 = text[max(ss, start - 80):start]
            cur2 = money.currency_before(pre2) if not fig.kind else None
            if q.qualifier == "additional":
                q2 = prefix_qualifier(pre2)
                if q2 and q2.shape == "approx":
                    fig.shape = "approx"
                    start -= q2.length
        if sq and sq[0] == "additional" and fig.qualifier in ("exact", "approximately"):
            fig.shape = "approx" if fig.qualifier == "approximately" else "additional"
            fig.qualifier = "additional"
            fig.rules.append(sq[3])
            end_extra = sq[2]
            fig.noun_end = max(fig.noun_end, end + consumed + end_extra)
        elif sq and sq[0] != "additional" and fig.qualifier == "exact":
            fig.qualifier, fig.shape = sq[0], sq[1]
            fig.rules.append(sq[3])
    fig.start = start
    # the quote takes the unit for money, percentages, measures and durations; for counts the number phrase only
    fig.end = end + consumed if fig.kind in ("money", "percentage", "measure", "duration") else end
    return fig


def _kind(text: str, ss: int, se: int, fig: Figure, next_start: int) -> None:
    """Casualties from cue words, people from counted nouns, counts otherwise."""
    if fig.kind:
        return
    head = fig.unit
    after = _clause_after(text, fig.end, se, next_start)
    pre = text[max(ss, fig.start - 45):fig.start]
    cue = None
    pk = personnel.people_kind(head) if head else None
    if casualties.rules.NOT_CASUALTY.search(after[:60]):
        cue = None
    elif head in _CASUALTY_HEADS:
        cue = casualties.casualty_after(after)
        if not cue or cue[0] != "killed_or_wounded":
            cue = (_CASUALTY_HEADS[head], f"casualties:<n> {head}")
    elif not head or pk:
        cue = casualties.casualty_before(pre) or casualties.casualty_after(after)
    if cue:
        fig.kind, fig.casualty_type, fig.unit = "casualties", cue[0], "person"
        fig.rules.append(cue[1])
        return
    if (pk or not head) and personnel.rules.employed_before(pre):
        fig.kind, fig.unit = "personnel", "person"
        fig.rules.append("personnel:employs <n>")
        return
    if pk:
        fig.kind, fig.unit = pk
        fig.rules.append("personnel:<n> <troops>" if pk[0] == "personnel" else "count:<n> <people>")
        return
    if head in _CASUALTY_HEADS:
        fig.kind, fig.unit = "count", "person"
        return
    if head:
        if head == "case" and re.search(r"\b(?:cholera|covid|measles|ebola|dengue|infection|disease|outbreak|suspected|confirmed)\b", text[ss:se], re.I):
            head = "person"
        if head.endswith("s") and head.istitle():
            head = "person"
        fig.kind, fig.unit = "count", head
        return
    fig.bare = True


_STATED_DURATION = frozenset({"minute", "hour", "day", "week", "fortnight", "month", "year", "decade"})


def _finish_values(fig: Figure) -> tuple[float | None, float | None, float | None]:
    """(value, low, high) of the record, in the canonical unit."""
    if fig.qualifier == "range":
        lo, hi, v = fig.stated_low, fig.stated_high, None
    elif fig.qualifier == "vague":
        lo, hi, v = fig.stated_low, fig.stated_high, None
    else:
        v = fig.stated_value
        lo, hi = interval(v, fig.shape)
    if fig.kind == "duration" and fig.stated_unit in _STATED_DURATION:
        return to_days(v, fig.stated_unit), to_days(lo, fig.stated_unit), to_days(hi, fig.stated_unit)
    return v, lo, hi


_OF_THEM = re.compile(r"^\s+of\s+(?:them|whom|those|these)\b", re.I)
_SUBSET = re.compile(r"\b(?:including|include|includes|included|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+$", re.I)
_SIBLING_CUT = re.compile(r",\s+and\s+that\b|;|,\s+(?:while|whereas|but)\b|\s+and\s+that\b|\bby\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+)?$")
_NOUN_BEFORE = re.compile(r"\b(?:number|total|tally|count|figure)\s+of\s+((?:[a-z]+\s+){0,3}?[a-z]+)\s+(?:in\s+\w+\s+)?(?:is|was|has|had|stood|stands|rose|reached|hit|approaching|approached|to|at|of|climbed|jumped)\b[^,;]*$|\b(?:count|tally|total|attendance|crowd|turnout|capacity)\s+of\s+$", re.I)


def _neighbour(figs: list[Figure], i: int, step: int, limit: int = 8) -> Figure | None:
    """The nearest figure before (step -1) or after (+1) figs[i] that has a kind (not a duration)."""
    j = i + step
    while 0 <= j < len(figs) and abs(j - i) <= limit:
        g = figs[j]
        if g.kind and not g.bare and g.kind not in ("duration", "__drop__"):
            return g
        j += step
    return None


def _resolve_bare(text: str, ss: int, se: int, figs: list[Figure], by_value: dict, rejected: list) -> None:
    """Give bare numbers ("... and 2,013 were", "put the crowd at 8 to 9,000") a kind and unit:
    an earlier figure of the same value in the article (a mention), a subset marker ("including 37"),
    a counted noun before ("the number of cholera cases is approaching 4,000"), a people noun before,
    a sibling in the same clause; else people. Spelled-out bare numbers are dropped (idioms)."""
    for i, f in enumerate(figs):
        if not f.bare:
            continue
        pre = text[max(ss, f.start - 80):f.start]
        g_prev = _neighbour(figs, i, -1)
        if g_prev is not None and _OF_THEM.match(text[f.end:f.end + 20]):
            g = g_prev
            f.kind, f.unit, f.casualty_type = g.kind, g.unit, g.casualty_type
            f.rules.append("bare:<n> of them")
            continue
        if f.num.form in ("spelled", "article"):
            rejected.append((f.start, f.end, "idiom"))
            f.kind = "__drop__"
            continue
        if f.num.form == "digits" and re.fullmatch(r"\d{4,}", text[f.num.start:f.num.end]) and f.qualifier == "exact":
            rejected.append((f.start, f.end, "identifier"))  # a bare 4-digit number with no noun: "Resolutions 1718 and 2397"
            f.kind = "__drop__"
            continue
        last = by_value.get(f.stated_value)
        same = [last] if last is not None else []
        if same and f.qualifier == "exact":
            f.kind, f.unit, f.casualty_type = same[-1]["kind"], same[-1]["unit"], same[-1]["casualty_type"]
            f.rules.append("bare:<n> as mentioned before")
            continue
        if _SUBSET.search(pre) and g_prev is not None:
            g = g_prev
            f.kind, f.unit, f.casualty_type = g.kind, g.unit, g.casualty_type
            f.rules.append("bare:including <n>")
            continue
        nb = _NOUN_BEFORE.search(pre)
        if nb:
            head = measure.singular(nb.group(1).split()[-1]) if nb.group(1) else "person"
            pk = personnel.people_kind(head)
            if head in ("case", "person") or pk or not nb.group(1):
                f.kind, f.unit = ("count", "person") if not pk else pk
            else:
                f.kind, f.unit = "count", head
            f.rules.append("bare:number of <noun> ... <n>")
            continue
        if personnel.rules.employed_before(pre):
            f.kind, f.unit = "personnel", "person"
            f.rules.append("personnel:employs <n>")
            continue
        pk = _people_before(text, ss, f.start)
        if pk:
            f.kind, f.unit = pk
            f.rules.append("bare:<people noun> ... <n>")
            continue
        # the nearest resolved neighbour on each side only: keeps long runs of numbers linear
        near = [g for g in (_neighbour(figs, i, -1), _neighbour(figs, i, 1)) if g is not None]
        sibs = [g for g in near if not _SIBLING_CUT.search(text[min(g.end, f.end):max(g.start, f.start)])]
        if sibs:
            g = min(sibs, key=lambda g: abs(g.start - f.start))
            f.kind, f.unit, f.casualty_type = g.kind, g.unit, g.casualty_type
            f.rules.append("bare:<n> like its neighbour")
            continue
        f.kind, f.unit = "count", "person"
        f.rules.append("bare:<n> people")


_PEOPLE_BEFORE = re.compile(r"\b([a-z]+)\s+(?:[a-z]+\s+){0,2}(?:could|may|might|would|will|to|at|of|is|are|was|were|has|have|had|reach|reached|total|totals|totalled|numbers?|stood|rose|grew)\b", re.I)


def _people_before(text: str, ss: int, pos: int):
    """For a bare number: a people noun earlier in its clause ("troop involvement could reach 12,000")."""
    lo = max(ss, pos - 70)
    pre = text[lo:pos]
    cut = max(pre.rfind(","), pre.rfind(";"))
    if cut >= 0:
        pre = pre[cut + 1:]
    words = re.findall(r"[A-Za-z]+", pre)[-6:]
    for w in reversed(words):
        if w[0].isupper() or w.lower() in ("force", "forces", "forced", "member", "members"):
            continue
        k = personnel.people_kind(measure.singular(w))
        if k:
            return k
    return None


def _location(sentence: str) -> str | None:
    for m in _LOCATION.finditer(sentence):
        name = re.sub(r"^the\s+", "", m.group(1))
        if name.split()[0] not in _NOT_PLACE and not re.match(r"^\d", name):
            return name
    return None


def extract_article(text: str, published: str | None):
    """(claims as dicts, rejected as (start, end, reason)) for one article."""
    claims: list[dict] = []
    by_value: dict[float, dict] = {}  # earlier claims by stated value, for bare repeats
    rejected: list[tuple[int, int, str]] = []
    resolver = attr.Resolver(text)
    sentences = split_sentences(text)
    for si, (ss, se) in enumerate(sentences):
        sent = text[ss:se]
        cues = attr.find_cues(sent)
        resolved = []
        for c in sorted(cues, key=lambda c: c.pos):
            name, via = resolver.resolve(c, ss + c.pos)
            resolved.append((c, name, via))
            resolver.note(name, via, c.rule == "attribution:X, citing Y,", si)
        if not (_DIGIT.search(sent) or PRESCAN.search(sent)):
            continue
        nums = _scan(text, ss, se, rejected)
        groups = _merge_ranges(text, nums, ss)
        figs: list[Figure] = []
        for gi, (a, b, s0) in enumerate(groups):
            nxt = groups[gi + 1][2] if gi + 1 < len(groups) else se
            fig = _build(text, ss, se, a, b, s0, nxt)
            if fig is None:
                rejected.append((a.start, a.end, "idiom"))
                continue
            _kind(text, ss, se, fig, nxt)
            figs.append(fig)
        _resolve_bare(text, ss, se, figs, by_value, rejected)
        for i, f in enumerate(figs):
            # "604 killed, including 37 rescue workers": a subset of casualties is casualties
            if f.kind in ("personnel", "count") and f.unit == "person" and i > 0 and \
                    _SUBSET.search(text[max(ss, f.start - 20):f.start]):
                g = figs[i - 1]
                if g.kind == "casualties":
                    f.kind, f.casualty_type = "casualties", g.casualty_type
                    f.rules.append("casualties:including <n>")
        sentence_dates = dates_mod.find_dates(text, ss, se, published)
        hedge_cache: dict[tuple[int, int], bool] = {}
        cuts = attr.clause_cuts(sent)
        sent_location = _location(sent) if figs else None
        for f in figs:
            if f.kind == "__drop__":
                continue
            if f.num.form == "spelled" and f.kind in ("count",) and f.unit not in ("person",) and not f.unit:
                continue
            if f.num.form == "spelled" and re.search(r"\b(?:the|these|those|both)\s+$", text[max(ss, f.start - 8):f.start], re.I) \
                    and f.kind not in ("personnel", "casualties") and f.unit != "person":
                rejected.append((f.start, f.end, "idiom"))
                continue
            value, low, high = _finish_values(f)
            if low is not None and high is not None and low > high:
                low, high = high, low
            if f.qualifier == "additional":
                # "another" starts a second category when the sentence already counted a different thing
                g = _neighbour(figs, figs.index(f), -1)
                if g is not None and ((g.casualty_type or g.unit) != (f.casualty_type or f.unit) or g.kind != f.kind):
                    f.qualifier = "exact"
                    value, low, high = _finish_values(replace(f, shape="exact"))
            pos = f.start - ss
            cue = attr.choose(cues, sent, pos, cuts)
            source, via = "article", None
            if cue is None:
                cue = _continued_quote_cue(text, sentences, si)
                if cue is not None:
                    source, via = cue
            else:
                for c, name, v in resolved:
                    if c is cue:
                        source, via = name, v
            as_of, as_of_text, note = dates_mod.as_of_for(f.start, sentence_dates, published, sent, ss, f.end)
            clause = attr._clause_bounds(sent, pos, cuts)
            if clause not in hedge_cache:  # one hedge scan per clause, not per figure
                hedge_cache[clause] = is_hedged(sent[clause[0]:clause[1]])
            hedged = f.hedged or hedge_cache[clause]
            claims.append(dict(
                kind=f.kind, casualty_type=f.casualty_type, value=value, low=low, high=high,
                qualifier=f.qualifier, unit=f.unit or "person", per=f.per, subject=f.subject,
                location=_location(sent[pos:pos + 200]) or sent_location, attribution=source or "article",
                attribution_via=via, hedged=hedged, as_of=as_of, as_of_text=as_of_text, note=note,
                stated=dict(value=f.stated_value if f.qualifier not in ("range", "vague") else None,
                            low=f.stated_low if f.qualifier in ("range", "vague") else f.stated_value,
                            high=f.stated_high if f.qualifier in ("range", "vague") else f.stated_value,
                            unit=f.stated_unit or f.unit or "person"),
                span=[f.start, f.end], quote=text[f.start:f.end], sentence=sent,
                rule=" + ".join(r for r in f.rules if r), mentions=[],
            ))
            if f.stated_value is not None and f.kind in ("casualties", "personnel", "count"):
                by_value[f.stated_value] = claims[-1]
    return _merge_mentions(claims), rejected


def _continued_quote_cue(text: str, sentences: list[tuple[int, int]], si: int):
    """A quotation that goes on past this sentence takes the source named where it closes."""
    ss, se = sentences[si]
    s = text[ss:se]
    if not re.match(r"^[\"“‘']", s) or re.search(r"[\"”’']\s*[,.]?\s*(?:said|says|added|wrote)", s):
        return None
    for sj in range(si + 1, min(si + 4, len(sentences))):
        t = text[sentences[sj][0]:sentences[sj][1]]
        m = re.search(r"[\"”’']\s*,?\s*(?:said|says|added|wrote)\s+((?:[a-z][\w-]*\s+){0,3}(?:[A-Z][\w'’.-]*\s*){1,4})", t)
        if m:
            return m.group(1).strip(" ,."), None
    return None


def _merge_mentions(claims: list[dict]) -> list[dict]:
    """Repeated mentions of one figure are one claim with several mentions (claims.md §1)."""
    out: list[dict] = []
    index: dict[tuple, dict] = {}
    for c in claims:
        key = (c["kind"], c["casualty_type"], c["unit"], c["qualifier"], c["low"], c["high"], c["per"])
        first = index.get(key)
        if first is None:
            index[key] = c
            out.append(c)
            continue
        first["mentions"].append(c["span"])
        if first["attribution"] == "article" and c["attribution"] != "article":
            first["attribution"], first["attribution_via"] = c["attribution"], c["attribution_via"]
            first["as_of"], first["as_of_text"] = c["as_of"], c["as_of_text"]
    return out
