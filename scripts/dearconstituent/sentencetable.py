"""Sentences as numpy arrays: min-hash signatures, candidate pairs and their
comparison in bulk, for :func:`.sentencetypes.sentence_types`.

A module of its own so that numpy is imported only where detection runs: the
site build imports the package in its main process and detects shared texts
in a forked child, and importing numpy there cost every build's start
0.03 s (the hook's import, best of 5: 0.34 s with it, 0.31 s without).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt

_MASK = (1 << 61) - 1
_MULTIPLIERS = tuple((0x9E3779B97F4A7C15 * (band + 1)) & _MASK | 1 for band in range(32))
"""One odd multiplier per band: a word id times it, masked, is the word's rank in that band."""

BUCKET_SIZE = 4
"""Sentences of a bucket that every later one is compared with."""


class _DenseIds(dict[int, int]):
    """Word id → a small number of its own, in the order words are met."""

    def __missing__(self, word: int) -> int:
        found = self[word] = len(self)
        return found


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
_PAIRS_AT_ONCE = 1 << 20
"""Words (pairs × width) compared in one step: bounds the memory used."""


class SentenceTable:
    """Sentences as numpy arrays, for comparing millions of pairs at C speed.

    The words of sentence ``n`` are ``words[starts[n]:starts[n] + lengths[n]]``,
    each a dense id (for equality), with its word id (for ranks) and weight.
    """

    def __init__(self, sentences: Sequence[frozenset[int]], weights: Mapping[int, float]) -> None:
        ids = _DenseIds()
        self.lengths: _Ints = np.fromiter(map(len, sentences), dtype=np.int64, count=len(sentences))
        self.starts: _Ints = np.cumsum(self.lengths) - self.lengths
        self.words: _Words = np.fromiter(
            chain.from_iterable(map(ids.__getitem__, words) for words in sentences),
            dtype=np.int32,
            count=int(self.lengths.sum()),
        )
        self.owner: _Ints = np.repeat(np.arange(len(sentences)), self.lengths)
        word_ids = np.fromiter(ids, dtype=np.uint64, count=len(ids))
        self.word_ids: _Hashes = word_ids[self.words]
        self.weight_by_id = np.fromiter(
            chain(map(weights.__getitem__, ids), [0.0]), dtype=np.float64, count=len(ids) + 1
        )
        """Weight per dense id; the last, for :data:`_PAD`, is 0."""
        self.totals = np.bincount(
            self.owner, weights=self.weight_by_id[self.words], minlength=len(sentences)
        )
        self.padded = self._padded(_PADDED_WIDTH)

    def _padded(self, width: int) -> _Words:
        """Every sentence's first ``width`` words, one row each, padded with :data:`_PAD`."""
        rows = np.full((len(self.lengths), width), _PAD, dtype=np.int32)
        column = np.arange(len(self.words)) - self.starts[self.owner]
        near = column < width
        rows[self.owner[near], column[near]] = self.words[near]
        return rows

    def types(self, *, bands: int, rows: int, similarity: float) -> list[int]:
        """Per sentence, the first (smallest index) of the sentences it is one type with:
        ``similarity`` of their weight the same (see :func:`.sentencetypes.sentence_types`),
        pairs proposed by ``bands`` min-hash bands of ``rows`` ranks."""
        roots: _Ints = np.arange(len(self.lengths))
        if not len(roots):
            return []
        for band in range(bands):
            earlier, later = _bucket_pairs(self.signatures(band, rows))
            roots = self._join_first_alike(roots, earlier, later, similarity)
        return [int(root) for root in roots]

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
        self, roots: _Ints, earlier: _Ints, later: _Ints, similarity: float
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
        both = self.shared_weight(one, other)
        linked[compared] = both >= similarity * (totals[one] + totals[other] - both)
        candidates = np.flatnonzero(linked)
        first = candidates[np.unique(later[candidates], return_index=True)[1]]
        first = first[roots[earlier[first]] != roots[later[first]]]
        return _components(roots, earlier[first], later[first])

    def shared_weight(self, first: _Ints, second: _Ints) -> npt.NDArray[np.float64]:
        """Per pair, the weight of the words both sentences have."""
        found = np.zeros(len(first))
        longest = np.maximum(self.lengths[first], self.lengths[second])
        # Each word of one is compared with each of the other's, padded to a
        # common width: pairs are taken in classes of width, 8, 16, 32 words…
        widths = np.maximum(8, 1 << np.ceil(np.log2(np.maximum(longest, 1))).astype(np.int64))
        for width in np.unique(widths).tolist():
            pairs = np.flatnonzero(widths == width)
            step = max(1, _PAIRS_AT_ONCE // width)
            for at in range(0, len(pairs), step):
                chunk = pairs[at : at + step]
                mine, theirs = self._rows(first[chunk], width), self._rows(second[chunk], width)
                hit = mine == theirs[:, :1]
                for column in range(1, width):
                    hit |= mine == theirs[:, column : column + 1]
                # A pad may meet a pad: it weighs nothing.
                found[chunk] = np.einsum("ij,ij->i", self.weight_by_id[mine], hit)
        return found

    def _rows(self, sentences: _Ints, width: int) -> _Words:
        """The sentences' words, one row each, padded with :data:`_PAD` to ``width``."""
        if width <= self.padded.shape[1]:
            return self.padded[sentences, :width]
        offsets = np.arange(width)
        inside = offsets[None, :] < self.lengths[sentences][:, None]
        places = np.where(inside, self.starts[sentences][:, None] + offsets[None, :], 0)
        return np.where(inside, self.words[places], _PAD)


def _bucket_pairs(signatures: _Hashes) -> tuple[_Ints, _Ints]:
    """Pairs of sentences with one signature, the earlier of each among the first
    :data:`BUCKET_SIZE` of them: every pair with the first, then with the second…"""
    order = np.argsort(signatures, kind="stable")
    ordered = signatures[order]
    starts_bucket = np.empty(len(order), dtype=bool)
    starts_bucket[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts_bucket[1:])
    bucket_start = np.flatnonzero(starts_bucket)[np.cumsum(starts_bucket) - 1]
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
