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
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from checker.link_tables import link_reading
from checker.model import Answer, Data, DistancePart, QuestionField
from checker.query import contracts, default_contract, guarantee_options
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
# The checker page's first lines, inlined at the top of its <head> (hooks/render.py, `boot_script`); the
# CSP knows them by their content (hooks/csp.py). Not shipped as a file (mkdocs.yml, exclude_docs).
BOOT_SCRIPT = ROOT / "docs" / "assets" / "checker" / "boot.js"
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

    def sizes(self) -> dict[str, int]:
        """The bytes of each file the worker downloads, by name: the worker checks each response against
        them (a file cut short fails at once, not after the load timeout) and shows its progress by them."""
        wasm = "pyodide.asm.wasm"  # Pyodide's two modules are imported, not fetched: they are not counted
        files = {wasm: (PYODIDE / wasm).stat().st_size, "pyodide-lock.json": len(lock_file())}
        return files | {self.stdlib.name: self.stdlib.stat().st_size, self.archive_name: len(self.archive)}

    @property
    def snapshot_path(self) -> str:
        """Never on the host: the key of the worker's snapshot in Cache Storage, named by everything it
        is made of, so that a new build never starts from an old build's memory."""
        return f"assets/checker/{self.snapshot_name}"


def boot_script() -> str:
    """boot.js as the checker page inlines it: without its whole-line comments, which are for its
    readers and for tsc (its types) and would cost every visit of the page 2.6 KB gzipped."""
    kept, in_comment = [], False
    for line in BOOT_SCRIPT.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        # A comment's line, not a line of code that starts with a type (`/** @type {T} */ (x)`).
        comment = text.startswith("/*") and ("*/" not in text or text.endswith("*/"))
        if in_comment or comment:
            in_comment = "*/" not in text
        elif text and not text.startswith("//"):
            kept.append(line)
    return "\n".join(kept) + "\n"


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
STDLIB_MAKER = (ROOT / "hooks" / "make_stdlib.mjs", ROOT / "hooks" / "make_stdlib.py")


def standard_library(version: str, data: Data) -> tuple[Path, Path]:
    """The trimmed standard library for this Pyodide, this checker code and this maker, and the checker's
    modules compiled too; made once with Node and kept in .cache/. What the library must hold depends on
    the checker's code, not on its data: the questions are answered on the data of the build that makes
    it, and the parity test starts Pyodide on it with every build's data."""
    code = checker_archive(None)
    makers = [*STDLIB_MAKER, SNAPSHOT_MAKERS[0]]
    made_of = version.encode() + code + b"".join(maker.read_bytes() for maker in makers)
    digest = hashlib.sha256(made_of).hexdigest()[:12]
    stdlib, compiled = CACHE / f"stdlib-{digest}.zip", CACHE / f"checker-code-{digest}.zip"
    if not (stdlib.is_file() and compiled.is_file()):
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "archive.zip").write_bytes(with_data(code, data))
            (Path(folder) / "questions.json").write_text(json.dumps(sample_questions(data)), encoding="utf-8")
            result = subprocess.run(
                ["node", str(STDLIB_MAKER[0]), "archive.zip", "questions.json", "stdlib.zip", "compiled.zip"],
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
    """The finite part of the input, each with its file name: every market × contract × that market's
    guarantees (or none) × zone (or none), as the form asks them. The page shows these at once; Pyodide
    answers everything else."""
    questions = {}
    for market in data["markets"]:
        for contract in contracts(data):
            for guarantee in [None, *guarantee_options(data, contract, market)]:
                for zone in [None, *data["zones"]]:
                    values = dict(zip(PREBUILT_FIELDS, (market, contract, guarantee, zone), strict=True))
                    name = ".".join(str(value) if value is not None else "-" for value in values.values())
                    questions[name] = {key: str(value) for key, value in values.items() if value is not None}
    return questions


# The build's answers as the page finds them: market -> contract -> guarantee -> zone -> file name, ""
# standing for a field the question leaves out (written into the page's config).
AnswerFiles = dict[str, dict[str, dict[str, dict[str, str]]]]


def answer_files(data: Data) -> AnswerFiles:
    files: AnswerFiles = {}
    for name, params in prebuilt_questions(data).items():
        market, contract, guarantee, zone = (params.get(field, "") for field in PREBUILT_FIELDS)
        files.setdefault(market, {}).setdefault(contract, {}).setdefault(guarantee, {})[zone] = f"{name}.json"
    return files


def distances_file(market: str) -> str:
    return f"km.{market}.json"


def distance_parts(data: Data, distances: Mapping[str, str], market: str, lang: str) -> dict[str, DistancePart]:
    """What a distance changes in the answer of the zone it falls in, for each distance the page reads
    without the runtime (`distances`, km → zone: link_tables.link_reading's for the market): the sentence
    that places it, its line in the restated question (in place of the zone's), its share-link
    parameters. Everything else of a distance's answer is its zone's answer: checked here on the
    default contract, and by the tests on every contract and distance (tests/test_pyodide_parity.py)."""
    asked = {"market": market, "contract": default_contract(data)}
    by_zone = {zone: respond(data, asked | {"zone": zone}, lang) for zone in set(distances.values())}
    parts: dict[str, DistancePart] = {}
    for km, zone in distances.items():
        in_zone, by_km = by_zone[zone], respond(data, asked | {"km": km}, lang)
        assert in_zone["ok"] and by_km["ok"], (market, km)
        parts[km] = distance_part(in_zone["answer"], by_km["answer"])
    return parts


def distance_part(by_zone: Answer, by_km: Answer) -> DistancePart:
    """The difference between a zone's answer and a distance's in that zone, in the form the page
    applies it (app.js): the distance's zone part, question lines by the field they replace, and
    share-link parameters (None: left out). Raises if they differ anywhere else."""
    zone_parts: Mapping[str, object] = by_zone
    km_parts: Mapping[str, object] = by_km
    differing = {key for key in zone_parts if zone_parts[key] != km_parts[key]}
    if not differing <= {"zone", "question", "query"} or len(by_zone["question"]) != len(by_km["question"]):
        raise ValueError(f"a distance's answer differs from its zone's in {sorted(differing)}")
    lines: dict[str, QuestionField] = {
        old["field"]: new for old, new in zip(by_zone["question"], by_km["question"], strict=True) if old != new
    }
    query = {key: by_km["query"].get(key) for key in by_zone["query"].keys() | by_km["query"].keys()}
    # An offering that depends on no zone states none for a zone or a distance alike (the page keeps it so).
    assert (by_km["zone"] is None) == (by_zone["zone"] is None)
    return {
        "zone": by_km["zone"],
        "question": lines,
        "query": {key: value for key, value in sorted(query.items()) if value != by_zone["query"].get(key)},
    }


def write_answers(data: Data, site: Path) -> None:
    for lang in data["languages"]:
        folder = site / ANSWERS / lang
        folder.mkdir(parents=True, exist_ok=True)
        for name, params in prebuilt_questions(data).items():
            (folder / f"{name}.json").write_text(to_json(respond(data, params, lang)), encoding="utf-8")
        for market, distances in link_reading(data, lang)["km"].items():
            parts = json.dumps(distance_parts(data, distances, market, lang), ensure_ascii=False, separators=(",", ":"))
            (folder / distances_file(market)).write_text(parts, encoding="utf-8")


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
