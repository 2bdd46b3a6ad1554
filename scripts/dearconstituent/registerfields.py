"""Reading register entries: what every register's parser shares.

Each helper reads one shape (a list of entries, a mapping of slugs to
entries, a field of an entry) and records what is wrong as a
:class:`Finding` on the line where it is, so that every problem in a
register file is reported at once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from typing import Any

from .errors import FieldError
from .fields import require_slug
from .findings import Finding
from .suggest import did_you_mean
from .yamlsource import LocatedYaml

__all__ = ["field_value", "key_findings", "list_entries", "mapping_entries"]


def list_entries(
    document: LocatedYaml, what: str, example: str, findings: list[Finding]
) -> Iterator[tuple[int, dict[str, Any]]]:
    if document.data is None:
        return
    if not isinstance(document.data, list):
        findings.append(
            Finding(
                document.first_line,
                "file",
                f"the {what} register must be a list of entries",
                f"start each entry with '{example}'",
            )
        )
        return
    for position, entry in enumerate(document.data):
        if isinstance(entry, dict):
            yield position, entry
        else:
            findings.append(
                Finding(
                    document.line(position),
                    "file",
                    f"entry {position + 1} must be a set of fields",
                    f"start it with '{example}'",
                )
            )


def mapping_entries(
    document: LocatedYaml, what: str, findings: list[Finding]
) -> Iterator[tuple[str, dict[str, Any]]]:
    if document.data is None:
        return
    if not isinstance(document.data, dict):
        findings.append(
            Finding(
                document.first_line,
                "file",
                f"the {what} register must map slugs to entries",
                "write 'my-slug:' then the entry's fields, indented",
            )
        )
        return
    for key, entry in document.data.items():
        line = document.line(key)
        try:
            slug = require_slug(key if isinstance(key, str) else str(key))
        except FieldError as error:
            findings.append(Finding(line, "slug", error.message, error.hint))
            continue
        if isinstance(entry, dict):
            yield slug, entry
        else:
            findings.append(
                Finding(
                    line,
                    slug,
                    "must be a set of fields",
                    "indent 'title:' and 'description:' under the slug",
                )
            )


def key_findings(
    document: LocatedYaml, at: tuple[Hashable, ...], entry: dict[str, Any], keys: dict[str, bool]
) -> Iterator[Finding]:
    for key in entry:
        if key not in keys:
            hint = did_you_mean(str(key), keys) or f"the fields are: {', '.join(keys)}"
            yield Finding(document.line(*at, key), str(key), "unknown field", hint)
    for key, required in keys.items():
        if required and key not in entry:
            yield Finding(document.line(*at), key, "is required", f"add '{key}: …'")


def field_value(
    document: LocatedYaml,
    at: tuple[Hashable, ...],
    entry: dict[str, Any],
    parser: Callable[[Any], Any],
    findings: list[Finding],
    *,
    optional: bool = False,
) -> Any:
    key = at[-1]
    if key not in entry:
        return None
    value = entry[key]
    if optional and value is None:
        return None
    try:
        return parser(value)
    except FieldError as error:
        findings.append(Finding(document.line(*at), str(key), error.message, error.hint))
        return None
