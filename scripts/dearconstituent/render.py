"""Rendering a letter body: verbatim text with the letter markup, as a tree of parts.

A letter is mostly plain paragraphs. Those become ``paragraph`` parts, a list
of lines that the template sets with a line break between each, as the
letter has them; only a paragraph that uses Markdown (emphasis, a list, a
heading) is converted, by one Python-Markdown instance per build, into an
``html`` part. The fenced parts of the letter markup (letterhead, sign-off…)
become parts holding their own parts, and the HTML around them is the
template's business.

Anything in converted text that could become markup is neutralised first:
``<``, character references, attribute lists, foreign block syntax and
script links. The validator refuses all of these already; this is the
build's second wall. Plain paragraphs hold no such characters by definition,
and the template escapes them anyway.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import markdown

from .markup import PARTS, fence_spans

PARAGRAPH = "paragraph"
HTML = "html"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# What would make Python-Markdown do more than wrap lines in <p>: inline
# syntax, a character it would escape, or a line that starts a block.
_MARKDOWN_SYNTAX = re.compile(
    r"[*_`\[\]<>\\&]|^[ \t]*(?:[-+>#]|\d+[.)])(?:[ \t]|$)|^(?: {4}|\t)|^[ \t]*[=-]{2,}[ \t]*$",
    re.MULTILINE,
)
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_SCRIPT_SCHEME = re.compile(r"(?i)\b((?:java|vb|live)script|data)(\s*):")
_BLOCK_START = re.compile(r"^(\s*)(/{3,}|!{3}|\?{3})", re.MULTILINE)


class Part(NamedTuple):
    """A piece of a letter: plain lines, converted HTML, or a fenced part of pieces."""

    kind: str
    lines: tuple[str, ...] = ()
    html: str = ""
    children: tuple[Part, ...] = ()


class LetterRenderer:
    """Turns letter bodies into parts; one per build, reused for every letter."""

    def __init__(self) -> None:
        self._markdown = markdown.Markdown(extensions=["nl2br", "sane_lists"], output_format="html")

    def render(self, body: str) -> list[Part]:
        root: list[Part] = []
        stack: list[tuple[str, list[Part]]] = [("", root)]
        position = 0
        for start, end, name in fence_spans(body):
            stack[-1][1].extend(self._text_parts(body[position:start]))
            position = end
            if name in PARTS:
                stack.append((name, []))
            elif not name and len(stack) > 1:
                _close(stack)
        stack[-1][1].extend(self._text_parts(body[position:]))
        while len(stack) > 1:
            _close(stack)
        return root

    def _text_parts(self, text: str) -> list[Part]:
        parts: list[Part] = []
        pending: list[str] = []
        for paragraph in _PARAGRAPH_BREAK.split(text):
            if not paragraph.strip():
                continue
            if _MARKDOWN_SYNTAX.search(paragraph):
                pending.append(paragraph)
                continue
            if pending:
                parts.append(self._converted(pending))
                pending = []
            parts.append(
                Part(
                    PARAGRAPH,
                    lines=tuple(line.strip() for line in paragraph.strip("\n").split("\n")),
                )
            )
        if pending:
            parts.append(self._converted(pending))
        return parts

    def _converted(self, paragraphs: list[str]) -> Part:
        source = neutralise("\n\n".join(paragraphs))
        return Part(HTML, html=self._markdown.reset().convert(source))


def _close(stack: list[tuple[str, list[Part]]]) -> None:
    name, children = stack.pop()
    stack[-1][1].append(Part(name, children=tuple(children)))


def neutralise(text: str) -> str:
    """Make letter text inert for Markdown: it can only ever render as text."""
    text = _ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;").replace("{", "\\{")
    text = _SCRIPT_SCHEME.sub(r"\1-blocked\2:", text)
    return _BLOCK_START.sub(r"\1\\\2", text)
