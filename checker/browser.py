"""The checker's entry point in Pyodide: the Web Worker loads the data once, then asks in JSON strings.

Strings in, strings out, so that nothing but plain text crosses between JavaScript and Python, and the
answer is the very JSON that CPython gives for the same question (`service.to_json`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from checker.service import respond, to_json

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Data

_data: Data  # the compiled data, read once by `load`


def load(path: str) -> str:
    """Read the compiled data shipped beside the checker; returns the languages it speaks."""
    global _data
    _data = json.loads(Path(path).read_text(encoding="utf-8"))
    return json.dumps(_data["languages"])


def handle(request: str) -> str:
    """`{"params": {...share-link parameters...}, "lang": "fr"}` -> the response as JSON."""
    asked = json.loads(request)
    params = {str(key): str(value) for key, value in dict(asked.get("params") or {}).items()}
    return to_json(respond(_data, params, str(asked.get("lang") or "")))
