"""YAML for knowledge files, read strictly and within limits.

PyYAML's safe loader keeps the last of two equal keys (a second `phone:` silently
replaces the first) and lets anchors and aliases expand without bound (a 1 KB
"billion laughs" file grows to gigabytes). Here a duplicate key, too many aliases,
too deep nesting, too many nodes once aliases are expanded or too large a file is a
`yaml.MarkedYAMLError` naming the line, before anything is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

MAX_FILE_BYTES = 1_000_000
MAX_ALIASES = 100
MAX_DEPTH = 30
MAX_NODES = 100_000  # counted with every alias expanded


class LimitError(yaml.MarkedYAMLError):
    """The file breaks one of the limits, or repeats a key."""


class _StrictLoader(yaml.SafeLoader):
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise LimitError(problem=f"more than {MAX_ALIASES} aliases (*name)",
                                 problem_mark=self.peek_event().start_mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise LimitError(problem=f"nested more than {MAX_DEPTH} levels deep",
                             problem_mark=self.peek_event().start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Mark] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (str, int, float, bool)) or key is None:
                if key in seen:
                    raise LimitError(problem=f"the key '{key}' appears twice (first on line "
                                             f"{seen[key].line + 1}): keep one",
                                     problem_mark=key_node.start_mark)
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep)


def _expanded_size(root: Node) -> int:
    """Nodes in the document with every alias expanded; each shared node is counted once
    per use, but computed once, so a bomb is measured without being expanded."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: Node) -> int:
        if id(node) in open_nodes:
            raise LimitError(problem="an alias refers to the value it is part of",
                             problem_mark=node.start_mark)
        if id(node) not in sizes:
            open_nodes.add(id(node))
            children: list[Node] = []
            if isinstance(node, SequenceNode):
                children = node.value
            elif isinstance(node, MappingNode):
                children = [part for pair in node.value for part in pair]
            sizes[id(node)] = min(1 + sum(size(child) for child in children), MAX_NODES + 1)
            open_nodes.discard(id(node))
        return sizes[id(node)]

    return size(root)


def load(path: Path) -> Any:
    """The YAML document in `path`; raises LimitError (a yaml.YAMLError), or UnicodeDecodeError."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise LimitError(problem=f"the file is larger than {MAX_FILE_BYTES // 1000} KB")
    loader = _StrictLoader(path.read_text(encoding="utf-8"))
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        if _expanded_size(root) > MAX_NODES:
            raise LimitError(problem=f"more than {MAX_NODES} values once its aliases are "
                                     "expanded (nested anchors and aliases?)",
                             problem_mark=root.start_mark)
        return loader.construct_document(root)
    finally:
        loader.dispose()
