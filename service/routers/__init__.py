"""All routers, in the order they appear in the spec."""
from service import dashboard
from service.routers import articles, check, claims, extract, health, sources, topics

ROUTERS = [articles.router, claims.router, extract.router, topics.router, sources.router, health.router,
           dashboard.router, check.router]
