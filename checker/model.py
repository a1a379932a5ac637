"""The shape of the checker's data, in one place: what `coverage_data.load()` compiles from the YAML
source (`Data`), and what `service.respond` answers (`Reply`).

Read this file once to know every key the code reads. The types are `TypedDict`s, so the data stays the
plain dicts that JSON, Jinja (`offering.name.en`) and Pyodide already use: nothing is converted or
checked at run time; mypy checks every read against them (`make lint`). `Literal`s name the few words
that decide a rule (a response's `basis`, a row's `mark`, an answer's `kind`). coverage_data/schema.json
checks the source against the same shape, with a writer's `file:line` for each mistake.
"""

# No `from __future__ import annotations`: the TypedDicts then know their optional keys at run time
# (`__optional_keys__`, which tests/test_model.py reads), in Python 3.11 as in 3.14.
from typing import Literal, NotRequired, TypedDict

# A text in every language of the source, by language id: {"en": "Zone", "fr": "Zone"}.
Text = dict[str, str]

# --- The compiled data -------------------------------------------------------------------------------

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Mark = Literal["included", "add-on", "not-included"]  # a coverage table's cell: ✓, A or empty
Promise = Literal["goal", "guarantee"]  # "we will strive" or "we will"
# How an offering's on-site response is set; each has its own keys (the ...Rule types below).
Basis = Literal["zone", "guarantee", "average", "billed", "included"]


class Hours(TypedDict):
    weekdays: list[Weekday]
    start: str  # "08:00", local time
    end: str
    timezone: str  # a key of Data.timezones


class HoursOf(TypedDict):
    remote: Hours  # support by phone and chat
    onsite: Hours  # the business hours a deadline counts


class Site(TypedDict):
    title: Text
    company: str
    tagline: Text


class Phone(TypedDict):
    label: Text
    number: str  # digits and spaces, as the market's page writes it


class Link(TypedDict):
    label: Text
    url: str


class Market(TypedDict):
    name: Text
    where: Text  # as a sentence says it: "in Canada", "au Canada"
    holidays_country: str  # the `holidays` library's country code
    region_label: Text
    regions: dict[str, Text]  # state or province code -> its name
    support_url: str
    phones: list[Phone]
    chatbot: bool
    live_chat_select_products: bool
    chat_link: Text
    case_callback: Text
    replacement: Text
    hardware_offer: Text
    links: list[Link]


class Remote(TypedDict):
    phone_answer_goal_seconds: int
    chat_answer_goal_seconds: int
    remote_effort_limit_minutes: int
    voice_system_hours: int


class Zone(TypedDict):
    slug: str  # "metro": accepted in a link instead of the zone's id
    name: Text
    max_km: dict[str, float]  # per market that publishes distance bands: the band's last kilometre


class ZoneRule(TypedDict):
    """A time per zone (Standard SLA): `hours` by zone id, then market (a time written once in the source
    is compiled into each market the offering is sold in); a zone without one has no published time."""

    basis: Literal["zone"]
    promise: Promise
    business_hours: bool
    hours: dict[str, dict[str, int]]


class GuaranteeRule(TypedDict):
    """A time the client chooses among `options` (Performance SLA), in `zones` only."""

    basis: Literal["guarantee"]
    promise: Promise
    business_hours: bool
    options: list[int]
    zones: list[str]
    attribute: NotRequired[str]  # its coverage row, never "included" for a zone it does not reach


class AverageRule(TypedDict):
    """An average time, the same everywhere (SMA Tier 2)."""

    basis: Literal["average"]
    business_days: int


class BilledRule(TypedDict):
    """On-site support billed when asked for (SMA Tier 1)."""

    basis: Literal["billed"]


class IncludedRule(TypedDict):
    """On-site support included with no published time (Premier Support): `attribute` is its row."""

    basis: Literal["included"]
    attribute: str


ResponseRule = ZoneRule | GuaranteeRule | AverageRule | BilledRule | IncludedRule


class Offering(TypedDict):
    family: Literal["hardware", "software"]
    markets: list[str]  # where it is sold, the first one first (a share link's default)
    add_on_to: NotRequired[list[str]]
    name: Text
    long_name: Text
    in_sentence: Text  # the name with its article: "the Standard SLA", "le CNS standard"
    summary: Text
    response: ResponseRule


class Attribute(TypedDict):
    """A row of the coverage tables, with every default of the source filled in."""

    id: str
    label: Text
    detail: Text | None
    markets: list[str]  # the markets whose table has the row
    discretion: list[str]  # the markets that mark it "at Pitney Bowes discretion"
    no_contract: Literal["included"] | None  # what a client without a contract gets of it
    replaces: str | None  # the row it takes the place of, in a comparison
    marks: dict[str, dict[str, Mark]]  # offering id -> market id -> mark


class Benefit(TypedDict):
    title: Text
    text: Text
    markets: list[str]


class HolidayTable(TypedDict):
    """Built from the `holidays` library: the days a deadline skips, for the years around the build."""

    first: str  # ISO dates: deadlines outside [first, last] cannot be counted
    last: str
    names: list[list[str]]  # each name, one column per language (in `Data.languages` order)
    days: dict[str, dict[str, list[str]]]  # market -> region ("" for national) -> "YYYY-MM-DD <name index>"


class Data(TypedDict):
    """The compiled source: what the build, the CLI and the browser's checker all read."""

    languages: list[str]  # the first is the default
    editions: dict[str, str]  # language -> the market its edition opens on
    site: Site
    hours: HoursOf
    timezones: dict[str, Text]
    markets: dict[str, Market]  # in the source's order: the first is a link's default
    remote: Remote
    zones: dict[str, Zone]  # zone id ("1") -> zone, nearest first
    offerings: dict[str, Offering]  # in the source's order: the first is a link's default
    attributes: list[Attribute]
    benefits: dict[str, list[Benefit]]  # offering id -> its benefits
    preventive_maintenance_calls: int
    texts: dict[str, Text]  # paragraphs of the pages, with {facts}
    ui: dict[str, Text]  # words of the interface; `weekdays` and `months` are lists (text.words)
    holidays: HolidayTable


# --- What the pages ask of a rule --------------------------------------------------------------------

# How an offering's on-site response depends on the site's zone (checker.zones.zoning): a time per zone,
# one chosen time in some zones only, or not at all. The zone table and the offering pages branch on it.
Zoning = Literal["by-zone", "in-zones", "none"]

# --- The answer --------------------------------------------------------------------------------------

# What an answer says of the on-site response: a promise (goal or guarantee, with its hours), or why
# there is no time to count.
ResponseKind = Literal[
    "goal", "guarantee", "average", "billed", "included", "best-effort", "needs-zone", "not-covered", "unpublished"
]


class ResponsePart(TypedDict):
    kind: ResponseKind
    hours: int | None  # the business hours to count, where a time is promised
    text: str
    source: str  # the path of the source's fact it rests on (provenance.yml)


class ZonePart(TypedDict):
    id: str | None  # None: a distance beyond the last band
    name: str | None
    text: str
    source: str


class HolidayLine(TypedDict):
    date: str
    text: str


class DeadlinePart(TypedDict):
    kind: ResponseKind | None  # None: no time to count (the text says why)
    title: str
    at: str | None  # "YYYY-MM-DDTHH:MM", local time at the site
    text: str
    notes: list[str]
    holidays: list[HolidayLine]  # the holidays the count stepped over
    no_holidays: NotRequired[str]  # "No holiday skipped", when a time was counted


class Item(TypedDict):
    """A coverage row in the asked language."""

    id: str
    label: str
    title: str  # the label, with "(at Pitney Bowes discretion)" where the market's table says so
    title_colon: str
    detail: str
    discretion: str


class Change(Item):
    change: str  # "Add-on becomes Included"


class Replacement(Change):
    """A row gained in place of a row lost (`Attribute.replaces`): one change, not a gain and a loss."""

    replaces: str  # the lost row's id; `change` names both rows


class CoverageGroup(TypedDict):
    mark: Mark | Literal["not-for-site"]  # not-for-site: a guarantee that does not reach the site's zone
    label: str
    items: list[Item]


class Compare(TypedDict):
    id: str
    name: str
    sold: bool
    status: str
    response: str | None
    title: str
    gains_title: str
    gains: list[Change]
    replaced_title: str
    replaced: list[Replacement]
    losses_title: str
    losses: list[Change]
    nothing: str


class PhoneLine(TypedDict):
    label: str
    label_text: str  # "Phone:"
    number: str  # as written
    number_text: str  # as shown, never broken across lines
    tel: str  # "+18005551234"


class PhoneHours(TypedDict):
    hours: str
    goal: str


class Chat(TypedDict):
    link: str
    chatbot: str  # "" where the market's page says nothing of a chatbot
    live: str
    goal: str


class Case(TypedDict):
    intro: str
    callback: str


class Contacts(TypedDict):
    phones: list[PhoneLine]
    phone: PhoneHours
    voice: str
    chat: Chat
    case: Case
    hours: str
    support_url: str


class QuestionField(TypedDict):
    field: str  # a share-link parameter (query.FIELDS)
    label: str
    value: str


class Named(TypedDict):
    id: str
    name: str


class Answer(TypedDict):
    labels: dict[str, str]  # the headings of the parts
    query: dict[str, str]  # the share-link parameters
    question: list[QuestionField]
    title: str
    summary: str
    market: Named
    contract: Named
    sold: bool
    status: list[str]
    zone: ZonePart | None
    response: ResponsePart | None  # None where the contract is not sold in the market
    deadline: DeadlinePart | None  # only with a dispatch time
    coverage: list[CoverageGroup]
    contacts: Contacts
    compare: Compare | None


class Answered(TypedDict):
    lang: str
    ok: Literal[True]
    answer: Answer


class Refused(TypedDict):
    lang: str
    ok: Literal[False]
    errors: dict[str, str]  # field -> what is wrong with it, in the asked language


Reply = Answered | Refused  # service.respond's result; service.to_json makes it the JSON every client reads
