"""Find import loops in the newsfuse package, counting imports inside functions too.

    python tools/import_cycles.py [--function-level] [PACKAGE_DIR]

Every ``import`` / ``from ... import`` anywhere in a module (module level, inside a function
or class) is an edge; imports under ``if TYPE_CHECKING:`` are left out, since they never run.
``from newsfuse.a import b`` points at ``newsfuse.a.b`` when that is a module, else at
``newsfuse.a``. Prints every strongly connected group of two or more modules and one loop
through each, marking edges that are function-level ("~>"); exits 1 when there is a loop.
``--function-level`` also lists every import of a package module made inside a function.
"""

from __future__ import annotations

import ast
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path


def _modules(root: Path) -> dict[str, Path]:
    """Dotted module name → file, for every .py file under the package directory ``root``."""
    out: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, in_function: bool = False) -> Iterator[tuple[ast.AST, bool]]:
    """(import node, whether it sits inside a function) for every import that can run."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                yield from _imports(ast.Module(body=[child], type_ignores=[]), in_function)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, in_function
        inner = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        yield from _imports(node, inner)


def _targets(node: ast.AST, module: str, is_package: bool, known: set[str]) -> Iterator[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
        return
    assert isinstance(node, ast.ImportFrom)
    if node.level:
        base = module.split(".")
        base = base[: len(base) - node.level + (1 if is_package else 0)]
        source = ".".join([*base, node.module] if node.module else base)
    else:
        source = node.module or ""
    for alias in node.names:
        full = f"{source}.{alias.name}"
        yield full if full in known else source


def import_graph(root: Path) -> dict[str, dict[str, bool]]:
    """Module → {imported package module → True when only function-level imports reach it}."""
    modules = _modules(root)
    known = set(modules)
    graph: dict[str, dict[str, bool]] = {name: {} for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node, in_function in _imports(tree):
            for target in _targets(node, name, path.name == "__init__.py", known):
                if target in known and target != name:
                    edges = graph[name]
                    edges[target] = edges.get(target, True) and in_function
    return graph


def strongly_connected(graph: dict[str, dict[str, bool]]) -> list[list[str]]:
    """Tarjan's strongly connected components with two or more modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def one_loop(graph: dict[str, dict[str, bool]], group: list[str]) -> list[str]:
    """A shortest loop through the first module of ``group`` (breadth first inside it)."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node]):
            if target == start:
                return [*paths[node], start]
            if target in members and target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    return [start]


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    root = Path(args[0] if args else Path(__file__).resolve().parents[1] / "newsfuse")
    graph = import_graph(root)
    if "--function-level" in argv:
        for module, edges in sorted(graph.items()):
            for target, in_function in sorted(edges.items()):
                if in_function:
                    print(f"{module} ~> {target}")
    groups = strongly_connected(graph)
    for group in groups:
        loop = one_loop(graph, group)
        arrows = [f"{a} {'~>' if graph[a][b] else '->'} " for a, b in itertools.pairwise(loop)]
        print(f"{len(group)} modules: {', '.join(group)}")
        print(f"  loop: {''.join(arrows)}{loop[-1]}")
    print(f"{len(groups)} import loop(s) in {len(graph)} modules (~> is a function-level import)")
    return 1 if groups else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
