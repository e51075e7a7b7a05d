"""Which module of the `types` package holds each named type, and in which order.

Each component schema gets a module with the inline types nested in it; the inline types of
an operation share a module named after the operation. Groups that refer to each other in a
cycle are merged into one module, so the modules import each other without cycles. Within a
module, a type comes after the types it uses, wherever the references allow it.
"""

from __future__ import annotations

from .. import naming
from .type_exprs import Model, NamedType, TypeModule

PRELOAD_DEPTH = 32
"""Modules whose imports nest this deep or deeper are loaded by the `types` package, in order;
below it an import nests at most this many modules deep, about seven frames each."""


def plan_modules(
    types: list[NamedType],
    group_of: dict[NamedType, str],
    references: dict[NamedType, set[NamedType]],
) -> list[TypeModule]:
    groups: dict[str, list[NamedType]] = {}
    for named in types:
        groups.setdefault(group_of[named], []).append(named)
    group_edges: dict[str, set[str]] = {group: set() for group in groups}
    for named, used in references.items():
        for target in used:
            if group_of[target] != group_of[named]:
                group_edges[group_of[named]].add(group_of[target])
    names = naming.Scope(fold_case=True)
    modules = []
    module_of: dict[str, TypeModule] = {}
    for component in strongly_connected(list(groups), group_edges):
        members = [named for group in component for named in groups[group]]
        module = TypeModule(name=names.claim(naming.attribute_name(component[0])), types=[])
        module.types = bases_first(definition_order(members, references))
        for named in module.types:
            named.module = module.name
        module_of.update((group, module) for group in component)
        modules.append(module)
    imports: dict[str, set[str]] = {module.name: set() for module in modules}
    for group, targets in group_edges.items():
        imports[module_of[group].name] |= {module_of[target].name for target in targets} - {module_of[group].name}
    _set_import_depths(modules, imports)
    return modules


def _set_import_depths(modules: list[TypeModule], imports: dict[str, set[str]]) -> None:
    """Each module's `import_depth`, in linear time: a module is taken once every module it
    imports has its depth (modules import each other without cycles)."""
    by_name = {module.name: module for module in modules}
    importers: dict[str, list[str]] = {name: [] for name in imports}
    for name, targets in imports.items():
        for target in targets:
            importers[target].append(name)
    waiting = {name: len(targets) for name, targets in imports.items()}
    ready = [name for name, count in waiting.items() if not count]
    while ready:
        module = by_name[ready.pop()]
        for importer in importers[module.name]:
            by_name[importer].import_depth = max(by_name[importer].import_depth, module.import_depth + 1)
            waiting[importer] -= 1
            if not waiting[importer]:
                ready.append(importer)


def preloaded(modules: list[TypeModule]) -> list[TypeModule]:
    """The modules the `types` package loads itself, shallowest first; none for most APIs."""
    deep = [module for module in modules if module.import_depth >= PRELOAD_DEPTH]
    return sorted(deep, key=lambda module: module.import_depth)


def strongly_connected(nodes: list[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative; components come in the order of their first node."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(edges[successor]))))
                    advanced = True
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(component)
    position = {node: i for i, node in enumerate(nodes)}
    for component in found:
        component.sort(key=position.__getitem__)
    found.sort(key=lambda component: position[component[0]])
    return found


def definition_order(members: list[NamedType], references: dict[NamedType, set[NamedType]]) -> list[NamedType]:
    """Members in an order where each comes after the members it uses (depth-first post-order,
    starting from the original order); types in a reference cycle keep their relative order."""
    position = {member: i for i, member in enumerate(members)}

    def uses(node: NamedType) -> list[NamedType]:
        return sorted((used for used in references[node] if used in position), key=position.__getitem__)

    ordered: list[NamedType] = []
    placed: set[NamedType] = set()
    visiting: set[NamedType] = set()

    def visit(start: NamedType) -> None:
        work = [(start, iter(uses(start)))]
        visiting.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in placed and successor not in visiting:
                    visiting.add(successor)
                    work.append((successor, iter(uses(successor))))
                    break
            else:
                work.pop()
                visiting.discard(node)
                placed.add(node)
                ordered.append(node)

    for member in members:
        if member not in placed:
            visit(member)
    return ordered


def bases_first(ordered: list[NamedType]) -> list[NamedType]:
    """The order with every base class before the models that extend it, which a reference
    cycle could otherwise reverse (a class statement needs its base at once)."""
    result = list(ordered)
    moved = True
    while moved:
        moved = False
        for model in result:
            base = model.base if isinstance(model, Model) else None
            if base is not None and base in result and result.index(base) > result.index(model):
                result.remove(base)
                result.insert(result.index(model), base)
                moved = True
                break
    return result
