"""pohon.fmt: the one place numbers are written for people."""
from __future__ import annotations

import pytest

from pohon import fmt


@pytest.mark.parametrize("x, id_, en", [
    (1234567.891, "1.234.567,89", "1,234,567.89"),
    (0, "0,00", "0.00"),
    (-0.001, "0,00", "0.00"),
    (-1234.5, "-1.234,50", "-1,234.50"),
    (999.995, "1.000,00", "1,000.00"),
])
def test_number(x, id_, en):
    assert fmt.number(x, "id") == id_
    assert fmt.number(x, "en") == en


@pytest.mark.parametrize("x, id_, en", [(3.75, "3,75", "3.75"), (95.0, "95", "95"), (1234.5, "1.234,5", "1,234.5"),
                                        (0.1234, "0,1234", "0.1234"), (-2, "-2", "-2")])
def test_plain(x, id_, en):
    assert fmt.plain(x, "id") == id_
    assert fmt.plain(x, "en") == en


def test_money_and_targets():
    assert fmt.juta(622637.76) == "Rp 622.637,76 juta"
    assert fmt.juta(622637.76, "en") == "Rp 622,637.76 juta"
    assert fmt.signed(5) == "+5,00" and fmt.signed(-0.3) == "-0,30" and fmt.signed(0.001) == "0,00"
    assert fmt.target("BB") == "BB" and fmt.target(None) == "–" and fmt.target(3.65) == "3,65"
