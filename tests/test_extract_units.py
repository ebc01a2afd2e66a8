"""The unit tables are pint units, and the duration calendar is the gold's."""
from extractors.units import DAYS, MEASURE_UNITS, canonical_unit, registry, to_days


def test_every_measure_unit_is_a_pint_unit():
    for written, name in MEASURE_UNITS.items():
        assert canonical_unit(name) in (name, "tonne"), (written, name)


def test_duration_calendar():
    assert DAYS["month"] == 30.4375 and DAYS["year"] == 365.25
    assert to_days(4, "month") == 121.75 and to_days(72, "hour") == 3


def test_one_registry():
    assert registry() is registry()
    ureg = registry()
    assert round(ureg.Quantity(1, "gold_month").to("day").magnitude, 4) == 30.4375
