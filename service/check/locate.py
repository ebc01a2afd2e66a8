"""Where a figure sits in the file as written, when its span indexes the reader's text (front matter
stripped, HTML turned to text): CI annotations point at lines of the file, not of the extracted text."""
from service.check.run import Position


def _line_col(raw: str, offset: int) -> tuple[int, int]:
    line_start = raw.rfind("\n", 0, offset) + 1
    return raw.count("\n", 0, offset) + 1, offset - line_start + 1


def _offset_in(raw: str, text: str, start: int, end: int) -> int:
    """The quote with some context around it if that is unique in the file, else its same-numbered occurrence."""
    if raw == text:
        return start
    for pad in (40, 12):
        a = max(0, start - pad)
        context = text[a:end + pad]
        i = raw.find(context)
        if i >= 0 and raw.find(context, i + 1) < 0:
            return i + start - a
    quote = text[start:end]
    i = -1
    for _ in range(text.count(quote, 0, start) + 1):
        i = raw.find(quote, i + 1)
        if i < 0:
            return 0
    return i


def position(raw: str, text: str, span: list[int]) -> Position:
    """1-based line and column of `text[span[0]:span[1]]` in `raw`; the top of the file when it cannot be found."""
    start, end = span
    offset = _offset_in(raw, text, start, end)
    return Position(*_line_col(raw, offset), *_line_col(raw, offset + end - start))
