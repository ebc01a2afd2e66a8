"""Money: currency symbols, ISO codes and currency words around a number; rates in `per`."""
from extractors.money.rules import currency_after, currency_before, rate_after

__all__ = ["currency_before", "currency_after", "rate_after"]
