"""What the checker page runs: Pyodide's core files from the pinned npm package, and one small archive
holding the checker's runtime modules and the compiled data, unpacked into Pyodide by the Web Worker.

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

from checker.query import contracts, guarantee_options
from checker.service import respond, to_json

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
# The files Pyodide's core needs (no package wheels: nothing is loaded by name).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
# The checker's modules the browser runs; the CLI and its text renderer stay behind.
CPYTHON_ONLY = {"cli.py", "__main__.py", "render_text.py", "translation_report.py"}
_EPOCH = (2020, 1, 1, 0, 0, 0)  # fixed timestamps: the same source gives the same archive and name


@dataclass(frozen=True)
class Runtime:
    pyodide_version: str
    archive_name: str
    archive: bytes
    snapshot: Path  # Pyodide's memory with the checker imported (see make_snapshot.mjs)

    @property
    def pyodide_dir(self) -> str:
        """Versioned, so that a long cache lifetime is safe."""
        return f"assets/pyodide/{self.pyodide_version}/"

    @property
    def archive_path(self) -> str:
        return f"assets/checker/{self.archive_name}"

    @property
    def snapshot_path(self) -> str:
        return f"assets/checker/{self.snapshot.name}"


class RuntimeMissing(Exception):
    pass


def runtime(data: dict) -> Runtime:
    package = PYODIDE / "package.json"
    if not package.is_file():
        raise RuntimeMissing(f"{package.relative_to(ROOT)} is missing: run `npm ci` (the README's commands do)")
    version = json.loads(package.read_text())["version"]
    archive = checker_archive(data)
    digest = hashlib.sha256(archive).hexdigest()[:12]
    return Runtime(version, f"checker-{digest}.zip", archive, memory_snapshot(version))


def checker_archive(data: dict | None) -> bytes:
    """checker/*.py (runtime modules) and checker/coverage.json, as a zip that Pyodide unpacks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted((ROOT / "checker").glob("*.py")):
            if path.name not in CPYTHON_ONLY:
                archive.writestr(
                    zipfile.ZipInfo(f"checker/{path.name}", _EPOCH), path.read_bytes(), zipfile.ZIP_DEFLATED
                )
        if data is not None:
            # The source's order is meaning (the first market is the default): keys are not sorted here.
            data_json = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            archive.writestr(zipfile.ZipInfo("checker/coverage.json", _EPOCH), data_json.encode(), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


SNAPSHOTS = ROOT / ".cache" / "snapshots"
# What makes a snapshot, besides Pyodide and the checker's code: the script and its file format.
SNAPSHOT_MAKERS = (ROOT / "hooks" / "make_snapshot.mjs", ROOT / "docs" / "assets" / "checker" / "runtime.mjs")


def memory_snapshot(version: str) -> Path:
    """The snapshot for this Pyodide, this checker code and these makers, made once with Node and kept
    in .cache/."""
    code = checker_archive(None)
    made_of = version.encode() + code + b"".join(path.read_bytes() for path in SNAPSHOT_MAKERS)
    name = f"snapshot-{hashlib.sha256(made_of).hexdigest()[:12]}.bin"
    target = SNAPSHOTS / name
    if not target.is_file():
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "code.zip").write_bytes(code)
            made = Path(folder) / name
            result = subprocess.run(
                ["node", str(SNAPSHOT_MAKERS[0]), "code.zip", str(made)],
                cwd=folder, capture_output=True, text=True,
            )  # fmt: skip
            if result.returncode != 0:
                raise RuntimeMissing(f"Pyodide's memory snapshot could not be made: {result.stderr.strip()[-500:]}")
            shutil.move(made, target)  # whole or not at all: a build never sees half a snapshot
    return target


ANSWERS = "assets/checker/answers"
# The fields of the finite part of the input, in the order of an answer's file name (the page reads them
# from its config to find a file, and to know which links only the runtime can answer).
PREBUILT_FIELDS = ("market", "contract", "guarantee", "zone")


def prebuilt_questions(data: dict) -> dict[str, dict]:
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


def write_answers(data: dict, site: Path) -> None:
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
    archive = site / runtime_.archive_path
    archive.parent.mkdir(parents=True, exist_ok=True)
    archive.write_bytes(runtime_.archive)
    shutil.copyfile(runtime_.snapshot, site / runtime_.snapshot_path)
