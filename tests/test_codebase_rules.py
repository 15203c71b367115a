"""Rules of the code base (CONTRIBUTING.md), checked on the source with ``ast``.

- Only the query package (``components/query/``) and ``ingest/`` import duckdb; the rest of
  the app (dashboard.py, pages/, other components/, geo/) reads the store through the package.
- ``geo/`` and ``ingest/`` never import streamlit (they run in the CLI and the PDF brief).
- No module in ``pages/``, ``components/`` or ``geo/`` is over ``MAX_LINES`` lines (the
  cohesive ``ingest/`` loaders may be longer).
- Layers point one way: pages/dashboard -> components -> components.query -> geo -> ingest.
  A module imports only its own layer or lower ones; the query package imports no other
  components module (it holds SQL and the cache only); ``ingest`` imports no ``geo``.
  Imports inside functions count too: a lazy import still ties the modules together.
- The first-party import graph has no circle.
- The query package's SQL names its parameters (``$name`` with a dict), no positional ``?``.

Each rule is a function over a source tree, run on this repository and, with a tiny
synthetic tree, shown to catch a violation.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIRST_PARTY = ("components", "pages", "geo", "ingest", "dashboard")
MAX_LINES = 400
# Lower number = lower layer; a module may import modules of its own layer or lower.
LAYERS = {"ingest": 0, "geo": 1, "components.query": 2, "components": 3, "pages": 4}


APP = ("components", "pages", "geo", "ingest", "dashboard.py")


def source_files(root: Path, folders=APP) -> list[Path]:
    """Python files of ``folders`` (folders or single files) under ``root``; tests and bench
    are not app code."""
    files = []
    for entry in folders:
        path = root / entry
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return files


def module_name(root: Path, path: Path) -> str:
    """``root/components/query/trade.py`` -> 'components.query.trade' (packages: their name)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imported_modules(root: Path, path: Path) -> set[str]:
    """Every module ``path`` imports anywhere in its body (absolute names, relative resolved).

    ``from a import b`` names ``a.b`` when that is a module of the tree, else ``a``.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = module_name(root, path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                is_module = (root / Path(*candidate.split("."))).with_suffix(".py").exists() or (
                    root / Path(*candidate.split(".")) / "__init__.py"
                ).exists()
                found.add(candidate if is_module else base)
    return found


def top(name: str) -> str:
    return name.split(".")[0]


def layer_of(name: str) -> int | None:
    """Layer of a first-party module name (None for third-party)."""
    if name == "dashboard":
        return LAYERS["pages"]
    if name == "components.query" or name.startswith("components.query."):
        return LAYERS["components.query"]
    return LAYERS.get(top(name))


def forbidden_imports(root: Path, banned: str, folders, allowed=()) -> list[str]:
    """'module imports banned' for each file under ``folders`` (minus ``allowed`` prefixes)."""
    out = []
    for path in source_files(root, folders):
        name = module_name(root, path)
        if any(name == a or name.startswith(a + ".") for a in allowed):
            continue
        if any(top(m) == banned for m in imported_modules(root, path)):
            out.append(f"{name} imports {banned}")
    return out


def oversized_modules(root: Path, folders=("pages", "components", "geo")) -> list[str]:
    """'path: n lines' for every module over MAX_LINES lines."""
    out = []
    for path in source_files(root, folders):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            out.append(f"{path.relative_to(root)}: {lines} lines")
    return out


def import_graph(root: Path) -> dict[str, set[str]]:
    """First-party module -> the first-party modules it imports."""
    graph = {}
    for path in source_files(root):
        name = module_name(root, path)
        graph[name] = {m for m in imported_modules(root, path) if top(m) in FIRST_PARTY} - {name}
    return graph


def layer_violations(root: Path) -> list[str]:
    """'a -> b' for each import that points up a layer, or out of the query package."""
    out = []
    for name, targets in import_graph(root).items():
        for target in sorted(targets):
            low, high = layer_of(target), layer_of(name)
            if low is None or high is None:
                continue
            in_query = layer_of(name) == LAYERS["components.query"]
            if low > high or (in_query and target == "components"):
                out.append(f"{name} -> {target}")
    return out


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Circles of the import graph (each as a path that returns to its start)."""
    cycles, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if state.get(nxt) == "open":
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return cycles


def positional_sql(root: Path, folder: str = "components/query") -> list[str]:
    """'module: text' for each string literal (docstrings aside) under ``folder`` that holds a
    positional ``?`` placeholder: the query package names its parameters (``$name``)."""
    out = []
    for path in source_files(root, (folder,)):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and "?" in node.value
            ):
                out.append(f"{module_name(root, path)}: {node.value.strip()[:60]}")
    return out


# ---------------------------------------------------------------- the rules, on this repo


def test_the_query_package_names_its_sql_parameters():
    assert positional_sql(REPO) == []


def test_only_the_query_package_and_ingest_import_duckdb():
    app = ("components", "pages", "geo")
    assert forbidden_imports(REPO, "duckdb", app, allowed=("components.query",)) == []
    assert forbidden_imports(REPO, "duckdb", ("dashboard.py",)) == []


def test_geo_and_ingest_do_not_import_streamlit():
    assert forbidden_imports(REPO, "streamlit", ("geo", "ingest")) == []


def test_no_module_in_pages_components_or_geo_is_over_the_line_limit():
    assert oversized_modules(REPO) == []


def test_imports_point_down_the_layers():
    assert layer_violations(REPO) == []


def test_the_import_graph_has_no_circle():
    assert import_cycles(import_graph(REPO)) == []


# ---------------------------------------------------------------- the checkers catch violations


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_page_importing_duckdb_is_caught_even_inside_a_function(tmp_path):
    root = write(  # synthetic tree
        tmp_path,
        {
            "pages/p.py": "def f():\n    import duckdb\n",
            "components/query/__init__.py": "import duckdb\n",
        },
    )
    found = forbidden_imports(root, "duckdb", ("pages", "components"), ("components.query",))
    assert found == ["pages.p imports duckdb"]


def test_streamlit_in_geo_is_caught(tmp_path):
    root = write(tmp_path, {"geo/g.py": "from streamlit import session_state\n"})  # synthetic
    assert forbidden_imports(root, "streamlit", ("geo", "ingest")) == ["geo.g imports streamlit"]


def test_a_long_module_is_caught(tmp_path):
    root = write(tmp_path, {"components/big.py": "x = 1\n" * (MAX_LINES + 1)})  # synthetic
    assert oversized_modules(root) == [f"components/big.py: {MAX_LINES + 1} lines"]


def test_upward_imports_and_query_reaching_other_components_are_caught(tmp_path):
    root = write(  # synthetic tree
        tmp_path,
        {
            "ingest/__init__.py": "",
            "ingest/places.py": "def f():\n    from geo.regions import border\n",
            "geo/__init__.py": "",
            "geo/regions.py": "from ingest import places\n",
            "components/__init__.py": "",
            "components/ui.py": "",
            "components/query/__init__.py": "from components import ui\nfrom . import trade\n",
            "components/query/trade.py": "from geo import regions\n",
        },
    )
    assert layer_violations(root) == [
        "components.query -> components.ui",
        "ingest.places -> geo.regions",
    ]


def test_a_circle_through_a_lazy_import_is_caught(tmp_path):
    root = write(  # synthetic tree: the old geo <-> ingest circle
        tmp_path,
        {
            "geo/places.py": "from ingest.places import COLUMNS\n",
            "ingest/places.py": "def f():\n    from geo.places import load\n",
        },
    )
    assert import_cycles(import_graph(root)) == [["geo.places", "ingest.places", "geo.places"]]


def test_a_positional_placeholder_in_the_query_package_is_caught(tmp_path):
    root = write(  # synthetic tree
        tmp_path,
        {
            "components/query/trade.py": (
                '"""Docstrings may say ?."""\n'
                'SQL = "SELECT 1 WHERE year = $year"\n'
                'OLD = "SELECT 1 WHERE year = ?"\n'
            )
        },
    )
    assert positional_sql(root) == ["components.query.trade: SELECT 1 WHERE year = ?"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from . import trade", "components.query.trade"),
        ("from .connection import read_sql", "components.query.connection"),
        ("from components import query", "components.query"),
        ("import pandas as pd", "pandas"),
    ],
)
def test_imports_are_resolved_to_module_names(tmp_path, source, expected):
    root = write(  # synthetic tree
        tmp_path,
        {
            "components/__init__.py": "",
            "components/query/__init__.py": source + "\n",
            "components/query/trade.py": "",
            "components/query/connection.py": "",
        },
    )
    assert expected in imported_modules(root, root / "components/query/__init__.py")
