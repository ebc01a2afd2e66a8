"""Turn files and folders into ArticleCreate records (or the reason they could not be read)."""
import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from schemas import ArticleCreate

TEXT_SUFFIXES = {".txt", ".md"}
METADATA_FILE = "articles.jsonl"


def folder_metadata(folder: Path) -> dict[str, dict]:
    meta_file = folder / METADATA_FILE
    if not meta_file.is_file():
        return {}
    meta = {}
    for line in meta_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            meta[str(rec.get("id"))] = rec
    return meta


def _from_text_file(path: Path, meta: dict) -> ArticleCreate:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise ValueError("binary file (contains NUL bytes)")
    text = raw.decode("utf-8")
    if not text.strip():
        raise ValueError("empty article")
    title = meta.get("title") or text.strip().split("\n", 1)[0][:1000]
    return ArticleCreate(text=text, title=title, source_id=meta.get("id") or path.name,
                         outlet=meta.get("outlet"), url=meta.get("url"), published=meta.get("published"),
                         language=meta.get("language") or "en")


def read_paths(paths: list[Path]) -> Iterator[tuple[str, ArticleCreate | Exception]]:
    """Yield (name, article) per document; errors are yielded, not raised, so a batch goes on."""
    for path in paths:
        if path.is_dir():
            meta = folder_metadata(path)
            for child in sorted(path.iterdir()):
                if child.suffix in TEXT_SUFFIXES and child.name != METADATA_FILE:
                    yield from _read_one(child, meta.get(child.name) or meta.get(child.stem) or {})
        else:
            meta = folder_metadata(path.parent)
            yield from _read_one(path, meta.get(path.name) or meta.get(path.stem) or {})


def _read_one(path: Path, meta: dict) -> Iterator[tuple[str, ArticleCreate | Exception]]:
    try:
        yield str(path), _from_text_file(path, meta)
    except (OSError, UnicodeDecodeError, ValueError, ValidationError) as exc:
        yield str(path), exc
