"""Typed settings read from the environment (prefix `TALLY_`), shared by the server and the CLI."""
from functools import cached_property
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DB_PATH = Path("var") / "tally.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TALLY_", env_file=None, extra="ignore")

    database_url: str = Field(f"sqlite:///{DEFAULT_DB_PATH}", description="SQLAlchemy URL of the store.")
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    api_keys: str = Field("", description="Comma-separated keys allowed to write.")
    read_requires_key: bool = Field(False, description="Close reads to callers without a key.")
    cors_origins: str = Field("", description="Comma-separated origins allowed by CORS.")
    max_body_bytes: int = Field(2_000_000, ge=1)
    view_cache_bytes: int = Field(256 * 2**20, ge=0, description="Memory per process for computed topic views.")
    response_cache_bytes: int = Field(
        256 * 2**20, ge=0, description="Memory per process for repeated GET answers under /v1, served while a "
                                       "SQLite store is unchanged; 0 turns it off.")
    log_json: bool = False
    topic_catalog: Path | None = Field(None, description="Extra topic catalog (YAML) merged over the shipped one.")
    source_aliases: Path | None = Field(None, description="Extra source aliases (YAML) merged over the shipped ones.")

    @field_validator("database_url")
    @classmethod
    def _known_scheme(cls, v: str) -> str:
        if not v.split(":", 1)[0].split("+", 1)[0] in {"sqlite", "postgresql"}:
            raise ValueError("TALLY_DATABASE_URL must be a sqlite:/// or postgresql+psycopg:// URL")
        return v

    @cached_property
    def api_key_list(self) -> tuple[str, ...]:
        return tuple(k.strip() for k in self.api_keys.split(",") if k.strip())

    @cached_property
    def cors_origin_list(self) -> tuple[str, ...]:
        return tuple(o.strip() for o in self.cors_origins.split(",") if o.strip())
