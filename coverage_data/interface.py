"""Every text of the source that some part of the site reads by its key, with who reads it: one list.

The schema cannot require them (`ui:` and `texts:` take any key), so a text deleted or misspelt would
pass and then stop the build with a KeyError, or leave a page's script without its words. `validate`
checks this list (checks.py): a missing text is `file:line: ui.x: … uses this text; write it`.
The page's script and the theme read their words from here (hooks/render.py, hooks/site.py);
tests/test_interface_texts.py checks that the checker and the pages read no text that is not listed.
"""

from __future__ import annotations

# What the checker says: answers, their dates and times, the form's errors (checker/*.py). A text whose
# key the checker composes is listed for each value it may take: {promise}_by_zone for a goal and a
# guarantee alike, short_{promise} for the no-contract promises too (schema.json's enums).
CHECKER = (
    "add_on", "add_on_billed", "also_stated", "am", "and", "arrival_at", "average_days", "becomes", "beyond_bands",
    "beyond_response", "billed_onsite", "chat", "chat_goal_short", "chat_goal_short_select", "compare",
    "compare_difference", "compare_none_loses", "compare_same", "compare_title", "compare_title_none", "contacts", "contract", "coverage",
    "create_case", "date_format", "datetime_format", "deadline_from_next", "deadline_goal", "deadline_guarantee",
    "deadline_value", "decimal_separator", "discretion", "dispatched", "distance_km", "error_compare",
    "error_contract", "error_dispatched", "error_dispatched_range", "error_guarantee", "error_km",
    "error_km_ambiguous", "error_km_unpublished", "error_market", "error_region", "error_zone", "first_of_month",
    "goal_business", "goal_by_zone", "goal_in_zones", "guarantee", "guarantee_business", "guarantee_by_zone",
    "guarantee_in_zones", "guarantee_per_contract", "holidays_page_link", "holidays_skipped", "hours_in_zone",
    "hours_option", "hours_range", "included", "km_value", "label_colon", "market", "months", "next_call",
    "next_sales_offer", "next_sales_zone", "next_step", "no_contract", "no_contract_in_sentence", "no_deadline",
    "no_holidays_skipped", "not_for_site", "not_for_site_short", "not_included", "not_published_for_site",
    "not_sold", "observed", "onsite_included", "or", "outside_zones", "outside_zones_distance", "phone", "pm",
    "replaced_by", "response", "short_arrival", "short_average", "short_best_effort", "short_billed", "short_goal",
    "short_goal_by_zone", "short_goal_in_zones", "short_guarantee", "short_guarantee_by_zone",
    "short_guarantee_in_zones", "short_included", "short_outside", "short_quote", "short_unpublished", "sold",
    "table_corrected", "time_format", "time_format_noon", "time_format_on_the_hour", "times_range", "upgrade",
    "upgrade_loses", "upgrade_nothing", "upgrade_replaces", "weekdays", "within_days", "within_one_day", "zone",
    "zone_and_distance", "zone_and_distance_beyond", "zone_from_distance", "zone_list", "zone_names",
    "zone_rounded", "zones_not_zoned",
)  # fmt: skip
CHECKER_TEXTS = (
    "case_intro", "chat_goal", "chatbot", "live_chat_all", "live_chat_select", "normal_hours",
    "phone_goal", "representatives_hours", "voice_system",
)  # fmt: skip

# What the pages say around the facts: headings, tables, the checker's form, the holidays page
# (hooks/templates, hooks/view.py, hooks/holiday_page.py).
PAGES = (
    "add_on_to", "answer", "arrival_question", "asked", "attribute", "benefits", "business_hours_n", "change_question",
    "chat_goal_short", "chat_goal_short_select", "check", "check_this", "checker_static", "compare_all",
    "compare_none", "copy_link", "day_format", "diff_discretion", "diff_mark", "diff_not_sold", "diff_row_markets",
    "dispatched_hint", "distance_hint", "guarantee_choose", "guaranteed_options", "hardware", "holiday",
    "holidays_subscribe", "holidays_title", "km_range", "km_upto", "learn_more", "legend", "legend_add_on",
    "legend_discretion", "legend_included", "legend_not_included", "market_differences", "market_mark",
    "more_terms", "no_contract_heading", "not_in_market", "distances_not_published", "not_sold_option", "offerings",
    "only_in", "onsite_hours", "phone_goal_short", "point_of_dispatch", "print", "question", "region_none",
    "replacement", "response_goals", "short_average", "short_billed", "short_included", "software", "sold_in",
    "sold_in_one", "support_page", "terms_as_of", "times_range", "now", "now_hint", "share", "not_found",
    "not_found_text", "unavailable_noscript", "voice_line", "zone_distance",
    "zone_unknown", "zones_only",
)  # fmt: skip
PAGE_TEXTS = (
    "eligibility", "escalation", "escalation_applies", "escalation_steps", "hardware_intro_1", "hardware_intro_2",
    "onsite_intro", "point_of_dispatch", "premier_where", "regional_base", "remote_intro",
    "replacement_detail", "self_help", "software_contact", "software_exclusions", "software_intro",
    "software_levels", "table_correction", "zone_goal_performance", "zone_goal_standard", "zones_intro",
)  # fmt: skip

# What the checker page's script shows by itself (docs/assets/checker/app.js), sent in the page's config.
SCRIPT = (
    "computing_progress", "computing_deadline", "unavailable", "unavailable_load", "unavailable_browser",
    "unavailable_timeout", "unavailable_offline", "retry", "answer_failed", "link_copied", "computing",
)  # fmt: skip

# The theme's own words, in each edition's language (Material's colour toggles, a heading's permalink
# title, the offerings' section of the navigation). A colour toggle is named for the scheme it leads to.
TOGGLES = {"default": "dark_mode", "slate": "light_mode"}
THEME = (*TOGGLES.values(), "permalink", "offerings")

# (section, key, who reads it), for validate's message.
REQUIRED: tuple[tuple[str, str, str], ...] = (
    *(("ui", key, "the checker") for key in CHECKER),
    *(("texts", key, "the checker") for key in CHECKER_TEXTS),
    *(("ui", key, "a page") for key in PAGES if key not in CHECKER),
    *(("texts", key, "a page") for key in PAGE_TEXTS if key not in CHECKER_TEXTS),
    *(("ui", key, "the checker page's script") for key in SCRIPT),
    *(("ui", key, "the theme") for key in THEME if key not in PAGES),
)
