"""A letter as plain text: the writer's words, no markup, no editorial notes."""

from __future__ import annotations

import html
import re

import markdown

from .markup import letter_words

_TAG = re.compile(r"<[^>]+>")
_BLANK_RUN = re.compile(r"\n{3,}")
_MARKDOWN_SYNTAX = re.compile(r"[*_`\\]|^[ \t]*(?:[-+>#]|\d+[.)])[ \t]", re.MULTILINE)


class PlainText:
    """Turns letter bodies into plain text; one per build, reused for every letter."""

    def __init__(self) -> None:
        self._markdown = markdown.Markdown(extensions=["sane_lists"], output_format="html")

    def text(self, body: str) -> str:
        """The letter's words with paragraphs and line breaks as written.

        Paragraphs that use Markdown (emphasis, a list) are converted and their
        tags dropped, so ``*very*`` reads as ``very`` and a list keeps its items.
        """
        paragraphs = letter_words(body).split("\n\n")
        return "\n\n".join(self._plain(paragraph) for paragraph in paragraphs).strip()

    def _plain(self, paragraph: str) -> str:
        if not _MARKDOWN_SYNTAX.search(paragraph):
            return paragraph
        converted = self._markdown.reset().convert(paragraph.replace("<", "&lt;"))
        converted = re.sub(r"</(p|li|h\d)>", "\n", converted)
        return _BLANK_RUN.sub("\n\n", html.unescape(_TAG.sub("", converted))).strip()
