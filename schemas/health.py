"""Liveness and readiness answers."""
from pydantic import BaseModel, Field


class Health(BaseModel):
    status: str = Field(description="`ok` when the process (liveness) or the store (readiness) answers.",
                        examples=["ok"])
