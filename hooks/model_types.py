"""checker/model.py as TypeScript declarations, for the type check of the page's JavaScript.

`make lint` writes them (`python -m hooks.model_types .cache/types/model.d.ts`) before it runs
`tsc --checkJs`, which reads the scripts' JSDoc against them: the JavaScript that reads an answer is
checked against the very shape mypy checks the Python that makes it against. Made at each lint from
the model, never committed, so they cannot fall behind it.
"""

from __future__ import annotations

import json
import sys
import types
import typing
from pathlib import Path

from checker import model


def ts(hint: object) -> str:
    """A model type as TypeScript: a TypedDict by its name, the rest spelled out."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if typing.is_typeddict(hint):
        return str(getattr(hint, "__name__"))  # noqa: B009  (a TypedDict class, typed as object here)
    if origin is typing.Literal:
        return " | ".join(json.dumps(arg) for arg in args)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(ts(arg) for arg in args)
    if origin is list:
        item = ts(args[0])
        return f"({item})[]" if " " in item else f"{item}[]"
    if origin is dict:
        return f"Record<{ts(args[0])}, {ts(args[1])}>"
    if origin is typing.NotRequired:
        return ts(args[0])
    names = {type(None): "null", str: "string", int: "number", float: "number", bool: "boolean"}
    if isinstance(hint, type) and hint in names:
        return names[hint]
    raise TypeError(f"no TypeScript for {hint!r}")


def declarations() -> str:
    lines = ["// Made by hooks/model_types.py from checker/model.py: do not edit.", ""]
    for name, value in vars(model).items():
        if typing.is_typeddict(value):
            optional = value.__optional_keys__
            lines.append(f"export interface {name} {{")
            for key, hint in typing.get_type_hints(value).items():
                lines.append(f"  {json.dumps(key)}{'?' if key in optional else ''}: {ts(hint)};")
            lines += ["}", ""]
        elif typing.get_origin(value) in (typing.Union, types.UnionType):
            lines += [f"export type {name} = {ts(value)};", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(declarations(), encoding="utf-8")
