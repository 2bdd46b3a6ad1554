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
from typing import Any

import yaml

from .errors import SourceError

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[Hashable, ...]
MAX_DEPTH = 50
"""Deepest nesting accepted; a register needs four levels."""


class TextDateLoader(_Base):  # type: ignore[valid-type,misc]
    """A safe loader that leaves timestamps as plain strings."""


TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class LocatedYaml:
    """A parsed YAML document, able to tell the line of every key and item in it.

    The index of lines is built on first use, by composing the text again:
    most documents are valid and never need it, and keeping every document's
    node tree alive instead would cost more in memory and garbage collection.
    """

    def __init__(
        self, data: Any, first_line: int, text: str = "", *, may_have_duplicates: bool = True
    ) -> None:
        self.data = data
        self.first_line = first_line
        self.text = text
        """The YAML as written."""
        self._may_have_duplicates = may_have_duplicates
        self._lines: dict[Path_, int] | None = None
        self._duplicates: list[tuple[Path_, int]] = []

    @property
    def lines(self) -> dict[Path_, int]:
        if self._lines is None:
            return self.index(_compose(self.text) if self.text else None)
        return self._lines

    def set_index(self, lines: dict[Path_, int], duplicates: list[tuple[Path_, int]]) -> None:
        """Take the lines and duplicate keys indexed while the document was built."""
        self._lines = lines
        self._duplicates = duplicates

    def index(self, node: yaml.Node | None) -> dict[Path_, int]:
        """Index the line of every key and item of the document parsed as ``node``."""
        lines: dict[Path_, int] = {}
        self._duplicates = []
        if node is not None:
            _index(node, (), lines, self._duplicates, self.first_line)
        self._lines = lines
        return lines

    @property
    def duplicates(self) -> list[tuple[Path_, int]]:
        """Keys given twice in one mapping, with the line of the second."""
        if not self._may_have_duplicates:
            return []
        _ = self.lines
        return self._duplicates

    def line(self, *path: Hashable) -> int:
        """The line of the value at ``path``, or of its nearest known parent."""
        lines = self.lines
        for end in range(len(path), 0, -1):
            prefix = tuple(path[:end])
            # Keys are indexed as written; a key YAML read as a number (2019:) is
            # looked up by its text.
            found = lines.get(prefix) or lines.get(tuple(map(_as_key, prefix)))
            if found is not None:
                return found
        return self.first_line


def _compose(text: str) -> yaml.Node | None:
    loader = TextDateLoader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def _may_have_duplicates(node: yaml.Node | None, data: Any) -> bool:
    if node is None:
        return False
    # A flat mapping with as many keys as it had key nodes has no duplicates:
    # the common case, answered without walking the nodes.
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        return isinstance(node, (yaml.MappingNode, yaml.SequenceNode))
    if len(node.value) != len(data):
        return True
    return any(
        isinstance(value, dict)
        or (isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value))
        for value in data.values()
    )


def _as_key(element: Hashable) -> Hashable:
    return element if isinstance(element, str) else str(element)


def load_located(text: str, *, first_line: int = 1, index_lines: bool = False) -> LocatedYaml:
    """Parse one YAML document; ``first_line`` is the file line of its first line.

    With ``index_lines``, every key's line is indexed now, from the same parse,
    for a document whose lines will be needed anyway (a register, whose
    duplicate keys are always looked for); otherwise only when first asked.
    """
    loader = TextDateLoader(text)
    indexed: _Indexed | None = None
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_shape(node, first_line, aliases_possible="*" in text)
        if node is not None and index_lines and "<<" not in text:
            indexed = _Indexed(loader, first_line)
            data = indexed.construct(node, ())
        else:
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
    except (KeyError, IndexError, AttributeError):
        # PyYAML's constructors fail this way on a value that does not fit its
        # explicit tag ("!!bool x", "!!int ''").
        raise SourceError(
            "the YAML cannot be read: a value tagged with '!!' is not of that type",
            line=first_line,
            hint="remove the '!!' tag: letters and registers need none",
        ) from None
    finally:
        loader.dispose()
    located = LocatedYaml(
        data, first_line, text, may_have_duplicates=_may_have_duplicates(node, data)
    )
    if indexed is not None:
        located.set_index(indexed.lines, indexed.duplicates)
    # Otherwise lines are indexed when first asked, from a fresh parse: PyYAML's
    # constructor rewrites merge keys ("<<") in the nodes it was given.
    return located


_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Indexed:
    """Builds a document's data and the line of each key and item in one walk.

    A large register is mostly mappings, lists and text: those are built here,
    much faster than PyYAML's general constructor, which still builds every
    other value (numbers, booleans, tagged values) exactly as ``safe_load`` would.
    """

    def __init__(self, loader: yaml.SafeLoader, first_line: int) -> None:
        self._loader = loader
        self._offset = first_line
        self.lines: dict[Path_, int] = {}
        self.duplicates: list[tuple[Path_, int]] = []

    def construct(self, node: yaml.Node, path: Path_) -> Any:
        tag = node.tag
        if isinstance(node, yaml.MappingNode) and tag == _MAP:
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode) and tag == _SEQ:
            items = []
            for position, item in enumerate(node.value):
                item_path = (*path, position)
                self.lines[item_path] = self._offset + item.start_mark.line
                items.append(self.construct(item, item_path))
            return items
        if isinstance(node, yaml.ScalarNode) and tag == _STR:
            return node.value
        if isinstance(node, yaml.ScalarNode) and tag == _NULL:
            return None
        if isinstance(node, yaml.CollectionNode):
            # A tagged collection (!!set, !!omap): PyYAML builds it; its lines
            # are indexed as the lazy index would.
            _index(node, path, self.lines, self.duplicates, self._offset)
        return self._loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[Hashable, Any]:
        mapping: dict[Hashable, Any] = {}
        seen: set[Hashable] = set()
        for key_node, value_node in node.value:
            key = self.construct(key_node, path)
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found unhashable key",
                    key_node.start_mark,
                )
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node)
            key_path = (*path, name)
            line = self._offset + key_node.start_mark.line
            if name in seen:
                self.duplicates.append((key_path, line))
            else:
                seen.add(name)
                self.lines[key_path] = line
            mapping[key] = self.construct(value_node, key_path)
        return mapping


def _check_shape(root: yaml.Node, offset: int, *, aliases_possible: bool) -> None:
    """Refuse anchors and aliases, and nesting deeper than MAX_DEPTH levels.

    Aliases can make a document refer to itself, or expand exponentially
    ("billion laughs"); deep nesting would exhaust the walks that index a
    document's lines. Letters and registers need neither. A node reached
    twice is an alias.
    """
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise SourceError(
                f"the YAML is nested more than {MAX_DEPTH} levels deep",
                line=offset + node.start_mark.line,
                hint="letters and registers need only a few levels",
            )
        if aliases_possible:
            if id(node) in seen:
                raise SourceError(
                    "YAML anchors and aliases ('&' and '*') are not allowed",
                    line=offset + node.start_mark.line,
                    hint="write each value out in full",
                )
            seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


def _index(
    node: yaml.Node,
    path: Path_,
    lines: dict[Path_, int],
    duplicates: list[tuple[Path_, int]],
    offset: int,
) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[Hashable] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node)
            key_path = (*path, key)
            line = offset + key_node.start_mark.line
            if key in seen:
                duplicates.append((key_path, line))
            else:
                seen.add(key)
                lines[key_path] = line
                _index(value_node, key_path, lines, duplicates, offset)
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            item_path = (*path, position)
            lines[item_path] = offset + item.start_mark.line
            _index(item, item_path, lines, duplicates, offset)
