"""Numbers as written: digits with separators and scale words, spelled-out numbers, vague amounts."""
from extractors.numeral.rules import Numeral, find_numerals, parse_spelled

__all__ = ["Numeral", "find_numerals", "parse_spelled"]
