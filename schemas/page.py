"""The list envelope of spec/api.md."""
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T] = Field(description="Items of this page, in a stable order.")
    next_cursor: str | None = Field(None, description="Opaque cursor of the next page; null on the last page.")
