"""Extraction on a Dask cluster, storing from the client: workers need the code, never the database."""
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from service.ingest.pipeline import Document, PreparedDocument, prepare_each

BATCH = 16      # articles per task: enough to hide the scheduler's per-task cost
IN_FLIGHT = 64  # tasks submitted ahead of the writer: bounds client memory on a large corpus


@contextmanager
def dask_client(scheduler: str | None = None, *, workers: int = 2, processes: bool = True):
    """A client of the cluster at `scheduler`, or of a small local cluster started (and stopped) here."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def prepare_on_dask(client, documents: Iterable[Document], *, batch: int = BATCH,
                    in_flight: int = IN_FLIGHT) -> Iterator[PreparedDocument]:
    """`prepare` on the cluster, yielding in input order, so that storing is as deterministic as serially
    (the same text twice with different metadata ends with the later metadata)."""
    pending: deque = deque()

    def flush(chunk: list[Document]) -> None:
        readable = [a for _, a in chunk if not isinstance(a, Exception)]
        future = client.submit(prepare_each, readable, pure=False) if readable else None
        pending.append((chunk, future))

    def drain_one() -> Iterator[PreparedDocument]:
        chunk, future = pending.popleft()
        try:
            results = iter(future.result()) if future is not None else iter(())
        except Exception as exc:  # noqa: BLE001 - a lost task fails its articles, not the batch
            results = iter([exc] * len(chunk))
        for name, article in chunk:
            yield name, article if isinstance(article, Exception) else next(results)

    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) == batch:
            flush(chunk)
            chunk = []
            if len(pending) > in_flight:
                yield from drain_one()
    if chunk:
        flush(chunk)
    while pending:
        yield from drain_one()
