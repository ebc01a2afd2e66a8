"""Ingestion: read documents, extract their claims, store each article in one transaction."""
from service.ingest.pipeline import IngestSummary, Prepared, ingest_articles, prepare, store_prepared

__all__ = ["IngestSummary", "Prepared", "ingest_articles", "prepare", "store_prepared"]
