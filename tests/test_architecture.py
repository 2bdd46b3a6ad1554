"""The code's shape, checked: one module builds URLs, the package never needs MkDocs,
no module imports one that imports it, and the hook only adapts events."""

from __future__ import annotations

import ast
import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dearconstituent import urls
from tests.archive import ROOT

PACKAGE = ROOT / "scripts" / "dearconstituent"
HOOK = ROOT / "scripts" / "mkdocs_hook.py"
URL_MODULE = PACKAGE / "urls.py"
# Where the site's addresses begin, and the names of its files.
ADDRESS = re.compile(
    r"^(?:letters|mps|constituencies|topics|campaigns|shared-texts|search|pagefind|about|data"
    r"|add-a-letter|privacy|corrections)/|feed\.xml|^(?:letters|members|topics|campaigns"
    r"|templates)\.(?:schema\.)?json$|^letters\.csv$|/page/|^#shared-text"
)


def strings_outside_docstrings(path: Path) -> list[tuple[int, str]]:
    """Every string literal of a module, and each literal piece of an f-string, with its
    line; docstrings (which describe addresses) are left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    # An attribute's docstring: a bare string right after an assignment.
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for before, after in itertools.pairwise(body):
                if isinstance(before, (ast.Assign, ast.AnnAssign)) and isinstance(after, ast.Expr):
                    docstrings.add(id(after.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_address_is_formatted_outside_the_url_module() -> None:
    modules = sorted([*PACKAGE.glob("*.py"), *ROOT.glob("scripts/*.py")])
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in modules
        if path != URL_MODULE
        for line, text in strings_outside_docstrings(path)
        if ADDRESS.search(text)
    ]
    assert found == []
    # The check sees addresses where they are: in the URL module.
    assert any(ADDRESS.search(text) for _, text in strings_outside_docstrings(URL_MODULE))


def test_templates_and_scripts_take_addresses_from_the_build() -> None:
    literal = re.compile(
        r"""['"](?:letters|mps|constituencies|topics|campaigns|shared-texts|search|data|about|add-a-letter|privacy|corrections)/['"]\s*(?:~|\|)"""
    )
    templates = sorted((ROOT / "overrides").rglob("*.html"))
    assert len(templates) > 20
    found = [
        f"{path.relative_to(ROOT)}: {match.group()}"
        for path in templates
        for match in literal.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
    script = (ROOT / "overrides/assets/javascripts/dear-constituent-search.js").read_text(
        encoding="utf-8"
    )
    assert "slugify" not in script
    assert "data-browse" in script


def package_imports() -> dict[str, set[str]]:
    """Module → the modules of the package it imports (relative imports, at any depth)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    imported.add(node.module.split(".")[0])
                else:
                    imported.update(alias.name for alias in node.names)
        graph[path.stem] = imported
    return graph


def test_no_module_of_the_package_imports_one_that_imports_it() -> None:
    graph = package_imports()
    assert {"site", "sharedsite", "views", "urls", "build"} <= set(graph)

    def reaches(start: str, seen: tuple[str, ...]) -> list[tuple[str, ...]]:
        cycles = []
        for name in sorted(graph.get(start, ())):
            if name == seen[0]:
                cycles.append((*seen, name))
            elif name not in seen:
                cycles.extend(reaches(name, (*seen, name)))
        return cycles

    cycles = [cycle for module in graph for cycle in reaches(module, (module,))]
    assert cycles == []


BLOCK_MKDOCS = """
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith("mkdocs."):
            raise ImportError(f"MkDocs is blocked: {name}")
sys.meta_path.insert(0, Block())
import dearconstituent
import dearconstituent.build
for module in pkgutil.iter_modules(dearconstituent.__path__):
    importlib.import_module(f"dearconstituent.{module.name}")
print(len([name for name in sys.modules if name.startswith("dearconstituent.")]))
"""


def test_the_build_and_everything_it_imports_load_without_mkdocs() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_MKDOCS],
        capture_output=True,
        text=True,
        cwd=ROOT / "scripts",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == len(list(PACKAGE.glob("*.py"))) - 1  # all but __init__


def test_the_blocker_would_notice_mkdocs() -> None:
    program = BLOCK_MKDOCS.replace("import dearconstituent\n", "import mkdocs\n", 1)
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False
    )
    assert "MkDocs is blocked" in result.stderr


@pytest.mark.parametrize("path", [HOOK])
def test_the_hook_only_adapts_mkdocs_events(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert functions and all(name.startswith("on_") or name == "_build" for name in functions), (
        functions
    )
    imported = {
        node.module.split(".")[0]
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert imported <= {"__future__", "pathlib", "typing", "mkdocs", "dearconstituent"}
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines < 295 // 2, lines


def test_the_scope_script_finds_the_site_root_from_where_it_is_published() -> None:
    # The script climbs from its own address to the site's root: as many
    # folders as urls.SCOPE_SCRIPT puts it below the root.
    script = (ROOT / "overrides" / urls.SCOPE_SCRIPT).read_text(encoding="utf-8")
    climb = re.search(r'__md_scope=new URL\("([./]+)",document\.currentScript\.src\)', script)
    assert climb is not None
    depth = urls.SCOPE_SCRIPT.count("/")
    assert climb.group(1) == "/".join([".."] * depth)
