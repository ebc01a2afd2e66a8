"""All routers, in the order they appear in the spec."""
from service import dashboard
from service.routers import articles, check, health, topics

ROUTERS = [articles.router, topics.router, health.router, dashboard.router, check.router]
