"""What a server process keeps of answers it can repeat: a least-recently-used map bounded by the bytes its
values hold (a large store does not grow the process without limit), and what tells which answers about a
topic a write left fresh."""
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from service.store.queries import DataVersion


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


class TopicChanges:
    """Which topics moved since an answer was computed, from the store's topic change log.

    `sync()` reads the data version and, when it moved, the log rows this process has not seen; an answer
    about a topic, stamped with the `seq` seen before it was computed, stays fresh while no later log row
    names its topic. When the log was pruned past what this process saw, every older stamp is stale.
    """

    def __init__(self, store: DataVersion) -> None:
        self._store = store
        self.version: int | None = None
        self.seq = self.floor = store.newest_change() if store.current() is not None else 0
        self._changed: dict[str, int] = {}

    def sync(self) -> int | None:
        """The store's data version now (None: no version, nothing can be cached)."""
        version = self._store.current()
        if version is not None and version != self.version:
            rows = self._store.topic_changes(after=self.seq)
            if rows:
                if rows[0][0] != self.seq + 1:  # rows this process never saw were pruned
                    self.floor = rows[-1][0]
                    self._changed.clear()
                self._changed.update((topic, seq) for seq, topic in rows)
                self.seq = rows[-1][0]
            self.version = version
        return version

    def fresh(self, topic: str, stamp: int) -> bool:
        return stamp >= self.floor and self._changed.get(topic, 0) <= stamp
