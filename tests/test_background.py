"""Work in a forked child process: the result comes back, and so do failures."""

from __future__ import annotations

import os

import pytest

from dearconstituent.background import BackgroundError, can_fork, in_two, run


def test_a_result_comes_back_from_the_child() -> None:
    parent = os.getpid()
    pending = run(lambda: (os.getpid(), sorted({3, 1, 2})), background=True)
    child, value = pending.result()
    assert value == [1, 2, 3]
    assert child != parent
    assert can_fork()


def test_the_result_can_be_asked_for_twice() -> None:
    pending = run(lambda: {"big": "x" * 1_000_000}, background=True)
    # Larger than a pipe's buffer: the child must not block on it forever.
    assert pending.result() == pending.result() == {"big": "x" * 1_000_000}


def test_without_background_the_work_is_done_here_and_now() -> None:
    calls: list[int] = []

    def work() -> str:
        calls.append(os.getpid())
        return "done"

    pending = run(work, background=False)
    assert calls == [os.getpid()]
    assert pending.result() == "done"


def test_a_failure_in_the_child_is_raised_in_the_parent_with_its_traceback() -> None:
    def fail() -> None:
        raise ValueError("no letters today")

    pending = run(fail, background=True)
    with pytest.raises(BackgroundError, match="ValueError: no letters today"):
        pending.result()


def test_a_child_that_dies_without_a_result_is_reported() -> None:
    pending = run(lambda: os._exit(3), background=True)
    with pytest.raises(BackgroundError, match="ended without sending a result"):
        pending.result()


@pytest.mark.parametrize("parallel", [True, False])
def test_work_in_two_gives_both_results_in_order(parallel: bool) -> None:
    here, there = in_two(lambda word: (os.getpid(), word.upper()), "a", "b", parallel=parallel)
    assert (here[1], there[1]) == ("A", "B")
    assert here[0] == os.getpid()
    assert (there[0] != os.getpid()) is parallel
