"""pohon.words, the one catalogue of the words people read: complete in both languages."""
import string

import pytest

from pohon.words import CATALOGUE, LANGS, WORDS, lang_of, say, words


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("section", sorted(CATALOGUE))
def test_every_phrase_has_both_languages_with_the_same_placeholders(section):
    for key, pair in CATALOGUE[section].items():
        assert len(pair) == len(LANGS), (section, key)
        indonesian, english = pair
        assert indonesian.strip() and english.strip(), (section, key)
        assert _fields(indonesian) == _fields(english), (section, key)


def test_words_are_the_catalogue_per_language():
    for section, entries in CATALOGUE.items():
        assert WORDS[section]["id"] == {k: v[0] for k, v in entries.items()}
        assert WORDS[section]["en"] == {k: v[1] for k, v in entries.items()}


def test_indonesian_is_the_default_language():
    assert lang_of(None) == lang_of("id") == lang_of("xx") == "id"
    assert words("findings", None)["none"] == "Tidak ada temuan."
    assert say("cli", "unknown-year", "en", year=2030, years="2021, 2022") == \
        "year 2030 is not in the cascade (2021, 2022)"


def test_no_module_picks_its_words_by_language_itself():
    """Words for people come from pohon.words; outside it, `lang == "en"` may only pick between the two texts a
    rule, a finding or an option error carries with it (pohon.checks, pohon.errors) or number marks (pohon.fmt)."""
    import re
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "src" / "pohon"
    allowed = {"words.py", "fmt.py", "errors.py", "checks/__init__.py"}
    offenders = []
    for path in src.rglob("*.py"):
        rel = path.relative_to(src).as_posix()
        if rel in allowed:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""lang\s*==\s*["']en["']""", line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
