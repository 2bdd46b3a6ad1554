"""Sentences as numpy arrays: min-hash signatures, candidate pairs and their
comparison in bulk, for :func:`.sentencetypes.sentence_types`.

A module of its own so that numpy is imported only where detection runs: the
site build imports the package in its main process and detects shared texts
in a forked child, and importing numpy there cost every build's start
0.03 s (the hook's import, best of 5: 0.34 s with it, 0.31 s without).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import chain
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from array import array

_MASK = (1 << 61) - 1
_MULTIPLIERS = tuple((0x9E3779B97F4A7C15 * (band + 1)) & _MASK | 1 for band in range(32))
"""One odd multiplier per band: a word id times it, masked, is the word's rank in that band."""

BUCKET_SIZE = 4
"""Sentences of a bucket that every later one is compared with."""


_Ints = npt.NDArray[np.int64]
_Hashes = npt.NDArray[np.uint64]
_Words = npt.NDArray[np.int32]
_PAD = -1
"""Pads a row of words; as an index of :attr:`SentenceTable.weight_by_id`, its last (0)."""
_PADDED_WIDTH = 16
"""Words per sentence kept in a table ready for comparing: most sentences have fewer."""
_PAST = np.uint64(_MASK + 1)
"""Greater than any rank: stands for a rank already taken."""
_FNV_PRIME = np.uint64(0x100000001B3)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_Result = TypeVar("_Result")
_PAIRS_AT_ONCE = 1 << 20
"""Words (pairs × width) compared in one step: bounds the memory used."""


@dataclass(frozen=True)
class Sentences:
    """Sentences as sets of words, in flat arrays.

    The words of sentence ``n`` are ``words[starts[n]:starts[n] + lengths[n]]``,
    each a small number (for equality); word ``w``'s id is ``ids[w]`` (for
    min-hash ranks: a checksum, so that ranks do not depend on the order words
    are met) and its weight ``weights[w]``.
    """

    lengths: _Ints
    words: _Words
    ids: _Hashes
    weights: npt.NDArray[np.float64]

    @classmethod
    def of_sets(
        cls, sentences: Sequence[frozenset[int]], weights: Mapping[int, float]
    ) -> Sentences:
        """Sentences given as sets of word ids, each word weighing ``weights[id]``."""
        lengths = np.fromiter(map(len, sentences), dtype=np.int64, count=len(sentences))
        every = np.fromiter(
            chain.from_iterable(sentences), dtype=np.uint64, count=int(lengths.sum())
        )
        ids, words = np.unique(every, return_inverse=True)
        return cls(
            lengths=lengths,
            words=words.reshape(-1).astype(np.int32),
            ids=ids,
            weights=np.fromiter(map(weights.__getitem__, ids.tolist()), np.float64, len(ids)),
        )

    @classmethod
    def content(
        cls,
        parts: Sequence[tuple[array[int], array[int], Sequence[int]]],
        ignored: Sequence[bool],
        ids: Sequence[int],
        weights: Sequence[float],
    ) -> Sentences:
        """Sentences given in parts, each as its sentences' numbers of words, their
        words (numbers of the part's own) and the numbers those are of the whole
        vocabulary, with the ``ignored`` words of that vocabulary left out."""
        lengths = np.concatenate(
            [np.zeros(0, dtype=np.int64)]
            + [np.frombuffer(lengths, dtype=np.intc).astype(np.int64) for lengths, _, _ in parts]
        )
        words = np.concatenate(
            [np.zeros(0, dtype=np.int32)]
            + [
                np.asarray(numbers, dtype=np.int32)[np.frombuffer(words, dtype=np.intc)]
                for _, words, numbers in parts
            ]
        )
        kept = ~np.asarray(ignored, dtype=bool)[words]
        # Summing booleans as integers: numpy's running sum of a boolean array
        # is ten times slower (2.7 s for 51 million words).
        running = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(kept, dtype=np.int64)])
        ends = np.cumsum(lengths)
        return cls(
            lengths=running[ends] - running[ends - lengths],
            words=words[kept],
            ids=np.asarray(ids, dtype=np.uint64),
            weights=np.asarray(weights, dtype=np.float64),
        )

    @property
    def starts(self) -> _Ints:
        return np.cumsum(self.lengths) - self.lengths

    def taken(self, sentences: _Ints) -> Sentences:
        """Only ``sentences`` (indexes, in the order given)."""
        lengths = self.lengths[sentences]
        firsts = np.repeat(self.starts[sentences] - (np.cumsum(lengths) - lengths), lengths)
        return replace(self, lengths=lengths, words=self.words[firsts + np.arange(len(firsts))])

    def firsts(self) -> _Ints:
        """Per sentence, the first sentence with the same words (itself, if none before).

        Compared by a 64-bit digest of their words (a sum of mixed word numbers,
        whatever their order), with their number of words: two different
        sentences of 100,000 letters have the same by chance about once in ten
        million archives.
        """
        mixed = _mixed(self.words.astype(np.uint64))
        running = np.concatenate([np.zeros(1, dtype=np.uint64), np.cumsum(mixed, dtype=np.uint64)])
        starts = self.starts
        digests = running[starts + self.lengths] - running[starts]
        digests ^= _mixed(self.lengths.astype(np.uint64))
        _, first, inverse = np.unique(digests, return_index=True, return_inverse=True)
        found: _Ints = first[inverse.reshape(-1)]
        return found


def _mixed(values: _Hashes) -> _Hashes:
    """``values`` scrambled (SplitMix64's finalizer), so that sums of them rarely meet."""
    values = (values + np.uint64(1)) * _MIX
    values ^= values >> np.uint64(31)
    values *= np.uint64(0xBF58476D1CE4E5B9)
    values ^= values >> np.uint64(27)
    return values


def types_of(
    sentences: Sentences,
    *,
    bands: int,
    rows: int,
    similarity: float,
    min_words: int,
    threads: int = 1,
) -> list[int | None]:
    """Per sentence, its type: the index of the type's first sentence (None: one of
    fewer than ``min_words`` words), as :func:`.sentencetypes.sentence_types` says;
    in ``threads`` threads."""
    firsts = sentences.firsts()
    distinct = np.flatnonzero(firsts == np.arange(len(firsts)))
    counted = distinct[sentences.lengths[distinct] >= max(1, min_words)]
    table = SentenceTable(sentences.taken(counted))
    roots = np.asarray(
        table.types(bands=bands, rows=rows, similarity=similarity, threads=threads),
        dtype=np.int64,
    )
    type_of = np.full(len(firsts), -1, dtype=np.int64)
    type_of[counted] = counted[roots]
    return [None if kind < 0 else kind for kind in type_of[firsts].tolist()]


class SentenceTable:
    """Sentences as numpy arrays, for comparing millions of pairs at C speed."""

    def __init__(self, sentences: Sentences) -> None:
        self.lengths: _Ints = sentences.lengths
        self.starts: _Ints = sentences.starts
        self.words: _Words = sentences.words
        self.owner: _Ints = np.repeat(np.arange(len(self.lengths)), self.lengths)
        self.word_ids: _Hashes = sentences.ids[self.words]
        self.weight_by_id = np.append(sentences.weights, 0.0)
        """Weight per word number; the last, for :data:`_PAD`, is 0."""
        self.totals = np.bincount(
            self.owner, weights=self.weight_by_id[self.words], minlength=len(self.lengths)
        )
        self.padded = self._padded(_PADDED_WIDTH)

    def _padded(self, width: int) -> _Words:
        """Every sentence's first ``width`` words, one row each, padded with :data:`_PAD`."""
        return self._gathered(np.arange(len(self.lengths)), width)

    def types(self, *, bands: int, rows: int, similarity: float, threads: int = 1) -> list[int]:
        """Per sentence, the first (smallest index) of the sentences it is one type with:
        ``similarity`` of their weight the same (see :func:`.sentencetypes.sentence_types`),
        pairs proposed by ``bands`` min-hash bands of ``rows`` ranks.

        With two ``threads`` or more, each band's pairs are found while the band
        before is compared, and pairs are compared in several threads: numpy lets
        other threads run while it works on arrays. The types are the same.
        """
        roots: _Ints = np.arange(len(self.lengths))
        if not len(roots):
            return []
        with _threads(threads) as pool:
            coming = pool.submit(self._candidates, 0, rows)
            for band in range(bands):
                earlier, later = coming.result()
                if band + 1 < bands:
                    coming = pool.submit(self._candidates, band + 1, rows)
                roots = self._join_first_alike(roots, earlier, later, similarity, pool)
        return [int(root) for root in roots]

    def _candidates(self, band: int, rows: int) -> tuple[_Ints, _Ints]:
        return _bucket_pairs(self.signatures(band, rows))

    def signatures(self, band: int, rows: int) -> _Hashes:
        """Per sentence, a hash of its ``rows`` smallest ranks in ``band`` (two
        signatures alike by chance only cost a comparison)."""
        ranks = (self.word_ids * np.uint64(_MULTIPLIERS[band])) & np.uint64(_MASK)
        signature = np.zeros(len(self.lengths), dtype=np.uint64)
        for _ in range(rows):
            least = np.minimum.reduceat(ranks, self.starts)
            signature = (signature * _FNV_PRIME) ^ least
            # A sentence's ranks are distinct (its words are): this takes one out.
            ranks = np.where(ranks == least[self.owner], _PAST, ranks)
        return signature

    def _join_first_alike(
        self,
        roots: _Ints,
        earlier: _Ints,
        later: _Ints,
        similarity: float,
        pool: Executor | None = None,
    ) -> _Ints:
        """``roots`` with each sentence of ``later`` joined to the first of its
        ``earlier`` sentences it is alike to, unless one before that is of its type
        already: one link per sentence and band, so that types do not chain."""
        linked = roots[earlier] == roots[later]
        totals = self.totals
        lesser = np.minimum(totals[earlier], totals[later])
        greater = np.maximum(totals[earlier], totals[later])
        # Pairs too unequal in weight ever to share ``similarity`` of their words
        # need no comparing.
        compared = np.flatnonzero(~linked & (lesser >= similarity * greater))
        one, other = earlier[compared], later[compared]
        both = self.shared_weight(one, other, pool)
        linked[compared] = both >= similarity * (totals[one] + totals[other] - both)
        candidates = np.flatnonzero(linked)
        first = candidates[np.unique(later[candidates], return_index=True)[1]]
        first = first[roots[earlier[first]] != roots[later[first]]]
        return _components(roots, earlier[first], later[first])

    def shared_weight(
        self, first: _Ints, second: _Ints, pool: Executor | None = None
    ) -> npt.NDArray[np.float64]:
        """Per pair, the weight of the words both sentences have (in ``pool``'s threads)."""
        found = np.zeros(len(first))
        longest = np.maximum(self.lengths[first], self.lengths[second])
        # Each word of one is compared with each of the other's, padded to a
        # common width: pairs are taken in classes of width, 8, 16, 32 words…
        widths = np.maximum(8, 1 << np.ceil(np.log2(np.maximum(longest, 1))).astype(np.int64))
        chunks = []
        for width in np.unique(widths).tolist():
            pairs = np.flatnonzero(widths == width)
            step = max(1, _PAIRS_AT_ONCE // width)
            chunks += [(pairs[at : at + step], width) for at in range(0, len(pairs), step)]

        def weigh(chunk: _Ints, width: int) -> None:
            mine, theirs = self._rows(first[chunk], width), self._rows(second[chunk], width)
            hit = mine == theirs[:, :1]
            for column in range(1, width):
                hit |= mine == theirs[:, column : column + 1]
            # A pad may meet a pad: it weighs nothing.
            found[chunk] = np.einsum("ij,ij->i", self.weight_by_id[mine], hit)

        # Each chunk writes its own pairs' weights: the threads never meet.
        for _ in (pool or _Inline()).map(weigh, *zip(*chunks, strict=True)):
            pass
        return found

    def _rows(self, sentences: _Ints, width: int) -> _Words:
        """The sentences' words, one row each, padded with :data:`_PAD` to ``width``."""
        if width <= self.padded.shape[1]:
            return self.padded[sentences, :width]
        return self._gathered(sentences, width)

    def _gathered(self, sentences: _Ints, width: int) -> _Words:
        """The sentences' first ``width`` words, one row each, padded with :data:`_PAD`."""
        offsets = np.arange(width)
        inside = offsets[None, :] < self.lengths[sentences][:, None]
        places = np.where(inside, self.starts[sentences][:, None] + offsets[None, :], 0)
        return np.where(inside, self.words[places], _PAD).astype(np.int32, copy=False)


def _bucket_pairs(signatures: _Hashes) -> tuple[_Ints, _Ints]:
    """Pairs of sentences with one signature, the earlier of each among the first
    :data:`BUCKET_SIZE` of them: every pair with the first, then with the second…"""
    order = np.argsort(signatures, kind="stable")
    ordered = signatures[order]
    starts_bucket = np.empty(len(order), dtype=bool)
    starts_bucket[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts_bucket[1:])
    bucket_start = np.flatnonzero(starts_bucket)[np.cumsum(starts_bucket, dtype=np.int64) - 1]
    position = np.arange(len(order)) - bucket_start
    pairs = [
        (order[bucket_start[later] + kept], order[later])
        for kept in range(BUCKET_SIZE)
        for later in [position > kept]
    ]
    return (
        np.concatenate([earlier for earlier, _ in pairs]),
        np.concatenate([later for _, later in pairs]),
    )


def _components(roots: _Ints, first: _Ints, second: _Ints) -> _Ints:
    """``roots`` (each node's smallest fellow) once each pair is joined.

    Hook and compress: each pair's greater root is pointed at the lesser, then
    every node at its parent's parent until each points at a root; repeated
    until both of every pair have one root.
    """
    while True:
        one, other = roots[first], roots[second]
        apart = one != other
        if not apart.any():
            return roots
        first, second = first[apart], second[apart]
        one, other = one[apart], other[apart]
        roots = roots.copy()
        np.minimum.at(roots, np.maximum(one, other), np.minimum(one, other))
        while True:
            jumped = roots[roots]
            if np.array_equal(jumped, roots):
                break
            roots = jumped


class _Inline(Executor):
    """Runs each task as it is submitted, in this thread."""

    def submit(
        self, fn: Callable[..., _Result], /, *args: object, **kwargs: object
    ) -> Future[_Result]:
        done: Future[_Result] = Future()
        try:
            done.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed over as a thread pool would
            done.set_exception(error)
        return done


@contextmanager
def _threads(count: int) -> Iterator[Executor]:
    """``count`` threads to run tasks in (with one, tasks run as they are submitted)."""
    if count < 2:
        yield _Inline()
        return
    with ThreadPoolExecutor(count, thread_name_prefix="sentence-types") as pool:
        yield pool
