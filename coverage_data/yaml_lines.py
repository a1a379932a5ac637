"""Parse YAML into plain data and remember the line of every key, refusing what PyYAML lets through.

PyYAML keeps the last of two duplicate keys without a word, and its full loader builds Python objects
from tags. Here the document is composed into nodes and walked by hand: a duplicate key is a problem,
a tag other than YAML's plain ones is a problem, and every value's line is recorded by its path so
that later checks can point at the line a writer must change.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from coverage_data.problems import Problem

Path_ = tuple[str | int, ...]  # where in a YAML file: ('offerings', 'standard-sla', 'response')
# A YAML document as written, before the schema (schema.json) and checks.py have checked its shape;
# coverage_data.load compiles it into checker.model.Data.
Source = dict[str, Any]

_BOOL = "tag:yaml.org,2002:bool"
_PLAIN_TAGS = {
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


class _Walker:
    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[Path_, int] = {}
        self.problems: list[Problem] = []
        self._scalars = yaml.SafeLoader("")

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.file, node.start_mark.line + 1, message))

    def walk(self, node: yaml.Node, path: Path_) -> object:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if node.tag not in _PLAIN_TAGS:
            self.problem(node, f"the tag {node.tag!r} is not allowed: write plain values")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*path, i)) for i, item in enumerate(node.value)]
        if node.tag == _BOOL and node.value.lower() not in ("true", "false"):
            return node.value  # YAML 1.2: ON (Ontario), yes, no, off are words, not booleans
        value = self._scalars.construct_object(node)
        return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value

    def mapping(self, node: yaml.MappingNode, path: Path_) -> Source:
        result: Source = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self.problem(key_node, "a key must be a plain word")
                continue
            # A key is the text as written: YAML 1.1 would read the province ON as true, and 1 as a number.
            key = key_node.value
            if key in result:
                first = self.lines[(*path, key)]
                self.problem(key_node, f"duplicate key {key!r} (first given on line {first})")
                continue
            self.lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = self.walk(value_node, (*path, key))
        return result


def parse(path: Path, file: str) -> tuple[object, dict[Path_, int], list[Problem]]:
    """Return the data, the line of every path in it, and the problems found while parsing."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, {}, [Problem(file, line, f"YAML syntax error: {error.problem or error}")]
    except (OSError, UnicodeDecodeError) as error:
        return None, {}, [Problem(file, 1, f"cannot read the file: {error}")]
    if node is None:
        return None, {}, [Problem(file, 1, "the file is empty")]
    walker = _Walker(file)
    data = walker.walk(node, ())
    return data, walker.lines, walker.problems


def line_of(lines: dict[Path_, int], path: Path_) -> int:
    """The line of `path`, or of its nearest ancestor that exists (for a missing key, its mapping)."""
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 1)
