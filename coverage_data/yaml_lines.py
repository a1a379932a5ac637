"""Parse YAML into plain data and remember the line of every key, refusing what PyYAML lets through.

PyYAML keeps the last of two duplicate keys without a word, and its full loader builds Python objects
from tags. Here the document is composed into nodes and walked by hand: a duplicate key is a problem,
a tag other than YAML's plain ones is a problem, and every value's line is recorded by its path so
that later checks can point at the line a writer must change.

Before PyYAML sees anything, the bytes are read by our own rules, so that no file a writer can save
ends in a traceback or a long wait: a size cap, UTF-8 decoded here (the line of a bad byte), and no
control character, NUL or stray byte-order mark. While composing, anchors and aliases are refused
before anything is expanded (the source has no use for them, and they are how a few lines become
gigabytes: "billion laughs", or a node that contains itself), and so is nesting deeper than the
source's own shape could need (PyYAML's composer recurses once per level).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from coverage_data.messages import syntax_problem
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
# The source nests six levels deep; a few more are room to grow, thousands are an attack or a slip.
MAX_DEPTH = 20


class _Refused(Exception):
    """Something the composer must not go on with, at the line where it starts."""

    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message


class _Composer(Composer):
    """PyYAML's composer, composing no alias, no anchor and no nesting deeper than MAX_DEPTH."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]  # the parser's, mixed in below
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(line, f"an alias (*{event.anchor}) is not allowed: write the value itself")
        if getattr(event, "anchor", None):
            raise _Refused(line, f"an anchor (&{event.anchor}) is not allowed: write each value where it is used")
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(line, f"more than {MAX_DEPTH} levels of nesting: a bracket or an indentation is off here")
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(_Composer, Reader, Scanner, Parser, SafeConstructor, Resolver):
    """PyYAML's safe loader in pure Python, with our composer: its error messages are the ones
    messages.py explains."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _FastLoader(_Composer, CParser, SafeConstructor, Resolver):
        """The same composer over libyaml's parser: the same nodes, about seven times sooner (the
        indentation search re-reads the file several times). Its error messages differ from PyYAML's,
        so a file it refuses is read again by _Loader, whose messages are the ones explained."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _LOADERS: tuple[type, ...] = (_FastLoader, _Loader)
else:  # a PyYAML built without libyaml
    _LOADERS = (_Loader,)


def _text(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problems that keep it from being one: bytes that are not UTF-8, and
    characters no writer means to type (a control character or NUL, invisible in most editors, or a
    byte-order mark anywhere but at the very start, where some editors put one)."""
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
        Problem(file, number, _stray(found.group(), found.start() + 1))
        for number, content in enumerate(text.split("\n"), 1)
        for found in _STRAY.finditer(content)
    ]
    return (None if problems else text), problems


# Unicode's control characters (C0, DEL, C1) but tab and carriage return, and a byte-order mark.
_STRAY = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ufeff]")


def _stray(char: str, column: int) -> str:
    name = "a byte-order mark" if char == "\ufeff" else "a control character"
    return f"{name} (U+{ord(char):04X}) at column {column}, invisible in most editors: delete it"


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
        try:
            value = self._scalars.construct_object(node)
        except ValueError:  # a timestamp on no day of the calendar, e.g. 2027-02-30 unquoted
            self.problem(node, f"{node.value!r} is no day of the calendar: write a real date, YYYY-MM-DD")
            return node.value
        return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value

    def folded(self, node: yaml.ScalarNode) -> None:
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
            if key in result:
                first = self.lines[(*path, key)]
                self.problem(key_node, f"duplicate key {key!r} (first given on line {first})")
                continue
            self.lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = self.walk(value_node, (*path, key))
        return result


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


def syntax_error_lines(text: str) -> list[int]:
    """The lines parse_text(explain=False) reports a syntax error at, or [] where the text parses.
    With libyaml only its events are read, nothing composed: the indentation search asks this of
    many variants of the file."""
    if not yaml.__with_libyaml__:
        data, _, problems = parse_text(text, "", explain=False)
        return [problem.line for problem in problems if problem.message == SYNTAX_ERROR] if data is None else []
    parser = CParser(text)
    try:
        while parser.check_event():
            parser.get_event()
    except yaml.MarkedYAMLError as error:
        return sorted({mark.line + 1 for mark in (error.context_mark, error.problem_mark) if mark} or {1})
    finally:
        parser.dispose()
    return []


def parse_text(text: str, file: str, explain: bool = True) -> tuple[object, dict[Path_, int], list[Problem]]:
    """`parse` of a text already read. A syntax error is explained in a writer's words, unless
    `explain` is False (the indentation search parses variants of the file, and only needs to know
    which parse): then it is SYNTAX_ERROR at the line where the parser stopped."""
    for loader_class in _LOADERS:
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
        except _Refused as refused:
            return None, {}, [Problem(file, refused.line, refused.message)]
        except yaml.MarkedYAMLError as error:
            if not explain:  # where the parser stopped, and where what it could not finish began
                marks = {mark.line + 1 for mark in (error.context_mark, error.problem_mark) if mark} or {1}
                return None, {}, [Problem(file, line, SYNTAX_ERROR) for line in sorted(marks)]
            if loader_class is _Loader:
                return None, {}, [syntax_problem(file, error, text)]
            continue  # libyaml's words: read it again with PyYAML's, which messages.py explains
        finally:
            loader.dispose()
        break
    if node is None:
        return None, {}, [Problem(file, 1, "the file is empty")]
    walker = _Walker(file, text)
    data = walker.walk(node, ())
    return data, walker.lines, walker.problems


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
