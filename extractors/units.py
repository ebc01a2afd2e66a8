"""The one pint registry of the extractors, and the unit tables built on it.

Durations follow the gold: 1 month = 30.4375 days, 1 year = 365.25 days.
"""
from __future__ import annotations

from functools import lru_cache

DAYS = {  # stated duration unit -> days (the gold's calendar)
    "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "fortnight": 14.0,
    "month": 30.4375, "year": 365.25, "decade": 3652.5,
}

# surface form (lower case, singular or plural) -> canonical pint unit name
MEASURE_UNITS = {
    "km": "kilometer", "kms": "kilometer", "kilometre": "kilometer", "kilometres": "kilometer",
    "kilometer": "kilometer", "kilometers": "kilometer",
    "mile": "mile", "miles": "mile", "nautical mile": "nautical_mile", "nautical miles": "nautical_mile",
    "nm": "nautical_mile",
    "m": "meter", "metre": "meter", "metres": "meter", "meter": "meter", "meters": "meter",
    "cm": "centimeter", "centimetre": "centimeter", "centimetres": "centimeter",
    "mm": "millimeter", "millimetre": "millimeter", "millimetres": "millimeter",
    "ft": "foot", "foot": "foot", "feet": "foot",
    "hectare": "hectare", "hectares": "hectare", "ha": "hectare",
    "acre": "acre", "acres": "acre",
    "square kilometre": "kilometer ** 2", "square kilometres": "kilometer ** 2",
    "square kilometer": "kilometer ** 2", "square kilometers": "kilometer ** 2",
    "sq km": "kilometer ** 2", "km2": "kilometer ** 2", "km²": "kilometer ** 2",
    "square mile": "mile ** 2", "square miles": "mile ** 2",
    "cubic metre": "meter ** 3", "cubic metres": "meter ** 3", "cubic meter": "meter ** 3",
    "cubic meters": "meter ** 3", "m3": "meter ** 3", "m³": "meter ** 3",
    "tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne", "t": "tonne",
    "metric tons": "tonne", "metric tonnes": "tonne",
    "kg": "kilogram", "kilogram": "kilogram", "kilograms": "kilogram", "kilo": "kilogram", "kilos": "kilogram",
    "litre": "liter", "litres": "liter", "liter": "liter", "liters": "liter",
    "gallon": "gallon", "gallons": "gallon", "barrel": "barrel", "barrels": "barrel",
    "degree": "degree_Celsius", "degrees": "degree_Celsius", "degrees celsius": "degree_Celsius",
    "°c": "degree_Celsius", "degrees fahrenheit": "degree_Fahrenheit", "°f": "degree_Fahrenheit",
    "mw": "megawatt", "megawatts": "megawatt", "gw": "gigawatt", "gigawatts": "gigawatt",
    "kwh": "kilowatt_hour", "mph": "mile / hour", "km/h": "kilometer / hour",
}

# pint spells tonne "metric_ton"; the contract (and the gold) use the alias "tonne"
_DISPLAY = {"metric_ton": "tonne"}


@lru_cache(maxsize=1)
def registry():
    """The application's pint registry, built once on first use (pint takes ~0.5 s to load)."""
    import pint

    ureg = pint.UnitRegistry()
    ureg.define("gold_month = 30.4375 * day")
    ureg.define("gold_year = 365.25 * day")
    return ureg


def canonical_unit(name: str) -> str:
    """Pint's canonical spelling of a unit name ("kilometer**2" -> "kilometer ** 2")."""
    text = str(registry().Unit(name))
    return _DISPLAY.get(text, text)


def to_days(value: float | None, unit: str) -> float | None:
    """A stated duration in days, with the gold's calendar."""
    if value is None:
        return None
    return round(value * DAYS[unit], 6)
