"""The layers of the code, read from the imports of every module (nothing is imported here).

``portal`` is the ground floor, ``pages`` builds on it, and the feature apps build on both:
a lower app never imports a higher one, and no app reaches into another app's private names
(those starting with ``_``). ``search`` builds on portal and pages and reads the events'
models (to index them); the other feature apps register their sources into it
(``<app>/search_index.py``), so it imports none of them. The portal's migrations depend on
no other app either: an app's permissions are granted by its own migrations.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FEATURE_APPS = {"events", "branding", "press", "search", "directory"}
APPS = {"portal", "pages", *FEATURE_APPS}
# What each app may not import: every app of a higher layer.
FORBIDDEN = {
    "portal": {"pages", *FEATURE_APPS},
    "pages": FEATURE_APPS,
    "search": FEATURE_APPS - {"search", "events"},
}
# The only modules of another feature app an app may import, where it may import any.
ONLY_MODULES = {("search", "events"): ("events.models",)}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. "pages.news.models"
    target: str  # the imported module, e.g. "portal.sites"
    names: tuple[str, ...]  # names taken from it (from … import …), or attributes read on it
    line: int

    @property
    def app(self) -> str:
        return self.module.split(".")[0]

    @property
    def target_app(self) -> str:
        return self.target.split(".")[0]

    def __str__(self):
        taken = f" ({', '.join(self.names)})" if self.names else ""
        return f"{self.module}:{self.line} imports {self.target}{taken}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute name of a relative import."""
    if level == 0:
        return target or ""
    base = module.split(".")
    if not is_package:
        base.pop()
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def imports_of(path: Path) -> list[Import]:
    module = module_name(path)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    aliases = {}  # local name -> module it stands for, to see attributes read on it
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(module, alias.name, (), node.lineno))
                if alias.asname:
                    aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            target = resolve(module, is_package, node.level, node.module)
            names = tuple(alias.name for alias in node.names)
            found.append(Import(module, target, names, node.lineno))
            for alias in node.names:
                # "from pages import seo" makes "seo" a module of pages.
                aliases[alias.asname or alias.name] = f"{target}.{alias.name}"
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in aliases):
            found.append(Import(module, aliases[node.value.id], (node.attr,), node.lineno))
    return [item for item in found if item.target_app in APPS]


def our_modules():
    for app in sorted(APPS):
        folder = ROOT / app
        if folder.is_dir():
            yield from sorted(folder.rglob("*.py"))


def all_imports():
    return [item for path in our_modules() for item in imports_of(path)]


def layer_breaches(imports) -> list[str]:
    breaches = []
    for item in imports:
        allowed_modules = ONLY_MODULES.get((item.app, item.target_app))
        if item.target_app in FORBIDDEN.get(item.app, set()) or (
                allowed_modules and not item.target.startswith(allowed_modules)):
            breaches.append(str(item))
    return breaches


def private_reaches(imports) -> list[str]:
    """Imports of another app's names, or modules, that start with an underscore."""
    breaches = []
    for item in imports:
        if item.target_app == item.app:
            continue
        private_modules = [part for part in item.target.split(".") if part.startswith("_")
                           and part != "__init__"]
        private_names = [name for name in item.names if name.startswith("_")]
        if private_modules or private_names:
            breaches.append(str(item))
    return breaches


def migration_dependencies(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "dependencies" for t in node.targets)
                and isinstance(node.value, ast.List)):
            return [tuple(ast.literal_eval(element)) for element in node.value.elts
                    if isinstance(element, ast.Tuple)]
    return []


# --- The rules, on the code as it is --------------------------------------------------------


def test_every_app_is_read():
    modules = {module_name(path) for path in our_modules()}
    assert {"portal.sites", "pages.models", "events.models", "search.registry"} <= modules
    assert len(all_imports()) > 100


def test_lower_layers_never_import_higher_ones():
    assert layer_breaches(all_imports()) == []


def test_no_app_imports_another_apps_private_names():
    assert private_reaches(all_imports()) == []


def test_portal_migrations_depend_on_no_other_app():
    for path in sorted((ROOT / "portal" / "migrations").glob("0*.py")):
        apps = {app for app, _name in migration_dependencies(path)}
        assert not apps & (APPS - {"portal"}), path.name


# --- The rules can fail -----------------------------------------------------------------------


@pytest.fixture
def write_module(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)

    def write(name: str, source: str) -> Path:
        path = tmp_path.joinpath(*name.split(".")).with_suffix(".py")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
        return path

    return write


@pytest.mark.parametrize("source", [
    "from pages.models import HomePage\n",
    "import events.models\n",
    "def late():\n    from pages import views\n",
    "from ..pages import urls\n",
])
def test_a_portal_module_importing_a_higher_app_is_caught(write_module, source):
    path = write_module("portal.example", source)
    assert len(layer_breaches(imports_of(path))) == 1


def test_pages_importing_a_feature_app_is_caught_but_not_the_portal(write_module):
    path = write_module("pages.example", "from portal.sites import public_url\n"
                                         "from branding.models import Logo\n")
    assert layer_breaches(imports_of(path)) == ["pages.example:2 imports branding.models (Logo)"]


@pytest.mark.parametrize("source,breaches", [
    ("from events.models import LocalEvent\n", 0),
    ("from events import models\n", 1),
    ("from events.views import detail\n", 1),
    ("from press.models import Release\n", 1),
    ("from pages.models import BasePage\nfrom portal.intranet import visible_to\n", 0),
])
def test_search_reads_only_the_events_models_and_no_other_feature_app(write_module, source,
                                                                       breaches):
    path = write_module("search.example", source)
    assert len(layer_breaches(imports_of(path))) == breaches


@pytest.mark.parametrize("source", [
    "from pages.seo import _private\n",
    "from pages import seo\nseo._private()\n",
    "import pages.seo as seo\nseo._private\n",
    "from pages._internal import helper\n",
])
def test_reaching_into_another_apps_private_helpers_is_caught(write_module, source):
    path = write_module("events.example", source)
    assert len(private_reaches(imports_of(path))) == 1


def test_an_app_may_use_its_own_private_helpers(write_module):
    path = write_module("events.example", "from events.views import _own_event\n")
    assert private_reaches(imports_of(path)) == []
