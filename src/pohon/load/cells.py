"""Cell rules as polars expressions over a file's String columns, one kind of src/pohon/schema.py each.

On the common path an expression gives the typed value and a boolean "this cell is wrong" mask; messages are
written only for the cells that are wrong (the error path). The rare cell styles (grouped thousands,
decimal commas, `N/A`, `+12`, text targets) are read by pohon.numbers once per distinct value and patched
in, so every number style has one definition and the common cell (`1234.56`) never leaves the engine.
"""
from __future__ import annotations

import re

import polars as pl

from pohon.csvsafe import DANGEROUS
from pohon.numbers import parse_number
from pohon.schema import MAX_AMOUNT, WHITESPACE

SIMPLE = r"^[0-9]+(?:\.[0-9]+)?$"  # `1234` / `1234.56`: read alike by every branch of parse_number
SIMPLE_LINE = r"^[0-9]{1,18}$"
TRUE = ["1", "true", "ya", "y", "*"]
FALSE = ["", "0", "false", "tidak", "n"]
MARK_ON = ["o", "O", "x", "X"]
PERCENT = r"^[+-]?[0-9][0-9.,]*\s*%$"


def strip(e: pl.Expr) -> pl.Expr:
    """Unicode White_Space stripped (= pohon.schema.WHITESPACE, what str.strip_chars() removes)."""
    return e.str.strip_chars()


def text(e: pl.Expr) -> pl.Expr:
    """A text or code cell: a leading `'` that pohon.csvsafe put before a formula character removed, then
    stripped."""
    guarded = "^'([" + re.escape("".join(DANGEROUS)) + "])"
    return strip(pl.when(e.str.starts_with("'")).then(e.str.replace(guarded, "$1")).otherwise(e))


def simple(e: pl.Expr, decimal_comma: bool) -> pl.Expr:
    s = e.str.contains(SIMPLE)
    return s & ~e.str.contains(".", literal=True) if decimal_comma else s


def first_number(e: pl.Expr, decimal_comma: bool) -> tuple[pl.Expr, pl.Expr]:
    """(value of the common cells, mask of the rare ones that pohon.numbers must read: see `read_rare`)."""
    s = simple(e, decimal_comma)
    return pl.when(s).then(e.cast(pl.Float64, strict=False)), ~s & (e != "")


def target_number_raw(e: pl.Expr) -> pl.Expr:
    """The cell a target's number is read from: a percentage (`7 %`) without its `%`."""
    stripped = strip(e)
    return pl.when(stripped.str.contains(PERCENT)).then(stripped.str.replace(r"\s*%$", "")).otherwise(e)


def decimals_shown(source: pl.Expr, value: pl.Expr) -> pl.Expr:
    """How many decimals a number is written with when that is more than the number needs (`3.50`, `74.0`,
    `3,50`: 2, 1, 2), else null: a plain number whose fraction ends in 0 and reads as `value` (so `1.000`
    read as a thousand is not one with three decimals). Exporters write the number back as it was written."""
    cell = strip(source)
    frac = cell.str.extract(r"^[+-]?[0-9]+[.,]([0-9]*0)$", 1)
    same = cell.str.replace(",", ".", literal=True).cast(pl.Float64, strict=False) == value
    return pl.when(frac.is_not_null() & same).then(frac.str.len_chars().cast(pl.Int8))


def is_percent(e: pl.Expr) -> pl.Expr:
    return strip(e).str.contains(PERCENT)


def read_rare(values: list[str], decimal_comma: bool) -> dict[str, float | None | str]:
    """parse_number of each distinct rare cell; "bad" for a cell that is no number."""
    out = {}
    for v in values:
        try:
            out[v] = parse_number(v, decimal_comma)
        except ValueError:
            out[v] = "bad"
    return out


def read_rare_lines(values: list[str]) -> dict[str, int | None | str]:
    """int() of each distinct rare `baris` cell (` 12 `, `+12`); "bad" for no whole number or beyond 64 bits."""
    out = {}
    for v in values:
        if not v.strip(WHITESPACE):
            out[v] = None
            continue
        try:
            n = int(v)
            out[v] = n if -2**63 <= n < 2**63 else "bad"
        except ValueError:
            out[v] = "bad"
    return out


def flag(e: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    low = strip(e).str.to_lowercase()
    return low.is_in(TRUE), ~low.is_in(TRUE + FALSE)


def mark(e: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    s = strip(e)
    on = s.is_in(MARK_ON)
    return on, ~on & (s != "")


def line(e: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    s = e.str.contains(SIMPLE_LINE)
    return pl.when(s).then(e.cast(pl.Int64, strict=False)), ~s & (e != "")


def too_big(value: pl.Expr) -> pl.Expr:
    """An amount or a target must be finite and within ±MAX_AMOUNT (a 400-digit cell is a typo, not money)."""
    return value.is_not_null() & (value.is_infinite() | value.is_nan() | (value.abs() > MAX_AMOUNT))


# --- messages, for the cells that are wrong --------------------------------------------------------------

def not_valid(raw: str, name: str) -> str:
    return f"'{raw.strip(WHITESPACE)}' in column '{name}' is not valid / nilai tidak sah"


MESSAGES = {
    "not-valid": not_valid,
    "too-big": lambda raw, name: f"'{raw.strip(WHITESPACE)}' in column '{name}' is beyond ±{MAX_AMOUNT:.0e}"
                                 " / angka di luar batas",
    "negative": lambda raw, name: f"'{raw.strip(WHITESPACE)}' in column '{name}' is negative; an amount cannot be"
                                  " below 0 / anggaran negatif",
    "percent": lambda raw, name: f"'{raw.strip(WHITESPACE)}' in column '{name}' is a percentage but the row's satuan"
                                 " is not one / persentase, padahal satuan bukan persen",
    "empty": lambda raw, name: f"column '{name}' is required; the cell is empty / wajib diisi",
    "code": lambda raw, name: f"'{raw}' in column '{name}' contains ':', which pohon uses to join node ids"
                              " / kode tidak boleh memuat ':'",
}


def pattern_message(pattern: str):
    return lambda raw, name: f"column '{name}' must look like {pattern}: '{raw}' / bentuk kode salah"
