"""The hard shared-text corpus (benchmarks/reuse_corpus.py) and the scores of its benchmark.

Every letter here is generated: invented MPs, seats, places and policy texts.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from random import Random

import pytest

from benchmarks.bench_reuse import score
from benchmarks.corpus import REAL_NAMES, TOPICS
from benchmarks.reuse_corpus import (
    FAMILY_SHARE,
    KINDS,
    ReuseCorpus,
    family_sizes,
    generate,
)
from dearconstituent.markup import main_text, parse_body
from dearconstituent.model import Letter
from dearconstituent.sharedtext import words_of

LETTERS = 450
SEED = 3
_PATH = re.compile(r"letters/(\d{4})/(\d{4}-\d{2}(?:-\d{2})?)-[a-z0-9]+(?:-[a-z0-9]+)*\.md")
_SENTENCE = re.compile(r"(?<=[.!?])[”\"]?\s+")


@pytest.fixture(scope="module")
def corpus() -> ReuseCorpus:
    return generate(LETTERS, seed=SEED)


@pytest.fixture(scope="module")
def by_path(corpus: ReuseCorpus) -> dict[str, Letter]:
    return {letter.path.as_posix(): letter for letter in corpus.letters}


def _middle(letter: Letter) -> list[str]:
    """The paragraphs of a letter's main text between its greeting and its closing line."""
    return main_text(letter.body).split("\n\n")[1:-1]


def _members(corpus: ReuseCorpus, kind: str) -> list[tuple[str, str]]:
    return [
        (path, family)
        for path, family in corpus.family_of.items()
        if corpus.kind_of_family[family] == kind
    ]


def _shingles(paragraphs: list[str]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for paragraph in paragraphs:
        for sentence in _SENTENCE.split(paragraph):
            words = words_of(sentence)
            found.update(tuple(words[i : i + 5]) for i in range(len(words) - 4))
    return found


# --- determinism and shape


def test_the_same_seed_gives_the_same_corpus(corpus: ReuseCorpus) -> None:
    again = generate(LETTERS, seed=SEED)
    assert again.letters == corpus.letters
    assert again.family_of == corpus.family_of
    assert again.kind_of_family == corpus.kind_of_family
    assert again.negatives == corpus.negatives
    assert again.bridges == corpus.bridges
    assert again.templates == corpus.templates
    assert again.statements == corpus.statements


def test_another_seed_gives_other_letters(corpus: ReuseCorpus) -> None:
    other = generate(LETTERS, seed=SEED + 1)
    assert len(other.letters) == LETTERS
    bodies = {letter.body for letter in corpus.letters}
    assert not bodies & {letter.body for letter in other.letters}
    assert other.statements != corpus.statements


def test_sizes_and_truth_add_up(corpus: ReuseCorpus) -> None:
    paths = [letter.path.as_posix() for letter in corpus.letters]
    assert len(paths) == LETTERS
    assert len(set(paths)) == LETTERS
    assert len(corpus.family_of) == round(LETTERS * FAMILY_SHARE)
    assert set(corpus.family_of).isdisjoint(corpus.negatives)
    assert set(corpus.family_of) | set(corpus.negatives) == set(paths)
    negatives = Counter(corpus.negatives.values())
    total = sum(negatives.values())
    assert negatives["quoter"] == round(0.4 * total)
    assert negatives["bridge"] == round(0.1 * total)
    assert negatives["one-off"] == total - negatives["quoter"] - negatives["bridge"]
    assert set(corpus.bridges) == {p for p, kind in corpus.negatives.items() if kind == "bridge"}
    sizes = Counter(corpus.family_of.values())
    assert min(sizes.values()) >= 2
    assert set(sizes) == set(corpus.kind_of_family) == set(corpus.templates)


def test_every_kind_of_family_and_of_negative_is_there(corpus: ReuseCorpus) -> None:
    kinds = Counter(corpus.kind_of_family.values())
    assert set(kinds) == set(KINDS)
    # Shared out in near-equal numbers.
    assert max(kinds.values()) - min(kinds.values()) <= 1
    assert set(corpus.negatives.values()) == {"quoter", "bridge", "one-off"}


def test_paths_are_unique_and_dated(corpus: ReuseCorpus) -> None:
    for letter in corpus.letters:
        match = _PATH.fullmatch(letter.path.as_posix())
        assert match, letter.path
        assert match.group(1) == str(letter.date.year)
        assert match.group(2) == letter.date.iso()


def test_letters_have_the_parts_of_an_archived_letter(corpus: ReuseCorpus) -> None:
    for letter in corpus.letters:
        assert parse_body(letter.body).findings == []
        assert letter.body_line == 1
        text = main_text(letter.body)
        assert "\n::: salutation\nDear " in f"\n{letter.body}"
        assert "Dear " not in text
        assert letter.signatory not in text  # the sign-off is fenced off
        assert f"{letter.signatory} MP\nMember of Parliament for {letter.constituency}\n:::" in (
            letter.body
        )
        assert len(text.split("\n\n")) >= 3  # greeting, own or template text, closing
        assert letter.signatory not in REAL_NAMES
        assert letter.constituency not in REAL_NAMES


def test_family_sizes_are_heavy_tailed() -> None:
    sizes = family_sizes(Random(0), 2250, letters=3000)
    assert sum(sizes) == 2250
    assert min(sizes) >= 2
    assert max(sizes) >= 300
    assert sum(size <= 10 for size in sizes) >= 0.8 * len(sizes)
    large = family_sizes(Random(1), 75_000, letters=100_000)
    assert sum(large) == 75_000
    assert sum(50 <= size <= 300 for size in large) >= 20
    assert max(large) >= 300
    assert family_sizes(Random(0), 1, letters=2) == []


# --- the three kinds of family


def test_kind_a_letters_mix_the_template_with_their_own_paragraphs(
    corpus: ReuseCorpus, by_path: dict[str, Letter]
) -> None:
    orders: dict[str, set[tuple[int, ...]]] = {}
    for path, family in _members(corpus, "A"):
        template = corpus.templates[family]
        paragraphs = _middle(by_path[path])
        kept = [template.texts.index(text) for text in paragraphs if text in template.texts]
        assert len(kept) >= 0.75 * len(template.paragraphs)
        own = sum(len(text.split()) for text in paragraphs if text not in template.texts)
        share = own / sum(len(text.split()) for text in paragraphs)
        assert 0.2 <= share <= 0.6, (path, share)
        orders.setdefault(family, set()).add(tuple(kept))
    # Each letter reorders the template in its own way.
    assert any(len(seen) > 1 for seen in orders.values())
    assert any(list(order) != sorted(order) for seen in orders.values() for order in seen)


def test_kind_b_letters_reword_the_template(
    corpus: ReuseCorpus, by_path: dict[str, Letter]
) -> None:
    kept_by_kind: dict[str, list[float]] = {"A": [], "B": []}
    for kind in ("A", "B"):
        for path, family in _members(corpus, kind):
            template = corpus.templates[family]
            words = _shingles(list(template.texts))
            kept_by_kind[kind].append(len(words & _shingles(_middle(by_path[path]))) / len(words))
    # A keeps whole paragraphs (a few dropped); B breaks about two thirds of
    # the template's 5-word runs (a fifth of the words and sentences changed).
    assert statistics.mean(kept_by_kind["A"]) > 0.8
    assert 0.1 < statistics.mean(kept_by_kind["B"]) < 0.45
    assert max(kept_by_kind["B"]) < 0.6
    assert min(kept_by_kind["B"]) > 0.03


def test_kind_c_letters_keep_a_quarter_to_two_fifths_of_the_template(
    corpus: ReuseCorpus, by_path: dict[str, Letter]
) -> None:
    shares = []
    for path, family in _members(corpus, "C"):
        template = corpus.templates[family]
        text = main_text(by_path[path].body)
        share = sum(sentence in text for sentence in template.sentences) / len(template.sentences)
        assert 0.25 <= share <= 0.40, (path, share)
        shares.append(share)
        # The rest of the letter is the sender's own.
        assert len(text.split()) > 1.5 * sum(
            len(sentence.split()) for sentence in template.sentences if sentence in text
        )
    assert len(shares) >= 10


def test_templates_have_five_to_twelve_paragraphs(corpus: ReuseCorpus) -> None:
    for template in corpus.templates.values():
        assert 5 <= len(template.paragraphs) <= 12
        assert 240 <= template.words() <= 660
        assert len(set(template.sentences)) == len(template.sentences)


# --- negatives


def test_bridges_quote_a_third_of_each_of_two_templates(
    corpus: ReuseCorpus, by_path: dict[str, Letter]
) -> None:
    assert corpus.bridges
    for path, (first, second) in corpus.bridges.items():
        assert first != second
        assert path not in corpus.family_of
        text = main_text(by_path[path].body)
        for family in (first, second):
            sentences = corpus.templates[family].sentences
            share = sum(sentence in text for sentence in sentences) / len(sentences)
            assert 0.2 <= share <= 0.45, (path, family, share)
        assert corpus.templates[first].topic in by_path[path].topics


def test_quoters_quote_their_topics_statement_and_so_do_some_templates(
    corpus: ReuseCorpus, by_path: dict[str, Letter]
) -> None:
    quoters = [path for path, kind in corpus.negatives.items() if kind == "quoter"]
    for path in quoters:
        letter = by_path[path]
        assert corpus.statements[letter.topics[0]] in main_text(letter.body)
    for statement in corpus.statements.values():
        assert 35 <= len(statement.split()) <= 45
    quoting = [t for t in corpus.templates.values() if t.quotes_statement]
    assert quoting
    for template in quoting:
        assert any(corpus.statements[template.topic] in text for text in template.texts)
    # The same statement reaches letters of several families and several quoters.
    topic = Counter(by_path[path].topics[0] for path in quoters).most_common(1)[0][0]
    statement = corpus.statements[topic]
    holders = [path for path in by_path if statement in by_path[path].body]
    assert sum(path in corpus.negatives for path in holders) >= 2


def test_one_offs_are_own_text_on_a_topic_families_write_about(
    corpus: ReuseCorpus, by_path: dict[str, Letter]
) -> None:
    family_topics = {template.topic for template in corpus.templates.values()}
    template_sentences = {s for t in corpus.templates.values() for s in t.sentences}
    statements = set(corpus.statements.values())
    for path, kind in corpus.negatives.items():
        letter = by_path[path]
        assert letter.topics[0] in family_topics
        if kind == "one-off":
            text = main_text(letter.body)
            assert not any(statement in text for statement in statements)
            assert not any(sentence in text for sentence in template_sentences)


def test_own_texts_rarely_share_a_five_word_run() -> None:
    corpus = generate(1500, seed=5)
    phrases = {
        topic.slug: {
            tuple(words[i : i + 3])
            for bank in (topic.subjects, topic.issues, topic.measures, topic.groups, topic.goals)
            for phrase in bank
            for words in [words_of(phrase)]
            for i in range(len(words) - 2)
        }
        for topic in TOPICS
    }
    by_topic: dict[str, list[set[tuple[str, ...]]]] = {}
    for letter in corpus.letters:
        if corpus.negatives.get(letter.path.as_posix()) == "one-off":
            by_topic.setdefault(letter.topics[0], []).append(_shingles(_middle(letter)))
    beyond_topic, containment = [], []
    for topic, texts in by_topic.items():
        for first, second in itertools.combinations(texts, 2):
            shared = first & second
            beyond_topic.append(
                sum(not any(run[i : i + 3] in phrases[topic] for i in range(3)) for run in shared)
            )
            containment.append(len(shared) / min(len(first), len(second)))
    assert len(beyond_topic) > 300
    assert statistics.mean(beyond_topic) < 4
    assert max(containment) < 0.25


# --- the benchmark's scores


def test_scores_count_pairs_from_groups_and_families() -> None:
    family_of = {
        **dict.fromkeys(["a1", "a2", "a3"], "fa"),
        **dict.fromkeys(["b1", "b2"], "fb"),
        **dict.fromkeys(["c1", "c2", "c3", "c4"], "fc"),
    }
    kinds = {"fa": "A", "fb": "B", "fc": "C"}
    negatives = {"q1": "quoter", "br": "bridge", "o1": "one-off", "br2": "bridge"}
    bridges = {"br": ("fa", "fb"), "br2": ("fa", "fc")}
    groups = [
        ["a1", "a2", "a3", "b1", "b2", "br"],  # two families merged, through a bridge
        ["c1", "c2"],
        ["c3", "o1"],
        ["c4"],  # a single letter is no group
    ]
    scores = score(
        groups, family_of=family_of, kind_of_family=kinds, negatives=negatives, bridges=bridges
    )
    assert scores.true_pairs == {"A": 3, "B": 1, "C": 6}
    assert scores.found_pairs == {"A": 3, "B": 1, "C": 1}
    assert scores.recall("A") == 1.0
    assert scores.recall("C") == pytest.approx(1 / 6)
    assert (scores.predicted_pairs, scores.correct_pairs) == (15 + 1 + 1, 3 + 1 + 1)
    assert scores.precision == pytest.approx(5 / 17)
    # Pairs of the first group with a kind-A letter: all 15 but the b1–b2 pair
    # and the pairs of b1, b2 and the bridge among themselves (3).
    assert (scores.predicted_pairs_a, scores.correct_pairs_a) == (12, 3)
    assert scores.precision_a == pytest.approx(0.25)
    assert scores.groups == 3
    assert scores.groups_joining_families == 1
    assert scores.negatives == {"quoter": 1, "bridge": 2, "one-off": 1}
    assert scores.negatives_grouped == {"quoter": 0, "bridge": 1, "one-off": 1}
    assert (scores.bridges_with_a_family, scores.bridges_with_both) == (1, 1)


def test_perfect_groups_score_one() -> None:
    family_of = {"a1": "fa", "a2": "fa", "c1": "fc", "c2": "fc", "c3": "fc"}
    kinds = {"fa": "A", "fc": "C"}
    scores = score(
        [["a2", "a1"], ["c1", "c2", "c3"]],
        family_of=family_of,
        kind_of_family=kinds,
        negatives={"q": "quoter"},
        bridges={},
    )
    assert scores.precision == scores.precision_a == 1.0
    assert scores.recall("A") == scores.recall("C") == 1.0
    assert scores.recall("B") == 1.0  # no pairs of that kind to find
    assert scores.groups_joining_families == 0
    assert scores.negatives_grouped["quoter"] == 0
