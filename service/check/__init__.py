"""The publishing gate (reconciliation.md §4): a verdict per figure of an unpublished article, and reports.

`check_claims` is pure; `views` holds the store and HTTP adapters; `formats` renders reports.
"""
from service.check.run import CheckInputError, FileReport, Position, ViewSource, check_claims, failed, views_for

__all__ = ["CheckInputError", "FileReport", "Position", "ViewSource", "check_claims", "failed", "views_for"]
