"""The theme's icons are named once (mkdocs.yml), drawn by one style sheet, and no
page carries an icon's drawing."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from dearconstituent import urls
from dearconstituent.icons import (
    ICON_FOLDER,
    configured_names,
    css_class,
    data_url,
    read_icons,
    stylesheet,
)
from tests.archive import ROOT
from tests.sitebuild import BuiltSite

ARROW = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 2h3#"/></svg>'


def _theme(tmp_path: Path, icons: dict[str, str]) -> Path:
    for name, svg in icons.items():
        path = tmp_path / ICON_FOLDER / f"{name}.svg"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg + "\n", encoding="utf-8")
    return tmp_path


def test_an_icons_class_is_its_name_with_each_slash_as_a_dash() -> None:
    assert css_class("material/git") == "dc-icon--material-git"
    assert css_class("fontawesome/brands/git-alt") == "dc-icon--fontawesome-brands-git-alt"


def test_the_configured_icons_are_theme_icons_strings_and_the_palettes_toggles() -> None:
    icon = {"logo": "material/email", "admonition": {"note": "octicons/note-16"}}
    palette = [
        {"scheme": "default", "toggle": {"icon": "material/moon", "name": "Dark"}},
        {"scheme": "slate", "toggle": {"icon": "material/sun", "name": "Light"}},
        {"scheme": "other"},
    ]
    assert configured_names(icon, palette) == ["material/email", "material/moon", "material/sun"]
    assert configured_names(icon, {"toggle": {"icon": "material/sun"}}) == [
        "material/email",
        "material/sun",
    ]


def test_an_icon_is_read_from_the_first_theme_folder_that_has_it(tmp_path: Path) -> None:
    theme = _theme(tmp_path / "theme", {"material/git": ARROW, "material/menu": "<svg>m</svg>"})
    custom = _theme(tmp_path / "custom", {"material/git": "<svg>own</svg>"})
    assert read_icons(["material/git", "material/menu"], [custom, theme]) == {
        "material/git": "<svg>own</svg>",
        "material/menu": "<svg>m</svg>",
    }


def test_a_missing_icon_or_a_name_that_is_no_icon_name_is_left_out_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    theme = _theme(tmp_path, {"material/git": ARROW})
    names = ["material/gti", "../../etc/passwd", "material/git"]
    assert read_icons(names, [str(theme)]) == {"material/git": ARROW}
    assert [record.getMessage() for record in caplog.records] == [
        "the icon 'material/gti' is not in the theme's .icons folders",
        "the icon '../../etc/passwd' is not in the theme's .icons folders",
    ]
    assert {record.levelname for record in caplog.records} == {"WARNING"}


def test_the_style_sheet_draws_each_icon_from_its_own_svg() -> None:
    css = stylesheet({"material/b": "<svg>b</svg>", "material/a": ARROW})
    rules = re.findall(r'^\.(dc-icon--[\w-]+)\{--dc-icon:url\("([^"]*)"\)\}$', css, re.M)
    assert [name for name, _ in rules] == ["dc-icon--material-a", "dc-icon--material-b"]
    prefix = "data:image/svg+xml;charset=utf-8,"
    assert unquote(rules[0][1].removeprefix(prefix)) == ARROW.replace('"', "'")
    # "#" would end the URL, and a double quote the CSS string.
    assert "#" not in rules[0][1] and '"' not in rules[0][1]
    assert data_url("<svg>\n  <path/>\n</svg>") == prefix + "<svg> <path/> </svg>"


def test_every_icon_the_templates_use_is_named_in_the_configuration() -> None:
    # The templates ask for config.theme.icon.<key>, with no fallback of their own.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    theme = yaml.load(config.split("\nmarkdown_extensions:")[0], Loader=_ConfigLoader)["theme"]
    used = set()
    for template in (ROOT / "overrides").rglob("*.html"):
        used |= set(re.findall(r"config\.theme\.icon\.(\w+)", template.read_text("utf-8")))
    assert used and used <= set(theme["icon"]), used - set(theme["icon"])
    assert not [
        path for path in (ROOT / "overrides").rglob("*.html") if ".icons/" in path.read_text()
    ], "a template writes an icon's SVG into its page"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's !ENV tags, read as their default."""


def _env_default(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> object:
    return loader.construct_sequence(node)[-1]


_ConfigLoader.add_constructor("!ENV", _env_default)


def test_the_sites_pages_carry_no_icon_drawing_and_every_icon_they_show_is_drawn(
    repo_site: BuiltSite,
) -> None:
    css = (repo_site.root / urls.ICON_STYLESHEET).read_text(encoding="utf-8")
    drawn = set(re.findall(r"^\.(dc-icon--[\w-]+)\{", css, re.M))
    shown: set[str] = set()
    for page in repo_site.root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for svg in re.findall(r"<svg[^>]*>", html):
            # A chart is a drawing of the page's own; an icon is only an empty svg.
            assert 'role="img"' in svg or 'class="dc-icon ' in svg, f"{page}: {svg}"
        assert "<path" not in html.split("<main", 1)[0], f"{page}: an icon drawn in the header"
        shown |= set(re.findall(r'class="dc-icon (dc-icon--[\w-]+)"', html))
    assert shown == drawn
