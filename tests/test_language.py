"""The language gate: every built page of both editions and every answer the checker can give pass
Grammalecte (French) and Hunspell (both languages), and the published pages' terms are used
consistently in both languages."""

from __future__ import annotations

import itertools
import json
import re

import pytest

import coverage_data
from checker.service import respond
from coverage_data.french import text_pairs
from hooks.changes import answer_texts
from hooks.runtime import ANSWERS, prebuilt_questions
from tests.language_gate import grammalecte, misspelled, page_texts

LANGS = ("en", "fr")


def edition_pages(site, lang):
    """Every page the build writes in `lang`, 404 pages included, by the language the page declares."""
    return sorted(page for page in site.rglob("*.html") if _declared_lang(page) == lang)


def _declared_lang(page):
    found = re.search(r'<html[^>]*\blang="([a-z]+)', page.read_text(encoding="utf-8")[:4000])
    assert found, page
    return found.group(1)


def prebuilt_answers(site, lang):
    """The answers the build ships for the finite part of the input (hooks/runtime.py), every one of them."""
    names = prebuilt_questions(coverage_data.load())
    paths = sorted(path for path in (site / ANSWERS / lang).glob("*.json") if path.stem in names)
    assert len(paths) == len(names), site / ANSWERS / lang
    # The distances file (hooks/runtime.distance_parts) holds the sentences that place each distance.
    distances = [json.loads(path.read_text(encoding="utf-8")) for path in (site / ANSWERS / lang).glob("km.*.json")]
    return [json.loads(path.read_text(encoding="utf-8")) for path in paths] + distances


def live_answers(data, lang):
    """A generated sample of what only the runtime answers (distances, dispatch times, regions,
    comparisons), errors included."""
    questions = [
        {"market": m, "contract": c, "km": km, "dispatched": d, "region": r, "compare": k}
        for m, c, km, d, r, k in itertools.product(
            ["us", "ca"],
            ["standard-sla", "performance-sla", "sma-tier-2", "premier-support", "none"],
            ["", "40.5", "300"],
            ["", "2026-12-24T15:00", "2027-07-01T16:30"],
            ["", "QC", "NY"],
            ["", "performance-sla"],
        )
    ]
    questions += [
        {"market": "xx"},
        {"market": "ca", "contract": "nothing"},
        {"market": "ca", "contract": "standard-sla", "zone": "9"},
        {"market": "ca", "contract": "standard-sla", "km": "-3"},
        {"market": "ca", "contract": "standard-sla", "km": "1,000"},
        {"market": "us", "contract": "standard-sla", "km": "3"},
        {"market": "ca", "contract": "standard-sla", "zone": "1", "km": "3"},
        {"market": "ca", "contract": "performance-sla"},
        {"market": "ca", "contract": "performance-sla", "guarantee": "6"},
        {"market": "ca", "contract": "standard-sla", "dispatched": "demain"},
        {"market": "ca", "contract": "standard-sla", "dispatched": "2040-01-01T10:00"},
        {"market": "ca", "contract": "standard-sla", "region": "ZZ"},
        {"market": "ca", "contract": "standard-sla", "compare": "gold"},
    ]
    return [respond(data, {k: v for k, v in q.items() if v}, lang) for q in questions]


@pytest.fixture(scope="module")
def texts(site, data):
    """Every text a reader sees, per language: the built pages and the checker's answers."""
    found = {}
    for lang in LANGS:
        lines = [line for page in edition_pages(site, lang) for line in page_texts(page)]
        for answer in prebuilt_answers(site, lang):
            lines += answer_texts(answer)
        for response in live_answers(data, lang):
            lines += answer_texts(response)
        found[lang] = sorted(set(lines))
    return found


def test_grammalecte_finds_nothing_in_the_french(texts):
    findings = grammalecte(texts["fr"])
    assert findings == [], "\n".join(findings[:40])


@pytest.mark.parametrize("lang", LANGS)
def test_hunspell_knows_every_word(texts, lang):
    assert sorted(misspelled(texts[lang], lang)) == []


def test_english_is_american():
    from tests.language_gate import misspelled as check

    assert check(["labour centre colour"], "en") == {"labour", "centre", "colour"}


# The published pages' terms (English page, Canadian page), used the same way both ways: a pattern
# for each side, so that a shared word ("Standard or Performance SLA", "CEL de niveau 1 et de niveau 2")
# counts.
GLOSSARY = [
    (r"Standard ((or|and) Performance )?SLA", r"CNS standard"),
    (r"(Standard (or|and) )?Performance SLA", r"CNS (standard (ou|et) )?de performance"),
    (r"SMA Tier 1", r"CEL de niveau 1"),
    (r"SMA Tier 2", r"CEL de niveau 2|CEL de niveau 1 et de niveau 2"),
    (r"(?<!normal )business hours", r"heures ouvrables"),
    (r"point of dispatch", r"point d'envoi"),
    (r"live chat", r"clavardage en direct"),
    (r"Create a Case", r"Créer une requête"),
    (r"regional base", r"base régionale"),
    (r"Preventive Maintenance", r"Entretien préventif"),
]


@pytest.mark.parametrize(("english", "french"), GLOSSARY)
def test_glossary_terms_are_used_both_ways(data, english, french):
    def has(text, pattern):
        return re.search(pattern, text.replace("\u00a0", " "), re.IGNORECASE) is not None

    for path, en, fr in text_pairs({k: v for k, v in data.items() if k != "holidays"}):
        assert has(en, english) == has(fr, french), (path, en, fr)


def test_no_french_text_is_english_or_a_copy_of_its_english():
    """Issue 13 §3: the French of every text is French, checked with the gate's spell-checkers; a text
    the same in both languages (a state's name) is in the reviewed list coverage_data/language/same-in-both.txt."""
    import coverage_data
    from coverage_data import french

    assert french.hunspell_ready()
    assert french.problems(coverage_data.SOURCE) == []


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        (
            "  answer: {en: Your coverage, fr: Votre couverture}",
            "  answer: {en: Your coverage, fr: Your coverage}",
            "the French is a copy of the English",
        ),
        (
            "  answer: {en: Your coverage, fr: Votre couverture}",
            "  answer: {en: Your coverage, fr: Your coverage today}",
            "the French reads as English (coverage, today)",
        ),
    ],
)
def test_validate_flags_a_french_text_left_in_english_at_its_line(tmp_path, old, new, why):
    """Issue 19 §1: validate itself says it (before, only `make test` did)."""
    from tests.helpers import edited_source, line_of, run_cli

    path = edited_source(tmp_path, (old, new))
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{path}:{line_of(old)}: ui.answer.fr: {why}", "1 problem(s) found."]


def test_the_gate_reads_every_page_and_every_prebuilt_answer(site, data):
    """Issue 22 §7: the gate looked for the prebuilt answers in a folder the build does not write (it read
    none of the 128) and left out the 404 pages."""
    pages = [page for lang in LANGS for page in edition_pages(site, lang)]
    assert sorted(pages) == sorted(site.rglob("*.html"))
    assert any(page.name == "404.html" for page in pages)
    distances = len(list(site.rglob("km.*.json")))  # one file per language of the market that publishes them
    assert distances == 2
    assert (
        sum(len(prebuilt_answers(site, lang)) for lang in LANGS) == 2 * len(prebuilt_questions(data)) + distances == 130
    )
