"""Reading single values: text, slugs and lists, with messages that say what must hold."""

from __future__ import annotations

from .dates import describe_type
from .errors import FieldError
from .slugs import is_slug, slugify


def require_text(value: object, *, multiline: bool = False, limit: int = 0) -> str:
    """A non-empty piece of plain text (quoted or not in the YAML)."""
    if not isinstance(value, str):
        raise FieldError(
            f"must be text, not {describe_type(value)}",
            hint="put the value in quotes" if value is not None else "fill it in or remove it",
        )
    text = value.strip()
    if not text:
        raise FieldError("must not be empty", hint="fill it in or remove it")
    if not multiline and "\n" in text:
        raise FieldError("must be a single line", hint="join the lines into one")
    if limit and len(text) > limit:
        raise FieldError(f"is {len(text)} characters long; the limit is {limit}", hint="shorten it")
    return text


def require_slug(value: object) -> str:
    """A slug such as ``mps-not-border-guards``."""
    text = require_text(value)
    if not is_slug(text):
        suggestion = slugify(text)
        raise FieldError(
            f"'{text}' is not a slug (lower-case words joined by hyphens)",
            hint=f"did you mean '{suggestion}'?" if suggestion else "for example 'immigration'",
        )
    return text


def require_text_list(value: object, *, allow_empty: bool = False) -> list[str]:
    """A YAML list of single-line texts."""
    if not isinstance(value, list):
        example = f"[{value}]" if isinstance(value, str) and value.strip() else "[a, b]"
        raise FieldError(
            f"must be a list, not {describe_type(value)}",
            hint=f"write it as {example}, or one '- item' per line",
        )
    if not value and not allow_empty:
        raise FieldError("must list at least one item", hint="add an item")
    items: list[str] = []
    for position, item in enumerate(value, start=1):
        try:
            items.append(require_text(item))
        except FieldError as error:
            raise FieldError(f"item {position} {error.message}", hint=error.hint) from None
    return items
