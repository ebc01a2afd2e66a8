"""Issue 8: the dashboard, served by the API itself (HTML pages with inline SVG charts, no JavaScript)."""
from service.dashboard.routes import router

__all__ = ["router"]
