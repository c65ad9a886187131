"""A digest of posts: each post is its author's, the line above its time stamp."""

from intex.pipeline import Doc
from tests.pipeline.wire import sources_of

DIGEST = """RIVER DESK — POSTS OF THE DAY
Statements from the front, as posted. Times are local.

—

Hezbollah media office (statement on Telegram)
Mon 14 Oct, 18:20
Our fighters destroyed four tanks near the crossing. Smoke rose over the site.

—

River Desk editors
Mon 14 Oct, 21:00
Context: at least 212 people have been counted as displaced from the valley this week.

—

Hezbollah media office (statement on Telegram)
15:05 · 15 Oct 2024
Our air defence brought down two drones over the hills. Another 14 drones were
shot down at dawn.
"""


def _sources(pipeline, value: float) -> list[str]:
    return sources_of(pipeline, DIGEST, value)


def test_each_post_is_its_authors(pipeline):
    assert _sources(pipeline, 4)[0] == "Hezbollah"
    assert _sources(pipeline, 2)[0] == "Hezbollah"
    # the post goes on after its first sentence
    assert _sources(pipeline, 14)[0] == "Hezbollah"


def test_the_compilers_own_entry_is_not_a_post_by_someone_else(pipeline):
    assert _sources(pipeline, 212)[0] != "Hezbollah"


def test_no_time_stamp_no_post_author(pipeline):
    text = DIGEST.replace("Mon 14 Oct, 18:20\n", "")
    (c,) = [c for c in pipeline(Doc(raw=text)).claims if c.value == 4 and not c.vague]
    assert [s.name for s in c.sources][:1] != ["Hezbollah"]


# post time stamps written with the date in figures: "12.05.2024, 06:40", "2024-05-13 07:10"
NUMERIC_STAMPS = """HARBOUR WATCH
Navy posts, collected by our desk without comment.

---
Coastal Fleet press service (Telegram)
12.05.2024, 06:40
Patrol boats sank three unmanned surface vessels near the cape before dawn.
---
Coastal Fleet press service (Telegram)
2024-05-13 07:10
Crews shot down eleven drones over the bay overnight.
---
"""


def test_a_post_stamped_with_a_date_in_figures_is_its_authors(pipeline):
    assert sources_of(pipeline, NUMERIC_STAMPS, 3)[0] == "Coastal Fleet"
    assert sources_of(pipeline, NUMERIC_STAMPS, 11)[0] == "Coastal Fleet"


def test_a_news_pages_section_line_over_its_date_heads_no_post(pipeline):
    text = ("Example Courier\n\nEconomy\n12.05.2024 09:30\n\nAid package agreed\n\n"
            "The defence ministry said on Monday that it would send more equipment.\n\n"
            "The package also contains 40 armoured vehicles and 12 trucks.")
    assert not any("Economy" in s for s in sources_of(pipeline, text, 40))
