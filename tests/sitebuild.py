"""Building sites for tests, and reading what was built."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

from tests.archive import ROOT

BASE = "http://site.test/"
DEMO_LETTERS = 1200
"""Letters in the demonstration site the tests read: enough for listings of several pages."""


def mkdocs_build(
    config: Path, site: Path, *, strict: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, check=False)


def build_demo(folder: Path, *, letters: int = DEMO_LETTERS) -> BuiltSite:
    """Build the fictional demonstration site into ``folder``, as scripts/demo.py does."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "demo.py"),
            "--letters",
            str(letters),
            "--build",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return BuiltSite(folder, result.stderr)


class Elements(HTMLParser):
    """Every start tag of a page, with its attributes, and the text of scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


class BuiltSite:
    def __init__(self, root: Path, log: str = "") -> None:
        self.root = root
        self.log = log
        """What the build printed, when it is known."""

    def html(self, url: str) -> str:
        path = self.root / url / "index.html" if not url.endswith(".html") else self.root / url
        return path.read_text(encoding="utf-8")

    def elements(self, url: str) -> Elements:
        parser = Elements()
        parser.feed(self.html(url))
        return parser

    def links(self, url: str) -> set[str]:
        """Site-relative paths of every <a href> on the page at ``url``, resolved."""
        found = set()
        for tag, attrs in self.elements(url).tags:
            if tag == "a" and "href" in attrs:
                target = urlsplit(urljoin(BASE + url, attrs["href"]))
                if f"{target.scheme}://{target.netloc}/" == BASE:
                    found.add(target.path.lstrip("/"))
        return found

    def json(self, name: str) -> Any:
        """The JSON file ``name``, decompressed first if its name says it is gzipped."""
        content = (self.root / name).read_bytes()
        return json.loads(gzip.decompress(content) if name.endswith(".gz") else content)

    def files(self) -> list[Path]:
        return sorted(path for path in self.root.rglob("*") if path.is_file())


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, resolving ``!ENV`` tags the way MkDocs does."""


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        items = [str(item) for item in loader.construct_sequence(node)]
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    elif isinstance(node, yaml.ScalarNode):
        names, default = [str(loader.construct_scalar(node))], None
    else:
        return None
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


_EnvLoader.add_constructor("!ENV", _environment_value)


def configured_site_url() -> str:
    """``site_url`` from the repository's mkdocs.yml, as the build reads it."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    url = str(config["site_url"])
    return url if url.endswith("/") else url + "/"
