"""A least-recently-used map bounded by the bytes its values hold: what a server process keeps of answers
it can repeat, without letting a large store grow the process without limit."""
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class ByteBoundedLRU:
    """Values with a size in bytes; the least recently used go first once more than `max_bytes` are held.

    A value larger than the whole budget is not kept at all. Thread-safe: the endpoints run in a thread
    pool while the middleware runs on the event loop.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key: Hashable, value: Any, size: int) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            if size > self.max_bytes:
                return
            self._items[key] = (value, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                self._bytes -= self._items.popitem(last=False)[1][1]
