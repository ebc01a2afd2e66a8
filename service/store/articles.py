"""Article and claim writes and reads, keyword-only, one transaction per article."""
import hashlib
import unicodedata

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schemas import ArticleCreate, ArticleDetail, ArticleIngestResult, ArticleRead, Claim, ClaimRead
from service.store.tables import ArticleRow, ClaimRow

METADATA_FIELDS = ("source_id", "url", "title", "outlet", "published", "language")


def normalise_text(text: str) -> str:
    """NFC, unified newlines, no trailing blanks: the same article read twice hashes the same."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def article_id_of(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def claim_id_of(article_id: str, claim: Claim) -> str:
    raw = f"{article_id}:{claim.span[0]}:{claim.span[1]}:{claim.kind.value}"
    return "c-" + hashlib.sha256(raw.encode()).hexdigest()[:16]


def article_read(row: ArticleRow) -> ArticleRead:
    return ArticleRead(id=row.id, n_claims=row.n_claims, extractor_version=row.extractor_version,
                       **{f: getattr(row, f) for f in METADATA_FIELDS})


def article_detail(row: ArticleRow) -> ArticleDetail:
    return ArticleDetail(text=row.text, **article_read(row).model_dump())


def claim_read(row: ClaimRow) -> ClaimRead:
    return ClaimRead(id=row.id, article_id=row.article_id, extractor_version=row.extractor_version, **row.record)


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
    for old in list(row.claims):
        session.delete(old)
    session.flush()
    session.add_all(_claim_rows(article_id, claims, extractor_version))
    row.n_claims = len(claims)
    row.extractor_version = extractor_version


def get_article(session: Session, *, article_id: str) -> ArticleRow | None:
    return session.get(ArticleRow, article_id)


def count_articles(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ArticleRow)) or 0


def claims_of_article(session: Session, *, article_id: str) -> list[ClaimRead]:
    rows = session.scalars(select(ClaimRow).where(ClaimRow.article_id == article_id).order_by(ClaimRow.ordinal))
    return [claim_read(r) for r in rows]


def claims_of_topic(session: Session, *, topic: str) -> list[ClaimRead]:
    rows = session.scalars(select(ClaimRow).where(ClaimRow.topic == topic).order_by(ClaimRow.id))
    return [claim_read(r) for r in rows]


def topic_keys(session: Session) -> list[str]:
    return list(session.scalars(select(ClaimRow.topic).distinct().order_by(ClaimRow.topic)))


def articles_by_id(session: Session, *, ids: set[str]) -> dict[str, ArticleRead]:
    rows = session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids))) if ids else []
    return {r.id: article_read(r) for r in rows}
