r"""Parse YAML into plain data and remember the line of every key, refusing what PyYAML lets through.

PyYAML keeps the last of two duplicate keys without a word, and its full loader builds Python objects
from tags. Here the document is composed into nodes and walked by hand: a duplicate key is a problem,
a tag other than YAML's plain ones is a problem, and every value's line is recorded by its path so
that later checks can point at the line a writer must change.

Before PyYAML sees anything, the bytes are read by our own rules, so that no file a writer can save
ends in a traceback or a long wait: a size cap, UTF-8 decoded here (the line of a bad byte), and no
control character, NUL, stray byte-order mark, noncharacter or bidirectional control. libyaml's parser
reads the text (PyYAML's own is a hundred times slower) and its events are composed here, one at a
time: anchors and aliases are refused before anything is expanded (the source has no use for them,
and they are how a few lines become gigabytes: "billion laughs", or a node that contains itself), and
so are nesting deeper and more values than the source's own shape could need, so that every file
under the size cap is read, or refused, in a fraction of a second. Every value is then checked again
once decoded: a double-quoted escape ("\0", "\e", "\u202e") is a character like any other.

The indentation search (coverage_data/indentation.py) reads many variants of the file: it asks
`syntax_error_lines`, which runs the same parser over the events without composing them, and
`parse_text(explain=False)`, which says where a syntax error stopped the parser without explaining it.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import Any

import yaml

from coverage_data import characters
from coverage_data.messages import MAX_DEPTH, syntax_problem
from coverage_data.problems import Path_, Problem

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


# The source is about 100 KB, and 100 times its coverage rows about 0.6 MB: past this it is not a source.
MAX_BYTES = 2_000_000
# The source holds about 2,000 values (keys, texts, numbers), 100 times its coverage rows about 23,000:
# a file with more is no source, and reading it would take the writer's time for nothing.
MAX_NODES = 50_000


class _Refused(Exception):
    """Something the composer must not go on with, at the line where it starts."""

    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message


# libyaml's parser (C) when PyYAML was built with it, as its wheels are: it reads a 2 MB file in a few
# hundredths of a second, where PyYAML's own takes seconds. Its events are composed here, in Python.
# (PyYAML's type stubs leave the parser's methods and the events' attributes untyped: `Any` here.)
_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SECOND_DOCUMENT = "a second document starts here ('---'): the source is one document; remove the line"
_KINDS: dict[type[yaml.Event], type[yaml.Node]] = {
    yaml.ScalarEvent: yaml.ScalarNode,
    yaml.SequenceStartEvent: yaml.SequenceNode,
    yaml.MappingStartEvent: yaml.MappingNode,
}
_NODE_EVENTS = tuple(_KINDS)  # the events that make a node (MAX_NODES counts them)


def _compose(text: str) -> yaml.Node | None:
    """The document's nodes, composed one event at a time (no recursion, so no depth is too deep to
    refuse): no alias, no anchor, no nesting deeper than MAX_DEPTH and no more than MAX_NODES nodes,
    each refused at its line before anything more is read."""
    parser = _Parser(text)
    try:
        parser.get_event()  # the stream's start
        if parser.check_event(yaml.StreamEndEvent):
            return None
        parser.get_event()  # the document's start
        root = _compose_document(parser)
        parser.get_event()  # the document's end
        if not parser.check_event(yaml.StreamEndEvent):
            raise _Refused(parser.peek_event().start_mark.line + 1, _SECOND_DOCUMENT)
        return root
    finally:
        parser.dispose()


def _compose_document(parser: Any) -> yaml.Node:
    # Each open collection with, for a mapping, the key waiting for its value.
    open_: list[tuple[Any, list[yaml.Node]]] = []
    count = 0
    while True:
        event: Any = parser.get_event()
        line = event.start_mark.line + 1
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            node, _ = open_.pop()
            node.end_mark = event.end_mark
        else:
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(line, f"an alias (*{event.anchor}) is not allowed: write the value itself")
            if event.anchor:
                raise _Refused(line, f"an anchor (&{event.anchor}) is not allowed: write each value where it is used")
            count += 1
            if count > MAX_NODES:
                raise _Refused(
                    line, f"more than {MAX_NODES:,} values in the file: was something pasted here by mistake?"
                )
            node = _node(parser, event)
            if not isinstance(node, yaml.ScalarNode):
                if len(open_) >= MAX_DEPTH:
                    raise _Refused(
                        line, f"more than {MAX_DEPTH} levels of nesting: a bracket or an indentation is off here"
                    )
                open_.append((node, []))
                continue
        if not open_:
            return node  # type: ignore[no-any-return]  # a node: _node made it
        parent, pending = open_[-1]
        if isinstance(parent, yaml.SequenceNode):
            parent.value.append(node)
        elif pending:
            parent.value.append((pending.pop(), node))
        else:
            pending.append(node)


def _node(parser: Any, event: Any) -> Any:
    """A node for a scalar's event, or an empty collection for the start of one; its tag resolved as
    PyYAML's composer resolves it."""
    kind = _KINDS[type(event)]
    tag = event.tag
    if kind is yaml.ScalarNode:
        if tag is None or tag == "!":
            tag = parser.resolve(kind, event.value, event.implicit)
        return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
    if tag is None or tag == "!":
        tag = parser.resolve(kind, None, event.implicit)
    return kind(tag, [], event.start_mark, None, flow_style=event.flow_style)  # type: ignore[call-arg]


def _text(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problems that keep it from being one: bytes that are not UTF-8, and
    characters no writer means to type (coverage_data.characters; a byte-order mark at the very start
    is what some editors write, and is dropped)."""
    if len(raw) > MAX_BYTES:
        rows = raw.split(b"\n")
        longest = max(range(len(rows)), key=lambda i: len(rows[i]))
        return None, [
            Problem(
                file,
                longest + 1,
                f"the file is {len(raw):,} bytes, more than a source can be ({MAX_BYTES:,}), and this line alone "
                f"holds {len(rows[longest]):,}: was something pasted into it by mistake?",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start]
        return None, [Problem(file, line, f"byte 0x{byte:02x} at column {column} is not UTF-8: save the file as UTF-8")]
    text = text.removeprefix("\ufeff")
    problems = [
        Problem(file, number, message)
        for number, content in enumerate(text.split("\n"), 1)
        for message in characters.in_line(content)
    ]
    return (None if problems else text), problems


class _Walker:
    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text_lines = text.split("\n")
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
        if isinstance(node, yaml.ScalarNode) and node.style == ">":
            self.folded(node)
        if node.tag == _BOOL and node.value.lower() not in ("true", "false"):
            return node.value  # YAML 1.2: ON (Ontario), yes, no, off are words, not booleans
        if wrong := characters.in_value(node.value):
            self.problem(node, f"{_label(path)}: {wrong}")  # and read on: the other checks see a text
        try:
            value = self._scalars.construct_object(node)
        except ValueError:  # a timestamp on no day of the calendar, e.g. 2027-02-30 unquoted
            self.problem(node, f"{node.value!r} is no day of the calendar: write a real date, YYYY-MM-DD")
            return node.value
        return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value

    def folded(self, node: yaml.Node) -> None:
        """A line of a folded text (`>-`) indented more than the text's first line keeps its line
        break and its spaces: YAML allows it, but in this source it is always a slip."""
        first = node.start_mark.line + 1  # the line after `key: >-`
        content = [line for line in self.text_lines[first : node.end_mark.line + 1] if line.strip()]
        if not content:
            return
        indent = len(content[0]) - len(content[0].lstrip(" "))
        for number in range(first + 1, node.end_mark.line + 1):
            line = self.text_lines[number]
            if line.strip() and len(line) - len(line.lstrip(" ")) > indent:
                self.problems.append(
                    Problem(
                        self.file,
                        number + 1,
                        f"indentation: this line of a text is indented {len(line) - len(line.lstrip(' '))} spaces, "
                        f"more than its first line: indent it {indent}, as line {first + 1} is",
                    )
                )
                return

    def mapping(self, node: yaml.MappingNode, path: Path_) -> Source:
        result: Source = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self.problem(key_node, "a key must be a plain word")
                continue
            # A key is the text as written: YAML 1.1 would read the province ON as true, and 1 as a number.
            key = key_node.value
            if wrong := characters.in_value(key):
                self.problem(key_node, f"{_label(path)}: the key {key!r} holds {wrong}")
                continue
            if key in result:
                first = self.lines[(*path, key)]
                self.problem(key_node, f"duplicate key {key!r} (first given on line {first})")
                continue
            self.lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = self.walk(value_node, (*path, key))
        return result


def _label(path: Path_) -> str:
    return ".".join(map(str, path)) or "the source"


def parse(path: Path, file: str) -> tuple[object, dict[Path_, int], list[Problem]]:
    """Return the data, the line of every path in it, and the problems found while parsing."""
    text, problems = read(path, file)
    return (None, {}, problems) if text is None else parse_text(text, file)


def read(path: Path, file: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problems that keep it from being one (see _text)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(file, 1, f"cannot read the file: {error.strerror or error}")]
    return _text(raw, file)


SYNTAX_ERROR = "YAML syntax error"  # what parse_text(explain=False) says of a text that does not parse


def parse_text(text: str, file: str, explain: bool = True) -> tuple[object, dict[Path_, int], list[Problem]]:
    """`parse` of a text already read. A syntax error is explained in a writer's words, unless
    `explain` is False (the indentation search parses variants of the file, and only needs to know
    which parse): then it is SYNTAX_ERROR at the lines where the parser stopped (_stopped)."""
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new nodes, none of them garbage: the collector would rescan them all
    try:
        node = _compose(text)
    except _Refused as refused:
        return None, {}, [Problem(file, refused.line, refused.message)]
    except yaml.MarkedYAMLError as error:
        if not explain:
            return None, {}, [Problem(file, line, SYNTAX_ERROR) for line in _stopped(error)]
        return None, {}, [syntax_problem(file, error, text)]
    finally:
        if collecting:
            gc.enable()
    if node is None:
        return None, {}, [Problem(file, 1, "the file is empty")]
    walker = _Walker(file, text)
    data = walker.walk(node, ())
    return data, walker.lines, walker.problems


def syntax_error_lines(text: str) -> list[int]:
    """The lines parse_text(explain=False) reports a syntax error at, or [] where the parser reads the
    text through (or the composer would refuse it first, past MAX_NODES values). Only the parser's
    events are read, nothing composed: the indentation search asks this of many variants of the file."""
    parser = _Parser(text)
    count = 0
    try:
        while count <= MAX_NODES and parser.check_event():
            count += isinstance(parser.get_event(), _NODE_EVENTS)
    except yaml.MarkedYAMLError as error:
        return _stopped(error)
    finally:
        parser.dispose()
    return []


def _stopped(error: yaml.MarkedYAMLError) -> list[int]:
    """Where the parser stopped, and where what it could not finish began."""
    return sorted({mark.line + 1 for mark in (error.context_mark, error.problem_mark) if mark} or {1})


class _Unaliased(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(data: object) -> str:
    """YAML text of `data` that `parse` reads back: a value shared by two places is written in each
    (PyYAML would write it once, with an anchor and an alias, which the source refuses)."""
    return yaml.dump(data, Dumper=_Unaliased, allow_unicode=True, sort_keys=False)


def line_of(lines: dict[Path_, int], path: Path_) -> int:
    """The line of `path`, or of its nearest ancestor that exists (for a missing key, its mapping)."""
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 1)
