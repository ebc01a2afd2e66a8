"""The store: SQLAlchemy tables and keyword-only data functions. I/O lives here, not in the core."""
from service.store.engine import make_engine, make_sessionmaker
from service.store.tables import ArticleRow, Base, ClaimRow

__all__ = ["ArticleRow", "Base", "ClaimRow", "make_engine", "make_sessionmaker"]
