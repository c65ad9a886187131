"""A flattened table's figures are the party's its "Source:" line under it credits."""

from tests.pipeline.wire import sources_of

TABLES = """RIVER DATA DESK

The border fighting in numbers

TABLE 1. Deaths reported by day
Date | Civilians killed | Wounded | Note
24 Jul | 17 | 41 | Most deaths in one strike on a market
25 Jul | 23 | 58 | Cumulative figure
Source: Ministry of Public Health (Thailand)

The fighting spread on the third day to a new front along the coast.

TABLE 2. People moved from border areas
Date | Villages | People evacuated
24 Jul | 64 | 31,000
Source: provincial emergency officials

Methodology: figures are taken from official statements as published.
"""


def test_rows_are_the_credited_partys(pipeline):
    # a body written with its country in brackets is that country's, not a like-named one
    assert sources_of(pipeline, TABLES, 17)[0] == "Ministry of Public Health (Thailand)"
    assert sources_of(pipeline, TABLES, 58)[0] == "Ministry of Public Health (Thailand)"
    assert sources_of(pipeline, TABLES, 31000)[0] == "provincial emergency officials"


def test_no_credit_line_no_credited_party(pipeline):
    text = TABLES.replace("Source: Ministry of Public Health (Thailand)\n", "")
    assert sources_of(pipeline, text, 17)[0] != "Ministry of Public Health (Thailand)"
