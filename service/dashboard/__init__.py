"""Issue 8: the dashboard, served by the API itself (HTML pages with inline SVG charts, no JavaScript)."""
from service.dashboard.router import router

__all__ = ["router"]
