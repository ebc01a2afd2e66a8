"""Not-a-figure rules. Two kinds:

* span rules (`BLOCKING`): a pattern whose whole match is not a figure ("June 19, 2024", "09:45",
  "3 min read", "0800 555 0192"); every number inside it is refused with the rule's reason;
* context rules (`reject_reason`): look at the characters around one number ("528th", "F-16",
  "Article 4", "61-year-old", "pre-2022", "one of the").
"""
from __future__ import annotations

import re

from extractors.rule import Rule, rule

MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DATE_RX = re.compile(
    rf"\b{MONTHS}\.?\s+{_DAY}(?:,?\s+\d{{4}})?\b(?!\s*(?:%|per\s?cent|people|troops|soldiers))"
    rf"|\b{_DAY}\s+(?:of\s+)?{MONTHS}\b\.?(?:,?\s+\d{{4}})?"
    rf"|\b{MONTHS}\.?,?\s+\d{{4}}\b"
    r"|\b(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
)


def _blocking(name: str, pattern: str, flags: int = 0) -> Rule:
    rx = re.compile(pattern, flags)
    return Rule(name, rx, lambda m: name)


BLOCKING: tuple[Rule, ...] = (
    Rule("date", DATE_RX, lambda m: "date"),
    _blocking("page-furniture", r"\bpages?\s+\d+(?:\s*(?:of|/|-)\s*\d+)?|\b\d+\s+(?:comments?|shares|views)\b|\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b|©\s*\d{4}|\(c\)\s*\d{4}|\bcopyright\s+\d{4}", re.I),
    _blocking("clock-time", r"\b\d{1,2}:\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|gmt|utc|cet|hrs|h)\b)?|\b\d{1,2}\.\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|hrs)(?![a-z])|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|\b\d{1,2}h\d{2}\b|\b(?:at|from|until|by)\s+[012]\d{3}\b(?!\s*(?:people|troops|%))", re.I),
    _blocking("phone-number", r"(?<![\d,.])(?:\+\d{1,3}[\s-]?)?\(?0\d{1,4}\)?(?:[\s-]\d{2,4}){2,}(?![\d,])"),
    _blocking("case-number", r"\b\d+(?:/\d+)+(?:-[A-Za-z0-9]+)?\b|\b[A-Z]{1,4}\s?\d{5,}\b|#\s?\d+"),
    _blocking("age", r"\b\d{1,3}[-\u2010\s]years?[-\u2010\s]old\b|\b(?:aged|age)\s+\d{1,3}\b|\bage\s+of\s+\d{1,3}\b|\bin\s+(?:his|her|their)\s+\d0s\b", re.I),
    _blocking("score", r"\b\d{1,2}[-\u2013]\d{1,2}\s+(?:win|victory|defeat|loss|draw|lead|scoreline)\b", re.I),
)

# capitalised words that label the number after them ("Article 4", "Route 66", "Galaxy Note 20")
ID_WORDS = frozenset("""article section resolution route highway berth pier gate hall room flight chapter paragraph
rule platform terminal building block ward case bill act decree protocol amendment lot page vol volume model type
mark mk stage phase level grade category channel line track door zone sector bus train lane exit junction road
street avenue precinct note galaxy iphone windows apollo boeing airbus formula imo no nos number item clause annex
appendix figure table season episode part book series version release unit tier group league division district
s&p ftse dax nikkei psalm verse stand lot plot camp shelter corridor runway pavilion building tower wing hangar
interstate day week round game match lap leg matchday """.split())
ALLOWED_BEFORE = frozenset("""about around some nearly almost approximately roughly over under up more less fewer
least another further estimated an a the at to of by from than between and or as only just some just """.split())

_COMPOUND = re.compile(r"^[\u2010-](?!(?:strong|year|month|week|day|hour|minute|min|decade|fortnight|metre|meter|km|mile|kilometre|kilometer|foot|feet|acre|hectare|tonne|ton|per|plus|odd|million|billion|thousand|bn|mn|inch|litre|liter|gallon|seat|bed|storey|story)s?\b)[a-z]", re.I)
_ORDINAL = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_STRUCTURAL = frozenset("""countries nations sides parties states reasons entities leaders options ways things
times words questions issues aspects factors camps powers governments neighbours neighbors koreas halves sets
goals pillars stages phases elements points aims scenarios possibilities directions fronts worlds messages
approaches paths models systems theories """.split())
_ANON = re.compile(r"^\s+(?:people|persons|sources|officials|diplomats|insiders|individuals)\s+(?:familiar|close|with\s+knowledge|briefed|aware|who\s+(?:spoke|asked|requested|declined))", re.I)
_ONE_IDIOM = re.compile(r"^\s*(?:of\b|or\s+(?:more|two|another)|another|another's|side|hand|way|day|time|thing|point|must|can|could|might|should|would|who|which|that|another|in\s+(?:five|four|three|ten|two)|by\s+one|-off|-time|-sided|-way)", re.I)


def blocked_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, reason) of every span rule match in text[start:end]."""
    out = []
    for r in BLOCKING:
        for m, reason in r.apply(text, start, end):
            out.append((m.start(), m.end(), reason))
    return out


def reject_reason(text: str, s: int, e: int, value: float | None, form: str, has_scale: bool,
                  sent_start: int) -> str | None:
    """Why the number text[s:e] is not a figure, judged from the characters around it, or None."""
    before = text[max(sent_start, s - 40):s]
    after = text[e:e + 40]
    tok = text[s:e]
    if form == "digits":
        if _ORDINAL.match(after):
            return "ordinal"
        if re.search(r"[A-Za-z][\u2010-]?$", before) and not re.search(r"(?:US|A|C|NZ|HK|S)\$$|\$US$|(?:USD|EUR|GBP|KRW|JPY|RUB|CHF|CNY|INR|UAH)$", before):
            return "identifier"
        if re.match(r"^[A-Za-z]", after) and not has_scale and not re.match(r"^(?:km|kg|m\b|cm|mm|ha\b|t\b|mw|gw|kwh|ft|mph|bn|mn|pc\b|st\b)", after, re.I):
            return "identifier"
        if re.match(r"^0\d", tok):
            return "identifier"
        if re.search(r"\d\($", before) and re.match(r"^\)", after):
            return "identifier"  # "Article 2(4)"
        if _COMPOUND.match(after):
            return "compound-adjective"  # "a 10-point plan", "the six-party talks"
        if re.search(r"\b(?:pre|post|mid|late|early)[\u2010-]$", before, re.I):
            return "date"
        if re.match(r"^\s*[\u2010\-\u2013/]\s*\d", after) and value is not None and 1800 <= value <= 2100:
            return "date"  # "2012-13", "2024/25"
        if re.search(r"\d{4}\s*[\u2010\-\u2013/]\s*$", before) and re.search(r"(?:18|19|20)\d\d\s*[\u2010\-\u2013/]\s*$", before):
            return "date"
        if (value is not None and not has_scale and "," not in tok and float(value).is_integer()
                and 1800 <= value <= 2100 and len(tok) == 4
                and not re.match(r"^\s*(?:%|per\s?cent|percent|troops|soldiers|people|workers|km|tonnes|hectares|acres)\b", after, re.I)):
            return "year"
        m = re.search(r"([A-Za-z&][\w&.]*)\s+$", before)
        if m:
            word = m.group(1)
            wl = word.lower().rstrip(".")
            if (wl in ID_WORDS or wl.rstrip("s") in ID_WORDS) and (word[0].isupper() or any(ch.isupper() for ch in word[1:])):
                return "identifier"
            if (word[0].isupper() and wl not in ALLOWED_BEFORE and not has_scale
                    and s - len(m.group(0)) > sent_start + 1
                    and not re.match(r"^\s*(?:%|per\s?cent|percent|[a-z]{3,})", after)
                    and not re.search(r"(?:[$€£₩¥₽]|USD|EUR|GBP|KRW|RUB|JPY)\s*$", before)):
                return "identifier"
        if re.search(r"\b[A-Z][a-z]+,\s*$", before) and re.match(r"^\s*[,.)]", after) and value is not None and value < 120:
            return "age"
        if re.search(r"\(\s*$", before) and re.match(r"^\s*\)", after) and value is not None and value < 120 and re.search(r"[A-Z][a-z]+\s*\(\s*$", before):
            return "age"
    else:
        if _ANON.match(after):
            return "anonymous-sources"
        low = tok.lower()
        if form == "spelled":
            if low in ("one", "a") or low.startswith("one "):
                if _ONE_IDIOM.match(after) or re.search(r"\b(?:no|any|every|each|the\s+only|only)\s+$", before, re.I):
                    return "idiom"
            nxt = re.match(r"^\s+([a-z-]+)(?:\s+([a-z]+))?", after)
            if nxt and (nxt.group(1).lower() in _STRUCTURAL or (nxt.group(2) or "").lower() in _STRUCTURAL):
                return "idiom"
            if re.match(r"^\s+(?:of\s+(?:the|them|us|those|these|its|their)\b|or\s+more\b|and\s+a\s+half)", after, re.I) and value is not None and value <= 2:
                return "idiom"
    return None
