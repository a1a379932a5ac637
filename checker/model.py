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


Family = Literal["hardware", "software"]


class Phone(TypedDict):
    label: Text
    number: str  # digits and spaces, as the market's page writes it
    families: NotRequired[list[Family]]  # the offering families the line serves; every family when absent


class NoContract(TypedDict):
    """What the market's page offers a client without a contract: a quote, with or without best effort."""

    promise: Literal["best-effort", "quote"]
    text: Text


class Link(TypedDict):
    label: Text
    url: str


class Market(TypedDict):
    name: Text
    in_sentence: Text  # with its article: "the United States", "les États-Unis"
    where: Text  # as a sentence says it: "in Canada", "au Canada"
    holidays_country: str  # the `holidays` library's country code
    region_label: NotRequired[Text]  # what a region is called ("Province or territory"), where it has some
    regions: dict[str, Text]  # province code -> its name, where holidays are counted per region ({} elsewhere)
    support_url: str
    phones: list[Phone]
    chatbot: bool
    live_chat_select_products: bool
    chat_link: Text
    case_callback: Text
    replacement: Text
    hardware_offer: Text
    links: list[Link]
    no_contract: NoContract
    counted: Text  # how an arrival time is counted there (the deadline's note)
    onsite_hours: Text  # the on-site hours as the market's table gives them


class Remote(TypedDict):
    phone_answer_goal_seconds: int
    chat_answer_goal_seconds: int
    remote_effort_limit_minutes: int
    voice_system_hours: int


class Zone(TypedDict):
    slug: str  # "metro": accepted in a link instead of the zone's id
    name: Text
    max_km: dict[str, float]  # per market that publishes distance bands: the band's last kilometre


class AlsoStated(TypedDict):
    """A coverage row the table marks beside the time of some zones (SOURCE-NOTES row 20)."""

    attribute: str
    zones: list[str]


class ZoneRule(TypedDict):
    """A time per zone (Standard SLA): `hours` by zone id, then market (a time written once in the source
    is compiled into each market the offering is sold in); a zone without one has no published time."""

    basis: Literal["zone"]
    promise: Promise
    business_hours: bool
    hours: dict[str, dict[str, int]]
    also_stated: NotRequired[AlsoStated]


class GuaranteeRule(TypedDict):
    """A time the client chooses among `options` (Performance SLA), per market (options written once in
    the source are compiled into each market the offering is sold in), in `zones` only."""

    basis: Literal["guarantee"]
    promise: Promise
    business_hours: bool
    options: dict[str, list[int]]
    zones: list[str]


class AverageRule(TypedDict):
    """An average time, the same in every zone (SMA Tier 2): `business_days` per market, compiled as the
    options are."""

    basis: Literal["average"]
    business_days: dict[str, int]


class BilledRule(TypedDict):
    """On-site support billed when asked for (SMA Tier 1)."""

    basis: Literal["billed"]


class IncludedRule(TypedDict):
    """On-site support included with no published time (Premier Support): `attribute` is its row."""

    basis: Literal["included"]
    attribute: str


ResponseRule = ZoneRule | GuaranteeRule | AverageRule | BilledRule | IncludedRule


class Offering(TypedDict):
    family: Family
    markets: list[str]  # where it is sold, the first one first (a share link's default)
    add_on_to: NotRequired[list[str]]
    name: Text
    long_name: Text
    in_sentence: Text  # the name with its article: "the Standard SLA", "le CNS standard"
    summary: Text
    response: ResponseRule
    eligibility: NotRequired[Text]  # its condition, said in every answer and comparison of it


class Attribute(TypedDict):
    """A row of the coverage tables, with every default of the source filled in."""

    id: str
    label: Text
    detail: dict[str, Text | None]  # market -> the detail its table gives
    markets: list[str]  # the markets whose table has the row
    discretion: list[str]  # the markets that mark it "at Pitney Bowes discretion"
    no_contract: Literal["included"] | None  # what a client without a contract gets of it
    replaces: str | None  # the row it takes the place of, in a comparison
    in_sentence: Text | None  # its name inside a sentence (rows that replace or are replaced)
    onsite: bool  # it happens at the site: never "included" where the site is outside the offering's zones
    corrected: dict[str, list[str]]  # market -> offerings its published table marks and the source corrects
    marks: dict[str, dict[str, Mark]]  # offering id -> market id -> mark


class Benefit(TypedDict):
    title: Text
    text: Text
    markets: list[str]


# How a market counts its holidays (WRITING.md row 45): only the days it lists, the same in every region
# (the US), or the statutory holidays of the site's region (Canada).
Counts = Literal["listed", "statutory"]


class HolidayRule(TypedDict):
    """A market's way of counting holidays, and its words (the source's `holidays.markets.<id>`, less its
    list of days, which the table holds)."""

    counts: Counts
    about: Text  # the holidays page's sentence of the decision
    counted: Text  # an answer's note of what was counted ({region}: the region's name)
    counted_without_region: NotRequired[Text]  # where the market counts per region and none is given
    without_region: NotRequired[Text]  # the heading of the days common to every region


class HolidayTable(TypedDict):
    """Built from the source's rules and the `holidays` library: the days a deadline skips, for the
    years around the build (coverage_data/holiday_table.py; read by checker/days_off.py)."""

    first: str  # ISO dates: deadlines outside [first, last] cannot be counted
    last: str
    names: list[list[str]]  # each name, one column per language (in `Data.languages` order)
    # market -> region ("": the market's one list, or the days common to every region) ->
    # "YYYY-MM-DD <name index>", followed by " observed" on the day a holiday is observed on
    days: dict[str, dict[str, list[str]]]
    markets: dict[str, HolidayRule]
    link_words: dict[str, list[str]]  # language -> the pages' words that link to the holidays page


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
    "goal", "guarantee", "average", "billed", "included", "best-effort", "quote", "outside-zones", "unpublished"
]


class Time(TypedDict):
    """A time to count from the point of dispatch: the one promised, or one of several where the question
    leaves open which applies (a zone not given, a guarantee not chosen)."""

    hours: int
    label: str  # "" for the only time; else what it depends on: "Zone 1 (Metro)", "4 hours"


class ResponsePart(TypedDict):
    kind: ResponseKind
    hours: int | None  # the one time to count, where a single time is promised
    times: list[Time]  # every time to count (none where no time is promised)
    text: str
    short: str  # the promise as a phrase, for a comparison's sentence
    source: str  # the path of the source's fact it rests on (provenance.yml)


class Note(TypedDict):
    """A sentence an answer adds under a condition of the terms, with the fact it rests on."""

    text: str
    source: str


class ZonePart(TypedDict):
    id: str | None  # None: a distance beyond the last band
    name: str | None
    text: str
    source: str


class HolidayLine(TypedDict):
    date: str
    text: str


class PageLink(TypedDict):
    text: str
    href: str  # relative to the checker page (docs/checker.md), where answers are shown


class Arrival(TypedDict):
    label: str  # "" for the only arrival; else what it depends on (Time.label)
    at: str  # "YYYY-MM-DDTHH:MM", local time at the site
    when: str  # the moment, in words
    text: str  # the line to show: the moment, after what it depends on where there are several


class DeadlinePart(TypedDict):
    kind: ResponseKind | None  # None: no time to count (the text says why)
    title: str
    arrivals: list[Arrival]  # one per time to count; none where there is no time to count
    text: str  # why there is no time to count ("" where there are arrivals)
    notes: list[Note]
    holidays: list[HolidayLine]  # the holidays the count stepped over
    no_holidays: str  # "No holiday falls in this period", where a time was counted and none did
    holidays_page: NotRequired[PageLink]  # where a time was counted: every holiday of the place, by year


class Item(TypedDict):
    """A coverage row in the asked language."""

    id: str
    label: str
    title: str  # the label, with "(at Pitney Bowes discretion)" where the market's table says so
    title_colon: str
    detail: str
    discretion: str
    note: str  # where the market's published table marks it otherwise, and the source corrects it


class Change(Item):
    change: str  # "Add-on becomes Included"


class Replacement(Change):
    """A row gained in place of a row lost (`Attribute.replaces`): one change, not a gain and a loss."""

    replaces: str  # the lost row's id; `change` names both rows


# A row's mark for a contract at the question's site: the table's mark, or "not-for-site" where the row
# happens at the site and the site is outside the contract's zones or beyond the published zones.
SiteMark = Literal["included", "add-on", "not-included", "not-for-site"]


class CoverageGroup(TypedDict):
    mark: SiteMark
    label: str
    items: list[Item]


class Compare(TypedDict):
    id: str
    name: str
    sold: bool
    status: str  # "" or why nothing is compared (an offering the market does not sell)
    title: str
    difference: str  # the on-site responses of both, in one sentence a rep can paste
    source: str  # the compared contract's response fact ("" where nothing is compared)
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
    goal_short: str  # for the home page's shortcut: "for select products" where the market's page says so


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


class NextStep(TypedDict):
    """What to do next, in every answer: call (the lines for the contract's family), create a case, and
    ask the sales representative where the zone or the eligibility is open."""

    title: str
    text: str
    phones: list[PhoneLine]
    sales: str  # "" where nothing is open
    source: str


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
    notes: list[Note]  # the terms' conditions that apply to this question (eligibility, corrections…)
    next_step: NextStep
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


# --- What the page reads without the runtime -------------------------------------------------------


class LinkReading(TypedDict):
    """link_tables.link_reading: the checker's reading of a link's finite part, as tables the page looks up."""

    fields: list[str]  # the fields read here; a value in any other field needs the runtime
    defaults: dict[str, str]  # the market and contract of a question without one
    market: dict[str, str]  # a value in a link -> the id it reads as
    contract: dict[str, str]
    guarantee: dict[str, dict[str, dict[str, str]]]  # market -> contract -> value -> hours; none here: none read
    zone: dict[str, str]
    km: dict[str, dict[str, str]]  # market -> whole kilometres -> the zone they fall in


class DistancePart(TypedDict):
    """hooks/runtime.distance_part: what a distance changes in the answer of the zone it falls in."""

    zone: ZonePart | None  # None where the zone's answer states none either (an offering zones do not change)
    question: dict[str, QuestionField]  # the field of the line it replaces -> the distance's line
    query: dict[str, str | None]  # share-link parameters it sets (None: leaves out)
