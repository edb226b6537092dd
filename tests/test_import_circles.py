"""No module of stick imports, however indirectly, a module that imports it back.

A circle ties its modules into one: none can be read, tested or moved alone, and which
half runs first decides what is defined. Imports inside functions and under
TYPE_CHECKING count too, as they tie the code together all the same.
"""

from __future__ import annotations

import grimp

PACKAGES = ("surveys", "exports", "tui")


def circles(graph: grimp.ImportGraph) -> list[list[str]]:
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported.split(".")[0] not in PACKAGES or imported == module:
                continue
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is None:
                continue
            key = frozenset(back)
            if key not in seen:
                seen.add(key)
                found.append([module, *back])
    return found


def test_the_code_has_no_import_circles() -> None:
    graph = grimp.build_graph(*PACKAGES)
    assert len(graph.modules) > 100  # the whole code was read, not an empty graph
    assert circles(graph) == []


def test_a_circle_is_found() -> None:
    # The check itself can fail: two modules importing each other are reported.
    graph = grimp.ImportGraph()
    for name in ("tui", "tui.a", "tui.b", "tui.c"):
        graph.add_module(name)
    graph.add_import(importer="tui.a", imported="tui.b")
    graph.add_import(importer="tui.b", imported="tui.c")
    assert circles(graph) == []
    graph.add_import(importer="tui.c", imported="tui.a")
    assert circles(graph) == [["tui.a", "tui.b", "tui.c", "tui.a"]]
