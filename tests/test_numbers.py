"""pohon.numbers: the number styles people type in Indonesian and English spreadsheets."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pohon.numbers import is_missing, parse_number, parse_target


@pytest.mark.parametrize("text, decimal_comma, value", [
    ("1234.56", False, 1234.56),
    ("1,234.56", False, 1234.56),
    ("1.234,56", False, 1234.56),
    ("1.234,56", True, 1234.56),
    ("1234,56", False, 1234.56),
    ("1234,56", True, 1234.56),
    ("1,234", False, 1234.0),        # a `,` file: groups of three after the comma are thousands
    ("1,234", True, 1.234),          # a `;` file: the comma is the decimal mark
    ("1.234", True, 1234.0),         # … and a dot before groups of three is the thousands mark
    ("12.345.678", True, 12345678.0),
    ("0.234", True, 0.234),          # a leading zero group is never thousands
    ("3.5", True, 3.5),
    ("1.234", False, 1.234),         # a `,` file: a lone dot is the decimal mark
    ("1,234,567", False, 1234567.0),
    ("1.234.567", False, 1234567.0),
    ("1.234.567,89", True, 1234567.89),
    ("1,234,567.89", False, 1234567.89),
    ("-1.234,5", False, -1234.5),
    ("+3", False, 3.0),
    ("-12", False, -12.0),
    ("5,5", False, 5.5),
    ("0,05", True, 0.05),
    (".5", False, 0.5),
    ("560216.22", False, 560216.22),
    ("  42 ", False, 42.0),
    ("1 234,5", False, 1234.5),      # a space as thousands separator
    ("1\u00a0234,5", False, 1234.5),  # a no-break space, as spreadsheets export it
])
def test_accepted_styles(text, decimal_comma, value):
    assert parse_number(text, decimal_comma) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "  ", "-", "N/A", "n/a", "NA", "–", "—"])
def test_missing_markers(text):
    assert parse_number(text) is None
    assert is_missing(text)
    assert parse_target(text) is None


@pytest.mark.parametrize("text", ["abc", "12x", "1,2,3", "1.2.3", "--3", "1e3", "Rp 5", "1.234.56", "12,34.5",
                                  "1.23,4", ".5,1", "1.234,5,6", "1,234.567.8", "nan", "inf", "5%"])
def test_bad_numbers_raise(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_comma_groups_are_a_decimal_in_a_semicolon_file():
    with pytest.raises(ValueError):
        parse_number("1,234,567", decimal_comma=True)


@pytest.mark.parametrize("text, value", [("95", 95.0), ("5,5", 5.5), ("BB", "BB"), ("  Wajar   Tanpa ", "Wajar Tanpa"),
                                         ("A", "A"), ("-", None)])
def test_targets_keep_text(text, value):
    assert parse_target(text) == value


def _styles(cents: int) -> list[tuple[str, bool]]:
    """One amount written in each accepted style, with the delimiter context it needs."""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    grouped = f"{whole:,}"
    return [
        (f"{sign}{whole}.{frac:02d}", False),
        (f"{sign}{grouped}.{frac:02d}", False),
        (f"{sign}{grouped.replace(',', '.')},{frac:02d}", False),
        (f"{sign}{grouped.replace(',', '.')},{frac:02d}", True),
        (f"{sign}{whole},{frac:02d}", True),
        (f"{sign}{whole},{frac:02d}", False),
    ]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-10**12, max_value=10**12))
def test_every_style_reads_the_same_amount(cents):
    for text, decimal_comma in _styles(cents):
        assert parse_number(text, decimal_comma) == pytest.approx(cents / 100, abs=1e-9), text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.,-+ abN/A", max_size=12), st.booleans())
def test_parse_number_only_raises_value_error(text, decimal_comma):
    try:
        value = parse_number(text, decimal_comma)
    except ValueError:
        return
    assert value is None or isinstance(value, float)
