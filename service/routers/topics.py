import json
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response

from schemas import Disagreement, DisagreementPage, Kind, TopicPage, TopicView
from service.cache import ByteBoundedLRU
from service.deps import PageDep, SessionDep, encode_cursor, invalid_query
from service.errors import problem_responses
from service.reconcile import topic_view
from service.routers.examples import DISAGREEMENT, TOPIC_SUMMARY, TOPIC_VIEW, json_example
from service.security import ReadKey
from service.store.queries import TOPIC_SORT_KEY_TYPES, TopicSort, list_topics, topic_version
from service.store.reads import articles_by_id, claims_of_topic

router = APIRouter(prefix="/v1/topics", tags=["topics"], dependencies=[ReadKey],
                   responses=problem_responses(401, 403))

TopicKey = Annotated[str, Path(max_length=200, description="Topic key (a stable slug).",
                               examples=["dprk-troops-in-russia"])]


class ViewCache:
    """Topic views by (key, data version): a view is recomputed only when its claims or articles change.

    Holds each view's JSON (what a hit sends) and its disagreements (what the disagreements list pages
    through), least recently used first out once `max_bytes` of JSON are held. Each entry also remembers
    the store's `DataVersion` it was last confirmed at: while that has not moved, the entry is served
    without asking the store anything.
    """

    def __init__(self, max_bytes: int) -> None:
        self._entries = ByteBoundedLRU(max_bytes)

    def get(self, key: str, *, version: tuple | None = None, store: int | None = None):
        """The entry of `key` if it is of `version`, or (without a version) confirmed at `store`."""
        entry = self._entries.get(key)
        if entry is None or (entry[0] != version if version is not None else store is None or entry[1] != store):
            return None
        if version is not None and entry[1] != store:
            self.put(key, version=version, store=store, body=entry[2], disagreements=entry[3])
        return entry[2], entry[3]

    def put(self, key: str, *, version: tuple, store: int | None, body: bytes, disagreements: list[Disagreement]) -> None:
        self._entries.put(key, (version, store, body, disagreements), len(body))


def _view(request: Request, session, key: str) -> tuple[bytes, list[Disagreement]]:
    cache: ViewCache = request.app.state.topic_views
    store = request.app.state.data_version.current()  # read first: what follows is at least this new
    if (hit := cache.get(key, store=store)) is not None:
        return hit
    version = topic_version(session, key=key)
    if version is None:
        raise HTTPException(404, f"No topic {key!r}; GET /v1/topics lists the known ones.")
    if (hit := cache.get(key, version=version, store=store)) is not None:
        return hit
    claims = claims_of_topic(session, topic=key)
    view = topic_view(key, claims, articles=articles_by_id(session, ids={c.article_id for c in claims}))
    body = view.model_dump_json().encode()
    cache.put(key, version=version, store=store, body=body, disagreements=view.disagreements)
    return body, view.disagreements


@router.get("", response_model=TopicPage, operation_id="topics-list", summary="List topics",
            responses={200: json_example({"items": [TOPIC_SUMMARY], "next_cursor": None})})
def list_all_topics(
    session: SessionDep, page: PageDep,
    kind: Annotated[Kind | None, Query(description="Only topics of this kind.")] = None,
    q: Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00]*$",
                                   description="Text the label or key contains (any case).")] = None,
    sort: Annotated[TopicSort, Query(description="`claims` (most first), `disagreements` (most first) or "
                                                 "`latest` (most recent figure first); ties by key.")] = TopicSort.claims,
) -> Response:
    """Topic summaries, read from the precomputed `topics` table."""
    scope = f"topics:{sort.value}"
    summaries, last = list_topics(session, limit=page.limit, after=page.after(scope, *TOPIC_SORT_KEY_TYPES[sort]),
                                  sort=sort, kind=kind.value if kind else None, q=q)
    cursor = json.dumps(last and encode_cursor(scope, *last))
    return Response(f'{{"items":[{",".join(summaries)}],"next_cursor":{cursor}}}', media_type="application/json")


@router.get("/{key}", response_model=TopicView, operation_id="topics-get", summary="Get a topic view",
            responses={200: json_example(TOPIC_VIEW), **problem_responses(404)})
def read_topic(key: TopicKey, session: SessionDep, request: Request) -> Response:
    """What the sources say about one quantity: range, consensus, latest, timeline, sources, disagreements."""
    return Response(_view(request, session, key)[0], media_type="application/json")


@router.get("/{key}/disagreements", response_model=DisagreementPage, operation_id="topics-disagreements",
            summary="List a topic's disagreements",
            responses={200: json_example({"items": [DISAGREEMENT], "next_cursor": None}), **problem_responses(404)})
def read_topic_disagreements(key: TopicKey, session: SessionDep, request: Request, page: PageDep) -> DisagreementPage:
    """The topic's disagreements, most severe first."""
    scope = f"disagreements:{key}"
    start = (page.after(scope, int) or (0,))[0]
    if start < 0:
        raise invalid_query("cursor", "not a cursor of this list; leave it out to start again", page.cursor)
    found = _view(request, session, key)[1]
    items = found[start:start + page.limit]
    more = start + page.limit < len(found)
    return DisagreementPage(items=items, next_cursor=encode_cursor(scope, start + page.limit) if more else None)
