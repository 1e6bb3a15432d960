"""Comparing indicator names as different parts of the document write them.

Normalisation: case, punctuation, `/`, parenthesised qualifiers (`(SIH)`, `(khusus Eselon 1)`,
`(Skala 1 - 5)`), the abbreviation `DN`, a doubled phrase (`dalam negeri dalam negeri`) and a trailing
unit suffix (`di P4SI`, `di Satker`, `di lingkungan BSKJI`). Matching is never on loose word overlap:
names are equal after normalisation, differ by one added or misspelt word (`near_equal`), or one extends the
other with an alternative (`extends`).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

_PAREN = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_ABBREV = {"dn": ["dalam", "negeri"]}
_SUFFIX_UNITS = {"p4si", "p2si", "pih", "poptikji", "satker", "kemenperin", "bskji"}


def tokens(name: str) -> list[str]:
    text = _NON_WORD.sub(" ", _PAREN.sub(" ", name.lower()))
    out: list[str] = []
    for word in text.split():
        out += _ABBREV.get(word, [word])
    out = _undouble(out)
    return _drop_unit_suffix(out)


def norm(name: str) -> str:
    return " ".join(tokens(name))


def _undouble(words: list[str]) -> list[str]:
    """Drop an immediately repeated phrase of 2–3 words (a copy-paste slip)."""
    for n in (3, 2):
        i = 0
        while i + 2 * n <= len(words):
            if words[i:i + n] == words[i + n:i + 2 * n]:
                words = words[:i + n] + words[i + 2 * n:]
            else:
                i += 1
    return words


def _drop_unit_suffix(words: list[str]) -> list[str]:
    if len(words) >= 3 and words[-2] == "lingkungan" and words[-3] == "di" and words[-1] in _SUFFIX_UNITS:
        return words[:-3]
    if len(words) >= 2 and words[-2] == "di" and words[-1] in _SUFFIX_UNITS:
        return words[:-2]
    return words


def near_equal(a: str, b: str) -> bool:
    """Same indicator up to one added word (`Kinerja (Instansi) Pemerintah`, `Nilai (minimal) laporan`)
    or one misspelt word (`Efektifivas`); a different word in place of another is never near."""
    ta, tb = tokens(a), tokens(b)
    if ta == tb:
        return True
    if min(len(ta), len(tb)) < 3:
        return False
    short, long_ = sorted((ta, tb), key=len)
    if len(long_) == len(short) + 1:
        return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
    if len(ta) != len(tb):
        return False
    diff = [(x, y) for x, y in zip(ta, tb) if x != y]
    return len(diff) == 1 and SequenceMatcher(None, *diff[0]).ratio() >= 0.8


def extends(longer: str, shorter: str) -> bool:
    """`longer` is `shorter` plus an alternative: `… jasa konsultansi dan/atau optimalisasi …`."""
    tl, ts = tokens(longer), tokens(shorter)
    return len(ts) >= 5 and len(tl) > len(ts) and tl[: len(ts)] == ts and tl[len(ts)] in ("dan", "atau", "serta")
