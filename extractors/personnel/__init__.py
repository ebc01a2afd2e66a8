"""People: troops and workers (`personnel`) and civilian head counts (`count` of `person`)."""
from extractors.personnel.rules import PERSONNEL_NOUNS, PEOPLE_NOUNS, people_kind

__all__ = ["PERSONNEL_NOUNS", "PEOPLE_NOUNS", "people_kind"]
