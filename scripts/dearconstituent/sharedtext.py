"""Shared-text detection: which letters were sent from the same text, or use part of it.

Many replies are drafted once (by a party, a whips' office or a department)
and sent by many MPs: whole with small edits, reworded in the MP's voice, or
a few paragraphs of it among the MP's own. Letters belong to one *template
group* when they share whole sentences of one text.

How it is decided:

1. A letter's *substantive text* is its own paragraphs (:func:`main_text`:
   no letterhead, date, salutation, subject line, sign-off or transcriber's
   notes), split into sentences, case-folded, with punctuation and spacing
   dropped. Stock phrases that nearly every reply uses
   (:data:`STOCK_PHRASES`: "thank you for contacting me about", "yours
   sincerely") and the MP's own name and constituency are cut out, so that
   they never make two letters look alike.
2. Each sentence becomes the set of its content words, and near-identical
   sentences become one *sentence type* (:mod:`.sentencetypes`; rarer words
   weigh more). A type found in at least :attr:`Settings.spread_letters`
   letters that no one topic dominates is boilerplate: a template is about
   something, a courtesy is about anything.
3. Letters are read into *texts* (:func:`.sentencetypes.find_texts`): a
   letter uses a text when enough of its words are the text's sentences;
   quotations that many unrelated letters carry belong to no text, and a
   letter carrying different parts of two texts joins neither.
4. Each group is described (:class:`TemplateMember`): what share of each
   letter is shared, what it adds and leaves out, and whether it was *sent
   from the same text* or *uses part of* it (:attr:`Settings.same_text`).

Nothing depends on the order letters are read in: a group's id is a digest
of its earliest letter's substantive words, and word ids are checksums of
the words, not counters.

With ``parallel`` (the benchmarks and ``find_templates.py``, on two cores),
half the letters' words are read in a forked child, sentence types are
compared in two threads, and what is asked of every letter between readings
is asked in two processes: the groups are the same. The site build detects
in one process, its child beside MkDocs (:mod:`.background`).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import math
import os
import re
import unicodedata
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain

from .background import in_two, mapped
from .markup import main_text
from .model import Letter
from .sentencetypes import (
    FUNCTION_WORDS,
    Reading,
    TextSettings,
    TypeSettings,
    find_texts,
    rarity,
    typed,
)

__all__ = [
    "STOCK_PHRASES",
    "Settings",
    "TemplateGroup",
    "TemplateMember",
    "Templates",
    "find_templates",
    "words_of",
]

log = logging.getLogger(__name__)

STOCK_PHRASES: tuple[str, ...] = (
    "thank you for contacting me about",
    "thank you for contacting me regarding",
    "thank you for contacting me on",
    "thank you for your email about",
    "thank you for your email regarding",
    "thank you for your recent email about",
    "thank you for your letter about",
    "thank you for your letter regarding",
    "thank you for your recent letter about",
    "thank you for writing to me about",
    "thank you for writing to me regarding",
    "thank you for getting in touch about",
    "thank you for getting in touch regarding",
    "thank you for taking the time to write to me",
    "thank you for taking the time to contact me",
    "thank you again for taking the time to write to me",
    "thank you again for taking the time to contact me",
    "thank you again for getting in touch",
    "thank you once again for contacting me",
    "thank you again for contacting me",
    "i appreciate you taking the time to",
    "i am grateful to you for taking the time to",
    "please do not hesitate to contact me again",
    "please do not hesitate to get in touch",
    "on this or any other matter",
    "i hope this is helpful",
    "i hope this reassures you",
    "with best wishes",
    "with kind regards",
    "yours sincerely",
    "yours faithfully",
    "dear constituent",
    "member of parliament for",
    "house of commons",
    "london sw1a 0aa",
)
"""Courtesies of a reply, cut out before letters are compared (lower case, words only)."""

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_SENTENCE_END = re.compile(r"([.!?])[\"'\u201d\u2019)\]]*\s+")
"""A sentence ends at a full stop, question or exclamation mark, then closing quotes
or brackets (dropped with the spacing), then spacing…"""
_PARAGRAPH_END = re.compile(r"\n\s*\n")
"""…and at a paragraph's end. Two patterns, each starting with what it must find
first, so that the regex engine skips to it: as one pattern they took 335 ms for
5,000 letters, as two 201 ms."""
_CUT = "\x00"
"""Stands in for a cut-out phrase: no shingle spans it."""
_STOP = "\x01"
"""Marks the end of a sentence: no shingle spans it either."""
_GAP = r"[^\w\x00\x01]+"
"""What may come between the words of a stock phrase: never a cut or a sentence end."""


@dataclass(frozen=True)
class Settings:
    """The knobs of detection; the defaults are what the site uses."""

    types: TypeSettings = field(default_factory=TypeSettings)
    """When two sentences are of one type (:mod:`.sentencetypes`)."""
    texts: TextSettings = field(default_factory=TextSettings)
    """When a letter uses a text (:mod:`.sentencetypes`)."""
    common_share: float = 0.5
    """A word in this share of the letters or more is not a content word…"""
    common_from: int = 50
    """…in an archive of this many letters or more (fewer say too little)."""
    shingle: int = 5
    """Words per shingle, for describing a group: what each letter adds and leaves out."""
    spread_letters: int = 6
    """A sentence (or shingle) in this many letters or more is boilerplate if it is spread
    across topics…"""
    spread_share: float = 0.5
    """…that is, when no single topic accounts for this share of its letters."""
    same_text: float = 0.5
    """A letter was sent from the same text when more than this share of its own words
    are the text's and it has more than this share of the text's sentences ("most");
    otherwise it uses part of the text."""


@dataclass(frozen=True)
class TemplateMember:
    """One letter of a template group, compared with the rest of the group."""

    path: str
    """Letter path (posix, below the docs folder)."""
    overlap: float
    """Share of its substantive text (0 to 1) that another letter of the group also has."""
    additions: tuple[str, ...]
    """Its sentences that no other letter of the group has, as written."""
    omissions: tuple[str, ...]
    """Sentences of the group's earliest letter that it leaves out, as written there."""
    uses: float = 1.0
    """Share of the text's sentences (0 to 1) that it has: the sentences that at least
    :attr:`.TextSettings.core` of the group's letters, and two or more, have."""
    same_text: bool = True
    """Sent from the same text (most of it is the text, and it has most of the text's
    sentences), rather than using part of the text."""


@dataclass(frozen=True)
class TemplateGroup:
    """Letters sent from the same text, earliest first."""

    id: str
    """A digest of the earliest letter's substantive words: stable from build to build."""
    members: tuple[TemplateMember, ...]

    @property
    def representative(self) -> str:
        """The earliest letter (by date, then path): the oldest known copy of the text."""
        return self.members[0].path

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(member.path for member in self.members)

    @property
    def size(self) -> int:
        return len(self.members)

    def member(self, path: str) -> TemplateMember:
        return next(member for member in self.members if member.path == path)


@dataclass(frozen=True)
class Templates:
    """Every template group of an archive, largest first."""

    groups: tuple[TemplateGroup, ...] = ()
    by_letter: Mapping[str, TemplateGroup] = field(default_factory=dict)

    def group_of(self, path: str) -> TemplateGroup | None:
        return self.by_letter.get(path)


@dataclass
class _Text:
    """One letter's substantive text, ready for comparison."""

    letter: Letter
    written: list[str]
    """The sentences of its own paragraphs, as written."""
    types: list[int | None]
    """Per sentence: its type (None: too short to count)."""
    content: list[int]
    """Per sentence, its content words (see :mod:`.sentencetypes`)."""


@dataclass(frozen=True)
class _Words:
    """Some letters' sentences, as written and as sets of word numbers: a few large
    objects, which a child process sends back quickly."""

    written: list[str]
    """Per letter, its sentences as written, joined by :data:`_STOP`."""
    sentences: array[int]
    """Per letter, its number of sentences."""
    lengths: array[int]
    """Per sentence, its number of distinct comparable words (stock phrases and the
    MP's name cut out)."""
    words: array[int]
    """Each sentence's distinct words in turn, as numbers of :attr:`vocabulary`."""
    vocabulary: list[str]
    letters_with: list[int]
    """Per word of :attr:`vocabulary`, the letters that have it."""


def words_of(text: str) -> list[str]:
    """``text`` as comparable words: case-folded, punctuation and spacing dropped."""
    return _WORD.findall(_fold(text))


def find_templates(
    letters: Sequence[Letter], *, settings: Settings | None = None, parallel: bool = False
) -> Templates:
    """The template groups among ``letters``.

    With ``parallel``, part of the work is done in a forked child process
    (:mod:`.background`): the same groups, sooner on two cores. Not from a child
    process :func:`.background.run` started, nor while other threads run.
    """
    with _without_cycle_collection():
        return _find_templates(letters, settings or Settings(), parallel=parallel)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while detection runs.

    Detection makes millions of small objects and no reference cycles; the
    collector's passes over them grow with the heap and took 30% of the time
    at 30,000 letters. Reference counting still frees everything.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _find_templates(letters: Sequence[Letter], settings: Settings, *, parallel: bool) -> Templates:
    detector = _Detector(settings)
    texts, reading = detector.read(
        sorted(letters, key=lambda letter: letter.path.as_posix()), parallel=parallel
    )
    order = sorted(range(len(texts)), key=lambda index: texts[index].letter.sort_key())
    found = find_texts(reading, order, detector.settings.texts, parallel=parallel)
    groups = mapped(
        lambda members: detector.group([texts[index] for index in members]),
        found,
        parallel=parallel,
    )
    groups.sort(key=lambda group: (-group.size, group.id))
    log.debug("%d template group(s) among %d letters", len(groups), len(letters))
    return Templates(
        groups=tuple(groups),
        by_letter={member.path: group for group in groups for member in group.members},
    )


class _Numbers(dict[str, int]):
    """Word → a small number of its own, in the order words are met."""

    def __missing__(self, word: str) -> int:
        found = self[word] = len(self)
        return found


class _WordIds(dict[str, int]):
    """Word → id, where the id is the word's CRC-32.

    A checksum, not a counter: sentence types (and so the texts found) must
    not depend on the order the letters are read in.
    """

    def __missing__(self, word: str) -> int:
        found = self[word] = zlib.crc32(word.encode("utf-8"))
        return found


class _Detector:
    """One detection run: its settings, and what it has cached."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._word_ids = _WordIds()
        self._stock = _phrase_pattern(STOCK_PHRASES)
        self._names: dict[str, re.Pattern[str]] = {}

    def read(self, letters: Sequence[Letter], *, parallel: bool) -> tuple[list[_Text], Reading]:
        """Each letter's substantive text, and the letters read into sentence types;
        with ``parallel``, half the letters' words are found in a forked child, and
        sentence types in several threads."""
        half = len(letters) // 2
        parts = in_two(self._words, letters[:half], letters[half:], parallel=parallel)
        return self._reading(letters, parts, threads=(os.cpu_count() or 1) if parallel else 1)

    def _words(self, letters: Sequence[Letter]) -> _Words:
        numbers: _Numbers = _Numbers()
        number = numbers.__getitem__
        letters_with: Counter[int] = Counter()
        written: list[str] = []
        sentences, lengths, words = array("i"), array("i"), array("i")
        for letter in letters:
            text, cut = self._sentences(letter)
            written.append(text)
            sets = [set(map(number, _WORD.findall(sentence))) for sentence in cut.split(_STOP)]
            sentences.append(len(sets))
            lengths.extend(map(len, sets))
            words.extend(chain.from_iterable(sets))
            letters_with.update(set().union(*sets))
        return _Words(
            written=written,
            sentences=sentences,
            lengths=lengths,
            words=words,
            vocabulary=list(numbers),
            letters_with=[letters_with[word] for word in range(len(numbers))],
        )

    def _sentences(self, letter: Letter) -> tuple[str, str]:
        """The letter's sentences as written, and as cut (:meth:`_cut`), each joined
        by :data:`_STOP`: two strings, which a child process returns quickly."""
        text = main_text(letter.body)
        if _CUT in text or _STOP in text:
            # The validator refuses control characters; a build that skipped it
            # must still not mistake them for the markers used here.
            text = text.replace(_CUT, " ").replace(_STOP, " ")
        written = _PARAGRAPH_END.sub(_STOP, _SENTENCE_END.sub(r"\1" + _STOP, text))
        return written, self._cut(written, letter)

    def _reading(
        self, letters: Sequence[Letter], parts: tuple[_Words, _Words], *, threads: int
    ) -> tuple[list[_Text], Reading]:
        """Each letter's sentence types (found in ``threads`` threads) and content words,
        boilerplate left out."""
        # Imported here: numpy is needed only where detection runs (see .sentencetable).
        from .sentencetable import Sentences  # noqa: PLC0415

        vocabulary, renumbered, letters_with = _merged(parts)
        ignored = self._ignored(vocabulary, letters_with, len(letters))
        sentences = Sentences.content(
            [
                (part.lengths, part.words, numbers)
                for part, numbers in zip(parts, renumbered, strict=True)
            ],
            ignored,
            ids=[self._word_ids[word] for word in vocabulary],
            weights=[
                0.0 if ignore else rarity(len(letters), count)
                for ignore, count in zip(ignored, letters_with, strict=True)
            ],
        )
        found = typed(sentences, self.settings.types, threads=threads)
        content = sentences.lengths.tolist()
        texts: list[_Text] = []
        types: list[dict[int, int]] = []
        start = 0
        written = chain.from_iterable(part.written for part in parts)
        counts = chain.from_iterable(part.sentences for part in parts)
        for letter, joined, count in zip(letters, written, counts, strict=True):
            end = start + count
            text = _Text(letter, joined.split(_STOP), found[start:end], content[start:end])
            carried: dict[int, int] = {}
            for kind, words in zip(text.types, text.content, strict=True):
                if kind is not None:
                    carried[kind] = max(carried.get(kind, 0), words)
            texts.append(text)
            types.append(carried)
            start = end
        self._discount_spread_types(texts, types)
        return texts, Reading(types=types, words=[sum(text.content) for text in texts])

    def _ignored(self, vocabulary: list[str], letters_with: list[int], letters: int) -> list[bool]:
        """Per word, whether it is a function word or one most letters use: those say
        nothing about which text a letter came from."""
        settings = self.settings
        least = settings.common_share * letters if letters >= settings.common_from else math.inf
        return [
            word in FUNCTION_WORDS or count >= least
            for word, count in zip(vocabulary, letters_with, strict=True)
        ]

    def _discount_spread_types(self, texts: list[_Text], types: list[dict[int, int]]) -> None:
        """Drop sentence types that letters on unrelated topics share (and types in one letter)."""
        settings = self.settings
        letters = Counter(chain.from_iterable(types))
        common = {kind for kind, count in letters.items() if count >= settings.spread_letters}
        by_topic: dict[str, Counter[int]] = {}
        for text, carried in zip(texts, types, strict=True):
            found = common.intersection(carried)
            for topic in text.letter.topics:
                by_topic.setdefault(topic, Counter()).update(found)
        largest: Counter[int] = Counter()
        for counts in by_topic.values():
            for kind, count in counts.items():
                largest[kind] = max(largest[kind], count)
        dropped = {kind for kind, count in letters.items() if count < 2}
        dropped.update(
            kind for kind in common if largest[kind] < settings.spread_share * letters[kind]
        )
        for carried in types:
            for kind in dropped.intersection(carried):
                del carried[kind]

    def group(self, texts: list[_Text]) -> TemplateGroup:
        texts = sorted(texts, key=lambda text: text.letter.sort_key())
        counts: Counter[int] = Counter()
        for text in texts:
            counts.update({kind for kind in text.types if kind is not None})
        shared = {kind for kind, count in counts.items() if count > 1}
        least = max(2, self.settings.texts.core * len(texts))
        sentences = {kind for kind, count in counts.items() if count >= least}
        earliest = texts[0]
        members = tuple(
            _compare(text, earliest, shared, sentences, self.settings.same_text) for text in texts
        )
        words = words_of(main_text(earliest.letter.body))
        digest = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
        return TemplateGroup(id=digest[:12], members=members)

    def _cut(self, text: str, letter: Letter) -> str:
        """``text`` folded, with stock phrases and the MP's own name and seat cut out."""
        folded = self._stock.sub(_CUT, _fold(text))
        for name in (letter.signatory, letter.constituency):
            folded = self._name_pattern(name).sub(_cut_word, folded)
        return folded

    def _name_pattern(self, name: str) -> re.Pattern[str]:
        # Starting with a literal word (no look-behind) lets the regex engine
        # jump between candidates: ten times quicker than a bounded pattern.
        pattern = self._names.get(name)
        if pattern is None:
            words = [re.escape(word) for word in words_of(name)] or ["(?!)"]
            pattern = self._names[name] = re.compile(_GAP.join(words) + r"(?![^\W_])")
        return pattern


def _compare(
    text: _Text, earliest: _Text, shared: set[int], sentences: set[int], same_text: float
) -> TemplateMember:
    """How ``text`` differs from the rest of its group (``shared``: types in two letters or
    more) and how much of the text (``sentences``: its sentences' types) it has.

    Sentences too short to have a type (under :attr:`TypeSettings.min_words`
    content words) are neither counted nor named.
    """
    counted = [
        (written, kind, content)
        for written, kind, content in zip(text.written, text.types, text.content, strict=True)
        if kind is not None
    ]
    total = sum(content for _, _, content in counted)
    carried = {kind for _, kind, _ in counted}
    overlap = (
        sum(content for _, kind, content in counted if kind in shared) / total if total else 0.0
    )
    uses = len(carried & sentences) / len(sentences) if sentences else 0.0
    return TemplateMember(
        path=text.letter.path.as_posix(),
        overlap=overlap,
        uses=uses,
        same_text=overlap > same_text and uses > same_text,
        additions=tuple(written for written, kind, _ in counted if kind not in shared),
        omissions=()
        if text is earliest
        else tuple(
            written
            for written, kind in zip(earliest.written, earliest.types, strict=True)
            if kind is not None and kind not in carried
        ),
    )


def _merged(parts: Sequence[_Words]) -> tuple[list[str], list[list[int]], list[int]]:
    """The words of all ``parts``, each part's words' numbers among them, and the
    letters that have each word."""
    vocabulary: _Numbers = _Numbers()
    renumbered = [[vocabulary[word] for word in part.vocabulary] for part in parts]
    letters_with = [0] * len(vocabulary)
    for part, numbers in zip(parts, renumbered, strict=True):
        for number, count in zip(numbers, part.letters_with, strict=True):
            letters_with[number] += count
    return list(vocabulary), renumbered, letters_with


def _cut_word(match: re.Match[str]) -> str:
    """A cut for ``match``, unless it starts inside a word."""
    start = match.start()
    inside = start > 0 and _WORD.match(match.string, start - 1) is not None
    return match.group() if inside else _CUT


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKC", text).casefold()
    return folded.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern for any of ``phrases`` as whole words, whatever lies between them.

    The phrases are arranged as a trie (``thank you (?:for … | again …)``):
    far quicker to match than a flat list of alternatives.
    """
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for word in words_of(phrase):
            node = node.setdefault(word, {})
        node[""] = {}
    # Each phrase starts with a plain letter, the check that no letter comes
    # before it just after: the regex engine then skips straight to the letters
    # a phrase may start with (a quarter quicker than looking ahead for them).
    firsts = [
        re.escape(word[0]) + r"(?<![^\W_].)" + re.escape(word[1:]) + _rest(trie[word])
        for word in sorted(trie)
        if word
    ]
    return re.compile("(?:" + "|".join(firsts) + r")(?![^\W_])")


_Trie = dict[str, "_Trie"]


def _branches(node: _Trie) -> str:
    """A pattern for the words that may follow ``node``."""
    return (
        "(?:" + "|".join(re.escape(word) + _rest(node[word]) for word in sorted(node) if word) + ")"
    )


def _rest(node: _Trie) -> str:
    """A pattern for what must (or, where a phrase ends, may) follow a word."""
    if not any(node):
        return ""
    rest = _GAP + _branches(node)
    return f"(?:{rest})?" if "" in node else rest
