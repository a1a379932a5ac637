"""The checker in real Pyodide (under Node, from the pinned npm package) answers exactly as in CPython."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess

from checker.query import contracts, guarantee_options
from checker.service import respond, to_json
from tests.site_build import ROOT


def every_question(data: dict) -> list[dict]:
    """Every market × contract × guarantee × zone in both languages, each compared with every contract,
    a few hundred dispatch times in every region, and some bad input."""
    questions = []
    for market in data["markets"]:
        for contract in contracts(data):
            for guarantee in [None, *guarantee_options(data, contract)]:
                for zone in [None, *data["zones"]]:
                    for compare in [None, *contracts(data)]:
                        params = {
                            "market": market,
                            "contract": contract,
                            "guarantee": guarantee,
                            "zone": zone,
                            "compare": compare,
                        }
                        for lang in data["languages"]:
                            questions.append(
                                {"params": {k: str(v) for k, v in params.items() if v is not None}, "lang": lang}
                            )
    pick = random.Random(20261122)
    first = dt.datetime(2025, 1, 1)
    for _ in range(400):
        market = pick.choice(list(data["markets"]))
        contract = pick.choice(["standard-sla", "performance-sla"])
        params = {
            "market": market,
            "contract": contract,
            "zone": pick.choice(["1", "2", "3"]),
            "dispatched": (first + dt.timedelta(minutes=15 * pick.randrange(4 * 24 * 365 * 5))).strftime(
                "%Y-%m-%dT%H:%M"
            ),
            "region": pick.choice(["", *data["markets"][market]["regions"]]),
        }
        if contract == "performance-sla":
            params["guarantee"] = pick.choice(["4", "8"])
        questions.append({"params": params, "lang": pick.choice(data["languages"])})
    for bad in (
        {"km": "-1"},
        {"km": "abc"},
        {"zone": "<script>"},
        {"dispatched": "2026-02-30T10:00"},
        {"market": "mx"},
    ):
        questions.append({"params": {"market": "ca", "contract": "standard-sla", **bad}, "lang": "fr"})
    return questions


def test_pyodide_answers_equal_cpython_byte_for_byte(tmp_path, data, site):
    """As the browser runs it: Pyodide started on the site's own files (its trimmed lock file, trimmed
    standard library and compiled checker archive: an import the trimmed zip misses fails here), then
    started again from the memory
    snapshot the first start made, as a second visit does. Both answer every question (the first one
    again after making the snapshot)."""
    (stdlib,) = (site / "assets" / "checker").glob("stdlib-*.zip")
    (archive,) = (site / "assets" / "checker").glob("checker-*.zip")
    (pyodide,) = (site / "assets" / "pyodide").iterdir()
    questions = every_question(data)
    assert len(questions) > 1200
    (tmp_path / "questions.json").write_text(json.dumps(questions), encoding="utf-8")
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide_run.mjs"), f"{pyodide}/", str(stdlib), str(archive), "questions.json",
         "answers.json"],
        cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    output = json.loads((tmp_path / "answers.json").read_text(encoding="utf-8"))
    assert output["python"].startswith("3.1")
    assert output["snapshot"] > 1_000_000
    for question, *answers in zip(questions, output["answers"], output["after"], output["restored"], strict=True):
        assert set(answers) == {to_json(respond(data, question["params"], question["lang"]))}, question


def test_the_trimmed_standard_library_is_bytecode_and_small(site):
    """What the browser downloads for the standard library: compiled modules only, a fraction of
    Pyodide's whole zip; and Pyodide's lock file lists no package (nothing is loaded by name)."""
    import zipfile

    (stdlib,) = (site / "assets" / "checker").glob("stdlib-*.zip")
    names = zipfile.ZipFile(stdlib).namelist()
    assert names and all(name.endswith(".pyc") for name in names)
    assert {"json/__init__.pyc", "datetime.pyc", "pyodide/__init__.pyc"} <= set(names)
    assert stdlib.stat().st_size < 0.5 * (ROOT / "node_modules" / "pyodide" / "python_stdlib.zip").stat().st_size
    (lock,) = (site / "assets" / "pyodide").glob("*/pyodide-lock.json")
    assert json.loads(lock.read_text(encoding="utf-8"))["packages"] == {}
    assert not list((site / "assets").rglob("python_stdlib.zip"))


def test_the_shipped_answers_are_the_checkers(site):
    """The build's answers for the finite part of the input are CPython's, byte for byte; the test above
    shows that Pyodide gives the same bytes for the same questions."""
    from coverage_data import load
    from hooks.runtime import ANSWERS, prebuilt_questions

    data = load()  # as the site fixture's build did, today
    questions = prebuilt_questions(data)
    assert len(questions) == len(data["markets"]) * 8 * (len(data["zones"]) + 1)
    for lang in data["languages"]:
        files = sorted((site / ANSWERS / lang).glob("*.json"))
        assert [file.stem for file in files] == sorted(questions)
        for file in files:
            assert file.read_text(encoding="utf-8") == to_json(respond(data, questions[file.stem], lang)), file
