"""Turn files and folders into ArticleCreate records, or the reason a document could not be read.

Formats: `.txt`/`.md` (first line the title, optional YAML front matter), `.html`/`.htm` (main text by
trafilatura), `.json` (one record or a list) and `.jsonl` (one record a line) with the fields `id`, `url`,
`title`, `outlet`, `published`, `language`, `text`. A folder's `articles.jsonl` holds the metadata of the
text files beside it, matched by file name or stem. Errors are yielded, never raised, so a batch goes on.
"""
import json
import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from pydantic import ValidationError

from schemas import ArticleCreate
from schemas.types import PARTIAL_DATE_PATTERN

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
METADATA_FILE = "articles.jsonl"
DEFAULT_MAX_BYTES = 10_000_000
# Metadata keys taken from front matter and records; other keys (author, tags, genre ...) are ignored.
META_KEYS = ("id", "url", "title", "outlet", "published", "language")


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as written, so `2024-10` and a bad `2024-13-01` both reach validation."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

Read = tuple[str, ArticleCreate | Exception]


class ReadError(ValueError):
    """Why one document could not be read; the message is shown to the user as is."""


def folder_metadata(folder: Path) -> dict[str, dict]:
    """The records of `folder/articles.jsonl` by id; an unreadable file is an error (its texts would lose metadata)."""
    meta_file = folder / METADATA_FILE
    if not meta_file.is_file():
        return {}
    meta = {}
    for n, line in enumerate(meta_file.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ReadError(f"{meta_file}:{n}: not JSON ({exc.msg})") from None
            if not isinstance(rec, dict):
                raise ReadError(f"{meta_file}:{n}: a record must be a JSON object, not {type(rec).__name__}")
            meta[str(rec.get("id"))] = rec
    return meta


def read_paths(paths: list[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Read]:
    """Yield (name, article or error) per document. Folders are walked recursively; there, files of other
    types, hidden files and JSON data that are not articles (no `text`, e.g. `gold.jsonl`) are passed over."""
    metadata: dict[Path, dict[str, dict]] = {}

    def meta_of(folder: Path) -> Iterator[Read]:
        """Load a folder's metadata once; if it is unreadable, say so once and go on without it."""
        if folder not in metadata:
            try:
                metadata[folder] = folder_metadata(folder)
            except (OSError, UnicodeDecodeError, ReadError) as exc:
                metadata[folder] = {}
                yield str(folder / METADATA_FILE), _read_error(exc)

    for path in paths:
        if path.is_dir():
            for folder, files in _walk(path):
                yield from meta_of(folder)
                for child in files:
                    yield from _read_file(child, metadata[folder], max_bytes=max_bytes, in_folder=True)
        elif not path.exists():
            yield str(path), ReadError("no such file or folder")
        else:
            yield from meta_of(path.parent)
            yield from _read_file(path, metadata[path.parent], max_bytes=max_bytes, in_folder=False)


def _walk(root: Path) -> Iterator[tuple[Path, list[Path]]]:
    """Each folder under `root` (itself included, sorted) with its readable files, metadata file excepted."""
    folders = [root, *sorted(p for p in root.rglob("*") if p.is_dir() and not _hidden(p, root))]
    for folder in folders:
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES
                       and p.name != METADATA_FILE and not p.name.startswith("."))
        yield folder, files


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read_file(path: Path, meta: dict[str, dict], *, max_bytes: int, in_folder: bool) -> Iterator[Read]:
    suffix = path.suffix.lower()
    try:
        if suffix not in SUFFIXES:
            raise ReadError(f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(sorted(SUFFIXES))}")
        if suffix == ".jsonl":
            yield from _jsonl_records(path, max_bytes=max_bytes, in_folder=in_folder)
            return
        raw = _read_bytes(path, max_bytes)
        if suffix == ".json":
            yield from _json_records(path, raw, in_folder=in_folder)
        elif suffix in HTML_SUFFIXES:
            yield str(path), _from_html(raw, meta.get(path.name) or meta.get(path.stem) or {}, path)
        else:
            yield str(path), _from_text(raw, meta.get(path.name) or meta.get(path.stem) or {}, path)
    except (OSError, UnicodeDecodeError, ValidationError, ReadError) as exc:
        yield str(path), _read_error(exc)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing empty, oversized (checked before reading) and binary files."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ReadError(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit (--max-bytes)")
    raw = path.read_bytes()
    if not raw.strip():
        raise ReadError("empty file")
    if b"\x00" in raw:
        raise ReadError("binary file (contains NUL bytes), not text")
    return raw


def _from_text(raw: bytes, meta: dict, path: Path) -> ArticleCreate:
    """`.txt`/`.md`: front matter over the folder's metadata over the first line as title."""
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    front = {}
    match = FRONT_MATTER.match(text)
    if match:
        try:
            front = yaml.load(match.group(1), Loader=_FrontMatterLoader) or {}
        except yaml.YAMLError as exc:
            raise ReadError(f"front matter is not valid YAML: {str(exc).splitlines()[0]}") from None
        if not isinstance(front, dict):
            raise ReadError("front matter is not a mapping of keys to values")
        text = text[match.end():]
    if not text.strip():
        raise ReadError("no text after the front matter" if match else "empty file")
    first_line = text.strip().split("\n", 1)[0]
    title = first_line.lstrip("#").strip() if path.suffix.lower() == ".md" else first_line.strip()
    fields = {**_meta_fields(meta), **_meta_fields(front)}
    return ArticleCreate(text=text, **{"title": title[:1000], "source_id": path.name, **fields})


def _from_html(raw: bytes, meta: dict, path: Path) -> ArticleCreate:
    import trafilatura

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=True)
    if doc is None or not (doc.text or "").strip():
        raise ReadError("no main text found in the HTML")
    found = {"title": doc.title, "outlet": doc.sitename, "url": doc.url,
             "published": doc.date if doc.date and re.match(PARTIAL_DATE_PATTERN, doc.date) else None}
    fields = {**{k: v for k, v in found.items() if v}, **_meta_fields(meta)}
    return ArticleCreate(text=doc.text, **{"source_id": path.name, **fields})


def _json_records(path: Path, raw: bytes, *, in_folder: bool) -> Iterator[Read]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise ReadError(f"not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    records = data if isinstance(data, list) else [data]
    if in_folder and not _looks_like_articles(records[0] if records else None):
        return
    for i, rec in enumerate(records):
        yield (f"{path}[{i}]" if isinstance(data, list) else str(path)), _guarded(rec)


def _jsonl_records(path: Path, *, max_bytes: int, in_folder: bool) -> Iterator[Read]:
    """One article a line, streamed; `max_bytes` bounds each line, so a large dump is fine."""
    with path.open("rb") as fh:
        seen = False
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            name = f"{path}:{n}"
            try:
                if len(line) > max_bytes:
                    raise ReadError(f"record is {len(line) / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit")
                try:
                    rec = json.loads(line.decode("utf-8-sig"))
                except json.JSONDecodeError as exc:
                    raise ReadError(f"not JSON ({exc.msg} at column {exc.colno})") from None
            except (UnicodeDecodeError, ReadError) as exc:
                yield name, _read_error(exc)
                continue
            if not seen and in_folder and not _looks_like_articles(rec):
                return
            seen = True
            yield name, _guarded(rec)
        if not seen and not in_folder:
            yield str(path), ReadError("empty file")


def _looks_like_articles(first) -> bool:
    return isinstance(first, dict) and "text" in first


def _from_record(rec) -> ArticleCreate:
    if not isinstance(rec, dict):
        raise ReadError(f"a record must be a JSON object, not {type(rec).__name__}")
    if not isinstance(rec.get("text"), str) or not rec["text"].strip():
        raise ReadError("record has no `text`")
    return ArticleCreate(text=rec["text"], **_meta_fields(rec))


def _meta_fields(meta: dict) -> dict:
    """The known metadata keys, as ArticleCreate fields (a YAML or JSON number, `published: 2024`, is text)."""
    return {"source_id" if key == "id" else key: str(meta[key]) for key in META_KEYS if meta.get(key) is not None}


def _guarded(rec) -> ArticleCreate | Exception:
    try:
        return _from_record(rec)
    except (ValidationError, ReadError) as exc:
        return _read_error(exc)


def _read_error(exc: Exception) -> ReadError:
    """One readable line per failure: which field was wrong and why, or which byte was not UTF-8."""
    if isinstance(exc, ReadError):
        return exc
    if isinstance(exc, ValidationError):
        return ReadError("; ".join(_field_error(e) for e in exc.errors()))
    if isinstance(exc, UnicodeDecodeError):
        return ReadError(f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})")
    return ReadError(f"cannot read: {exc.strerror or exc}" if isinstance(exc, OSError) else str(exc))


def _field_error(err: dict) -> str:
    field = ".".join(str(p) for p in err["loc"]) or "record"
    if field == "published" and err["type"] == "string_pattern_mismatch":
        return f"published: {err['input']!r} is not an ISO date (2024-10-28, 2024-10, 2024 or 2024-autumn)"
    return f"{field}: {err['msg']}"
