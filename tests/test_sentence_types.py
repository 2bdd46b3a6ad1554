"""Sentence types and texts: shared-text detection that survives rewording and trimming.

Small fictional cases, then small fictional corpora (benchmarks/reuse_corpus.py)
with each kind of editing and each kind of letter that must stay apart.
"""

from __future__ import annotations

import random
import zlib
from collections import Counter, defaultdict
from functools import cache

import numpy as np
import pytest

from benchmarks.reuse_corpus import ReuseCorpus, generate
from dearconstituent.sentencetable import Sentences, SentenceTable
from dearconstituent.sentencetypes import (
    FUNCTION_WORDS,
    Reading,
    TextSettings,
    TypeSettings,
    _quotations,
    _Texts,
    find_texts,
    rarity,
    sentence_types,
)
from dearconstituent.sharedtext import Templates, find_templates
from tests.test_shared_text import OTHER_TEXT_SAME_TOPIC, TEMPLATE, letter, paths


def words(text: str) -> frozenset[int]:
    return frozenset(
        zlib.crc32(word.encode()) for word in text.lower().split() if word not in FUNCTION_WORDS
    )


POLICY = "ministers will publish the rural bus connectivity assessment before the summer recess"
REWORDED = "ministers shall publish the rural bus connectivity review before the summer recess"
FRAME_A = "supporters of the campaign make a powerful case that bus fares should fall"
FRAME_B = "supporters of the campaign make a powerful case that hospital parking should be free"


def test_identical_and_lightly_reworded_sentences_are_one_type() -> None:
    found = sentence_types([words(POLICY), words(POLICY), words(REWORDED)], TypeSettings())
    assert found[0] == found[1] == found[2] is not None


def test_a_sentence_too_short_to_count_has_no_type() -> None:
    assert sentence_types([words("buses matter"), words("buses matter")], TypeSettings()) == [
        None,
        None,
    ]


def test_rare_words_decide_whether_two_sentences_on_one_frame_are_one() -> None:
    # Unweighted, the stock frame's words make the two alike; weighted by rarity
    # (the frame is in every letter, the subjects in one), they are not.
    frame = [FRAME_A, FRAME_B]
    sentences = [words(text) for text in frame]
    loose = TypeSettings(similarity=0.4)
    assert len(set(sentence_types(sentences, loose))) == 1
    many = 100
    counts = Counter(word for sentence in sentences for word in sentence)
    common = words("supporters of the campaign make a powerful case that should")
    weights = {word: rarity(many, many if word in common else 1) for word in counts}
    assert len(set(sentence_types(sentences, loose, weights))) == 2


def test_no_sentences_have_no_types() -> None:
    assert sentence_types([], TypeSettings()) == []


def test_sentences_alike_through_a_third_are_one_type() -> None:
    # Each edit changes two of twenty words: the first and last are 16 of 24
    # words alike (under 70%), but each is alike enough to the middle one.
    base = [f"policyword{number}" for number in range(20)]
    middle = [*base[:18], "reworded1", "reworded2"]
    last = [*middle[:16], "reworded3", "reworded4", *middle[18:]]
    found = sentence_types([words(" ".join(text)) for text in (base, middle, last)], TypeSettings())
    assert found[0] == found[1] == found[2] is not None


def test_long_sentences_are_compared_word_for_word() -> None:
    # Longer than the table of words kept ready (16): compared all the same.
    base = [f"clause{number}" for number in range(40)]
    reworded = [*base[:37], "amended1", "amended2", "amended3"]
    other = [f"other{number}" for number in range(37)] + base[37:]
    found = sentence_types(
        [words(" ".join(text)) for text in (base, reworded, other)], TypeSettings()
    )
    assert found[0] == found[1] != found[2]


def test_a_sentence_alike_to_two_of_its_bucket_is_linked_to_the_first_only() -> None:
    # Sentence 2 shares 7 of 9 words with each of 0 and 1, which share only 6
    # of 10: linked to both, it would make one type of two that are not alike.
    common = set(range(6))
    sentences = [
        frozenset(common | {101, 102}),
        frozenset(common | {201, 202}),
        frozenset(common | {101, 201}),
    ]
    table = SentenceTable(
        Sentences.of_sets(sentences, {word: 1.0 for sentence in sentences for word in sentence})
    )
    earlier, later = np.array([0, 1]), np.array([2, 2])
    found = table._join_first_alike(np.arange(3), earlier, later, similarity=0.7)
    assert found.tolist() == [0, 1, 0]


@pytest.mark.parametrize("seed", range(3))
def test_the_weight_two_sentences_share_is_that_of_their_common_words(seed: int) -> None:
    generator = random.Random(seed)
    vocabulary = range(1, 60)
    sentences = [
        frozenset(generator.sample(vocabulary, generator.randint(4, 40))) for _ in range(50)
    ]
    weights = {word: generator.uniform(0.5, 3.0) for word in vocabulary}
    table = SentenceTable(Sentences.of_sets(sentences, weights))
    first = np.array([generator.randrange(50) for _ in range(200)], dtype=np.int64)
    second = np.array([generator.randrange(50) for _ in range(200)], dtype=np.int64)
    expected = [
        sum(weights[word] for word in sentences[one] & sentences[two])
        for one, two in zip(first.tolist(), second.tolist(), strict=True)
    ]
    assert table.shared_weight(first, second).tolist() == pytest.approx(expected)


def test_a_words_weight_falls_as_more_letters_use_it() -> None:
    assert rarity(1000, 1) > rarity(1000, 10) > rarity(1000, 1000) > 0


def test_texts_do_not_depend_on_the_order_sentences_come_in() -> None:
    sentences = [words(text) for text in (POLICY, FRAME_A, REWORDED, FRAME_B, POLICY)]
    forwards = sentence_types(sentences, TypeSettings())
    backwards = sentence_types(sentences[::-1], TypeSettings())[::-1]
    # A type is named by one of its sentences; the partition is what must agree.
    assert [forwards.index(kind) for kind in forwards] == [
        backwards.index(kind) for kind in backwards
    ]


@pytest.mark.parametrize("seed", range(3))
def test_texts_that_no_longer_change_answer_as_texts_being_read_do(seed: int) -> None:
    # Finished texts work out each sentence type's texts once: the letters'
    # evidence must be what it is when worked out letter by letter.
    generator = random.Random(seed)
    templates = [generator.sample(range(100), 6) for _ in range(5)]
    types = [
        dict.fromkeys(generator.sample(generator.choice(templates), 4), 20)
        | {generator.randrange(100, 400): 20}
        for _ in range(60)
    ]
    reading = Reading(types=types, words=[100] * len(types))
    found = find_texts(reading, range(len(types)), TextSettings())
    fixed = _Texts.of(reading, TextSettings(), frozenset(), found)
    read = _Texts.of(reading, TextSettings(), frozenset(), found)
    read.fixed = None
    assert found
    for number in range(len(types)):
        carried = fixed._carried(number)
        assert fixed._evidence(carried) == read._evidence(carried)


def test_a_letter_that_quotes_two_texts_joins_neither() -> None:
    # Texts 1 and 2 are each sent whole by two letters; letter 4 has half of each.
    one = {1: 40, 2: 40, 3: 40, 4: 40}
    two = {5: 40, 6: 40, 7: 40, 8: 40}
    bridge = {1: 40, 2: 40, 5: 40, 6: 40}
    reading = Reading(types=[one, one, two, bridge, two], words=[160] * 5)
    texts = find_texts(reading, range(5), TextSettings())
    assert sorted(texts) == [[0, 1], [2, 4]]


def test_a_letter_quoting_a_text_and_a_letter_outside_it_joins_neither() -> None:
    # Text 1 is sent whole by letters 0-2. Letter 3 has half of it, and two
    # sentences that letter 4, which has none of text 1, has too: a second
    # source, used too little to be a text of its own.
    text = {1: 40, 2: 40, 3: 40, 4: 40}
    half_and_another = {1: 40, 2: 40, 9: 40, 10: 40}
    other_source = {9: 40, 10: 40, 11: 40, 12: 40}
    reading = Reading(types=[text, text, text, half_and_another, other_source], words=[160] * 5)
    assert find_texts(reading, range(5), TextSettings()) == [[0, 1, 2]]


def test_a_second_source_counts_even_when_its_sentences_look_like_quotations() -> None:
    # Letter 3 has half of text 1 and one sentence each of letters 4, 5 and 6,
    # none of which share enough to be a text: each of those sentences is in
    # three letters on their own (as far as texts go), the mark of a quotation.
    # Letter 5 has both, so they are still a second source.
    text = {1: 40, 2: 40, 3: 40, 4: 40}
    bridge = {1: 40, 2: 40, 9: 20, 10: 20}
    fourth = {9: 20, 11: 40, 12: 40, 13: 40}
    fifth = {9: 20, 10: 20, 14: 40, 15: 40, 16: 40}
    sixth = {10: 20, 17: 40, 18: 40, 19: 40}
    reading = Reading(
        types=[text, text, text, bridge, fourth, fifth, sixth],
        words=[160, 160, 160, 120, 140, 160, 140],
    )
    assert find_texts(reading, range(7), TextSettings()) == [[0, 1, 2]]


def test_a_statement_that_letters_of_a_text_quote_is_no_second_source() -> None:
    # Text 1's letters all quote a minister's statement (type 8), and so do
    # letters 5-7, on their own. Letter 4 uses half of text 1 and the statement:
    # what it shares with letters 5-7 is the statement, which letters of text 1
    # carry too, so it still uses text 1.
    text = {1: 40, 2: 40, 3: 40, 4: 40, 8: 25}
    part = {1: 40, 2: 40, 8: 25, 9: 40}
    quoters = [{8: 25, 10 + number: 40, 20 + number: 40} for number in range(3)]
    reading = Reading(
        types=[text, text, text, text, part, *quoters], words=[185] * 4 + [145] + [105] * 3
    )
    assert find_texts(reading, range(8), TextSettings()) == [[0, 1, 2, 3, 4]]


def test_two_bridges_quoting_one_small_template_do_not_excuse_each_other() -> None:
    # Texts 1 and 2 are each sent whole by three letters; template 3 only by
    # letter 6. Letter 7 has half of text 1 and half of template 3, letter 8
    # half of text 2 and the same half of template 3. Template 3's sentences,
    # in three letters on their own, look like a quotation; one bridge placed in
    # a text carrying them does not make them a statement that templates quote.
    one = {1: 40, 2: 40, 3: 40, 4: 40}
    two = {21: 40, 22: 40, 23: 40, 24: 40}
    small = {31: 40, 32: 40, 33: 40, 34: 40}
    reading = Reading(
        types=[
            one,
            one,
            one,
            two,
            two,
            two,
            small,
            {1: 40, 2: 40, 31: 40, 32: 40},
            {21: 40, 22: 40, 31: 40, 32: 40},
        ],
        words=[160] * 9,
    )
    settings = TextSettings()
    assert settings.quoted_by == 2
    assert sorted(find_texts(reading, range(9), settings)) == [[0, 1, 2], [3, 4, 5]]


def test_a_sentence_that_lone_letters_carry_with_others_of_a_template_is_no_quotation() -> None:
    # Letters 0-2 each use part of one template (types 1-5), letters 3-5 each
    # quote a two-sentence statement (types 20 and 21); all are on their own.
    partial = [{1: 10, 2: 10, 3: 10, 4: 10, 5: 10, 100 + letter: 60} for letter in range(3)]
    quoting = [{20: 15, 21: 15, 200 + letter: 60} for letter in range(3)]
    reading = Reading(types=[*partial, *quoting], words=[110] * 3 + [90] * 3)
    settings = TextSettings()
    assert settings.template_sentences == 4
    alone = [[letter] for letter in range(6)]
    assert _quotations(reading, alone, settings) == frozenset({20, 21})


def test_a_statement_that_texts_sharing_nothing_else_have_is_a_quotation() -> None:
    # Eight texts of four letters each quote a two-sentence statement (types 20
    # and 21) among their own sentences: 32 letters in 8 texts, too few texts
    # to look spread. Eight texts that are parts of one template (types 1-3
    # shared besides type 20) are not quoting it.
    settings = TextSettings()
    assert (settings.texts_apart, settings.apart_sentences) == (8, 1)

    def texts_quoting(shared: dict[int, int]) -> tuple[Reading, list[list[int]]]:
        types = [
            {**shared, **{100 + 10 * text + own: 30 for own in range(4)}}
            for text in range(8)
            for _ in range(4)
        ]
        reading = Reading(types=types, words=[sum(carried.values()) for carried in types])
        return reading, [list(range(4 * text, 4 * text + 4)) for text in range(8)]

    statement = {20: 15, 21: 15}
    assert _quotations(*texts_quoting(statement), settings) == frozenset({20, 21})
    template = {1: 15, 2: 15, 3: 15, 20: 15}
    assert _quotations(*texts_quoting(template), settings) == frozenset()
    # Seven such texts are not enough.
    reading, texts = texts_quoting(statement)
    assert _quotations(reading, texts[:7], settings) == frozenset()


def test_a_letter_using_part_of_a_text_with_its_own_words_joins_it() -> None:
    # As above, but the other two sentences are the letter's own (found nowhere
    # else), or found only in a letter that has text 1's sentences too.
    text = {1: 40, 2: 40, 3: 40, 4: 40}
    half_and_own = {1: 40, 2: 40, 9: 40, 10: 40}
    unrelated = {11: 40, 12: 40, 13: 40, 14: 40}
    assert find_texts(
        Reading(types=[text, text, text, half_and_own, unrelated], words=[160] * 5),
        range(5),
        TextSettings(),
    ) == [[0, 1, 2, 3]]
    with_text = {1: 40, 2: 40, 3: 40, 9: 40, 10: 40}
    assert find_texts(
        Reading(types=[text, text, text, half_and_own, with_text], words=[160, 160, 160, 160, 200]),
        range(5),
        TextSettings(),
    ) == [[0, 1, 2, 3, 4]]


def test_a_letter_with_several_of_a_texts_sentences_joins_it_with_a_lesser_share() -> None:
    # Letters 0-2 send text 1 whole. Letter 3 has four of its sentences, 40 of
    # its 240 words: under the share (48), over the lesser share (36).
    settings = TextSettings()
    text = dict.fromkeys(range(1, 7), 30)
    four = {1: 10, 2: 10, 3: 10, 4: 10, 50: 100, 51: 100}
    three = {1: 14, 2: 13, 3: 13, 50: 100, 51: 100}
    assert settings.partial_share * 240 <= 40 < settings.share * 240
    assert settings.partial_types == 4

    def texts(letter: dict[int, int]) -> list[list[int]]:
        reading = Reading(types=[text, text, text, letter], words=[180, 180, 180, 240])
        return find_texts(reading, range(4), settings)

    assert texts(four) == [[0, 1, 2, 3]]
    # The same words in three sentences: a statement quoted, not part of the text.
    assert texts(three) == [[0, 1, 2]]


def test_the_lesser_share_needs_a_text_of_two_letters_and_known_quotations() -> None:
    text = dict.fromkeys(range(1, 7), 30)
    four = {1: 10, 2: 10, 3: 10, 4: 10, 50: 100, 51: 100}
    settings = TextSettings()
    # A letter on its own is no text yet: a pair needs the full share.
    alone = Reading(types=[text, four], words=[180, 240])
    assert find_texts(alone, range(2), settings) == []
    # The first reading, which finds quotations, uses the full share only.
    reading = Reading(types=[text, text, text, four], words=[180, 180, 180, 240])
    first = _Texts(reading, settings, frozenset(), partial=False).read(range(4))
    later = _Texts(reading, settings, frozenset()).read(range(4))
    assert sorted(first) == [[0, 1, 2], [3]]
    assert later == [[0, 1, 2, 3]]


def test_a_reworded_copy_joins_its_text_and_says_it_was_sent_from_it() -> None:
    reworded = [
        paragraph.replace("committed", "determined")
        .replace("already", "")
        .replace("lower incomes", "low incomes")
        .replace("believe", "think")
        .replace("fragile", "vulnerable")
        for paragraph in TEMPLATE
    ]
    first, second = letter(TEMPLATE, mp=0), letter(reworded, mp=1, date="2023-06-01")
    group = find_templates([first, second]).groups[0]
    assert set(group.paths) == paths(first, second)
    assert group.member(second.path.as_posix()).same_text


def test_a_letter_using_half_a_text_uses_part_of_it() -> None:
    first = letter(TEMPLATE, mp=0)
    third = letter(TEMPLATE, mp=2, date="2023-05-20")
    part = letter(TEMPLATE[:2] + OTHER_TEXT_SAME_TOPIC, mp=1, date="2023-06-01")
    group = find_templates([first, third, part]).groups[0]
    member = group.member(part.path.as_posix())
    assert not member.same_text
    assert member.uses == 0.5
    assert group.member(third.path.as_posix()).same_text


# Small fictional corpora: every kind of editing and every negative.


@cache
def corpus(letters: int, seed: int) -> tuple[ReuseCorpus, Templates]:
    made = generate(letters, seed)
    return made, find_templates(made.letters)


def kind_of_letters(made: ReuseCorpus) -> dict[str, list[str]]:
    by_family: dict[str, list[str]] = defaultdict(list)
    for path, family in made.family_of.items():
        by_family[family].append(path)
    return by_family


def recall(made: ReuseCorpus, found: Templates, kind: str) -> float:
    """Of the pairs of letters of one family of ``kind``, the share put in one group."""
    true = together = 0
    for family, members in kind_of_letters(made).items():
        if made.kind_of_family[family] != kind:
            continue
        true += len(members) * (len(members) - 1) // 2
        counts = Counter(found.by_letter[path].id for path in members if path in found.by_letter)
        together += sum(count * (count - 1) // 2 for count in counts.values())
    return together / true


@pytest.mark.parametrize(("kind", "least"), [("A", 0.99), ("B", 0.9), ("C", 0.6)])
def test_each_kind_of_editing_is_found_in_a_corpus_of_large_families(
    kind: str, least: float
) -> None:
    made, found = corpus(3000, 0)
    assert recall(made, found, kind) >= least


def test_no_group_joins_two_templates_and_no_one_off_or_quotation_is_grouped() -> None:
    for letters, seed in ((800, 1), (3000, 0)):
        made, found = corpus(letters, seed)
        for group in found.groups:
            families = {made.family_of[path] for path in group.paths if path in made.family_of}
            assert len(families) <= 1, (letters, seed, families)
        grouped = Counter(
            made.negatives[path] for path in found.by_letter if path in made.negatives
        )
        assert grouped["one-off"] == 0
        assert grouped["quoter"] <= 0.02 * sum(kind == "quoter" for kind in made.negatives.values())


def test_a_bridge_never_joins_both_texts_it_quotes() -> None:
    made, found = corpus(3000, 0)
    for path, (first, second) in made.bridges.items():
        group = found.group_of(path)
        if group is None:
            continue
        families = {made.family_of.get(member) for member in group.paths}
        assert not {first, second} <= families
    # Nearly every bridge joins neither family: the few left quote a second
    # template whose other letters share too little with them to show it.
    grouped = sum(found.group_of(path) is not None for path in made.bridges)
    assert grouped <= len(made.bridges) / 10


def test_detection_in_two_processes_finds_the_same_groups_as_in_one() -> None:
    made, found = corpus(800, 1)
    assert find_templates(made.letters, parallel=True) == found


def test_identical_sentences_have_one_first_sentence_and_others_their_own() -> None:
    sets = [frozenset({1, 2, 3}), frozenset({3, 2, 1}), frozenset({1, 2}), frozenset(), frozenset()]
    sets += [frozenset({1, 2, 4}), frozenset({1, 2, 3})]
    sentences = Sentences.of_sets(sets, dict.fromkeys(range(5), 1.0))
    assert sentences.firsts().tolist() == [0, 0, 2, 3, 3, 5, 0]


def test_taking_sentences_keeps_their_own_words() -> None:
    sets = [frozenset({1, 2}), frozenset(), frozenset({3, 4, 5}), frozenset({6})]
    sentences = Sentences.of_sets(sets, dict.fromkeys(range(7), 1.0))
    taken = sentences.taken(np.array([3, 2, 1], dtype=np.int64))
    assert taken.lengths.tolist() == [1, 3, 0]
    words = [
        {int(sentences.ids[word]) for word in taken.words[start : start + length]}
        for start, length in zip(taken.starts.tolist(), taken.lengths.tolist(), strict=True)
    ]
    assert words == [{6}, {3, 4, 5}, set()]


def test_a_type_left_out_of_a_text_it_is_no_sentence_of_comes_back_when_texts_merge() -> None:
    # Type 7 is in one of two letters of text 0 and one of three of text 1: no
    # sentence of either (one letter is not two). Merged, two of five carry it.
    types = [{7: 5, 1: 9}, {1: 9}, {7: 5, 2: 9}, {2: 9}, {2: 9}]
    reading = Reading(types=types, words=[30] * 5)
    texts = _Texts(reading, TextSettings(), dropped=frozenset())
    for members in ([0, 1], [2, 3, 4]):
        text = texts._new()
        for member in members:
            texts._add(member, text, types[member])
    assert texts._evidence({7: 5}) == {}
    texts._merge(0, 1)
    assert texts._evidence({7: 5}) == {0: {7}}


def test_sentence_types_found_in_threads_are_those_found_in_one() -> None:
    generator = random.Random(5)
    base = [generator.sample(range(1, 400), generator.randint(4, 30)) for _ in range(60)]
    sentences = []
    for words in base * 4:
        kept = [word for word in words if generator.random() > 0.15]
        sentences.append(frozenset(kept + generator.sample(range(400, 500), 2)))
    table = Sentences.of_sets(sentences, {word: 1.0 + word % 3 for word in range(500)})
    alone = SentenceTable(table).types(bands=5, rows=3, similarity=0.7, threads=1)
    assert SentenceTable(table).types(bands=5, rows=3, similarity=0.7, threads=2) == alone
    assert len(set(alone)) < len(sentences)
