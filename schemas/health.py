"""Liveness and readiness answers."""
from pydantic import BaseModel, Field


class Health(BaseModel):
    """Liveness or readiness."""

    status: str = Field(description="`ok` when the process (liveness) or the store (readiness) answers.",
                        examples=["ok"])
