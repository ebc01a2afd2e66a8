"""Personnel rules: which counted nouns are people, and which people are `personnel` (troops, police,
firefighters, observers, workers, staff, union members, fighters: expected_topics.md decision 3) rather
than civilian head counts (`count` with unit `person`)."""
from __future__ import annotations

PERSONNEL_NOUNS = frozenset("""troop soldier serviceman servicemen servicewoman personnel force fighter militant
combatant police policeman policemen officer firefighter fireman firemen observer monitor worker staff employee
member dockworker docker peacekeeper marine guard rescuer volunteer medic striker miner recruit reservist conscript
mercenary contractor guardsman paratrooper commando sapper engineer specialist troop infantryman gunner pilot
crewman deputy agent inspector ranger trooper staffer nurse doctor teacher driver""".split())
PEOPLE_NOUNS = frozenset("""person people civilian resident refugee migrant evacuee voter fan supporter spectator
marcher protester protestor demonstrator passenger patient child student pilgrim tourist visitor inhabitant
relative family household hostage crew crowd sailor seafarer arrival asylum-seeker seeker holder survivor adult man
woman girl boy individual inmate detainee other citizen national expatriate participant attendee shopper customer
user subscriber listener viewer reader resident worshipper mourner farmer villager islander defector climber hiker swimmer commuter pedestrian
motorist cyclist fisherman fishermen labourer pupil teenager infant baby victim journalist reporter activist
korean russian filipino ukrainian american chinese syrian afghan sudanese""".split())

_PEOPLE_UNIT_SELF = frozenset({"family", "household"})


def people_kind(noun: str) -> tuple[str, str] | None:
    """(kind, unit) for a singular counted noun that names people, or None."""
    n = noun.lower()
    if n in ("crew", "personnel", "staff", "police"):
        return ("count", "person") if n == "crew" else ("personnel", "person")
    if n in PERSONNEL_NOUNS:
        return "personnel", "person"
    if n in _PEOPLE_UNIT_SELF:
        return "count", n
    if n in PEOPLE_NOUNS:
        return "count", "person"
    return None


import re as _re

EMPLOYED = _re.compile(r"\b(?:employs|employing|employed|employ|workforce\s+of|staff\s+of|payroll\s+of|strength\s+(?:stands\s+at|of|is|was|at)|troop\s+ceiling\s+(?:to|of|at)|headcount\s+of)\s+(?:(?:some|about|around|roughly|nearly|almost|over|more\s+than|approximately)\s+)?$", _re.I)


def employed_before(prefix: str) -> bool:
    """"employs 6,200 people", "strength stands at 8,610": the people counted are staff (personnel)."""
    return bool(EMPLOYED.search(prefix))
