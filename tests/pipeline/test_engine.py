"""The staged pipeline engine: results, real concurrency, bounded memory, batching, cancellation, errors.

Every test that could hang on a broken engine consumes the pipeline in a helper thread with a
deadline, so a regression fails the test instead of freezing the suite. Deadlines are generous
guards only: no test depends on how fast the machine is. Tests wait for events, not for time to
pass, and "stops promptly" is measured in work (how much of the source is read after a cancel),
not in seconds.
"""

from __future__ import annotations

import itertools
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from acgdesk.pipeline.engine import CancelToken, PipelineError, Stage, run_pipeline


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """Every run must join all of its threads before the consumer gets control back."""
    baseline = {t.ident for t in threading.enumerate()}
    yield
    leaked = [t.name for t in threading.enumerate() if t.ident not in baseline and t.is_alive()]
    assert leaked == [], f"threads still running after the test: {leaked}"


def in_thread(fn: Callable[[], Any], timeout: float) -> tuple[Any, BaseException | None, float]:
    """Call ``fn`` in a helper thread; (result, exception, seconds). Fails if it takes too long."""
    out: list[Any] = [None]
    error: list[BaseException] = []

    def call() -> None:
        try:
            out[0] = fn()
        except BaseException as exc:
            error.append(exc)

    started = time.monotonic()
    t = threading.Thread(target=call, name="test-consumer", daemon=True)  # never blocks pytest's exit
    t.start()
    t.join(timeout)
    assert not t.is_alive(), f"still running after {timeout} s: the pipeline hangs"
    return out[0], (error[0] if error else None), time.monotonic() - started


def consume(it: Iterator[Any], timeout: float = 10.0) -> tuple[list[Any], BaseException | None, float]:
    """Drain ``it`` in a helper thread; (results so far, exception, seconds)."""
    results: list[Any] = []

    def drain() -> None:
        for item in it:
            results.append(item)

    _, error, elapsed = in_thread(drain, timeout)
    return results, error, elapsed


def _square(x: int) -> int:
    return x * x


def _plus_one_batch(items: list[int]) -> list[int]:
    assert isinstance(items, list)
    return [i + 1 for i in items]


def _drop_multiples_of_five(x: int) -> int | None:
    return None if x % 5 == 0 else x


STAGES = [
    Stage("square", _square, workers=3),
    Stage("batch", _plus_one_batch, workers=2, batch_size=4, batch_wait=0.01),
    Stage("filter", _drop_multiples_of_five, workers=2),
]


def _expected(source: list[int]) -> Counter[int]:
    return Counter(x * x + 1 for x in source if (x * x + 1) % 5 != 0)


class CountingSource:
    """An endless source that counts the items pulled from it, and those pulled after a cancel."""

    def __init__(self, cancel: CancelToken) -> None:
        self.cancel = cancel
        self.pulled = 0
        self.after_cancel = 0

    def __iter__(self) -> Iterator[int]:
        for i in itertools.count():
            self.pulled += 1
            if self.cancel.cancelled:
                self.after_cancel += 1
            yield i

    def assert_stopped_at_once(self) -> None:
        """The feeder checks for a cancel after every item it pulls: at most one comes after."""
        assert self.after_cancel <= 1, f"{self.after_cancel} items were read after the cancel"


# -- results -----------------------------------------------------------------------------------


def test_threaded_and_sequential_give_the_same_multiset() -> None:
    source = [i % 50 for i in range(1000)]  # duplicates: a set comparison would hide lost copies
    threaded, error, _ = consume(run_pipeline(iter(source), STAGES, cancel=CancelToken(), queue_size=8))
    assert error is None
    sequential = list(run_pipeline(iter(source), STAGES, cancel=CancelToken(), sequential=True))
    assert Counter(threaded) == Counter(sequential) == _expected(source)
    assert len(threaded) == sum(_expected(source).values()) > 0


def test_empty_source_and_no_stages() -> None:
    assert consume(run_pipeline(iter([]), STAGES, cancel=CancelToken()))[:2] == ([], None)
    results, error, _ = consume(run_pipeline(iter(range(5)), [], cancel=CancelToken()))
    assert (sorted(results), error) == ([0, 1, 2, 3, 4], None)


@pytest.mark.parametrize("sequential", [False, True])
def test_returning_none_drops_items(sequential: bool) -> None:
    def batch_drop_multiples_of_four(items: list[int]) -> list[int | None]:
        return [None if i % 4 == 0 else i for i in items]

    stages = [
        Stage("odd-only", lambda x: x if x % 2 else None, workers=2),
        Stage("batch", batch_drop_multiples_of_four, batch_size=3),
        Stage("times-four", lambda x: x * 4),
    ]
    results, error, _ = consume(
        run_pipeline(iter(range(100)), stages, cancel=CancelToken(), sequential=sequential)
    )
    assert error is None
    assert sorted(results) == [x * 4 for x in range(100) if x % 2]  # odd numbers are never % 4 == 0
    assert None not in results


# -- concurrency -------------------------------------------------------------------------------


def test_workers_of_one_stage_run_concurrently() -> None:
    """Three workers must all be inside ``fn`` at once, or the barrier breaks after its timeout."""
    barrier = threading.Barrier(3, timeout=5)
    names: list[str] = []
    lock = threading.Lock()

    def meet(x: int) -> int:
        with lock:
            names.append(threading.current_thread().name)
        barrier.wait()
        return x

    results, error, _ = consume(
        run_pipeline(iter(range(6)), [Stage("meet", meet, workers=3)], cancel=CancelToken())
    )
    assert error is None, error
    assert sorted(results) == list(range(6))
    assert len(set(names)) == 3
    assert all(name.startswith("acgdesk-meet-") for name in names)  # the stage's own threads


def test_stages_overlap_like_a_pipeline() -> None:
    """Stage 2 works on item 0 while stage 1 already works on item 1."""
    barrier = threading.Barrier(2, timeout=5)

    def first(x: int) -> int:
        if x == 1:
            barrier.wait()
        return x

    def second(x: int) -> int:
        if x == 0:
            barrier.wait()
        return x

    stages = [Stage("first", first), Stage("second", second)]
    results, error, _ = consume(run_pipeline(iter(range(4)), stages, cancel=CancelToken()))
    assert error is None, error
    assert sorted(results) == [0, 1, 2, 3]


def test_bounded_queues_bound_read_ahead() -> None:
    """A fast source never runs more than the queues and workers can hold ahead of a slow consumer."""
    queue_size, n = 4, 400
    stages = [Stage("a", lambda x: x, workers=2), Stage("b", lambda x: x, workers=2)]
    pulled = 0
    read_ahead = threading.Event()  # the stages went on while the consumer held its first item

    def source() -> Iterator[int]:
        nonlocal pulled
        for i in range(n):
            pulled += 1
            if pulled > queue_size + 1:
                read_ahead.set()
            yield i

    consumed, ahead = 0, []

    def slow_consumer() -> None:
        nonlocal consumed
        for _ in run_pipeline(source(), stages, cancel=CancelToken(), queue_size=queue_size):
            consumed += 1
            if consumed == 1:
                assert read_ahead.wait(10), "the stages did not read ahead of a consumer that waits"
            ahead.append(pulled - consumed)
            time.sleep(0.001)  # keeps the stages ahead, so the upper bound is tested under pressure

    assert in_thread(slow_consumer, timeout=20)[1] is None
    # queues between feeder, stages and consumer, one item in each worker, one held by the feeder
    bound = queue_size * (len(stages) + 1) + sum(s.workers for s in stages) + 1
    assert consumed == n
    assert max(ahead) <= bound, f"read {max(ahead)} items ahead of the consumer (bound {bound})"
    assert max(ahead) >= queue_size  # it does read ahead: the stages work while the consumer sleeps


# -- batching ----------------------------------------------------------------------------------


def test_batches_never_exceed_batch_size() -> None:
    sizes: list[int] = []

    def record(items: list[int]) -> list[int]:
        assert isinstance(items, list)
        sizes.append(len(items))
        return items

    # A batch_wait far beyond the test's deadline: a batch goes out only when full, or at the end.
    stages = [Stage("model", record, workers=2, batch_size=8, batch_wait=600.0)]
    results, error, _ = consume(run_pipeline(iter(range(203)), stages, cancel=CancelToken()))
    assert error is None
    assert sorted(results) == list(range(203))
    assert sum(sizes) == 203
    assert all(1 <= s <= 8 for s in sizes)
    assert max(sizes) == 8
    assert sum(1 for s in sizes if s < 8) <= 2  # only each worker's last batch may be partial


def test_partial_batch_is_flushed_after_batch_wait_when_the_source_trickles() -> None:
    """Three items, then the source stalls until they come out: they must not wait for a full batch.

    Were they held for a full batch, the source would never go on (until the guard fails the test).
    """
    got_three = threading.Event()
    batches: list[list[int]] = []
    went_on: list[bool] = []

    def source() -> Iterator[int]:
        yield from (0, 1, 2)
        went_on.append(got_three.wait(30))
        yield from (3, 4)

    def record(items: list[int]) -> list[int]:
        batches.append(list(items))
        return items

    stages = [Stage("model", record, batch_size=10, batch_wait=0.1)]
    received: list[int] = []

    def consumer() -> None:
        for item in run_pipeline(source(), stages, cancel=CancelToken()):
            received.append(item)
            if len(received) == 3:
                got_three.set()

    assert in_thread(consumer, timeout=60)[1] is None
    assert went_on == [True], "the partial batch was held back waiting for more items"
    assert sorted(received) == [0, 1, 2, 3, 4]
    # Partial batches, in order, none mixing items from before and after the stall (how the first
    # three are split depends on thread timing; that they came out without 3 and 4 does not).
    assert [i for batch in batches for i in batch] == [0, 1, 2, 3, 4]
    assert all(max(batch) <= 2 or min(batch) >= 3 for batch in batches), batches


# -- cancellation ------------------------------------------------------------------------------


def _slow(x: int) -> int:
    time.sleep(0.002)
    return x


def test_cancel_from_another_thread_stops_promptly_and_joins_threads() -> None:
    cancel = CancelToken()
    source = CountingSource(cancel)
    ten_through = threading.Event()

    def fire() -> None:  # another thread cancels once results are flowing
        if ten_through.wait(30):
            cancel.cancel()

    threads_before = threading.active_count()
    canceller = threading.Thread(target=fire, name="test-canceller")
    stages = [Stage("a", _slow, workers=2), Stage("b", _slow, workers=2)]
    results: list[int] = []

    def consumer() -> None:
        for item in run_pipeline(iter(source), stages, cancel=cancel):
            results.append(item)
            if len(results) == 10:
                ten_through.set()

    canceller.start()
    _, error, _ = in_thread(consumer, timeout=30)
    ten_through.set()  # let the canceller end even if the run failed early
    canceller.join()
    assert error is None
    assert len(results) >= 10
    source.assert_stopped_at_once()
    assert threading.active_count() == threads_before  # no pipeline thread left behind


def test_cancel_is_prompt_while_a_batch_waits_for_more_items() -> None:
    """A partly filled batch with a long ``batch_wait`` must not delay cancellation by that long.

    The batch would wait 10 minutes; the test's guard fails it after one.
    """
    cancel = CancelToken()
    stalled = threading.Event()

    def source() -> Iterator[int]:
        yield from (0, 1, 2)
        stalled.set()
        cancel.wait(600)  # the source stalls (a slow folder) until the run is cancelled

    def fire() -> None:
        if stalled.wait(60):
            cancel.cancel()

    stages = [Stage("model", lambda items: items, batch_size=100, batch_wait=600.0)]
    canceller = threading.Thread(target=fire, name="test-canceller")
    canceller.start()
    results, error, _ = consume(run_pipeline(source(), stages, cancel=cancel), timeout=60)
    stalled.set()
    canceller.join()
    assert error is None
    assert cancel.cancelled
    assert set(results) <= {0, 1, 2}


def test_a_cancelled_run_reads_no_more_of_a_slow_source_although_the_queues_have_room() -> None:
    """A slow source (a folder walk on a network share) is not walked on after a cancel.

    The source yields its next item only once the consumer received the last one, so the queues
    are nearly empty when the consumer cancels at item 5.
    """
    cancel = CancelToken()
    came_out = threading.Semaphore(0)
    after_cancel = 0

    def source() -> Iterator[int]:
        nonlocal after_cancel
        for i in itertools.count():
            if cancel.cancelled:
                after_cancel += 1
            yield i
            if not cancel.cancelled:
                assert came_out.acquire(timeout=30), "the item never came out"

    def consumer() -> None:
        for item in run_pipeline(source(), [Stage("a", lambda x: x)], cancel=cancel, queue_size=64):
            if item == 5:
                cancel.cancel()
            came_out.release()

    assert in_thread(consumer, timeout=60)[1] is None
    assert after_cancel <= 1, f"{after_cancel} items were read after the cancel"


def test_sequential_run_honours_cancel() -> None:
    cancel = CancelToken()
    results = []

    def consumer() -> None:
        for item in run_pipeline(itertools.count(), [Stage("a", _square)], cancel=cancel, sequential=True):
            results.append(item)
            if len(results) == 5:
                cancel.cancel()

    assert in_thread(consumer, timeout=5)[1] is None
    assert results == [0, 1, 4, 9, 16]


def test_consumer_closing_early_does_not_hang() -> None:
    cancel = CancelToken()
    source = CountingSource(cancel)
    stages = [Stage("a", _slow, workers=2), Stage("b", lambda x: x, workers=2, batch_size=4)]
    gen = run_pipeline(iter(source), stages, cancel=cancel, queue_size=4)
    first, error, _ = in_thread(lambda: [next(gen) for _ in range(5)], timeout=30)
    assert error is None and len(first) == 5
    _, error, _ = in_thread(gen.close, timeout=30)
    assert error is None
    assert cancel.cancelled  # closing cancels the stages
    source.assert_stopped_at_once()


def test_consumer_breaking_out_of_a_for_loop_does_not_hang() -> None:
    cancel = CancelToken()
    source = CountingSource(cancel)

    def run() -> int:
        n = 0
        for _ in run_pipeline(iter(source), [Stage("a", _slow, workers=3)], cancel=cancel):
            n += 1
            if n == 10:
                break  # the generator is closed when it is dropped (CPython: right away)
        return n

    n, error, _ = in_thread(run, timeout=30)
    assert (n, error) == (10, None)
    assert cancel.cancelled
    source.assert_stopped_at_once()


# -- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("batch_size", [1, 4])
def test_exception_in_a_stage_surfaces_as_pipeline_error_and_stops_everything(batch_size: int) -> None:
    cancel = CancelToken()
    source = CountingSource(cancel)

    def boom(x: Any) -> Any:
        items = x if isinstance(x, list) else [x]
        if 20 in items:
            raise ValueError("bad item 20")
        return x

    stages = [
        Stage("a", _slow, workers=2),
        Stage("boom", boom, workers=2, batch_size=batch_size),
        Stage("c", lambda x: x),
    ]
    results, error, _ = consume(run_pipeline(iter(source), stages, cancel=cancel, queue_size=8), timeout=30)
    assert isinstance(error, PipelineError), error
    assert "boom" in str(error)
    assert isinstance(error.__cause__, ValueError) and "bad item 20" in str(error.__cause__)
    assert 20 not in results
    assert cancel.cancelled  # the error cancelled the run...
    source.assert_stopped_at_once()  # ...and the source was not read on after it
    assert source.pulled < 20 + 8 * 4 + 10  # no further ahead than the bounded queues allow


def test_exception_in_the_source_surfaces() -> None:
    def source() -> Iterator[int]:
        yield from range(10)
        raise OSError("the disk went away")

    stages = [Stage("a", lambda x: x, workers=2), Stage("b", lambda x: x, batch_size=3)]
    results, error, _ = consume(run_pipeline(source(), stages, cancel=CancelToken()), timeout=10)
    assert isinstance(error, OSError) and "the disk went away" in str(error)
    assert set(results) <= set(range(10))


def test_exception_in_the_consumer_stops_the_stages() -> None:
    cancel = CancelToken()
    source = CountingSource(cancel)

    def run() -> None:
        for item in run_pipeline(iter(source), [Stage("a", _slow, workers=2)], cancel=cancel):
            if item >= 5:
                raise KeyError("consumer failed")

    _, error, _ = in_thread(run, timeout=30)
    assert isinstance(error, KeyError)  # the consumer's own exception, not hidden by the engine
    assert cancel.cancelled
    source.assert_stopped_at_once()


def test_each_stage_error_keeps_its_own_cause_when_workers_fail_together() -> None:
    """Four workers fail at the same moment; the raised error must carry the cause it names.

    Regression: the cause used to be attached after the error was published, through
    ``errors[-1]``, so a second failing worker could steal it (about 1 run in 100 with a tiny
    switch interval).
    """
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(600):
            barrier = threading.Barrier(4, timeout=5)

            def boom(x: int, barrier: threading.Barrier = barrier) -> int:
                barrier.wait()
                raise ValueError(f"item {x}")

            _, error, _ = consume(
                run_pipeline(iter(range(4)), [Stage("boom", boom, workers=4)], cancel=CancelToken())
            )
            assert isinstance(error, PipelineError)
            assert isinstance(error.__cause__, ValueError)
            assert repr(error.__cause__) in str(error)
    finally:
        sys.setswitchinterval(old)
