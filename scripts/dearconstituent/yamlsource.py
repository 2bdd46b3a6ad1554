"""Safe YAML loading that remembers where every value came from.

MkDocs swallows YAML errors, so the project parses front matter and registers
itself, with PyYAML's safe loader. Two departures from plain ``safe_load``:

* dates stay strings: YAML would turn ``2019-09-31`` into an exception and
  ``2019-09-14`` into a ``date`` while leaving ``2019-09`` a string; the
  project parses every date itself and says exactly what is wrong;
* every mapping key and sequence item keeps its line number, and duplicate
  keys are reported instead of silently overwritten.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import SourceError

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[Hashable, ...]


class TextDateLoader(_Base):  # type: ignore[valid-type,misc]
    """A safe loader that leaves timestamps as plain strings."""


TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class LocatedYaml:
    """A parsed YAML document with the line of every key and item in it."""

    data: Any
    first_line: int
    lines: dict[Path_, int] = field(default_factory=dict)
    duplicates: list[tuple[Path_, int]] = field(default_factory=list)

    def line(self, *path: Hashable) -> int:
        """The line of the value at ``path``, or of its nearest known parent."""
        for end in range(len(path), 0, -1):
            prefix = tuple(path[:end])
            # Keys are indexed as written; a key YAML read as a number (2019:) is
            # looked up by its text.
            found = self.lines.get(prefix) or self.lines.get(tuple(map(_as_key, prefix)))
            if found is not None:
                return found
        return self.first_line


def _as_key(element: Hashable) -> Hashable:
    return element if isinstance(element, str) else str(element)


def load_located(text: str, *, first_line: int = 1) -> LocatedYaml:
    """Parse one YAML document; ``first_line`` is the file line of its first line."""
    loader = TextDateLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _reject_aliases(node, first_line)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = error.problem or error.context or "malformed YAML"
        raise SourceError(
            f"the YAML is malformed: {problem}",
            line=line,
            hint="check indentation, colons and quotes; text containing ': ' or "
            "starting with a special character needs quotes",
        ) from None
    except (yaml.YAMLError, ValueError, TypeError) as error:
        raise SourceError(f"the YAML cannot be read: {error}", line=first_line) from None
    finally:
        loader.dispose()
    located = LocatedYaml(data=data, first_line=first_line)
    if node is not None:
        _index(node, (), located, first_line)
    return located


def _reject_aliases(root: yaml.Node, offset: int) -> None:
    """Refuse anchors and aliases: a node reached twice is an alias.

    Aliases can make a document refer to itself, or expand exponentially
    ("billion laughs"); letters and registers have no use for them.
    """
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise SourceError(
                "YAML anchors and aliases ('&' and '*') are not allowed",
                line=offset + node.start_mark.line,
                hint="write each value out in full",
            )
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _index(node: yaml.Node, path: Path_, located: LocatedYaml, offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[Hashable] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node)
            key_path = (*path, key)
            line = offset + key_node.start_mark.line
            if key in seen:
                located.duplicates.append((key_path, line))
            else:
                seen.add(key)
                located.lines[key_path] = line
                _index(value_node, key_path, located, offset)
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            item_path = (*path, position)
            located.lines[item_path] = offset + item.start_mark.line
            _index(item, item_path, located, offset)
