"""Sentence types and texts: the pieces of shared-text detection that survive editing.

A template is made of sentences. A copy keeps most of them whole, or with a
word here and there changed; a letter that uses part of a template keeps some
of them; two letters that merely write about the same thing share phrases,
not sentences. So detection compares sentences, not runs of words:

1. **Sentence types.** Each sentence becomes the set of its *content words*
   (its words without the function words every sentence has, and without the
   words most letters of the archive use). Two sentences are of one type when
   at least :attr:`TypeSettings.similarity` of their content words are the
   same (Jaccard, each word weighted by its :func:`rarity`): a sentence with a
   word or two reworded still is; two sentences on one stock frame about
   different things are not.
   Candidates come from min-hash bands (:attr:`TypeSettings.bands` of
   :attr:`TypeSettings.rows`), so the cost grows with the number of
   sentences, not with its square; they are compared in bulk, with numpy
   (a Python loop over millions of pairs took most of detection's time).
2. **Texts.** Letters are read earliest first. A letter joins the text whose
   sentences it carries most, when those sentences hold at least
   :attr:`TextSettings.min_words` of its content words and
   :attr:`TextSettings.share` of them (or :attr:`TextSettings.partial_share`
   when they are several of the text's sentences: a letter using part of it).
   A text's sentences are the types that at least :attr:`TextSettings.core`
   of its letters, and two of them, carry, so one member's own paragraphs
   never become part of it. A letter that carries the same
   sentences of two texts joins them into one (a text found twice); a letter
   that carries *different* sentences of two texts (a third of each) joins
   neither: it quotes both, and must not bridge them.
3. **Quotations.** A sentence type carried by letters of many texts and of
   none (a minister's statement that letters on a topic quote, a stock
   sentence) is not part of any text: a second reading leaves it out. Not so
   when the letters that carry it on their own carry several other types
   with it: those are a template that each of them used in part. So is a
   sentence of many texts that share nothing else (a statement that big
   families quote, whose letters are too many to look spread). A
   third reading takes the letters that are most nearly a text first, and
   each letter is then placed once more against the finished texts
   (:func:`find_texts`). A letter that also shares sentences with a letter
   that has none of its text's (a second source, too little used to be found
   as a text) quotes two sources and joins neither (:meth:`_Settling.text_of`).

Nothing depends on the order letters are given in, nor on string hashes:
word ids are checksums, and letters are read in date and path order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from .background import mapped

if TYPE_CHECKING:
    from .sentencetable import Sentences

FUNCTION_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it it's its itself just me more most my myself no nor not now of off
    on once only or other our ours ourselves out over own same she should so some such
    than that that's the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself also indeed still really certainly
    already clearly simply overall however therefore thus may might must shall upon""".split()  # noqa: SIM905
)
"""Words that say nothing about which text a sentence came from (and the adverbs
that rewording most often adds or drops)."""


@dataclass(frozen=True)
class TypeSettings:
    similarity: float = 0.7
    """Share of two sentences' content words (of both together) that must be the same."""
    bands: int = 5
    rows: int = 3
    """Min-hash bands, each of this many smallest ranks: more bands find more pairs."""
    min_words: int = 4
    """Content words a sentence needs to count at all."""


@dataclass(frozen=True)
class TextSettings:
    min_words: int = 30
    """Content words of a letter that must be sentences of a text for it to use the text."""
    share: float = 0.2
    """…and the share of the letter's content words that must be."""
    partial_share: float = 0.15
    partial_types: int = 4
    """A letter joins a text of two letters or more with this lesser share when the
    text's sentences it carries are of this many types at least: a letter that uses
    part of a template carries several of its sentences, one that quotes a statement
    one or two. Not in the first reading, which finds the quotations: letters joined
    there this way would hide how many texts quote a sentence."""
    core: float = 0.2
    """A sentence type belongs to a text when this share of its letters carry it."""
    bridge: float = 0.5
    """A letter carrying different sentences of two texts, the lesser at least this
    share of the greater, quotes both and joins neither."""
    alone: int = 8
    """Letters on their own (texts of one) remembered per sentence type: enough for a
    text's second copy to find its first; a sentence that more lone letters carry is a
    quotation or a commonplace, and remembering them all would make reading grow as
    the square of the letters."""
    second_source: float = 0.3
    second_source_words: int = 15
    """A letter of a text that shares, beside the text's sentences, this share of
    the words it has of the text, and this many words at least, with one letter
    that has none of the text's sentences, quotes a second source (a template
    too little used to be found) and joins neither."""
    quotation_texts: int = 3
    """A sentence type in letters of this many texts (a letter on its own counts as one)…"""
    quotation_share: float = 0.5
    """…when that is at least this share of its letters, is a quotation…"""
    template_sentences: int = 4
    """…unless the letters that carry it on their own carry this many other types
    with it, each of them carried by :attr:`core` of those letters and two at least:
    then they are the sentences of a template no reading has found as a text yet,
    each letter having used part of it. A statement is quoted alone, or with the one
    sentence that goes with it."""
    texts_apart: int = 8
    apart_sentences: int = 1
    """A sentence type that is a sentence of this many texts (of two letters or more)
    that share no more than this many other sentences is a quotation too: a statement
    that big families quote, whose many letters in few texts keep it from looking
    spread (the statement's second sentence is the other one they share)."""
    quoted_by: int = 2
    """A quotation that this many letters placed in texts carry (besides the letter
    asked about) is no second source: a statement templates quote. One is not
    enough: two bridges quoting one small template would each excuse the other."""


def sentence_types(
    sentences: Sequence[frozenset[int]],
    settings: TypeSettings,
    weights: Mapping[int, float] | None = None,
) -> list[int | None]:
    """The type of each sentence (a set of content-word ids), None for one too short.

    A type is the index of its first sentence. Identical sentences are one
    type before any comparison: most copies are exact. The others are
    compared in the pairs min-hash proposes: in each band, sentences with
    the same smallest ranks fall in one bucket, and each is compared with the
    first :data:`.sentencetable.BUCKET_SIZE` of its bucket (an edited copy may differ from
    the bucket's first sentence more than from its second). In each band a
    sentence is linked to the first of them it is alike to, unless one
    before that is of its type already; linked sentences are one type. (Linking
    each to every one it is alike to chained the types of two templates
    together through shared stock sentences: 8 groups joining two templates
    at 100,000 letters of the benchmark, against 4.)
    Each word counts by its weight (:func:`rarity`; all alike without one).
    """
    # Imported here: numpy is needed only where detection runs (see .sentencetable).
    from .sentencetable import Sentences  # noqa: PLC0415

    return typed(Sentences.of_sets(sentences, weights or _Uniform()), settings)


def typed(sentences: Sentences, settings: TypeSettings, *, threads: int = 1) -> list[int | None]:
    """The type of each of ``sentences`` (as :func:`sentence_types`), in ``threads``
    threads (see :meth:`.sentencetable.SentenceTable.types`)."""
    from .sentencetable import types_of  # noqa: PLC0415

    return types_of(
        sentences,
        bands=settings.bands,
        rows=settings.rows,
        similarity=settings.similarity,
        min_words=settings.min_words,
        threads=threads,
    )


class _Uniform(dict[int, float]):
    def __missing__(self, word: int) -> float:
        return 1.0


def rarity(letters: int, letters_with: int) -> float:
    """A word's weight: how rare it is among ``letters`` (inverse document frequency).

    Two sentences built on the same stock frame ("supporters of the campaign
    make a powerful case that …") share its common words; two copies of one
    sentence share its rare ones, the policy it is about.
    """
    return math.log(1 + letters / letters_with)


@dataclass
class Reading:
    """Letters (by index) and the sentence types each carries, with their content words."""

    types: list[dict[int, int]]
    """Per letter: type → content words of its sentence(s) of that type."""
    words: list[int]
    """Per letter: all its content words (the share's denominator)."""


def find_texts(
    reading: Reading, order: Sequence[int], settings: TextSettings, *, parallel: bool = False
) -> list[list[int]]:
    """The texts (groups of two letters or more, by index) among the letters, read in
    ``order`` (earliest first).

    Each reading is done letter after letter; with ``parallel``, what is asked of
    each letter (or sentence type) between readings is asked in two processes
    (:func:`.background.mapped`). The texts are the same.
    """
    first = _Texts(reading, settings, dropped=frozenset(), partial=False).read(order)
    quotations = _quotations(reading, first, settings, parallel=parallel)
    second = _Texts(reading, settings, quotations).read(order)
    # Read again, the letters that are most nearly a text first: a text then starts
    # from a copy of it, not from a letter that quotes it and another.
    known = _Texts.of(reading, settings, quotations, second)
    position = {letter: number for number, letter in enumerate(order)}
    share = dict(zip(order, mapped(known.share, order, parallel=parallel), strict=True))
    fullest = sorted(order, key=lambda letter: (-share[letter], position[letter]))
    third = _Texts(reading, settings, quotations).read(fullest)
    # Each letter placed once more, now that every text's sentences are known: one
    # taken in before the second text it quotes had formed leaves both.
    settled = _Texts.of(reading, settings, quotations, [group for group in third if len(group) > 1])
    settling = _Settling(settled, order, parallel=parallel)
    placed: dict[int, list[int]] = {}
    for letter, text in zip(order, mapped(settling.text_of, order, parallel=parallel), strict=True):
        if text is not None:
            placed.setdefault(text, []).append(letter)
    return [members for members in placed.values() if len(members) > 1]


def _quotations(
    reading: Reading, texts: list[list[int]], settings: TextSettings, *, parallel: bool = False
) -> frozenset[int]:
    """The sentence types that are quotations, once ``texts`` are read (see :class:`_Quoted`)."""
    quoted = _Quoted(reading, texts, settings)
    carriers = list(_carriers(reading).items())
    found = mapped(lambda carried: quoted(*carried), carriers, parallel=parallel)
    return frozenset(
        kind for (kind, _), quotation in zip(carriers, found, strict=True) if quotation
    )


class _Quoted:
    """Whether a sentence type is a quotation, given the texts of a first reading.

    It is when letters of many texts carry it (a letter on its own being a text
    of one), unless the lone letters among them carry several other types with
    it (a template they each used in part); and it is when texts that share no
    other sentence have it among their sentences (a statement that big families
    quote, whose many letters keep it from looking spread).
    """

    def __init__(self, reading: Reading, texts: list[list[int]], settings: TextSettings) -> None:
        self.reading = reading
        self.texts = texts
        self.settings = settings
        self.text_of = {
            letter: number for number, members in enumerate(texts) for letter in members
        }
        self._sentences: dict[int, frozenset[int]] = {}

    def __call__(self, kind: int, letters: list[int]) -> bool:
        return self._spread(kind, letters) or self._in_texts_apart(kind, letters)

    def _spread(self, kind: int, letters: list[int]) -> bool:
        """Whether letters of many texts carry ``kind``, and its lone letters do not
        carry :attr:`TextSettings.template_sentences` other types with it."""
        settings, text_of = self.settings, self.text_of
        spread = len({text_of.get(letter, -1 - letter) for letter in letters})
        if spread < settings.quotation_texts or spread < settings.quotation_share * len(letters):
            return False
        alone = [letter for letter in letters if len(self._members(letter)) == 1]
        return len(self._carried(alone) - {kind}) < settings.template_sentences

    def _in_texts_apart(self, kind: int, letters: list[int]) -> bool:
        """Whether :attr:`TextSettings.texts_apart` texts that have ``kind`` among their
        sentences share no more than :attr:`TextSettings.apart_sentences` others."""
        settings = self.settings
        texts = sorted(
            {self.text_of[letter] for letter in letters if len(self._members(letter)) > 1}
        )
        if len(texts) < settings.texts_apart:
            return False
        apart: list[frozenset[int]] = []
        for text in texts:
            sentences = self._sentences_of(text)
            # Both have ``kind`` itself: one more than the others they may share.
            if kind in sentences and all(
                len(sentences & other) <= settings.apart_sentences + 1 for other in apart
            ):
                apart.append(sentences)
                if len(apart) >= settings.texts_apart:
                    return True
        return False

    def _members(self, letter: int) -> list[int]:
        text = self.text_of.get(letter)
        return [letter] if text is None else self.texts[text]

    def _sentences_of(self, text: int) -> frozenset[int]:
        found = self._sentences.get(text)
        if found is None:
            found = self._sentences[text] = self._carried(self.texts[text])
        return found

    def _carried(self, letters: list[int]) -> frozenset[int]:
        """The types :attr:`TextSettings.core` of ``letters`` (and two at least) carry:
        the sentences they have, or would have, as a text (the rule
        :meth:`_Texts._evidence` applies as texts grow)."""
        counts: Counter[int] = Counter()
        for letter in letters:
            counts.update(self.reading.types[letter].keys())
        least = max(2, self.settings.core * len(letters))
        return frozenset(kind for kind, count in counts.items() if count >= least)


def _carriers(reading: Reading) -> dict[int, list[int]]:
    """Sentence type → the letters that carry it."""
    found: dict[int, list[int]] = {}
    for letter, types in enumerate(reading.types):
        for kind in types:
            found.setdefault(kind, []).append(letter)
    return found


class _Texts:
    """One reading of the letters into texts."""

    def __init__(
        self,
        reading: Reading,
        settings: TextSettings,
        dropped: frozenset[int],
        *,
        partial: bool = True,
    ) -> None:
        self.reading = reading
        self.settings = settings
        self.dropped = dropped
        self.partial = partial
        """Whether a letter may join a text with :attr:`TextSettings.partial_share`."""
        self.members: list[list[int]] = []
        self.counts: list[Counter[int]] = []
        self.index: dict[int, dict[int, None]] = {}
        """Sentence type → the texts that carry it (a few of the lone letters only), in
        the order they came to, as ordered sets: a merge renames the text it ends."""
        self.live: dict[int, dict[int, None]] = {}
        """Sentence type → those of its :attr:`index` texts it may be a sentence of.
        One it is not a sentence of is left out when found (a statement that a few
        letters of many large texts quote would otherwise be looked at in each of
        them, for every letter that has it), and comes back when a letter carrying
        the type joins the text, or the text is merged: the only ways it can become
        one of the text's sentences."""
        self.alone: Counter[int] = Counter()
        self.fixed: dict[int, tuple[int, ...]] | None = None
        """Once the texts no longer change: sentence type → the texts it is a
        sentence of, worked out once instead of for every letter that has it."""

    @classmethod
    def of(
        cls,
        reading: Reading,
        settings: TextSettings,
        dropped: frozenset[int],
        texts: Iterable[list[int]],
    ) -> _Texts:
        """The texts ``texts`` (groups of letters) make, with nothing more read."""
        made = cls(reading, settings, dropped)
        for members in texts:
            text = made._new()
            for letter in members:
                made._add(letter, text, made._carried(letter))
        fixed = {kind: tuple(made._evidence({kind: 0})) for kind in made.index}
        made.fixed = {kind: texts for kind, texts in fixed.items() if texts}
        return made

    def share(self, letter: int) -> float:
        """The largest share of the letter's content words that one text's sentences hold."""
        types = self._carried(letter)
        evidence = self._evidence(types)
        best = max((sum(types[kind] for kind in kinds) for kinds in evidence.values()), default=0)
        return best / max(1, self.reading.words[letter])

    def place(self, letter: int, *, merge: bool) -> int | None:
        return self._place(letter, self._carried(letter), merge=merge)

    def _carried(self, letter: int) -> dict[int, int]:
        """The letter's types, less the dropped ones (its own, never changed, when none is)."""
        types = self.reading.types[letter]
        if self.dropped.isdisjoint(types):
            return types
        return {kind: words for kind, words in types.items() if kind not in self.dropped}

    def _add(self, letter: int, text: int, types: dict[int, int]) -> None:
        self.members[text].append(letter)
        self.counts[text].update(types.keys())
        alone = len(self.members[text]) == 1
        index, live = self.index, self.live
        for kind in types:
            if alone:
                if self.alone[kind] >= self.settings.alone:
                    continue
                self.alone[kind] += 1
            texts = index.get(kind)
            if texts is None:
                index[kind], live[kind] = {text: None}, {text: None}
            else:
                texts[text] = live[kind][text] = None

    def read(self, order: Iterable[int]) -> list[list[int]]:
        for letter in order:
            types = self._carried(letter)
            text = self._place(letter, types)
            self._add(letter, self._new() if text is None else text, types)
        return [members for members in self.members if members]

    def _place(self, letter: int, types: dict[int, int], *, merge: bool = True) -> int | None:
        """The text the letter joins (None: a text of its own, or it quotes two)."""
        evidence = self._evidence(types)
        settings = self.settings
        words = self.reading.words[letter]
        least = max(settings.min_words, settings.share * words)
        weights = {text: sum(map(types.__getitem__, kinds)) for text, kinds in evidence.items()}
        ranked = sorted(
            (
                text
                for text, weight in weights.items()
                if weight >= least or self._uses_part(text, evidence[text], weight, words)
            ),
            key=lambda text: (-weights[text], text),
        )
        if not ranked:
            return None
        best, carried = ranked[0], set(evidence[ranked[0]])

        for other in ranked[1:]:
            shared = sum(types[kind] for kind in carried & evidence[other])
            if shared * 2 >= weights[other]:
                # The same sentences, found as two texts: one text.
                if merge:
                    best = self._merge(best, other)
                carried |= evidence[other]
            elif weights[other] >= settings.bridge * weights[ranked[0]]:
                return None
        return best

    def _uses_part(self, text: int, kinds: set[int], weight: int, words: int) -> bool:
        """Whether a letter of ``words`` content words, ``weight`` of them in ``kinds``
        of ``text``'s sentences, uses part of the text (:attr:`TextSettings.partial_share`)."""
        settings = self.settings
        return (
            self.partial
            and len(kinds) >= settings.partial_types
            and len(self.members[text]) > 1
            and weight >= max(settings.min_words, settings.partial_share * words)
        )

    def _evidence(self, types: dict[int, int]) -> dict[int, set[int]]:
        """Per text, the letter's types that are among the text's sentences."""
        found: dict[int, set[int]] = {}
        if self.fixed is not None:
            for kind in types:
                for text in self.fixed.get(kind, ()):
                    found.setdefault(text, set()).add(kind)
            return found
        core = self.settings.core
        # Bound once: this runs for every letter in every reading.
        members, counts, live = self.members, self.counts, self.live
        for kind in types:
            texts = live.get(kind)
            if not texts:
                continue
            left_out = []
            for text in texts:
                size = len(members[text])
                carried = counts[text][kind]
                if carried >= core * size and (carried > 1 or size == 1):
                    kinds = found.get(text)
                    if kinds is None:
                        found[text] = {kind}
                    else:
                        kinds.add(kind)
                else:
                    left_out.append(text)
            for text in left_out:
                del texts[text]
        return found

    def _new(self) -> int:
        self.members.append([])
        self.counts.append(Counter())
        return len(self.members) - 1

    def _merge(self, first: int, second: int) -> int:
        """Two texts made one, under the lesser number: the other is left empty."""
        if first == second:
            return first
        keep, gone = min(first, second), max(first, second)
        # Every type the index has the gone text under is one it counts.
        for kind in self.counts[gone]:
            texts = self.index.get(kind)
            if texts is None:
                continue
            if gone in texts:
                del texts[gone]
                texts[keep] = None
            if keep in texts:
                live = self.live[kind]
                live.pop(gone, None)
                live[keep] = None
        self.members[keep] += self.members[gone]
        self.members[gone] = []
        self.counts[keep].update(self.counts[gone])
        self.counts[gone] = Counter()
        return keep


class _Settling:
    """The last placing of each letter, against texts that no longer change."""

    def __init__(self, texts: _Texts, order: Sequence[int], *, parallel: bool) -> None:
        self.texts = texts
        placed = mapped(lambda letter: texts.place(letter, merge=False), order, parallel=parallel)
        self.placed = dict(zip(order, placed, strict=True))
        self.carriers = _carriers(texts.reading)
        """Sentence type → the letters that carry it (quotations too)."""
        self._evidence: dict[int, dict[int, set[int]]] = {}
        self._placed_carriers: dict[int, tuple[int, ...]] = {}

    def text_of(self, letter: int) -> int | None:
        """The text the letter is in: as :meth:`_Texts.place`, and one more check.

        A letter that shares, beside the text's sentences, enough other
        sentences with one letter that has none of the text's
        (:attr:`TextSettings.second_source`) quotes two sources, one of them
        too little used to be found as a text, and joins neither. Such a
        template's sentences may have been taken for quotations (its letters,
        each on its own, are texts of one); a quotation counts here unless
        :attr:`TextSettings.quoted_by` letters of texts carry it too, as a
        minister's statement is.
        """
        text = self.placed[letter]
        if text is None:
            return None
        texts = self.texts
        kinds = self._evidence_of(letter)[text]
        shared: Counter[int] = Counter()
        for kind, words in texts.reading.types[letter].items():
            if kind in kinds or (kind in texts.dropped and self._quoted_by_a_text(kind, letter)):
                continue
            for other in self.carriers[kind]:
                if other != letter and self._apart(other, text):
                    shared[other] += words
        settings = texts.settings
        in_text = sum(texts.reading.types[letter][kind] for kind in kinds)
        least = max(settings.second_source_words, settings.second_source * in_text)
        return None if max(shared.values(), default=0) >= least else text

    def _quoted_by_a_text(self, kind: int, letter: int) -> bool:
        """Whether :attr:`TextSettings.quoted_by` letters in texts, besides ``letter``,
        carry the quotation ``kind``."""
        least = self.texts.settings.quoted_by
        placed = self._placed_carriers.get(kind)
        if placed is None:
            carriers = (other for other in self.carriers[kind] if self.placed[other] is not None)
            # One more than asked for is enough to answer for any letter.
            placed = self._placed_carriers[kind] = tuple(islice(carriers, least + 1))
        return sum(other != letter for other in placed) >= least

    def _apart(self, letter: int, text: int) -> bool:
        """Whether ``letter`` is neither in ``text`` nor carries any of its sentences."""
        if self.placed[letter] == text:
            return False
        return text not in self._evidence_of(letter)

    def _evidence_of(self, letter: int) -> dict[int, set[int]]:
        """Per text, the letter's sentences that are the text's (worked out once: a
        letter is asked about as itself and as the carrier of others' sentences)."""
        found = self._evidence.get(letter)
        if found is None:
            texts = self.texts
            found = self._evidence[letter] = texts._evidence(texts._carried(letter))
        return found
