"""The package's layout rules (issue 10): one-way flow, no private names across modules,
no oversized modules. They read the source with ``ast``; nothing is imported."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "corpus_tools"
MAX_LINES = 600

# Each stage may import from its own stage and the stages before it, never after.
STAGES = (
    ("errors", "types", "vietnamese", "paths", "files", "validation", "wording"),
    ("io", "groups"),
    ("normalize",),
    ("segment",),
    ("features", "extract"),
    ("topics",),
    ("plots",),
    ("execution", "scan", "report", "cli", "__init__"),
)
RANK = {name: rank for rank, names in enumerate(STAGES) for name in names}
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def _top(path: Path) -> str:
    """The first-level name a module belongs to: ``segment`` for segment/runner.py."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _runtime_nodes(tree: ast.AST):
    """Every node but those under ``if TYPE_CHECKING:`` (type hints may look anywhere)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            continue
        yield node
        yield from _runtime_nodes(node)


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """``(absolute module, imported names)`` for every package-internal import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = list(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = []
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            module = ".".join(base + ([node.module] if node.module else []))
            found.append((module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("corpus_tools"):
            found.append((node.module or "", [alias.name for alias in node.names]))
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_is_not_oversized(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines: split it at a seam"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_name_crosses_modules(path):
    own = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    for module, names in _imports(path):
        if module == own:
            continue
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        assert not private, f"{own} imports private {private} from {module}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_one_way(path):
    mine = _top(path)
    assert mine in RANK, f"{mine} has no place in STAGES: add it where it belongs in the flow"
    for module, names in _imports(path):
        parts = module.split(".")
        targets = [parts[1]] if len(parts) > 1 else names  # "from . import x" names modules
        for target in targets:
            if target in RANK:
                assert RANK[target] <= RANK[mine], f"{mine} imports {target}, a later stage"
