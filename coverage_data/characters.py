"""The characters no source text may hold, whether typed or written as an escape.

A writer never means to type them, and most editors do not show them: control characters (a pasted
NUL, bell or escape), a byte-order mark in mid-file, noncharacters (U+FFFF: PyYAML stopped on one with
a traceback), lone surrogates (half of a UTF-16 pair: no page can be written with one) and the
bidirectional controls that reorder the text around them unseen ("Trojan Source"). The file's lines
are checked before parsing (`in_line`, with the column), and every value once decoded (`in_value`),
because a double-quoted YAML escape ("\\0", "\\e", "\\u202e", "\\ud800") reaches a value untyped.
"""

from __future__ import annotations

import re

_KINDS = (
    ("a control character", "\x00-\x08\x0b-\x1f\x7f-\x9f", "invisible in most editors"),  # but tab, line feed
    ("a byte-order mark", "\ufeff", "invisible in most editors"),
    ("a lone surrogate", "\ud800-\udfff", "half of a character, which no page can hold"),
    ("a noncharacter", "\ufdd0-\ufdef\ufffe\uffff", "which no text may hold"),
    ("a bidirectional control", "\u202a-\u202e\u2066-\u2069", "which reorders the text around it unseen"),
)
_ASTRAL = "\U00010000-\U0010ffff"  # beyond the first plane only U+1FFFE, U+1FFFF… are noncharacters
# In a line of the file a carriage return ends the line (CRLF); in a value it is a control character.
_IN_LINE = re.compile(
    "[" + "".join(chars for _, chars, _ in _KINDS).replace("\x0b-\x1f", "\x0b\x0c\x0e-\x1f") + _ASTRAL + "]"
)
_IN_VALUE = re.compile("[" + "".join(chars for _, chars, _ in _KINDS) + _ASTRAL + "]")


def _what(char: str) -> tuple[str, str] | None:
    """(kind, why) of a character found by the patterns, or None for an astral character that is fine."""
    if ord(char) > 0xFFFF:
        return ("a noncharacter", "which no text may hold") if ord(char) & 0xFFFE == 0xFFFE else None
    return next((kind, why) for kind, chars, why in _KINDS if re.fullmatch(f"[{chars}]", char))


def in_line(line: str) -> list[str]:
    """A message for each character of a line of the file that no source may hold, with its column."""
    found = []
    for match in _IN_LINE.finditer(line):
        if what := _what(match.group()):
            kind, why = what
            found.append(f"{kind} (U+{ord(match.group()):04X}) at column {match.start() + 1}, {why}: delete it")
    return found


def in_value(value: str) -> str | None:
    """What is wrong with the first character of a decoded value that no source may hold (it came from
    an escape: the file's own characters were checked line by line), or None."""
    for match in _IN_VALUE.finditer(value):
        if what := _what(match.group()):
            kind, why = what
            return f"{kind} (U+{ord(match.group()):04X}), written as an escape, {why}: delete the escape"
    return None


def escaped(text: str) -> str:
    """`text` with every such character (but a line feed or a tab) written as its escape (\\x1b, \\u202e):
    what the command line prints, so that a value a reader typed is shown, never acted on by a terminal
    (an escape sequence can recolour, retitle or clear it) or refused by its encoding (a lone surrogate)."""
    return _IN_VALUE.sub(lambda found: ascii(found.group())[1:-1] if _what(found.group()) else found.group(), text)
