"""Pages lose their templates' indentation, and nothing else."""

from __future__ import annotations

from dearconstituent.compact import compact_html


def test_indentation_and_blank_lines_become_one_line_break() -> None:
    html = "<ul>\n    <li>One</li>\n\n\n    <li>Two</li>\n  </ul>\n"
    assert compact_html(html) == "<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n"


def test_spaces_inside_a_line_are_kept() -> None:
    # Between inline elements a space is content: "a b", not "ab".
    assert compact_html("<b>a</b> <i>b</i>  c") == "<b>a</b> <i>b</i>  c"


def test_a_break_between_words_stays_a_break() -> None:
    # The words must not run together when their line's indentation goes.
    assert compact_html("<p>Dear\n      constituent</p>") == "<p>Dear\nconstituent</p>"


def test_preformatted_text_and_text_areas_keep_their_white_space() -> None:
    kept = "<pre>  line one\n\n      line two\n</pre>"
    area = '<textarea name="q">\n  typed\n\n</textarea>'
    html = f"<div>\n    {kept}\n    <p>\n      x</p>\n    {area}\n</div>"
    assert compact_html(html) == f"<div>\n{kept}\n<p>\nx</p>\n{area}\n</div>"


def test_the_same_page_gives_the_same_bytes_and_compacting_twice_changes_nothing() -> None:
    html = "<div>\n  <pre> a\n  b</pre>\n  <span>c</span>\n</div>\n"
    once = compact_html(html)
    assert compact_html(html) == once
    assert compact_html(once) == once
