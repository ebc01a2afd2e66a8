"""Article and claim writes, keyword-only, in the caller's transaction (one per article)."""
import hashlib
import unicodedata

from sqlalchemy.orm import Session

from schemas import ArticleCreate, ArticleIngestResult, Claim
from service.store.reads import METADATA_FIELDS, article_read
from service.store.tables import ArticleRow, ClaimRow
from service.store.topics import mark_topics, refresh_topics


def normalise_text(text: str) -> str:
    """NFC, unified newlines, no trailing blanks: the same article read twice hashes the same."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def text_sha256_of(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def article_id_of(text: str) -> str:
    return text_sha256_of(text)[:16]


class ArticleIdCollision(ValueError):
    """Two different texts share an id (the first 64 bits of their hash): refuse, never overwrite."""


def claim_id_of(article_id: str, claim: Claim) -> str:
    raw = f"{article_id}:{claim.span[0]}:{claim.span[1]}:{claim.kind.value}"
    return "c-" + hashlib.sha256(raw.encode()).hexdigest()[:16]


def _claim_rows(article_id: str, claims: list[Claim], extractor_version: str) -> list[ClaimRow]:
    return [
        ClaimRow(id=claim_id_of(article_id, c), article_id=article_id, ordinal=i, topic=c.topic, kind=c.kind.value,
                 attribution=c.attribution, as_of=c.as_of, hedged=c.hedged, extractor_version=extractor_version,
                 record=c.model_dump(mode="json"))
        for i, c in enumerate(claims)
    ]


def _touch_topics(session: Session, keys: set[str], *, defer: bool) -> None:
    (mark_topics if defer else refresh_topics)(session, keys=keys)


def save_article(session: Session, *, article: ArticleCreate, claims: list[Claim], extractor_version: str,
                 defer_topics: bool = False) -> ArticleIngestResult:
    """Store an article and its claims in the caller's transaction; a known text only updates metadata.

    `claims` must have been read from the normalised text with `article.published`. When a known text gets a
    new publication date its claims are replaced by `claims`, since relative dates ("on Monday") resolve
    against it; otherwise a known text keeps its claims. With `defer_topics` (bulk ingest) the claims'
    topics are queued for `refresh_pending` instead of being recomputed here.
    """
    text = normalise_text(article.text)
    sha = text_sha256_of(text)
    aid = sha[:16]
    row = session.get(ArticleRow, aid)
    status = "new"
    if row is None:
        row = ArticleRow(id=aid, text=text, text_sha256=sha, n_claims=len(claims),
                         extractor_version=extractor_version, **{f: getattr(article, f) for f in METADATA_FIELDS})
        session.add(row)
        session.add_all(_claim_rows(aid, claims, extractor_version))
        _touch_topics(session, {c.topic for c in claims}, defer=defer_topics)
    else:
        if (row.text_sha256 or sha) != sha:
            raise ArticleIdCollision(f"article id {aid} is taken by a different text")
        changed = {f: getattr(article, f) for f in METADATA_FIELDS
                   if getattr(article, f) is not None and getattr(article, f) != getattr(row, f)}
        status = "updated" if changed else "unchanged"
        for f, v in changed.items():
            setattr(row, f, v)
        if "published" in changed:
            replace_claims(session, article_id=aid, claims=claims, extractor_version=extractor_version,
                           defer_topics=defer_topics)
        elif changed:  # the topics' views and summaries show the article's source and title
            _touch_topics(session, {c.topic for c in row.claims}, defer=defer_topics)
    session.flush()
    return ArticleIngestResult(status=status, **article_read(row).model_dump())


def replace_claims(session: Session, *, article_id: str, claims: list[Claim], extractor_version: str,
                   defer_topics: bool = False) -> None:
    """Swap an article's claims for a newer extractor's, in the caller's transaction."""
    row = session.get(ArticleRow, article_id)
    old_topics = {c.topic for c in row.claims}
    for old in list(row.claims):
        session.delete(old)
    session.flush()
    session.add_all(_claim_rows(article_id, claims, extractor_version))
    row.n_claims = len(claims)
    row.extractor_version = extractor_version
    _touch_topics(session, {c.topic for c in claims} | old_topics, defer=defer_topics)


def delete_article(session: Session, *, article_id: str) -> bool:
    """Delete an article and its claims, and refresh the topics they were in."""
    row = session.get(ArticleRow, article_id)
    if row is None:
        return False
    topics = {c.topic for c in row.claims}
    session.delete(row)
    refresh_topics(session, keys=topics)
    return True
