"""Ask the compiled source the checker's sample questions before anything is built or published.

A text the checker uses but the source lacks (`ui.error_km` deleted, say), or a text naming a
{placeholder} its use does not give, would otherwise pass the schema and the build, and then leave a
question unanswered in the browser. Here each is a writer's error at its line, at validate time.
"""

from __future__ import annotations

from checker.model import Data
from checker.samples import sample_questions
from checker.service import respond
from checker.text import TextError
from coverage_data.problems import Path_


def problems(data: Data) -> list[tuple[Path_, str]]:
    """(path in the source, message) for each distinct text problem the sample questions meet."""
    found: dict[str, tuple[Path_, str]] = {}
    for question in sample_questions(data):
        try:
            respond(data, question["params"], question["lang"])
        except TextError as error:
            found.setdefault(error.message, (error.path, error.message))
    return list(found.values())
