"""French typography, applied by construction: writers type ordinary spaces, the build sets the
non-breaking ones where Canadian French wants them.

The rules follow the Canadian page (and the Office québécois de la langue française): a non-breaking
space before `:` and inside « », between a number and its unit (`8 h`, `40 km`, `60 secondes`), and
inside a time (`16 h 30`); no space before `;`, `?` or `!`. A `{placeholder}` counts as a number, so
that `{hours} heures` stays together once filled. English is left as written.
"""

from __future__ import annotations

import re

LANGUAGE = "fr"  # the language whose texts these rules typeset
NBSP = "\u00a0"
_UNITS = r"(?:h|heures?|km|secondes?|s|minutes?|jours?|%)"
_RULES = (
    (re.compile(r"[ \u202f]*:(?=\s|$)"), NBSP + ":"),  # « Remarque : »
    (re.compile(r"[ \u202f]+([;?!])"), r"\1"),  # « offert; » « équipement? »
    (re.compile(r"«[ \u202f]*"), "«" + NBSP),
    (re.compile(r"[ \u202f]*»"), NBSP + "»"),
    (re.compile(rf"(?<=[\d}}]) (?={_UNITS}(?![\w'’]))"), NBSP),  # 8 h, {hours} heures, 40 km
    (re.compile(rf"(?<=[\d}}]{NBSP}h) (?=[\d{{])"), NBSP),  # 16 h 30, {h} h {mm}
)


def typeset(text: str) -> str:
    """A French text with the non-breaking spaces of Canadian typography."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def typeset_texts(value: object) -> object:
    """Every French text inside the compiled data (the `fr` of each {en, fr} mapping), typeset."""
    if isinstance(value, dict):
        return {key: _typeset_value(item) if key == LANGUAGE else typeset_texts(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typeset_texts(item) for item in value]
    return value


def _typeset_value(value: object) -> object:
    if isinstance(value, str):
        return typeset(value)
    if isinstance(value, list):
        return [typeset(item) if isinstance(item, str) else item for item in value]
    return typeset_texts(value)
