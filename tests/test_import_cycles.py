"""No import loops in the package, counting imports written inside functions
(``tools/import_cycles.py``)."""

from __future__ import annotations

import importlib.util
import sys

from .conftest import REPO

SPEC = importlib.util.spec_from_file_location("import_cycles", REPO / "tools" / "import_cycles.py")
import_cycles = importlib.util.module_from_spec(SPEC)
sys.modules["import_cycles"] = import_cycles
SPEC.loader.exec_module(import_cycles)


def test_no_import_loop():
    assert import_cycles.strongly_connected(import_cycles.import_graph(REPO / "newsfuse")) == []


def test_the_finder_finds_a_loop_through_a_function_level_import(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.b import g\n\ndef f():\n    return g()\n")
    (package / "b.py").write_text("def g():\n    from pkg import a\n\n    return a\n")
    graph = import_cycles.import_graph(package)
    assert import_cycles.strongly_connected(graph) == [["pkg.a", "pkg.b"]]
    assert graph["pkg.b"]["pkg.a"] is True  # reached only from inside a function
