"""Shared fixtures: the real source, compiled once; a built site once per session (see test_site*)."""

from __future__ import annotations

import datetime as dt

import pytest

import coverage_data

# A fixed build day, so that the holiday table (build year -1 .. +3) is the same whatever day tests run.
BUILD_DAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def data() -> dict:
    return coverage_data.load(today=BUILD_DAY)
