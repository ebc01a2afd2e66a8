"""The two places topic views come from, each behind `view(key)`. They do I/O through what they are given
(a session, an httpx client), so the core stays testable without either."""
from urllib.parse import quote

import httpx
from sqlalchemy.orm import Session

from schemas import TopicView
from service.check.run import CheckInputError
from service.reconcile import topic_view
from service.store.reads import articles_by_id, claims_of_topic


class StoreViews:
    """Views computed from the store, as `GET /v1/topics/{key}` computes them; reads only."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def view(self, key: str) -> TopicView | None:
        claims = claims_of_topic(self.session, topic=key)
        if not claims:
            return None
        return topic_view(key, claims, articles=articles_by_id(self.session, ids={c.article_id for c in claims}))


class ApiViews:
    """Views fetched from a running Tally server; a 404 means the topic is new."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def view(self, key: str) -> TopicView | None:
        url = f"/v1/topics/{quote(key, safe='')}"
        try:
            response = self.client.get(url)
        except httpx.HTTPError as exc:
            raise CheckInputError(f"cannot reach {self.client.base_url}: {exc}") from exc
        if response.status_code == 404:
            return None
        if response.is_error:
            detail = response.text[:200].strip()
            raise CheckInputError(f"GET {self.client.base_url.join(url)} answered {response.status_code}: {detail}")
        return TopicView.model_validate(response.json())
