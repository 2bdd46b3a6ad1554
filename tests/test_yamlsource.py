"""Registers are read in one walk that builds the data and indexes its lines: it must
agree exactly with PyYAML's safe loading and the lazy index used for letters."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given

from dearconstituent.errors import SourceError
from dearconstituent.yamlsource import load_located
from tests.archive import ROOT
from tests.test_property import MALFORMED, SETTINGS, yaml_values


def both(text: str) -> tuple[object, object]:
    """What loading ``text`` gives, or the error's line and message, both ways."""
    results: list[object] = []
    for index_lines in (False, True):
        try:
            located = load_located(text, first_line=3, index_lines=index_lines)
            results.append((located.data, located.lines, located.duplicates))
        except SourceError as error:
            results.append((error.line, error.message))
    return results[0], results[1]


@SETTINGS
@given(value=yaml_values)
def test_any_document_reads_the_same_either_way(value: object) -> None:
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
    lazy, indexed = both(text)
    assert lazy == indexed


@pytest.mark.parametrize(
    "text",
    [
        *MALFORMED,
        "a: 1\na: 2\nb: [x, y]\n",
        "- {id: 7, name: x, area: 0.5, ok: yes, none: ~, when: 2019-11-06}\n",
        "? [a, b]\n: c\n",
        "x: !!int 12\ny: !!str 12\nz: !!float '1.5'\n",
        "base: &b {a: 1}\nmore:\n  <<: *b\n",
        "2019: year\n1.5: float\n",
    ],
)
def test_awkward_documents_read_the_same_either_way(text: str) -> None:
    lazy, indexed = both(text)
    assert lazy == indexed


@pytest.mark.parametrize("name", ["members.yml", "constituencies.yml", "party-changes.yml"])
def test_the_registers_read_the_same_either_way(name: str) -> None:
    lazy, indexed = both((ROOT / "docs/_data" / name).read_text(encoding="utf-8"))
    assert lazy == indexed
