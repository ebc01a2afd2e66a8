"""Article and claim writes, keyword-only, in the caller's transaction (one per article)."""
import hashlib
import unicodedata

from sqlalchemy.orm import Session

from schemas import ArticleCreate, ArticleIngestResult, Claim
from service.store.reads import METADATA_FIELDS, article_read
from service.store.tables import ArticleRow, ClaimRow
from service.store.topics import refresh_topics


def normalise_text(text: str) -> str:
    """NFC, unified newlines, no trailing blanks: the same article read twice hashes the same."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def article_id_of(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


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


def save_article(session: Session, *, article: ArticleCreate, claims: list[Claim],
                 extractor_version: str) -> ArticleIngestResult:
    """Store an article and its claims in the caller's transaction; a known text only updates metadata."""
    text = normalise_text(article.text)
    aid = article_id_of(text)
    row = session.get(ArticleRow, aid)
    status = "new"
    if row is None:
        row = ArticleRow(id=aid, text=text, n_claims=len(claims), extractor_version=extractor_version,
                         **{f: getattr(article, f) for f in METADATA_FIELDS})
        session.add(row)
        session.add_all(_claim_rows(aid, claims, extractor_version))
        refresh_topics(session, keys={c.topic for c in claims})
    else:
        changed = {f: getattr(article, f) for f in METADATA_FIELDS
                   if getattr(article, f) is not None and getattr(article, f) != getattr(row, f)}
        status = "updated" if changed else "unchanged"
        for f, v in changed.items():
            setattr(row, f, v)
    session.flush()
    return ArticleIngestResult(status=status, **article_read(row).model_dump())


def replace_claims(session: Session, *, article_id: str, claims: list[Claim], extractor_version: str) -> None:
    """Swap an article's claims for a newer extractor's, in the caller's transaction."""
    row = session.get(ArticleRow, article_id)
    old_topics = {c.topic for c in row.claims}
    for old in list(row.claims):
        session.delete(old)
    session.flush()
    session.add_all(_claim_rows(article_id, claims, extractor_version))
    row.n_claims = len(claims)
    row.extractor_version = extractor_version
    refresh_topics(session, keys={c.topic for c in claims} | old_topics)


def delete_article(session: Session, *, article_id: str) -> bool:
    """Delete an article and its claims, and refresh the topics they were in."""
    row = session.get(ArticleRow, article_id)
    if row is None:
        return False
    topics = {c.topic for c in row.claims}
    session.delete(row)
    refresh_topics(session, keys=topics)
    return True
