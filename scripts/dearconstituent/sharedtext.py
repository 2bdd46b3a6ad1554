"""Shared-text detection: which letters were sent from the same template.

Many replies are drafted once (by a party, a whips' office or a department)
and sent by many MPs with small edits. Two letters belong to the same
*template group* when most of their substantive text is the same.

How it is decided:

1. A letter's *substantive text* is its own paragraphs (:func:`main_text`:
   no letterhead, date, salutation, subject line, sign-off or transcriber's
   notes), case-folded, with punctuation and spacing dropped. Stock phrases
   that nearly every reply uses (:data:`STOCK_PHRASES`: "thank you for
   contacting me about", "yours sincerely") and the MP's own name and
   constituency are cut out, so that they never make two letters look alike.
2. Each letter becomes the set of its 5-word *shingles*. A shingle found in
   at least :attr:`Settings.spread_letters` letters that no one topic
   dominates is boilerplate too: a template is about something, a courtesy
   is about anything.
3. Candidates come from an inverted index of a content-defined sample of the
   shingles (one in :attr:`Settings.sample`), so the cost grows with the
   number of letters, not with its square.
4. Each candidate pair is confirmed exactly: the two share at least
   :attr:`Settings.min_shared` shingles and at least
   :attr:`Settings.containment` of the shorter letter's shingles. Confirmed
   pairs join transitively into groups.

Nothing depends on the order letters are read in: a group's id is a digest
of its earliest letter's substantive words, and word ids are checksums of
the words, not counters.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

from .markup import main_text
from .model import Letter

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
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[\x00\x01]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+|\n\s*\n")
_CUT = "\x00"
"""Stands in for a cut-out phrase: no shingle spans it."""
_STOP = "\x01"
"""Marks the end of a sentence: no shingle spans it either."""
_GAP = r"[^\w\x00\x01]+"
"""What may come between the words of a stock phrase: never a cut or a sentence end."""


@dataclass(frozen=True)
class Settings:
    """The knobs of detection; the defaults are what the site uses."""

    shingle: int = 5
    """Words per shingle."""
    sample: int = 4
    """One shingle in this many (chosen by content) goes into the candidate index."""
    containment: float = 0.6
    """Share of the shorter letter's shingles that must be found in the other…"""
    coverage: float = 0.3
    """…and of the longer letter's, so that a short letter quoting a sentence or two stays apart."""
    posting_limit: int = 64
    """Letters remembered per sampled shingle: a later letter is compared with these only.

    Enough to find a group however large it grows (its first members are in the
    index), and it keeps a phrase common to a whole topic from making every
    letter on the topic a candidate for every other.
    """
    min_shared: int = 15
    """Shingles two letters must share, however short they are (about 20 words)."""
    spread_letters: int = 6
    """A shingle in this many letters or more is boilerplate if it is spread across topics…"""
    spread_share: float = 0.5
    """…that is, when no single topic accounts for this share of its letters."""


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
    starts: list[list[int | None]]
    """Per sentence, the shingle starting at each of its words (None where none may)."""
    shingles: set[int]

    def sentences(self) -> Iterator[tuple[str, list[int]]]:
        """Each sentence as written, with its shingles that are still counted."""
        for written, starts in zip(self.written, self.starts, strict=True):
            yield written, [shingle for shingle in starts if shingle in self.shingles]


def words_of(text: str) -> list[str]:
    """``text`` as comparable words: case-folded, punctuation and spacing dropped."""
    return _WORD.findall(_fold(text))


def find_templates(letters: Sequence[Letter], *, settings: Settings | None = None) -> Templates:
    """The template groups among ``letters``."""
    detector = _Detector(settings or Settings())
    texts = [
        detector.text_of(letter)
        for letter in sorted(letters, key=lambda letter: letter.path.as_posix())
    ]
    detector.discount_spread_phrases(texts)
    groups = [
        detector.group([texts[index] for index in component])
        for component in detector.components(texts)
    ]
    groups.sort(key=lambda group: (-group.size, group.id))
    log.debug("%d template group(s) among %d letters", len(groups), len(letters))
    return Templates(
        groups=tuple(groups),
        by_letter={member.path: group for group in groups for member in group.members},
    )


class _WordIds(dict[str, int]):
    """Word → id, where the id is the word's CRC-32.

    A checksum, not a counter: the sample of shingles (and so the candidates)
    must not depend on the order the letters are read in.
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

    def text_of(self, letter: Letter) -> _Text:
        text = main_text(letter.body)
        if _CUT in text or _STOP in text:
            # The validator refuses control characters; a build that skipped it
            # must still not mistake them for the markers used here.
            text = text.replace(_CUT, " ").replace(_STOP, " ")
        written = _SENTENCE_END.split(text)
        tokens = _TOKEN.findall(self._cut(_STOP.join(written), letter) + _STOP)
        stops = _positions(tokens, _STOP)
        starts = self._shingle_starts(tokens, breaks=stops + _positions(tokens, _CUT))
        by_sentence = [starts[a + 1 : b] for a, b in itertools.pairwise([-1, *stops])]
        shingles = set(starts)
        shingles.discard(None)
        return _Text(letter, written, by_sentence, cast(set[int], shingles))

    def _shingle_starts(self, tokens: list[str], *, breaks: list[int]) -> list[int | None]:
        """The shingle starting at each token, None where one would span a break."""
        ids = list(map(self._word_ids.__getitem__, tokens))
        width = self.settings.shingle
        # Tuples of ints hash the same in every process (unlike strings).
        starts: list[int | None] = list(
            map(hash, zip(*(ids[offset:] for offset in range(width)), strict=False))
        )
        starts += [None] * (len(tokens) - len(starts))
        for index in breaks:
            starts[max(0, index - width + 1) : index + 1] = [None] * min(width, index + 1)
        return starts

    def discount_spread_phrases(self, texts: list[_Text]) -> None:
        """Drop shingles that many letters on unrelated topics share."""
        frequency: Counter[int] = Counter()
        for text in texts:
            frequency.update(text.shingles)
        common = {
            shingle for shingle, count in frequency.items() if count >= self.settings.spread_letters
        }
        if not common:
            return
        by_topic: dict[str, Counter[int]] = {}
        for text in texts:
            found = common.intersection(text.shingles)
            for topic in text.letter.topics:
                by_topic.setdefault(topic, Counter()).update(found)
        largest = dict.fromkeys(common, 0)
        for counts in by_topic.values():
            for shingle, count in counts.items():
                largest[shingle] = max(largest[shingle], count)
        share = self.settings.spread_share
        spread = {
            shingle for shingle, count in largest.items() if count < share * frequency[shingle]
        }
        log.debug("%d shingle(s) discounted as spread across topics", len(spread))
        for text in texts:
            text.shingles -= spread

    def components(self, texts: list[_Text]) -> list[list[int]]:
        """Letters (indexes into ``texts``) joined by sharing most of their text."""
        forest = _Forest(len(texts))
        postings: dict[int, list[int]] = {}
        sample, limit = self.settings.sample, self.settings.posting_limit
        sampled: list[int] = []
        for index, text in enumerate(texts):
            own = [shingle for shingle in text.shingles if shingle % sample == 0]
            sampled.append(len(own))
            hits: list[int] = []
            for shingle in own:
                posting = postings.setdefault(shingle, [])
                hits += posting
                if len(posting) < limit:
                    posting.append(index)
            for other, count in sorted(Counter(hits).items()):
                # A pair that shares half its text shares about half its sample
                # too; one that shares under a quarter of it is not worth an
                # exact check. A pair already joined needs none: groups are
                # transitive.
                if (
                    count * 4 >= min(sampled[other], len(own))
                    and forest.root(other) != forest.root(index)
                    and self._similar(text.shingles, texts[other].shingles)
                ):
                    forest.join(other, index)
        return forest.components()

    def _similar(self, first: set[int], second: set[int]) -> bool:
        settings = self.settings
        shared = len(first & second)
        shorter, longer = sorted((len(first), len(second)))
        return (
            shared >= settings.min_shared
            and shared >= settings.containment * shorter
            and shared >= settings.coverage * longer
        )

    def group(self, texts: list[_Text]) -> TemplateGroup:
        texts = sorted(texts, key=lambda text: text.letter.sort_key())
        counts: Counter[int] = Counter()
        for text in texts:
            counts.update(text.shingles)
        shared = {shingle for shingle, count in counts.items() if count > 1}
        earliest = texts[0]
        members = tuple(_compare(text, earliest, shared) for text in texts)
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


def _compare(text: _Text, earliest: _Text, shared: set[int]) -> TemplateMember:
    """How ``text`` differs from the rest of its group (``shared``: shingles in two or more)."""
    own = text.shingles
    return TemplateMember(
        path=text.letter.path.as_posix(),
        overlap=len(own & shared) / len(own) if own else 0.0,
        additions=tuple(
            written for written, hashes in text.sentences() if _mostly_missing(hashes, shared)
        ),
        omissions=()
        if text is earliest
        else tuple(
            written for written, hashes in earliest.sentences() if _mostly_missing(hashes, own)
        ),
    )


def _mostly_missing(hashes: list[int], found: set[int]) -> bool:
    """Whether a sentence's ``hashes`` are mostly not ``found`` (never for too short a sentence)."""
    return len(hashes) >= 2 and sum(h in found for h in hashes) * 2 < len(hashes)


def _positions(tokens: list[str], token: str) -> list[int]:
    """Where ``token`` occurs in ``tokens`` (searched in C: far quicker than a loop)."""
    found: list[int] = []
    index = -1
    while True:
        try:
            index = tokens.index(token, index + 1)
        except ValueError:
            return found
        found.append(index)


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
    return re.compile(rf"(?<![^\W_]){_branches(trie)}(?![^\W_])")


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


class _Forest:
    """Union-find over letter indexes: the groups found so far."""

    def __init__(self, count: int) -> None:
        self._parent = list(range(count))

    def root(self, node: int) -> int:
        parent = self._parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(self, first: int, second: int) -> None:
        a, b = self.root(first), self.root(second)
        if a != b:
            self._parent[max(a, b)] = min(a, b)

    def components(self) -> list[list[int]]:
        """Groups of two or more, each in index order."""
        members: dict[int, list[int]] = {}
        for node in range(len(self._parent)):
            members.setdefault(self.root(node), []).append(node)
        return [group for group in members.values() if len(group) > 1]
