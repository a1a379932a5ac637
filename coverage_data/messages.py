"""What a writer is told, in a writer's words: what is wrong, and what to write instead.

PyYAML and jsonschema speak of tokens, properties and schemas ("expected <block end>, but found '?'",
"'inclued' is not valid under any of the given schemas"). Each message here names the field, what it
accepts and an example, taken from the schema's own `description` and `examples` where it has them, so
that the editor's hover text and the error say the same thing. WRITING.md lists every message with its
fix, and tests/test_source_errors.py pins each.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from typing import Any

import yaml
from jsonschema.exceptions import ValidationError, best_match

from coverage_data.problems import Path_, Problem

# The source nests six levels deep; a few more are room to grow, thousands are an attack or a slip
# (yaml_lines refuses deeper, at its line).
MAX_DEPTH = 20

Schema = Mapping[str, Any]  # one node of schema.json

# What a value of each JSON type is, in a writer's words.
_KIND = {
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "object": "a mapping (key: value)",
    "array": "a list ([a, b])",
    "boolean": "true or false",
    "null": "nothing",
}


def _kind_of(value: object) -> str:
    for name, kind in (("boolean", bool), ("integer", int), ("number", float), ("string", str)):
        if isinstance(value, kind):
            return _KIND[name]
    return _KIND["object"] if isinstance(value, dict) else _KIND["array"] if isinstance(value, list) else "nothing"


def _listed(value: object) -> list[object]:
    """A schema keyword's value as a list ("type": "string" or ["string", "null"])."""
    return list(value) if isinstance(value, list) else [value]


def _is_number(text: str) -> bool:
    return re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text) is not None


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _short(value: object, width: int = 40) -> str:
    """A value as a message quotes it: a text in quotes, cut to `width` characters."""
    return repr(_clip(value, width)) if isinstance(value, str) else _clip(str(value), width)


def _label(path: Path_) -> str:
    return ".".join(str(part) for part in path) or "the source"


def _close(word: object, choices: list[str]) -> str:
    """'; did you mean X?' for a near miss (a typo), else nothing."""
    found = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6) if isinstance(word, str) else []
    return f"; did you mean {found[0]!r}?" if found else ""


def _or(choices: list[str]) -> str:
    return ", ".join(choices[:-1]) + f" or {choices[-1]}" if len(choices) > 1 else "".join(choices)


def _accepts(schema: object, otherwise: str) -> str:
    """What a field accepts, from the schema's description (the editor shows the same words). A
    boolean schema (`true`: anything goes) says nothing."""
    return str(schema.get("description", otherwise) if isinstance(schema, Mapping) else otherwise).rstrip(".")


def _like(schema: object, lead: str = ": write it like ") -> str:
    """The schema's first example of a field, as the end of a sentence."""
    examples = schema.get("examples") if isinstance(schema, Mapping) else None
    return f"{lead}{examples[0]}" if examples else ""


def _is_text(schema: Schema) -> bool:
    """A {en: …, fr: …} text: a mapping whose required keys are all strings (the languages)."""
    properties = schema.get("properties", {})
    required = schema.get("required", [])
    return (
        bool(required)
        and schema.get("additionalProperties") is False
        and all(_type(properties.get(key)) == "string" for key in required)
    )


def _type(schema: object) -> object:
    """A property's JSON type; none for a boolean schema (`"basis": true`: anything goes)."""
    return schema.get("type") if isinstance(schema, Mapping) else None


def _text_example(instance: Mapping[str, object], missing: str) -> str:
    pairs = [f"{key}: {_clip(str(value), 22)}" for key, value in instance.items()]
    return "{" + ", ".join([*pairs, f"{missing}: …"]) + "}"


def schema_problems(error: ValidationError) -> Iterator[tuple[Path_, str]]:
    """Each problem of one schema error, as (path of the line to change, message)."""
    path: Path_ = tuple(error.absolute_path)
    schema: Schema = error.schema if isinstance(error.schema, Mapping) else {}
    label, value, rule = _label(path), error.instance, error.validator
    if "propertyNames" in error.relative_schema_path:  # a key of the mapping at `path`, not a value
        accepts = _accepts(schema, "a key this mapping takes")
        yield (*path, str(value)), f"{label}: the key {_short(value)} is not {accepts}{_like(schema)}"
    elif rule == "required":
        missing = re.match(r"'(.*)' is a required property$", error.message)
        key = missing.group(1) if missing else str(error.validator_value)
        if _is_text(schema) and isinstance(value, dict):
            yield path, f"{label}: no {key!r} text: write it beside the others, e.g. {_text_example(value, key)}"
        else:
            field = schema.get("properties", {}).get(key, {})
            yield path, f"{label}: {key!r} is missing: add it{_like(field, f', e.g. {key}: ')}"
    elif rule == "additionalProperties" and isinstance(value, dict):
        yield from _unexpected_keys(path, value, schema)
    elif rule == "type":
        expected = [str(name) for name in _listed(error.validator_value)]
        accepts = _or([_KIND.get(name, name) for name in expected])
        if value is None and expected == ["string"]:
            yield path, f"{label}: the text is empty: write it"
        elif value is None:
            yield path, f"{label}: empty: write {'the text' if _is_text(schema) else accepts}{_like(schema, ', e.g. ')}"
        elif isinstance(value, str) and _is_number(value) and {"integer", "number"} & set(expected):
            yield path, f"{label}: {value!r} is a text (in quotes), where {accepts} goes: write {value} without quotes"
        else:
            yield path, f"{label}: {_short(value)} is {_kind_of(value)}, where {accepts} goes{_like(schema, ', e.g. ')}"
    elif rule == "maxLength":
        size = f"{len(value):,}" if isinstance(value, str) else "?"
        yield (
            path,
            (
                f"{label}: the text is {size} characters long, more than a text can be ({error.validator_value:,}): "
                "was something pasted into it by mistake?"
            ),
        )
    elif rule == "minLength":
        yield path, f"{label}: the text is empty: write it"
    elif rule == "enum":
        choices = [str(choice) for choice in _listed(error.validator_value)]
        yield path, f"{label}: {_short(value)} is not one of {_or(choices)}{_close(value, choices)}"
    elif rule in ("anyOf", "oneOf"):
        enums = [str(c) for sub in error.context or [] if sub.validator == "enum" for c in _listed(sub.validator_value)]
        if enums:
            accepts = _accepts(schema, _or(enums))
            yield path, f"{label}: {_short(value)} is not {accepts}{_like(schema, ', e.g. ')}{_close(value, enums)}"
        elif "description" in schema and not _of_a_form(error):
            # a value of neither form (a word where hours go): say both forms, the per-market one by example
            yield path, f"{label}: {_short(value)} is not {_accepts(schema, '')}{_like(schema, ', e.g. ')}"
        else:  # a number out of range, a number in quotes, a per-market mapping: what is wrong inside it
            context = error.context or []
            # the branch of the value's own kind: not the other form's "a mapping, where a number goes"
            inside = [e for e in context if e.validator != "type" or len(e.absolute_path) > len(error.absolute_path)]
            yield from schema_problems(best_match(inside or context or [error]))
    elif rule == "pattern":
        yield path, f"{label}: {_short(value)} is not {_accepts(schema, 'in the form this field takes')}{_like(schema)}"
    elif rule in ("minimum", "exclusiveMinimum", "maximum"):
        bound = {"minimum": "at least", "exclusiveMinimum": "more than", "maximum": "at most"}[rule]
        yield path, f"{label}: {value} is out of range: write {bound} {error.validator_value}"
    elif rule in ("minItems", "maxItems") and isinstance(value, list) and value:
        bound = "at least" if rule == "minItems" else "at most"
        takes = _accepts(schema, f"{bound} {error.validator_value:,}")
        yield path, f"{label}: {len(value):,} item(s), where this list takes {takes}"
    elif rule == "maxProperties" and isinstance(value, dict):
        yield path, f"{label}: {len(value):,} entries, where this mapping takes at most {error.validator_value:,}"
    elif rule in ("minItems", "minProperties"):
        what = "item" if rule == "minItems" else "entry"
        yield path, f"{label}: empty: write at least {error.validator_value} {what}"
    elif rule == "uniqueItems" and isinstance(value, list):
        twice = next((item for i, item in enumerate(value) if item in value[:i]), None)
        yield path, f"{label}: {_short(twice)} is listed twice: keep one"
    elif rule == "const":
        yield path, f"{label}: write {error.validator_value!r} here"
    else:
        yield path, f"{label}: {error.message}"


def _of_a_form(error: ValidationError) -> bool:
    """Whether an anyOf's value is of the kind of one of its forms, so that what is wrong is inside it (a
    mapping per market, a list where a form is a list), or a number where a form is a number (out of
    range, or in quotes): not a word where hours go, nor a number where a list goes."""
    depth = len(error.absolute_path)
    # the forms whose own type the value is not (an anyOf's sub-errors start with their form's index)
    misfits = [sub for sub in error.context or [] if sub.validator == "type" and len(sub.absolute_path) == depth]
    if len({sub.relative_schema_path[0] for sub in misfits}) < len(_listed(error.validator_value)):
        return True
    wanted = {str(kind) for sub in misfits for kind in _listed(sub.validator_value)}
    value = error.instance
    return bool({"integer", "number"} & wanted) and (isinstance(value, (int, float)) or _is_number(str(value)))


def _unexpected_keys(path: Path_, value: Mapping[str, object], schema: Schema) -> Iterator[tuple[Path_, str]]:
    """Each key the mapping does not take, at its own line (not the mapping's), with a near miss."""
    label = _label(path)
    allowed = sorted(schema.get("properties", {}))
    patterns = list(schema.get("patternProperties", {}))
    for key in value:
        if key in allowed or any(re.search(pattern, key) for pattern in patterns):
            continue
        if _is_text(schema):
            yield (*path, key), f"{label}: {key!r} is not one of the site's languages ({', '.join(allowed)})"
        else:
            takes = ", ".join(allowed)
            yield (*path, key), f"{label}: unexpected key {key!r}{_close(key, allowed)} (this mapping takes {takes})"


# ---- YAML syntax: the likely cause, at the line where the structure broke.


def syntax_problem(file: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """One problem for a YAML syntax error: where the writer's slip most likely is, and what to do.
    libyaml's words (yaml_lines reads with it) and PyYAML's own are both understood."""
    problem = error.problem or ""
    mark = error.problem_mark or error.context_mark
    at = mark.line + 1 if mark else 1
    opened = error.context_mark.line + 1 if error.context_mark else at
    quote = _unclosed_quote(text, at)
    if quote:
        line, kind = quote
        return Problem(
            file,
            line,
            f"YAML syntax error: the {kind} opened on this line is closed only on line {at}: close it on this "
            "line (a text that holds an apostrophe is quoted with double quotes)",
        )
    if "cannot start any token" in problem:
        char = _char_at(text, mark)
        if char == "\t":
            return Problem(file, at, "YAML syntax error: a tab: indent with spaces (two per level)")
        return Problem(file, at, f"YAML syntax error: a value cannot start with {char!r}: put it in quotes")
    if problem.startswith(("expected <block end>", "did not find expected key")):
        return Problem(
            file,
            at,
            f"YAML syntax error: this line is indented differently from the keys of its mapping (which starts on "
            f"line {opened}): line it up with them, two spaces per level",
        )
    if problem.startswith("mapping values are not allowed"):
        return Problem(file, at, 'YAML syntax error: a ": " inside a text: put the text in quotes, e.g. en: "Note: …"')
    if problem == "could not find expected ':'":
        return Problem(
            file,
            opened,
            "YAML syntax error: a key without its ':' (write key: value), or a text that "
            "runs onto the next line: put it in quotes",
        )
    if closing := re.search(r"expected ',' or '([}\]])'", problem):
        bracket = closing.group(1)
        if opened != at or "end of stream" in problem:
            return Problem(
                file,
                opened,
                f"YAML syntax error: the {'{['[bracket == ']']} opened on this line is not "
                f"closed: close it with {bracket} on this line",
            )
        return Problem(
            file,
            at,
            'YAML syntax error: a ": " or ", " inside a text in {…} or […]: put the text '
            'in quotes, e.g. {en: "Yes: included", fr: …}',
        )
    if "maximum nesting depth" in problem:  # libyaml's own limit, met while reading ahead
        return Problem(file, at, f"more than {MAX_DEPTH} levels of nesting: a bracket or an indentation is off here")
    if "invalid Unicode character escape" in problem:
        return Problem(
            file, at, "YAML syntax error: an escape in this quoted text (\\u…) stands for no character: delete it"
        )
    if "end of stream" in problem and error.context_mark:
        return Problem(file, opened, "YAML syntax error: a quote or bracket opened on this line is never closed")
    return Problem(file, at, f"YAML syntax error: {problem or error} (a quote, bracket or indentation is off)")


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    """The character a mark points at (libyaml does not name it)."""
    lines = text.split("\n")
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return "?"
    return lines[mark.line][mark.column]


def _unclosed_quote(text: str, line: int) -> tuple[int, str] | None:
    """A quoted text that runs from an earlier line to `line`: most likely a closing quote forgotten
    there (the source never quotes a text across lines; it folds long texts with >-)."""
    try:
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if token.end_mark.line + 1 > line:
                return None
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                start, end = token.start_mark.line + 1, token.end_mark.line + 1
                if start < end == line:
                    return start, "quote" if token.style == '"' else "single quote"
    except yaml.YAMLError:
        return None
    return None
