"""The "Send us a letter" issue form, and the answers GitHub writes into an issue.

The form (``.github/ISSUE_TEMPLATE/letter.yml``) is the one definition of its
fields: their ids (which the "Prepare your letter" page fills in through the
form's address) and their labels (which head each answer in the issue's
body). GitHub writes a submitted form as Markdown: each answer under a
``### <label>`` heading, ``_No response_`` for an optional field left
empty, a ``render``-ed textarea inside a code fence, checkboxes as
``- [X] <label>``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import DearConstituentError

log = logging.getLogger(__name__)

FORM = Path(".github") / "ISSUE_TEMPLATE" / "letter.yml"
"""The form, from the repository's root."""
NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^### (?P<label>.+?)[ \t]*$", re.MULTILINE)
_FENCE = re.compile(r"\A(?P<fence>`{3,}|~{3,})[^\n]*\n(?P<text>.*?)\n?(?P=fence)[ \t]*\Z", re.S)


class FormError(DearConstituentError):
    """An issue's body is not a filled-in form: what is wrong, to tell the submitter."""


@dataclass(frozen=True)
class FormField:
    id: str
    label: str
    type: str
    """input, textarea, dropdown or checkboxes."""
    required: bool
    options: tuple[str, ...] = ()
    """A dropdown's choices, or the checkboxes' labels."""
    render: str | None = None
    """For a textarea GitHub shows as code: the language it is fenced with."""


@dataclass(frozen=True)
class Form:
    template: str
    """The file's name, which the issue form's address names it by."""
    title: str
    labels: tuple[str, ...]
    fields: tuple[FormField, ...]

    def field(self, field_id: str) -> FormField:
        for found in self.fields:
            if found.id == field_id:
                return found
        raise KeyError(field_id)


def read_form(path: Path) -> Form:
    """The form at ``path``: its fields with an id, in order."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    fields = []
    for item in document.get("body", []):
        if "id" not in item:
            continue  # the explanations between the fields
        attributes = item.get("attributes", {})
        options = attributes.get("options", [])
        fields.append(
            FormField(
                id=item["id"],
                label=attributes["label"],
                type=item["type"],
                required=bool(item.get("validations", {}).get("required", False)),
                options=tuple(
                    option["label"] if isinstance(option, dict) else str(option)
                    for option in options
                ),
                render=attributes.get("render"),
            )
        )
    return Form(
        template=path.name,
        title=str(document.get("title", "")),
        labels=tuple(document.get("labels", [])),
        fields=tuple(fields),
    )


Answers = dict[str, str | None]
"""Each field's id → its answer as written, or None when left empty."""


def parse_answers(body: str, form: Form) -> Answers:
    """The answers in an issue's body, by field id. Raises FormError when a required
    field is missing or the body is not the form's."""
    by_label = {field.label: field for field in form.fields}
    sections = _sections(body.replace("\r\n", "\n"))
    answers: Answers = {}
    for label, text in sections:
        field = by_label.get(label)
        if field is None:
            log.debug("ignoring a section the form does not have: %r", label)
            continue
        answers[field.id] = _answer(field, text)
    missing = [field.label for field in form.fields if field.required and not answers.get(field.id)]
    if missing:
        raise FormError(
            "these answers are missing: " + ", ".join(f"'{label}'" for label in missing)
        )
    return answers


def _sections(body: str) -> list[tuple[str, str]]:
    headings = list(_HEADING.finditer(body))
    ends = [heading.start() for heading in headings[1:]] + [len(body)] if headings else []
    return [
        (heading["label"], body[heading.end() : end])
        for heading, end in zip(headings, ends, strict=True)
    ]


def _answer(field: FormField, text: str) -> str | None:
    value = text.strip("\n").strip()
    if not value or value == NO_RESPONSE:
        return None
    if field.type == "textarea":
        value = text.strip("\n")
        if field.render and (fenced := _FENCE.match(value.strip())):
            return fenced["text"]
    return value


def checked(answer: str | None) -> list[str]:
    """The labels of the ticked boxes in a checkboxes answer."""
    if not answer:
        return []
    return [
        line[6:].strip() for line in answer.splitlines() if line.startswith(("- [X] ", "- [x] "))
    ]
