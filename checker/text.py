"""Every sentence the checker says: a text of the source, filled with facts and formatted per language."""

from __future__ import annotations

import datetime as dt
import string
from typing import TYPE_CHECKING, Literal, cast

if TYPE_CHECKING:  # the model is for the type checker: the browser never imports it (checker/model.py)
    from checker.model import Data, Text

WEEKDAY_IDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# Facts a text of the source may name as {placeholder}; `facts()` gives their values.
FACT_NAMES = frozenset(
    {
        "remote_hours",
        "onsite_hours",
        "onsite_times",
        "phone_answer_goal_seconds",
        "chat_answer_goal_seconds",
        "remote_effort_limit_minutes",
        "voice_system_hours",
        "pm_calls",
    }
)
# Values some texts receive from where they are used (a zone's goal sentence, say).
CONTEXT_NAMES = frozenset({"zone", "zone_name", "hours", "options"})


class _Formatter(string.Formatter):
    """str.format, plus `{name!c}`: the value with its first letter capitalized, for a name that
    opens a sentence in one language and not in the other ('le CNS standard' → 'Le CNS standard')."""

    def convert_field(self, value: object, conversion: str | None) -> object:
        if conversion == "c":
            text = str(value)
            return text[:1].upper() + text[1:]
        return super().convert_field(value, conversion)


_FORMAT = _Formatter()


def placeholders(template: str) -> set[str]:
    """The {names} a template uses."""
    return {name for _, name, _, _ in _FORMAT.parse(template) if name}


class TextError(KeyError):
    """A text the checker needs is missing from the source, or names what its use does not give: `path`
    is where in the source (validate reports it at its line, before anything is built or asked)."""

    def __init__(self, path: tuple[str, ...], message: str) -> None:
        super().__init__(message)
        self.path, self.message = path, message

    def __str__(self) -> str:
        return self.message


def ui(data: Data, key: str, lang: str, **values: object) -> str:
    """A text of the interface (`ui:` in the source), filled with `values`."""
    return _formatted(_entry(data["ui"], "ui", key)[lang], values, ("ui", key, lang))


def text_of(text: Text, path: tuple[str, ...], lang: str, **values: object) -> str:
    """A text of the source outside `ui` and `texts` (a market's holiday words, at `path`), filled with
    `values`."""
    return _formatted(text[lang], values, (*path, lang))


def _formatted(template: str, values: dict[str, object], path: tuple[str, ...]) -> str:
    try:
        return _FORMAT.vformat(template, (), values)
    except (KeyError, IndexError, ValueError) as error:
        given = ", ".join(f"{{{name}}}" for name in sorted(values)) or "none"
        where = f"{'.'.join(path)}: " if path else ""
        raise TextError(path, f"{where}cannot fill {template!r} ({error}); it may name {given}") from None


def words(data: Data, key: str, lang: str) -> list[str]:
    """A list of words of the interface, such as the names of the weekdays."""
    # The ui's two word lists (`weekdays`, `months`: schema.json) are read here only; the model types
    # every ui entry as a text.
    return cast("list[str]", _entry(data["ui"], "ui", key)[lang])


def prose(data: Data, key: str, lang: str, **values: object) -> str:
    """A paragraph of the pages (`texts:` in the source), with its facts filled in."""
    return _formatted(_entry(data["texts"], "texts", key)[lang], {**facts(data, lang), **values}, ("texts", key, lang))


def fill(data: Data, template: str, lang: str, **values: object) -> str:
    """Fill a source text's {placeholders} with the facts they name and the given values."""
    return _formatted(template, {**facts(data, lang), **values}, ())


def facts(data: Data, lang: str) -> dict[str, object]:
    """The values of every name in FACT_NAMES, in `lang`."""
    remote = data["remote"]
    return {
        "remote_hours": hours_range(data, "remote", lang),
        "onsite_hours": hours_range(data, "onsite", lang),
        "onsite_times": times_range(data, "onsite", lang),
        "phone_answer_goal_seconds": remote["phone_answer_goal_seconds"],
        "chat_answer_goal_seconds": remote["chat_answer_goal_seconds"],
        "remote_effort_limit_minutes": remote["remote_effort_limit_minutes"],
        "voice_system_hours": remote["voice_system_hours"],
        "pm_calls": data["preventive_maintenance_calls"],
    }


def _entry(entries: dict[str, Text], section: str, key: str) -> Text:
    try:
        return entries[key]
    except KeyError:
        raise TextError(
            (section,), f"{section}.{key}: the checker uses this text; write it (in every language)"
        ) from None


def format_time(data: Data, time: dt.time, lang: str) -> str:
    """'4:30 PM' / '16 h 30'; '8 AM' / '8 h' on the hour; 'noon' / '12 h'."""
    key = "time_format_on_the_hour" if time.minute == 0 else "time_format"
    if time == dt.time(12, 0):
        key = "time_format_noon"
    return ui(
        data,
        key,
        lang,
        h=time.hour,
        h12=(time.hour % 12) or 12,
        mm=f"{time.minute:02d}",
        ampm=ui(data, "am" if time.hour < 12 else "pm", lang),
    )


def format_date(data: Data, day: dt.date, lang: str, key: str = "date_format") -> str:
    """'Monday, November 23, 2026' / 'lundi 23 novembre 2026' (or as another ui format names it)."""
    return ui(
        data,
        key,
        lang,
        weekday=words(data, "weekdays", lang)[day.weekday()],
        month=words(data, "months", lang)[day.month - 1],
        day=ui(data, "first_of_month", lang) if day.day == 1 else day.day,
        year=day.year,
    )


def format_datetime(data: Data, moment: dt.datetime, lang: str) -> str:
    return ui(
        data,
        "datetime_format",
        lang,
        date=format_date(data, moment.date(), lang),
        time=format_time(data, moment.time(), lang),
    )


def hours_range(data: Data, which: Literal["remote", "onsite"], lang: str) -> str:
    """'Monday to Friday, 8 AM to 8 PM ET' from the source's `hours.<which>`."""
    hours = data["hours"][which]
    names = words(data, "weekdays", lang)
    days = [WEEKDAY_IDS.index(day) for day in hours["weekdays"]]
    return ui(
        data,
        "hours_range",
        lang,
        first_day=names[min(days)],
        last_day=names[max(days)],
        start=format_time(data, parse_clock(hours["start"]), lang),
        end=format_time(data, parse_clock(hours["end"]), lang),
        timezone=data["timezones"][hours["timezone"]][lang],
    )


def times_range(data: Data, which: Literal["remote", "onsite"], lang: str) -> str:
    """'8 AM to 5 PM local time' from the source's `hours.<which>`, without its days (the Canadian
    table gives on-site hours without naming the days)."""
    hours = data["hours"][which]
    return ui(
        data,
        "times_range",
        lang,
        start=format_time(data, parse_clock(hours["start"]), lang),
        end=format_time(data, parse_clock(hours["end"]), lang),
        timezone=data["timezones"][hours["timezone"]][lang],
    )


def parse_clock(value: str) -> dt.time:
    hour, minute = value.split(":")
    return dt.time(int(hour), int(minute))


def number(data: Data, value: float, lang: str) -> str:
    """'40.5' / '40,5': the shortest form of the number, with the language's decimal separator."""
    return f"{value:g}".replace(".", ui(data, "decimal_separator", lang))


def join(data: Data, items: list[str], lang: str, conjunction: str = "and") -> str:
    """'a, b and c' / 'a, b et c'."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {ui(data, conjunction, lang)} {items[-1]}"
