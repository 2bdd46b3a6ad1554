"""The fictional corpus generator used by benchmarks and ``make demo``."""

from __future__ import annotations

import itertools
import re
import statistics
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from benchmarks.corpus import LAST_DAY, Corpus, generate_corpus, main
from dearconstituent.markup import letter_words
from dearconstituent.model import Letter
from dearconstituent.validate import Report, check_archive

ROOT = Path(__file__).resolve().parent.parent
LETTERS = 300


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return generate_corpus(tmp_path_factory.mktemp("corpus"), letters=LETTERS, seed=0)


@pytest.fixture(scope="module")
def report(corpus: Corpus) -> Report:
    return check_archive(corpus.docs_dir)


def _tree(docs: Path) -> dict[str, bytes]:
    return {
        path.relative_to(docs).as_posix(): path.read_bytes()
        for path in sorted(docs.rglob("*"))
        if path.is_file()
    }


def _by_path(report: Report) -> dict[str, Letter]:
    return {letter.path.as_posix(): letter for letter in report.letters}


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _containment(one: set[tuple[str, ...]], other: set[tuple[str, ...]]) -> float:
    return len(one & other) / min(len(one), len(other))


def test_the_corpus_passes_the_validator(corpus: Corpus, report: Report) -> None:
    assert report.problems == []
    assert len(report.letters) == LETTERS
    assert len(corpus.letters) == LETTERS
    assert corpus.letters == sorted(corpus.letters)
    assert corpus.docs_dir.name == "docs"
    assert (corpus.docs_dir / "index.md").read_text().startswith("# ")
    assert sorted(corpus.families) == sorted(_by_path(report))
    assert {path.relative_to(corpus.docs_dir).as_posix() for path in corpus.letters} == set(
        corpus.families
    )


def test_registers_have_the_promised_shape(report: Report) -> None:
    registers = report.registers
    assert len(registers.members) >= LETTERS // 15
    assert 12 <= len(registers.topics) <= 20
    assert 6 <= len(registers.campaigns) <= 10
    assert all(1 <= len(member.seats) <= 3 for member in registers.members.values())
    assert any(
        len({seat.party for seat in member.seats}) > 1 for member in registers.members.values()
    )


def test_letters_are_dated_within_their_signatory_s_terms(report: Report) -> None:
    members = report.registers.members
    month_only = 0
    for letter in report.letters:
        seat = members[letter.signatory].seat_for(letter.constituency, letter.date)
        assert seat is not None
        # A month-only date lies wholly inside the term, not just overlapping it.
        assert seat.start <= letter.date.first_day
        assert seat.end is None or letter.date.last_day <= seat.end
        assert letter.date.last_day <= LAST_DAY
        month_only += letter.date.precision == "month"
    assert 0.03 < month_only / LETTERS < 0.2
    with_campaign = sum(letter.campaign is not None for letter in report.letters)
    assert 0.3 < with_campaign / LETTERS < 0.7


def test_letters_use_the_letter_markup(corpus: Corpus) -> None:
    text = corpus.letters[0].read_text()
    for part in ("letterhead", "date", "salutation", "sign-off"):
        assert f"\n::: {part}\n" in text
    assert "Dear Constituent," in text
    assert "Yours sincerely," in text
    assert "\nMember of Parliament for " in text


def test_the_same_seed_gives_the_same_bytes(corpus: Corpus, tmp_path: Path) -> None:
    again = generate_corpus(tmp_path / "again", letters=LETTERS, seed=0)
    other = generate_corpus(tmp_path / "other", letters=LETTERS, seed=1)
    assert _tree(again.docs_dir) == _tree(corpus.docs_dir)
    assert again.families == corpus.families
    assert _tree(other.docs_dir) != _tree(corpus.docs_dir)
    assert set(other.families) != set(corpus.families)


def test_generating_again_replaces_an_earlier_corpus(tmp_path: Path) -> None:
    first = generate_corpus(tmp_path, letters=40, seed=3)
    second = generate_corpus(tmp_path, letters=20, seed=4)
    assert len(second.letters) == 20
    assert not any(path.exists() for path in set(first.letters) - set(second.letters))
    assert check_archive(second.docs_dir).problems == []


def test_letters_written_by_someone_else_are_never_replaced(tmp_path: Path) -> None:
    own = tmp_path / "docs/letters/2019/2019-09-someone-something.md"
    own.parent.mkdir(parents=True)
    own.write_text("---\n---\n")
    with pytest.raises(FileExistsError):
        generate_corpus(tmp_path, letters=10)
    assert own.exists()


def test_families_are_letters_from_different_mps(corpus: Corpus, report: Report) -> None:
    letters = _by_path(report)
    members: defaultdict[str, list[str]] = defaultdict(list)
    for path, family in corpus.families.items():
        if family is not None:
            members[family].append(letters[path].signatory)
    assert members
    for signatories in members.values():
        assert len(signatories) >= 2
        assert len(set(signatories)) == len(signatories)
    one_offs = sum(family is None for family in corpus.families.values())
    assert 0.2 * LETTERS < one_offs < 0.4 * LETTERS


def test_family_members_share_their_text_and_families_do_not(
    corpus: Corpus, report: Report
) -> None:
    letters = _by_path(report)
    texts = {path: _shingles(letter_words(letter.body)) for path, letter in letters.items()}
    by_family: defaultdict[str, list[str]] = defaultdict(list)
    for path, family in corpus.families.items():
        if family is not None:
            by_family[family].append(path)
    within = [_containment(texts[a], texts[b]) for a, b, *_ in by_family.values()]
    assert min(within) > 0.6
    by_topic: defaultdict[str, list[str]] = defaultdict(list)
    for paths in by_family.values():
        by_topic[letters[paths[0]].topics[0]].append(paths[0])
    across = [
        _containment(texts[a], texts[b])
        for firsts in by_topic.values()
        for a, b in itertools.combinations(firsts, 2)
    ]
    assert across
    assert statistics.median(across) < 0.25
    assert max(across) < 0.5
    one_offs = [path for path, family in corpus.families.items() if family is None]
    assert max(_containment(texts[a], texts[b]) for a, b in itertools.pairwise(one_offs)) < 0.5


def test_family_share_sets_the_share_of_family_letters(tmp_path: Path) -> None:
    none = generate_corpus(tmp_path / "none", letters=50, family_share=0.0)
    assert set(none.families.values()) == {None}
    every = generate_corpus(tmp_path / "every", letters=50, family_share=1.0)
    assert None not in every.families.values()
    with pytest.raises(ValueError, match="family_share"):
        generate_corpus(tmp_path / "bad", letters=5, family_share=1.5)


def test_no_real_names_are_used(corpus: Corpus) -> None:
    real = yaml.safe_load((ROOT / "docs/_data/members.yml").read_text(encoding="utf-8")) or []
    real_names = {"Alister Jack"} | {member["name"] for member in real}
    real_seats = {"Dumfries and Galloway"} | {
        seat["constituency"] for member in real for seat in member["seats"]
    }
    generated = yaml.safe_load((corpus.docs_dir / "_data/members.yml").read_text())
    names = {member["name"] for member in generated}
    seats = {seat["constituency"] for member in generated for seat in member["seats"]}
    assert not names & real_names
    assert not seats & real_seats
    everything = "".join(path.read_text() for path in corpus.letters)
    for real_text in real_names | real_seats:
        assert real_text not in everything


def test_the_command_line_prints_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path), "--letters", "30", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("wrote 30 letters (")
    assert len(out.strip().splitlines()) == 1
    assert len(list((tmp_path / "docs/letters").rglob("*.md"))) == 30
