"""Money rules: a currency before the number ("$", "US$", "€", "USD ", "₩"), or a currency word
after it ("rubles", "won", "dollars"), and the rate denominator that may follow ("per soldier",
"a day", "per person per month")."""
from __future__ import annotations

import re

SYMBOLS = {"$": "USD", "us$": "USD", "$us": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
           "gbp": "GBP", "₩": "KRW", "krw": "KRW", "¥": "JPY", "jpy": "JPY", "₽": "RUB", "rub": "RUB",
           "₹": "INR", "inr": "INR", "chf": "CHF", "a$": "AUD", "aud": "AUD", "c$": "CAD", "cad": "CAD",
           "nz$": "NZD", "hk$": "HKD", "cny": "CNY", "rmb": "CNY", "uah": "UAH", "₴": "UAH", "sek": "SEK",
           "nok": "NOK", "dkk": "DKK", "pln": "PLN", "try": "TRY", "zar": "ZAR", "brl": "BRL", "r$": "BRL"}
WORDS = {"dollar": "USD", "dollars": "USD", "us dollars": "USD", "euro": "EUR", "euros": "EUR",
         "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
         "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "won": "KRW",
         "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
         "franc": "CHF", "francs": "CHF", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnias'": "UAH",
         "usd": "USD", "eur": "EUR", "gbp": "GBP", "krw": "KRW", "rub": "RUB", "jpy": "JPY", "chf": "CHF",
         "cny": "CNY", "inr": "INR", "uah": "UAH"}

_SYM_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:US\$|\$US|A\$|C\$|NZ\$|HK\$|R\$|USD|EUR|GBP|KRW|JPY|RUB|INR|CHF|AUD|CAD|CNY|RMB|UAH|SEK|NOK|DKK|PLN|ZAR|BRL)\s?|[$€£₩¥₽₹₴]\s?)$")
_WORD_AFTER = re.compile(
    r"^\s+(pounds\s+sterling|us\s+dollars|dollars?|euros?|pounds?|sterling|roubles?|rubles?|won|yen|yuan|renminbi|rupees?|francs?|hryvnias?|USD|EUR|GBP|KRW|RUB|JPY|CHF|CNY|INR|UAH)\b(?!\s+of\s+(?:rice|flour|weight))",
    re.I)
_PER_UNIT = r"(?:day|week|month|year|hour|night|head|person|capita|ticket|barrel|tonne|ton|share|seat|vote|soldier|worker|household|family|refugee|sailor|child)"
_RATE = re.compile(
    rf"^(?:\s+(?:per|a|an|each)\s+(?!(?:year|month|week|day)s?\s+(?:ago|earlier|before)\b)((?:[a-z]+\s+){{0,2}}?{_PER_UNIT}|year\s+of\s+service|crew\s+member|[a-z]+\s+member|[a-z]+))"
    rf"(?:\s+(?:per|a|an|each)\s+({_PER_UNIT}))?\b", re.I)


def currency_before(prefix: str) -> tuple[str, int] | None:
    """(ISO code, characters consumed) for a currency written just before the number."""
    m = _SYM_BEFORE.search(prefix)
    if not m:
        return None
    key = m.group(0).strip().lower()
    return SYMBOLS.get(key), len(m.group(0))


def currency_after(suffix: str) -> tuple[str, int] | None:
    """(ISO code, characters consumed) for "2 billion rubles", "500,000 won"."""
    m = _WORD_AFTER.match(suffix)
    if not m:
        return None
    return WORDS[m.group(1).lower()], m.end()


_SINGULAR_PER = {"capita": "person", "head": "person", "night": "day"}


def rate_after(suffix: str, *, money: bool) -> tuple[str, int] | None:
    """("soldier", length) for " per soldier", ("person/month", ...) for " per person per month".

    "a"/"an" introduce a rate only for time units and for money ("£85 a ticket")."""
    m = _RATE.match(suffix)
    if not m:
        return None
    first = m.group(1).lower().strip()
    word = re.match(r"^\s+(\w+)", suffix).group(1).lower()
    if word in ("a", "an") and not money and not re.fullmatch(r"(?:day|week|month|year|hour|night)", first):
        return None
    if word == "each" and money:
        return None
    if first.endswith("s") and not first.endswith("ss"):
        return None
    first = _SINGULAR_PER.get(first, first)
    per = first if not m.group(2) else f"{first}/{m.group(2).lower()}"
    return per, m.end()
