"""Text as literal search compares it: one form for what is stored and what is typed.

CJK text has no spaces and several spellings of the same word, so literal search matches a
*normalised* needle as a substring of a *normalised* haystack (:func:`fold`), both made by the same
rules:

- NFKC: full-width and half-width forms become one (``ＡＢＣ`` = ``ABC``, ``ｶﾀｶﾅ`` = ``カタカナ``), and
  decomposed text as macOS writes file names (NFD: ``か`` + ``゙``) is composed (``が``), Hangul jamo too;
- case folding (``ABC`` = ``abc``, ``Straße`` = ``strasse``);
- kana folding: katakana becomes hiragana (``ネコ`` = ``ねこ``);
- small kana become big (``ぁ`` = ``あ``, ``っ`` = ``つ``): ``ティー`` and ``テイー`` are one word;
- the long-vowel mark ``ー`` is dropped (``ネコー`` = ``ネコ``, ``ラーメン`` = ``ラメン``);
- ``_`` and runs of whitespace become one space (``東方_project`` = ``東方 project``), ends stripped.

No word segmentation: CJK has no spaces, so a substring is the match. No I/O here.
"""

from __future__ import annotations

import re
import unicodedata

SEPARATOR = "\x1f"  # between the parts of a stored search text; never inside a folded needle

# Small kana (hiragana, after folding katakana) -> the big one.
_SMALL = dict(zip("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ", strict=True))
_FOLD_TABLE: dict[int, str | None] = {}
for _code in range(0x30A1, 0x30F7):  # katakana ァ..ヶ -> hiragana ぁ..ゖ
    _hira = chr(_code - 0x60)
    _FOLD_TABLE[_code] = _SMALL.get(_hira, _hira)
for _small, _big in _SMALL.items():
    _FOLD_TABLE[ord(_small)] = _big
_FOLD_TABLE[0x30FD] = "ゝ"  # ヽ
_FOLD_TABLE[0x30FE] = "ゞ"  # ヾ
_FOLD_TABLE[0x30FC] = None  # ー, the long-vowel mark
_FOLD_TABLE[ord(SEPARATOR)] = " "
_FOLD_TABLE[ord("_")] = " "
_SPACES = re.compile(r"\s+")

# Scripts that make a word "CJK" for search: it is matched literally, not sent to the English encoder.
_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x31FF),  # Bopomofo, Hangul compatibility jamo, Kanbun, katakana extensions
    (0x3200, 0x4DBF),  # enclosed CJK, compatibility, extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA960, 0xA97F),  # Hangul Jamo extended A
    (0xAC00, 0xD7FF),  # Hangul syllables, Jamo extended B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0x1B000, 0x1B16F),  # kana supplement and extended
    (0x20000, 0x3FFFF),  # CJK extensions B.., compatibility supplement
)


def is_cjk_char(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese, Japanese or Korean character (full-width forms included).

    >>> has_cjk("東方Project"), has_cjk("ＡＢＣ"), has_cjk("sunset"), has_cjk("café")
    (True, True, False, False)
    """
    return any(is_cjk_char(ch) for ch in text)


def fold(text: str) -> str:
    """``text`` in the one form literal search compares (see the module docstring).

    >>> fold("ＡＢＣ") == fold("abc"), fold("ｶﾀｶﾅ") == fold("カタカナ"), fold("ねこ") == fold("ネコー")
    (True, True, True)
    >>> fold(unicodedata.normalize("NFD", "がぎ")) == fold("がぎ")
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = folded.translate(_FOLD_TABLE)
    return _SPACES.sub(" ", folded).strip()
