"""Work done in a forked process while the caller gets on with something else.

The site build has two cores and, for most of its time, uses one: MkDocs
renders page after page in one thread. Work that the build needs only later
(shared-text detection, for one) can run beside it in a child process. The
child is forked, so it starts with the parent's objects already in memory:
nothing is pickled on the way in, only the result on the way back.
"""

from __future__ import annotations

import multiprocessing as mp
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar

from .errors import DearConstituentError

__all__ = ["BackgroundError", "Pending", "can_fork", "in_two", "mapped", "run"]

S = TypeVar("S")
T = TypeVar("T")


class BackgroundError(DearConstituentError):
    """The work failed in its child process; the message carries the child's traceback."""


class Pending(Generic[T]):
    """A result that is coming."""

    def result(self) -> T:
        """The result, waiting for it if need be."""
        raise NotImplementedError


class _Ready(Pending[T]):
    """A result worked out here and now."""

    def __init__(self, value: T) -> None:
        self._value = value

    def result(self) -> T:
        return self._value


class _Forked(Pending[T]):
    """A result a child process is working out."""

    def __init__(self, process: BaseProcess, connection: Connection) -> None:
        self._process = process
        self._connection: Connection | None = connection
        self._value: T | None = None

    def result(self) -> T:
        if self._connection is not None:
            self._value = self._receive(self._connection)
            self._connection = None
        return self._value  # type: ignore[return-value]

    def _receive(self, connection: Connection) -> T:
        # Read before joining: a child blocked writing a large result to a
        # full pipe would never exit.
        try:
            ok, payload = connection.recv()
        except EOFError:
            ok, payload = False, "the child process ended without sending a result"
        finally:
            connection.close()
            self._process.join()
        if not ok:
            raise BackgroundError(str(payload))
        value: T = payload
        return value


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


def run(function: Callable[[], T], *, background: bool) -> Pending[T]:
    """Call ``function``: in a forked child when ``background`` (and forking is possible),
    else here and now. Forking is safe only while the caller runs no other threads."""
    if not background or not can_fork():
        return _Ready(function())
    context = mp.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(function, sender), daemon=True)
    process.start()
    sender.close()
    return _Forked(process, receiver)


def in_two(work: Callable[[S], T], here: S, there: S, *, parallel: bool) -> tuple[T, T]:
    """``work(here)`` and ``work(there)``: with ``parallel``, the second in a forked
    child while this process does the first. As :func:`run`, safe only while the
    caller runs no other threads, and not from a child :func:`run` started (a
    daemon may not fork)."""
    pending = run(lambda: work(there), background=parallel)
    return work(here), pending.result()


def mapped(function: Callable[[S], T], items: Sequence[S], *, parallel: bool) -> list[T]:
    """``function`` of each of ``items``, in order: with ``parallel``, those of the
    second half in a forked child (see :func:`in_two`)."""
    half = len(items) // 2
    here, there = in_two(
        lambda part: [function(item) for item in part],
        items[:half],
        items[half:],
        parallel=parallel,
    )
    return here + there


def _child(function: Callable[[], object], sender: Connection) -> None:
    try:
        outcome: tuple[bool, object] = (True, function())
    except BaseException:  # every failure goes back to the parent, which raises it
        outcome = (False, traceback.format_exc())
    sender.send(outcome)
    sender.close()
