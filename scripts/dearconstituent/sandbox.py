"""Building the site from somewhere other than the repository's own docs.

The demo, the benchmarks and the tests build sites from fictional letters in
temporary folders. They reuse the repository's configuration, templates and
pages by writing a small ``mkdocs.yml`` that inherits the real one, so that
what they build is the real site with other letters, never a look-alike.
Nothing is ever written into the repository's ``docs/``.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .layout import LETTERS_DIR, SOURCE_DIRS

REPO = Path(__file__).resolve().parent.parent.parent
PAGES_EXCLUDED = (LETTERS_DIR, *SOURCE_DIRS)


def copy_pages(docs: Path, *, repo: Path = REPO) -> None:
    """Copy the repository's own pages (home, About, Privacy…) into ``docs``, replacing
    any there: no letters, no registers."""
    source = repo / "docs"
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if relative.parts[0] in PAGES_EXCLUDED or not path.is_file():
            continue
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping MkDocs' ``!ENV`` tags as plain values."""


def _environment_tag(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    return None


_ConfigLoader.add_constructor("!ENV", _environment_tag)


def write_config(
    root: Path,
    *,
    docs: Path,
    site: Path,
    repo: Path = REPO,
    extra: Mapping[str, Any] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Path:
    """Write ``root/mkdocs.yml`` inheriting the repository's, for ``docs`` → ``site``."""
    base = yaml.load((repo / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    theme = dict(base["theme"], custom_dir=str(repo / "overrides"))
    config: dict[str, Any] = {
        "INHERIT": str(repo / "mkdocs.yml"),
        "docs_dir": str(docs),
        "site_dir": str(site),
        "theme": theme,
        "hooks": [str(repo / hook) for hook in base.get("hooks", [])],
        "watch": [str(repo / path) for path in base.get("watch", [])],
    }
    if extra:
        config["extra"] = dict(extra)
    config.update(overrides or {})
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path
