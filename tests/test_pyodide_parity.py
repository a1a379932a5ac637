"""The checker in real Pyodide (under Node, from the pinned npm package) answers exactly as in CPython."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess

from checker.link_tables import link_reading
from checker.query import FIELDS, contracts, guarantee_options
from checker.service import respond, to_json
from tests.site_build import ROOT


def every_question(data: dict) -> list[dict]:
    """Every market × contract × guarantee × zone in both languages, each compared with every contract,
    a few hundred dispatch times in every region, and the generated bad input below."""
    questions = []
    for market in data["markets"]:
        for contract in contracts(data):
            for guarantee in [None, *guarantee_options(data, contract, market)]:
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
    return questions + bad_questions(data)


# Values that no field expects, tried in every field: blanks and invisible characters, signs, numbers
# another language or Python would read (unicode digits, exponents, separators, huge ones), what a link
# percent-escapes, markup and format strings, case and normalization traps.
ODD_VALUES = [
    *["", " ", "\t\n", "\u00a0", "\u3000", "\u200b", "\ufeff", "\x00", "\x1f", "\x85", "\u2028", "\u180e"],
    *["0", "-0", "+0", "-1", "+4", "\u22124", "4.0", "4,0", "1,000", "1.000", "1 000", "1e3", "1E400", "0x10"],
    *["1_000", "inf", "-inf", "nan", "NaN", "Infinity", "9" * 40, "9" * 400, "4" * 5000, "0." + "0" * 300 + "1"],
    *["²", "³", "½", "①", "٣", "۴", "४", "৪", "４", "𝟒", "߄", "፬", "Ⅳ", "〤"],
    *["%34", "%2C", "%00", "4%20", "%E2%80%8B", "+", "%", "&", "=", "#", "?", "/", ";"],
    *["<script>", "'", '"', "\\", "{}", "{0}", "{market}", "%s", "${x}", "null", "None", "true", "[]"],
    *["İ", "ı", "ß", "ﬀ", "ǅ", "e\u0301", "é", "K", "\U0001f600", "a" * 300],
]
CONTRACT_VALUES = ["none", "None", "NONE", "Standard-SLA", "standard_sla", "standard sla", "Standard SLA"]
CONTRACT_VALUES += [
    "CNS standard",
    "standard-sla ",
    "performance-sla\n",
    "sma-tier-3",
    "standard\u2011sla",
    "standard–sla",
]
FIELD_VALUES = {
    "market": ["US", "Ca", " us", "us ", "mx", "usa", "canada", "Canada", "États-Unis", "u s", "uѕ", "ca\x00"],
    "contract": CONTRACT_VALUES,
    "compare": CONTRACT_VALUES,
    "guarantee": [
        "04",
        "008",
        "4 ",
        "\u00a04",
        " 8",
        "4h",
        "4 h",
        "8 hours",
        "-4",
        "2",
        "44",
        "٤",
        "８",
        "⁴",
        "4\u0301",
    ],
    "zone": [
        *["01", "1.0", "1 ", "4", "metro", "METRO", "Metro", "urban", "rural", "Rural ", "métropolitaine"],
        *["Métropolitaine", "METROPOLITAINE", "metropolitaine", "urbaine", "Urbaine", "rurale", "１", "١"],
        *["zone 1", "Zone 1", "z1", "I", "ⅰ", "1\ufe0f\u20e3"],
    ],
    "km": [
        *["0.0", "0,0", "40", "40.4", "40.5", "40,5", "40.49", "40.50", "80.5", "240", "240.4", "240.5", "241"],
        *["1\u00a0000", "10,000", "1,0000", "1,5", "60 km", "60km", "60 KM", "60 Km", "60\u00a0km", "60 kilomètres"],
        *["60 \u212am", ".5", "5.", "-3", "+3", "1E3", "٦٠", "６０", "60,5 km", "60.5.5", "60,,5", "60, 5", "60 ,5"],
        *[" 60 ", "60\t", "9" * 15, "9" * 17 + ".5"],
    ],
    "dispatched": [
        *["2026-11-20T24:00", "2026-11-20T23:60", "2026-11-20T23:59", "2026-11-20T00:00", "2026-11-20T15:00:00"],
        *["2026-11-20T15:00:00.000", "2026-11-20T15:00Z", "2026-11-20T15:00+01:00", "2026-11-20T15:00-05:00"],
        *["2026-11-20 15:00", "2026-11-20t15:00", "2026-11-20", "2026-11", "20261120T1500", "2026-11-20T1500"],
        *["2026-11-20T15", "2026-11-20T15:0", "2026-11-20T5:00", "2026-1-20T15:00", "+2026-11-20T15:00"],
        *["-2026-11-20T15:00", "2026-W47-5T15:00", "2026-324T15:00", "2026-11-20T15:00.5", "2026-11-20T15,5"],
        *["2026-02-29T10:00", "2027-02-29T10:00", "2028-02-29T10:00", "2028-02-30T10:00", "2024-02-29T10:00"],
        *["2025-01-01T00:00", "2024-12-31T23:59", "2029-12-31T23:59", "2029-12-31T16:00", "2030-01-01T00:00"],
        *["0000-01-01T00:00", "0001-01-01T00:00", "9999-12-31T23:59", "10000-01-01T00:00", "2026-13-01T10:00"],
        *["2026-00-10T10:00", "2026-11-00T10:00", "2026-11-31T10:00", "2026-04-31T10:00", "２０２６-11-20T15:00"],
        *["2026-11-20T１５:00", "٢٠٢٦-١١-٢٠T١٥:٠٠", "2026\u201011\u201020T15:00", "2026-11-20T15\u223600"],
        *["2026-11-20T15:00 ", " 2026-11-20T15:00", "2026-11-20\u00a0T15:00", "2026-11-20T15:00\n"],
        *["2026-11-20T15:00am", "2026-11-20T3:00 PM", "20/11/2026 15:00", "11/20/2026 3:00 PM"],
    ],
    "region": ["on", "On", "oN", " ON", "ON ", "qc", "ny", "Ny", "DC", "CA", "ONT", "Ontario", "QC,ON", "ıd", "ﬁ"],
}
# A question in which the field is read, every other field valid (a zone and a region where a deadline needs them).
FIELD_BASES = {
    "market": [{"contract": "standard-sla", "zone": "1"}],
    "contract": [{"market": "us", "zone": "2"}, {"market": "ca"}],
    "compare": [{"market": "us", "contract": "standard-sla", "zone": "1"}],
    "guarantee": [{"market": "ca", "contract": "performance-sla", "zone": "1"}],
    "zone": [
        {"market": "ca", "contract": "standard-sla"},
        {"market": "us", "contract": "performance-sla", "guarantee": "4"},
    ],
    "km": [
        {"market": "ca", "contract": "standard-sla"},
        {"market": "ca", "contract": "performance-sla", "guarantee": "8"},
    ],
    "dispatched": [
        {"market": "ca", "contract": "standard-sla", "zone": "1", "region": "ON"},
        {"market": "us", "contract": "performance-sla", "guarantee": "4", "zone": "2", "region": "NY"},
    ],
    "region": [
        {"market": "ca", "contract": "standard-sla", "zone": "1", "dispatched": "2026-06-23T16:00"},
        {"market": "us", "contract": "standard-sla", "zone": "3", "dispatched": "2026-11-25T16:00"},
    ],
}
# Characters a slip or a foreign keyboard puts into a good value.
SLIPS = ["", " ", "\u00a0", "\u200b", "-", "+", ".", ",", "0", "9", "٠", "０", "𝟗", "²", "é", "İ", "%", "T", ":"]


def slipped(value: str, pick: random.Random) -> str:
    """A good value with one slip: a character inserted, dropped, doubled, or the case changed."""
    at = pick.randrange(len(value) + 1)
    match pick.randrange(4):
        case 0:
            return value[:at] + pick.choice(SLIPS) + value[at:]
        case 1:
            return value[:at] + value[at + 1 :]
        case 2:
            return value[:at] + value[at:][:1] * 2 + value[at + 1 :]
        case _:
            return value.swapcase()


def bad_questions(data: dict) -> list[dict]:
    """Generated, the same on every run: every field given every odd value, its own near misses and
    slips of its good values, each in a question where only that field is off, in both languages by
    turns; and the request's language itself off."""
    good = {
        "market": list(data["markets"]),
        "contract": contracts(data),
        "compare": contracts(data),
        "guarantee": ["4", "8"],
        "zone": [*data["zones"], "metro", "Urbaine"],
        "km": ["12", "40.5", "60,5", "85 km"],
        "dispatched": ["2026-11-20T15:00", "2027-02-12T16:30", "2028-02-29T08:00"],
        "region": ["ON", "QC", "NY", "DC"],
    }
    pick = random.Random(20261202)
    questions = []
    for field, bases in FIELD_BASES.items():
        slips = [slipped(pick.choice(good[field]), pick) for _ in range(40)]
        for i, value in enumerate([*ODD_VALUES, *FIELD_VALUES[field], *slips]):
            params = {**bases[i % len(bases)], field: value}
            questions.append({"params": params, "lang": data["languages"][i % len(data["languages"])]})
    for lang in ["EN", "Fr", "de", "", "fr-CA", "en_US", " fr", "fr\x00"]:
        questions.append({"params": {"market": "ca", "contract": "performance-sla", "zone": "9"}, "lang": lang})
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
    bad = bad_questions(data)
    assert len(bad) > 800 and {field for q in bad for field in q["params"]} == set(FIELDS)
    (tmp_path / "questions.json").write_text(json.dumps(questions), encoding="utf-8")
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide_run.mjs"), f"{pyodide}/", str(stdlib), str(archive), "questions.json",
         "answers.json"],
        cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]  # the end: a Python traceback, not the runtime's source
    output = json.loads((tmp_path / "answers.json").read_text(encoding="utf-8"))
    assert output["python"].startswith("3.1")
    assert output["snapshot"] > 1_000_000
    for question, *answers in zip(questions, output["answers"], output["after"], output["restored"], strict=True):
        assert set(answers) == {to_json(respond(data, question["params"], question["lang"]))}, question


def test_a_distance_beyond_a_floats_range_is_refused_not_raised(data):
    """A distance of 309 digits or more became inf, and the band's whole kilometre raised OverflowError
    (a traceback on the command line, 'could not answer' in the browser)."""
    for value in ("9" * 400, "4" * 5000):
        response = respond(data, {"market": "ca", "contract": "standard-sla", "km": value}, "en")
        assert not response["ok"] and "km" in response["errors"]


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
    from hooks.runtime import ANSWERS, distances_file, prebuilt_questions

    data = load()  # as the site fixture's build did, today
    questions = prebuilt_questions(data)
    assert len(questions) == len(data["markets"]) * 8 * (len(data["zones"]) + 1)
    for lang in data["languages"]:
        distances = {distances_file(market) for market in link_reading(data, lang)["km"]}  # the test below
        files = sorted(file for file in (site / ANSWERS / lang).glob("*.json") if file.name not in distances)
        assert [file.stem for file in files] == sorted(questions)
        for file in files:
            assert file.read_text(encoding="utf-8") == to_json(respond(data, questions[file.stem], lang)), file


def test_the_shipped_distances_are_the_checkers_for_every_contract(site):
    """A distance's answer is its zone's answer changed as the build's distances file says (boot.js
    applies it): the file is what the checker computes, and the difference it records is the one
    between the two answers for every contract, guarantee and whole kilometre the page reads."""
    from coverage_data import load
    from hooks.runtime import ANSWERS, distance_part, distance_parts, distances_file

    data = load()
    for lang in data["languages"]:
        reading = link_reading(data, lang)
        for market, distances in reading["km"].items():
            shipped = json.loads((site / ANSWERS / lang / distances_file(market)).read_text(encoding="utf-8"))
            assert shipped == json.loads(json.dumps(distance_parts(data, distances, market, lang)))
            for contract in contracts(data):
                for guarantee in [None, *guarantee_options(data, contract, market)]:
                    asked = {"market": market, "contract": contract} | (
                        {"guarantee": str(guarantee)} if guarantee else {}
                    )
                    by_zone = {zone: respond(data, asked | {"zone": zone}, lang) for zone in data["zones"]}
                    for km, zone in distances.items():
                        by_km = respond(data, asked | {"km": km}, lang)
                        if not by_km["ok"]:  # a guarantee to choose: the same refusal as the zone's
                            assert by_km == by_zone[zone], (asked, km)
                            continue
                        part = distance_part(by_zone[zone]["answer"], by_km["answer"])
                        # The page keeps no zone where the zone's answer states none (boot.js atDistance).
                        expected = shipped[km] | ({"zone": None} if by_zone[zone]["answer"]["zone"] is None else {})
                        assert json.loads(json.dumps(part)) == expected, (lang, asked, km)
