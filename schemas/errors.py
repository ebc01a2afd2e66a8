"""RFC 9457 problem details, the body of every error."""
from pydantic import BaseModel, Field


class ProblemItem(BaseModel):
    """One invalid field."""

    loc: list[str | int] = Field(description="Where the problem is: `body`, `text` ...")
    msg: str = Field(description="What is wrong there.")


class Problem(BaseModel):
    """An error, as RFC 9457 problem details."""

    type: str = Field("about:blank", description="URI identifying the problem type.")
    title: str = Field(description="Short summary of the problem type.")
    status: int = Field(description="HTTP status code.")
    detail: str = Field(description="What happened and how to fix it.")
    errors: list[ProblemItem] | None = Field(None, description="Validation errors, one per field.")
