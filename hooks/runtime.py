"""What the checker page runs: Pyodide's core files from the pinned npm package, a standard library
trimmed to what Pyodide and the checker import (compiled to bytecode), and one small archive holding the
checker's runtime modules and the compiled data, unpacked into Pyodide by the Web Worker.

Nothing is installed from a package index at run time: the checker needs only the standard library.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from checker.model import Data
from checker.query import contracts, guarantee_options
from checker.samples import sample_questions
from checker.service import respond, to_json

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
# The files of Pyodide's core the page needs (its lock file is written trimmed: nothing is loaded by
# name; its standard library is the trimmed one, below).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# The checker's modules the browser gets, by name: everything `checker.browser` needs, nothing else (the
# CLI and its text renderer stay behind). tests/test_stdlib_only.py checks the list is closed under
# imports and standard library only, so a module added to checker/ ships only when it is named here.
BROWSER_MODULES = (
    "__init__",
    "answer",
    "arrival",
    "browser",
    "compare",
    "conditions",
    "contacts",
    "days_off",
    "deadline",
    "location",
    "model",
    "names",
    "next_step",
    "query",
    "response",
    "service",
    "text",
    "zones",
)
_EPOCH = (2020, 1, 1, 0, 0, 0)  # fixed timestamps: the same source gives the same archive and name
# What the worker's own snapshot of Pyodide's memory is made of, besides the files named by content.
SNAPSHOT_MAKERS = (
    ROOT / "docs" / "assets" / "checker" / "runtime.mjs",
    ROOT / "docs" / "assets" / "checker" / "worker.js",
)


@dataclass(frozen=True)
class Runtime:
    pyodide_version: str
    archive_name: str
    archive: bytes
    stdlib: Path  # the trimmed standard library (see make_stdlib.mjs)
    snapshot_name: str  # the name the worker keeps its memory snapshot under, in the browser's Cache Storage

    @property
    def pyodide_dir(self) -> str:
        """Versioned, so that a long cache lifetime is safe."""
        return f"assets/pyodide/{self.pyodide_version}/"

    @property
    def archive_path(self) -> str:
        return f"assets/checker/{self.archive_name}"

    @property
    def stdlib_path(self) -> str:
        return f"assets/checker/{self.stdlib.name}"

    @property
    def snapshot_path(self) -> str:
        """Never on the host: the key of the worker's snapshot in Cache Storage, named by everything it
        is made of, so that a new build never starts from an old build's memory."""
        return f"assets/checker/{self.snapshot_name}"


class RuntimeMissing(Exception):
    pass


def runtime(data: Data) -> Runtime:
    package = PYODIDE / "package.json"
    if not package.is_file():
        raise RuntimeMissing(f"{package.relative_to(ROOT)} is missing: run `npm ci` (the README's commands do)")
    version = json.loads(package.read_text())["version"]
    stdlib, compiled = standard_library(version, data)
    archive = with_data(compiled.read_bytes(), data)
    made_of = version.encode() + archive + stdlib.read_bytes() + b"".join(p.read_bytes() for p in SNAPSHOT_MAKERS)
    snapshot = f"snapshot-{hashlib.sha256(made_of).hexdigest()[:12]}.bin"
    return Runtime(version, f"checker-{hashlib.sha256(archive).hexdigest()[:12]}.zip", archive, stdlib, snapshot)


def checker_archive(data: Data | None) -> bytes:
    """The browser's checker modules (BROWSER_MODULES) and checker/coverage.json, as a zip that Pyodide unpacks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(BROWSER_MODULES):
            path = ROOT / "checker" / f"{name}.py"
            archive.writestr(zipfile.ZipInfo(f"checker/{path.name}", _EPOCH), path.read_bytes(), zipfile.ZIP_DEFLATED)
    return buffer.getvalue() if data is None else with_data(buffer.getvalue(), data)


def with_data(code: bytes, data: Data) -> bytes:
    """A checker archive with the compiled data added as checker/coverage.json."""
    buffer = io.BytesIO(code)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        # The source's order is meaning (the first market is the default): keys are not sorted here.
        data_json = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        archive.writestr(zipfile.ZipInfo("checker/coverage.json", _EPOCH), data_json.encode(), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


CACHE = ROOT / ".cache" / "stdlib"
STDLIB_MAKER = ROOT / "hooks" / "make_stdlib.mjs"


def standard_library(version: str, data: Data) -> tuple[Path, Path]:
    """The trimmed standard library for this Pyodide, this checker code and this maker, and the checker's
    modules compiled too; made once with Node and kept in .cache/. What the library must hold depends on
    the checker's code, not on its data: the questions are answered on the data of the build that makes
    it, and the parity test starts Pyodide on it with every build's data."""
    code = checker_archive(None)
    made_of = version.encode() + code + STDLIB_MAKER.read_bytes() + SNAPSHOT_MAKERS[0].read_bytes()
    digest = hashlib.sha256(made_of).hexdigest()[:12]
    stdlib, compiled = CACHE / f"stdlib-{digest}.zip", CACHE / f"checker-code-{digest}.zip"
    if not (stdlib.is_file() and compiled.is_file()):
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "archive.zip").write_bytes(with_data(code, data))
            (Path(folder) / "questions.json").write_text(json.dumps(sample_questions(data)), encoding="utf-8")
            result = subprocess.run(
                ["node", str(STDLIB_MAKER), "archive.zip", "questions.json", "stdlib.zip", "compiled.zip"],
                cwd=folder, capture_output=True, text=True,
            )  # fmt: skip
            if result.returncode != 0:
                raise RuntimeMissing(f"the trimmed standard library could not be made: {result.stderr.strip()[-500:]}")
            shutil.move(Path(folder) / "compiled.zip", compiled)  # whole or not at all: a build never sees half
            shutil.move(Path(folder) / "stdlib.zip", stdlib)
    return stdlib, compiled


def lock_file() -> bytes:
    """Pyodide's lock file without its packages: the page loads none by name, so Pyodide needs only its
    `info` (119 KB become 150 bytes)."""
    info = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    return json.dumps({"info": info, "packages": {}}, separators=(",", ":")).encode()


ANSWERS = "assets/checker/answers"
# The fields of the finite part of the input, in the order of an answer's file name (the page reads them
# from its config to find a file, and to know which links only the runtime can answer).
PREBUILT_FIELDS = ("market", "contract", "guarantee", "zone")


def prebuilt_questions(data: Data) -> dict[str, dict[str, str]]:
    """The finite part of the input, each with its file name: every market × contract × guarantee × zone
    (or none), as the form asks them. The page shows these at once; Pyodide answers everything else."""
    questions = {}
    for market in data["markets"]:
        for contract in contracts(data):
            for guarantee in [None, *guarantee_options(data, contract)]:
                for zone in [None, *data["zones"]]:
                    values = dict(zip(PREBUILT_FIELDS, (market, contract, guarantee, zone), strict=True))
                    name = ".".join(str(value) if value is not None else "-" for value in values.values())
                    questions[name] = {key: str(value) for key, value in values.items() if value is not None}
    return questions


def write_answers(data: Data, site: Path) -> None:
    for lang in data["languages"]:
        folder = site / ANSWERS / lang
        folder.mkdir(parents=True, exist_ok=True)
        for name, params in prebuilt_questions(data).items():
            (folder / f"{name}.json").write_text(to_json(respond(data, params, lang)), encoding="utf-8")


def write(runtime_: Runtime, site: Path) -> None:
    target = site / runtime_.pyodide_dir
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(PYODIDE / name, target / name)
    (target / "pyodide-lock.json").write_bytes(lock_file())
    archive = site / runtime_.archive_path
    archive.parent.mkdir(parents=True, exist_ok=True)
    archive.write_bytes(runtime_.archive)
    shutil.copyfile(runtime_.stdlib, site / runtime_.stdlib_path)
