"""What the templates see: the source's facts for one language, and the few helpers they need.

Templates hold the markup; this holds the small bits of logic (which rows a market shows, which marks
differ between markets), so that no template computes a rule and none is written twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict

from checker.compare import MARK_TEXT
from checker.contacts import contacts
from checker.days_off import PAGE
from checker.model import Attribute, Benefit, Contacts, Data, Mark, Offering, Text, Zoning
from checker.names import in_sentence, is_sold, zone_label
from checker.query import guarantee_options
from checker.response import response_text
from checker.text import fill, format_date, join, prose, ui
from checker.zones import promised_zones, publishes_distances, zone_band, zone_hours, zoned_offerings, zoning
from coverage_data import build_day
from hooks import holiday_page

MARK_SYMBOL: dict[Mark, str] = {"included": "✓", "add-on": "A", "not-included": ""}


class Cell(TypedDict):
    """A cell of the coverage table."""

    id: Mark
    symbol: str
    text: str  # what a screen reader says


@dataclass(frozen=True)
class View:
    data: Data
    lang: str

    # Words
    def ui(self, key: str, **values: object) -> str:
        return ui(self.data, key, self.lang, **values)

    def text(self, key: str, **values: object) -> str:
        return prose(self.data, key, self.lang, **values)

    def fill(self, text: Text) -> str:
        return fill(self.data, text[self.lang], self.lang)

    def join(self, items: list[str], conjunction: str = "and") -> str:
        return join(self.data, items, self.lang, conjunction)

    def terms_as_of(self) -> str:
        """'Terms as of Sunday, November 22, 2026': the day the site is built from the source, the last
        day it knows the terms (WRITING.md row 41; COVERAGE_BUILD_DAY names it, or the build's own day)."""
        return self.ui("terms_as_of", date=format_date(self.data, build_day(), self.lang))

    # Markets
    @property
    def markets(self) -> list[str]:
        return list(self.data["markets"])

    @property
    def home_market(self) -> str:
        """The market this edition opens on (the source's `editions`); a reader's own choice then wins."""
        return self.data["editions"][self.lang]

    def market_name(self, market: str) -> str:
        return self.data["markets"][market]["name"][self.lang]

    def where(self, markets: list[str]) -> str:
        """'in the United States and in Canada' / 'aux États-Unis et au Canada'."""
        return self.join([self.data["markets"][market]["where"][self.lang] for market in markets])

    def market_names(self, markets: list[str]) -> str:
        return self.join([self.market_name(market) for market in markets])

    def sold_in(self, markets: list[str]) -> str:
        """The label before an offering's markets: « Marché » for one, « Marchés » for several."""
        return self.ui("sold_in_one" if len(markets) == 1 else "sold_in")

    def contacts(self, market: str) -> Contacts:
        return contacts(self.data, market, self.lang)

    # Offerings
    @property
    def offerings(self) -> list[str]:
        return list(self.data["offerings"])

    def offering(self, oid: str) -> Offering:
        return self.data["offerings"][oid]

    def name(self, oid: str) -> str:
        return self.data["offerings"][oid]["name"][self.lang]

    def names(self, oids: list[str]) -> list[str]:
        return [self.name(oid) for oid in oids]

    def in_sentence(self, oid: str) -> str:
        """The name as a sentence uses it: 'le CNS standard'."""
        return in_sentence(self.data, oid, self.lang)

    def in_sentences(self, oids: list[str]) -> list[str]:
        return [self.in_sentence(oid) for oid in oids]

    def family(self, family: str) -> list[str]:
        return [oid for oid, offering in self.data["offerings"].items() if offering["family"] == family]

    def sold(self, oid: str, market: str) -> bool:
        return is_sold(self.data, oid, market)

    def option_labels(self, contract: str) -> dict[str, str]:
        """A contract's name in the form, per market: marked where it is not sold."""
        name = self.name(contract)
        return {
            market: name
            if self.sold(contract, market)
            else self.ui("not_sold_option", contract=name, where=self.data["markets"][market]["where"][self.lang])
            for market in self.markets
        }

    def guaranteed_choices(self) -> list[str]:
        """Each market and contract that has a guarantee to choose ('us:performance-sla'): where the form
        asks for one."""
        return [f"{m}:{oid}" for oid in self.offerings for m in self.markets if guarantee_options(self.data, oid, m)]

    def guarantee_options(self) -> dict[int, str]:
        """Each guarantee the form offers, with the markets and contracts it is a choice of
        ('us:performance-sla ca:performance-sla'): the script shows the chosen market and contract's."""
        choices: dict[int, list[str]] = {}
        for oid in self.offerings:
            for market in self.markets:
                for hours in guarantee_options(self.data, oid, market):
                    choices.setdefault(hours, []).append(f"{market}:{oid}")
        return {hours: " ".join(choices[hours]) for hours in sorted(choices)}

    def distance_markets(self) -> list[str]:
        """The markets whose page publishes distance bands: only there is a distance asked."""
        return [market for market in self.markets if publishes_distances(self.data, market)]

    def region_markets(self) -> list[str]:
        """The markets that count holidays per region: only there is a region asked (WRITING.md row 45)."""
        return [market for market in self.markets if self.data["markets"][market]["regions"]]

    def region_label(self) -> str:
        """What the region field asks: 'Province or territory', as the markets that ask one call it."""
        labels = [
            self.data["markets"][market].get("region_label", {}).get(self.lang, "") for market in self.region_markets()
        ]
        return self.join(list(dict.fromkeys(label for label in labels if label)), "or")

    def markets_without_distances(self) -> list[str]:
        """The markets whose page publishes no distance bands: said once under the zone table."""
        return [market for market in self.markets if not publishes_distances(self.data, market)]

    def zoned_offerings(self) -> list[str]:
        """The offerings whose on-site response depends on the zone (the zone table's columns)."""
        return zoned_offerings(self.data)

    def benefits(self, oid: str) -> list[Benefit]:
        return self.data["benefits"][oid]

    def only_in(self, markets: list[str]) -> str:
        """'Canada only' when a fact applies to some markets; '' when it applies to all."""
        return "" if set(markets) >= set(self.markets) else self.ui("only_in", market=self.market_names(markets))

    # Zones and response
    @property
    def zones(self) -> list[str]:
        return list(self.data["zones"])

    def zone_name(self, zone: str) -> str:
        return self.data["zones"][zone]["name"][self.lang]

    def zone_label(self, zone: str) -> str:
        return zone_label(self.data, zone, self.lang)

    def zone_distance(self, zone: str, market: str) -> str:
        """'41 to 80 km', in a market that publishes distance bands (checker.zones)."""
        band = zone_band(self.data, market, zone)
        if band is None:
            raise ValueError(
                f"{market} publishes no distance bands: its distances are said once (distances_not_published)"
            )
        if band.first_km == 0:
            return self.ui("km_upto", max=band.last_km)
        return self.ui("km_range", min=band.first_km, max=band.last_km)

    def zoning(self, oid: str) -> Zoning:
        """How the offering's response depends on the zone: what its response's words branch on."""
        return zoning(self.data, oid)

    def promised_zones(self, oid: str) -> list[str]:
        return promised_zones(self.data, oid)

    def _options(self, hours: list[int]) -> str:
        return self.join([str(option) for option in hours], "or")

    def zone_goal(self, oid: str, zone: str) -> str:
        """The cell of the zone table: '12 business hours', '4 or 8 hours guaranteed' or ''; where the
        markets' times differ, each with its market ('12 business hours in the United States and 6
        business hours in Canada')."""
        goals = {market: self._goal(oid, zone, market) for market in self.offering(oid)["markets"]}
        if len(set(goals.values())) == 1:
            return next(iter(goals.values()))
        return self.join(
            [self.ui("market_mark", mark=goal, where=self.where([m])) for m, goal in goals.items() if goal]
        )

    def _goal(self, oid: str, zone: str, market: str) -> str:
        hours = zone_hours(self.data, oid, zone, market)
        if not hours:
            return ""
        if self.zoning(oid) == "by-zone":
            return self.ui("business_hours_n", hours=hours[0])
        return self.ui("guaranteed_options", options=self._options(hours))

    def zone_sentences(self, oid: str, zone: str) -> list[str]:
        """A "by-zone" offering's goal in one of its zones, as the on-site support page words it."""

        def sentence(market: str) -> str:
            hours = zone_hours(self.data, oid, zone, market)
            if not hours:
                return ""
            return self.text("zone_goal_standard", zone=zone, zone_name=self.zone_name(zone), hours=hours[0])

        return self._per_market(oid, sentence)

    def response_texts(self, oid: str) -> list[str]:
        """An offering's response where it depends on no zone, as the checker's answer says it."""
        return self._per_market(oid, lambda market: response_text(self.data, oid, market, self.lang))

    def guarantee_sentences(self, oid: str) -> list[str]:
        """An "in-zones" offering's guarantee, with the options to choose among."""
        return self._per_market(
            oid,
            lambda m: self.text("zone_goal_performance", options=self._options(guarantee_options(self.data, oid, m))),
        )

    def _per_market(self, oid: str, said: Callable[[str], str]) -> list[str]:
        """What `said` says in each market the offering is sold in: one sentence where the markets' are
        the same, else one per market headed by its name (none where it says nothing)."""
        sentences = {market: sentence for market in self.offering(oid)["markets"] if (sentence := said(market))}
        if len(set(sentences.values())) == 1:
            return list(sentences.values())[:1]
        return [f"{self.ui('label_colon', label=self.market_name(m))} {text}" for m, text in sentences.items()]

    def guarantee_zones(self, oid: str) -> str:
        return self.ui("zones_only", zones=self.join(promised_zones(self.data, oid)))

    # The coverage table
    def rows(self, market: str) -> list[Attribute]:
        return [row for row in self.data["attributes"] if market in row["markets"]]

    def mark(self, row: Attribute, oid: str, market: str) -> Cell:
        """A cell: its mark id, symbol and the words a screen reader says."""
        mark = row["marks"][oid][market]
        return {"id": mark, "symbol": MARK_SYMBOL[mark], "text": self.ui(MARK_TEXT[mark])}

    def discretion(self, row: Attribute, market: str) -> bool:
        return market in row["discretion"]

    def legend(self) -> list[str]:
        return [
            self.ui(key) for key in ("legend_included", "legend_add_on", "legend_discretion", "legend_not_included")
        ]

    def differences(self) -> list[str]:
        """Every way the markets' tables differ, in words (shown under the comparison tables)."""
        found = []
        for oid in self.offerings:
            if not_sold := [m for m in self.markets if not self.sold(oid, m)]:
                found.append(self.ui("diff_not_sold", offering=self.in_sentence(oid), where=self.where(not_sold)))
        for row in self.data["attributes"]:
            label = row["label"][self.lang]
            if set(row["markets"]) != set(self.markets):
                found.append(self.ui("diff_row_markets", row=label, where=self.where(row["markets"])))
            if row["discretion"] and set(row["discretion"]) != set(row["markets"]):
                found.append(self.ui("diff_discretion", row=label, where=self.where(row["discretion"])))
            for oid, marks in row["marks"].items():
                shown = {m: marks[m] for m in row["markets"]}
                if len(set(shown.values())) > 1:
                    described = self.join(
                        [
                            self.ui("market_mark", mark=self.ui(MARK_TEXT[mark]), where=self.where([m]))
                            for m, mark in shown.items()
                        ]
                    )
                    found.append(self.ui("diff_mark", row=label, offering=self.in_sentence(oid), marks=described))
        return found

    # The holidays page (hooks/holiday_page.py shapes the checker's own table)
    holidays_page = PAGE  # its path in an edition: its lists' calendar files are beside it

    def holiday_places(self, market: str) -> list[holiday_page.Place]:
        return holiday_page.places(self.data, market)

    def holiday_heading(self, place: holiday_page.Place) -> str:
        return holiday_page.heading(self.data, place, self.lang)

    def holiday_title(self, place: holiday_page.Place) -> str:
        return holiday_page.title(self.data, place, self.lang)

    def holiday_rows(self, place: holiday_page.Place) -> list[holiday_page.Row]:
        return holiday_page.rows(self.data, place, self.lang)

    def holiday_years(self) -> list[int]:
        return holiday_page.years(self.data)

    def holidays_about(self, market: str) -> str:
        """The decision that chose the market's holidays, in the source's words."""
        return self.data["holidays"]["markets"][market]["about"][self.lang]

    def share_params(self, oid: str) -> dict[str, str]:
        params = {"market": self.offering(oid)["markets"][0], "contract": oid}
        if options := guarantee_options(self.data, oid, params["market"]):
            params["guarantee"] = str(options[0])
        return params
