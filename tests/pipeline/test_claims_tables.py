"""Claims from a flattened table (claims/tables.py): a caption that gives money and
scale, a column header that names the noun and what befell it, cells without a figure,
rows repeating a figure, a cell repeating a sum the text gives. Sentences are our own."""

from tests.pipeline.wire import claims_of

# --- a caption gives money and scale ------------------------------------------------------

def test_a_table_of_sums_whose_caption_gives_money_and_scale(pipeline):
    text = ("The fund published its pledges on Monday.\n\n"
            "Table 4: Pledges for reconstruction, 2024 (USD million)\n"
            "Donor | Pledged\n"
            "Japan | 420\n"
            "Canada | 85\n"
            "Source: Reconstruction Fund")
    got = {(c.value, c.unit) for c in claims_of(pipeline, text)}
    assert {(420_000_000, "USD"), (85_000_000, "USD")} <= got


# --- cells without a figure, rows repeating one, a cell repeating the text's sum ----------

TABLE = ("Who said what about the raid\n\n"
         "Claimant | Jets destroyed | Killed | Injured\n\n"
         "Defence ministry | 4 Su-24 (in shelters) | n/a | n/a\n\n"
         "Provincial governor | n/a | 3 | 8\n\n"
         "Army spokesman | n/a | 3 | n/a\n")


def test_a_cell_without_a_figure_makes_no_row_a_header(pipeline):
    got = {(c.value, c.status) for c in claims_of(pipeline, TABLE)}
    assert (8, "wounded") in got


def test_a_row_repeating_another_rows_figure_is_its_own_claim(pipeline):
    got = [c for c in claims_of(pipeline, TABLE) if c.value == 3]
    assert len(got) == 2


def test_a_table_cell_that_repeats_a_sum_the_text_gives_is_one_claim(pipeline):
    text = ("Aid by period\n\n"
            "Allocations (EUR billion)\n\n"
            "Period | Military | Civil | Total\n\n"
            "May-June | 3.1 | 2.4 | 5.5\n\n"
            "In words: donors allocated about €5.5bn in May and June, the institute said.")
    got = [c for c in claims_of(pipeline, text) if abs(c.value - 5.5e9) < 1]
    assert len(got) == 1 and "|" not in got[0].evidence.text


# --- a column header names the noun and what befell it ------------------------------------

def test_a_table_column_header_names_the_noun_and_what_befell_it(pipeline):
    text = ("Clashes reported by the brigade this spring, with the dead on each side:\n\n"
            "Date | Village | Militants killed | Guards killed | Guards wounded\n"
            "3 Apr | Upper Ford | 7 | 0 | 4\n"
            "9 May | Stone Bridge | 2 | 1 | 0\n")
    got = {(c.value, c.unit, c.status) for c in claims_of(pipeline, text)}
    assert (4, "guards", "wounded") in got
    assert (7, "militants", "killed") in got
    assert (1, "guards", "killed") in got
    assert not [v for v, _, _ in got if v == 0]  # an empty cell counts nothing
