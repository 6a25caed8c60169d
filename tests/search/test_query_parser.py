"""The query parser: every construct, and every malformed query with its message and position."""

from __future__ import annotations

import doctest

import pytest

import acgdesk.search.query as query_module
from acgdesk.core.errors import AcgdeskError
from acgdesk.search.query import (
    And,
    CalendarDate,
    FieldTerm,
    Not,
    Or,
    QuerySyntaxError,
    Range,
    RelativeDate,
    SortKey,
    TagTerm,
    parse,
    tokenize,
)

KB, MB = 1024, 1024**2


def tag(name: str, wildcard: bool = False, source: str | None = None) -> TagTerm:
    return TagTerm(name, wildcard, source)


def root(text: str, **kw):
    return parse(text, **kw).root


def test_docstring_examples_hold():
    result = doctest.testmod(query_module)
    assert result.attempted >= 4 and result.failed == 0


# -- tags, boolean structure --------------------------------------------------------------------------------


def test_single_tag_is_normalised():
    assert root("Cat_Ears") == tag("cat_ears")


def test_whitespace_is_and():
    assert root("cat_ears  long_hair\tsolo_focus") == And(
        (tag("cat_ears"), tag("long_hair"), tag("solo_focus"))
    )


def test_and_keyword_is_the_same_as_whitespace():
    assert root("cat_ears AND long_hair") == root("cat_ears long_hair")


def test_negation_with_minus_and_not():
    assert root("-cat_ears") == Not(tag("cat_ears"))
    assert root("NOT cat_ears") == Not(tag("cat_ears"))
    assert root("--cat_ears") == Not(Not(tag("cat_ears")))


def test_or_and_pipe():
    expected = Or((tag("cat_ears"), tag("dog_ears")))
    assert root("cat_ears OR dog_ears") == expected
    assert root("cat_ears | dog_ears") == expected
    assert root("cat_ears OR dog_ears OR fox_ears") == Or((tag("cat_ears"), tag("dog_ears"), tag("fox_ears")))


def test_or_binds_tighter_than_and():
    assert root("blue_hair long_hair OR short_hair") == And(
        (tag("blue_hair"), Or((tag("long_hair"), tag("short_hair"))))
    )
    assert root("-a_b OR c_d") == Or((Not(tag("a_b")), tag("c_d")))


def test_grouping():
    assert root("(cat_ears long_hair) OR dog_ears") == Or(
        (And((tag("cat_ears"), tag("long_hair"))), tag("dog_ears"))
    )
    assert root("-(cat_ears OR dog_ears)") == Not(Or((tag("cat_ears"), tag("dog_ears"))))
    assert root("((cat_ears))") == tag("cat_ears")


def test_parentheses_inside_a_word_belong_to_the_tag():
    assert root("hatsune_miku_(vocaloid)") == tag("hatsune_miku_(vocaloid)")
    assert root("(hatsune_miku_(vocaloid) OR cat_ears)") == Or(
        (tag("hatsune_miku_(vocaloid)"), tag("cat_ears"))
    )
    assert root("-hatsune_miku_(vocaloid)") == Not(tag("hatsune_miku_(vocaloid)"))


def test_tag_punctuation():
    assert root("re:zero_kara_hajimeru_isekai_seikatsu") == tag("re:zero_kara_hajimeru_isekai_seikatsu")
    assert root("^_^ >_< o_o") == And((tag("^_^"), tag(">_<"), tag("o_o")))
    assert root("jack-o'-lantern_(x)") == tag("jack-o'-lantern_(x)")


def test_wildcards():
    assert root("*_ears") == tag("*_ears", True)
    assert root("cat_?ars") == tag("cat_?ars", True)
    assert root("Star*") == tag("star*", True)


def test_escaped_wildcard_is_literal():
    assert root(r"tag:\*star") == tag("*star")
    assert root(r"a_\**") == tag(r"a_\**", True)


def test_free_words_go_to_free_text():
    q = parse('sunset cat_ears "by the sea" beach')
    assert q.root == tag("cat_ears")
    assert q.free_text == "sunset by the sea beach"


def test_known_tags_are_tags_not_free_text():
    known = {"solo", "1girl"}
    q = parse("solo 1girl sunset", is_known_tag=known.__contains__)
    assert q.root == And((tag("solo"), tag("1girl")))
    assert q.free_text == "sunset"


def test_tag_field_forces_a_tag():
    assert root("tag:solo") == tag("solo")
    assert root('tag:"Cat Ears"') == tag("cat_ears")
    assert root("tag:*_ears") == tag("*_ears", True)
    assert root('tag:"*"') == tag("*")  # quoted: literal


def test_free_text_in_a_group_of_the_top_level_and():
    q = parse("(sunset cat_ears) sort:date")
    assert q.root == tag("cat_ears") and q.free_text == "sunset"


def test_empty_query_matches_everything():
    q = parse("   ")
    assert q.root is None and q.sort == () and q.free_text == ""


def test_positions_are_recorded():
    q = parse("cat_ears  -dog_ears")
    first, neg = q.root.children
    assert (first.position, first.length) == (0, 8)
    assert (neg.position, neg.length) == (10, 9)
    assert (neg.child.position, neg.child.length) == (11, 8)


# -- tag sources --------------------------------------------------------------------------------------------


def test_user_and_model_tags():
    assert root("user:cat_ears") == tag("cat_ears", source="user")
    assert root("model:*_ears") == tag("*_ears", True, source="model")
    assert root("source:wd-swinv2-tagger-v3") == FieldTerm("source", "=", "wd-swinv2-tagger-v3")
    assert root("source:wd-swinv2-tagger-v3@v3") == FieldTerm("source", "=", "wd-swinv2-tagger-v3@v3")


# -- fields -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("rating:general", ("general",)),
        ("rating:safe", ("general",)),
        ("rating:g", ("general",)),
        ("rating:s", ("sensitive",)),
        ("rating:Q", ("questionable",)),
        ("rating:explicit", ("explicit",)),
        ("rating:q,e", ("questionable", "explicit")),
        ("rating:safe,general,g", ("general",)),
        ("rating:<=s", ("general", "sensitive")),
        ("rating:>s", ("questionable", "explicit")),
        ("rating:>=q", ("questionable", "explicit")),
        ("rating:<sensitive", ("general",)),
    ],
)
def test_rating(text, values):
    assert root(text) == FieldTerm("rating", "in", values)


@pytest.mark.parametrize(
    ("text", "op", "value", "kind"),
    [
        ("score:>0.7", ">", 0.7, "aesthetic"),
        ("score:aesthetic>0.7", ">", 0.7, "aesthetic"),
        ("score:sharpness>=0.5", ">=", 0.5, "sharpness"),
        ("score:sharpness:<=.5", "<=", 0.5, "sharpness"),
        ("score:nudenet:FEMALE_FACE>0.5", ">", 0.5, "nudenet:FEMALE_FACE"),
        ("score:0.2..0.4", "..", Range(0.2, 0.4), "aesthetic"),
        ("score:anime=0.2..", "..", Range(0.2, None), "anime"),
        ("score:=1", "=", 1.0, "aesthetic"),
        ("score:>-1", ">", -1.0, "aesthetic"),
    ],
)
def test_score(text, op, value, kind):
    assert root(text) == FieldTerm("score", op, value, kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("width:>=2000", FieldTerm("width", ">=", 2000)),
        ("width:2000", FieldTerm("width", "=", 2000)),
        ("width:=2000", FieldTerm("width", "=", 2000)),
        ("height:<1000", FieldTerm("height", "<", 1000)),
        ("height:>1000", FieldTerm("height", ">", 1000)),
        ("height:<=1000", FieldTerm("height", "<=", 1000)),
        ("width:1000..2000", FieldTerm("width", "..", Range(1000, 2000))),
        ("width:..2000", FieldTerm("width", "..", Range(None, 2000))),
        ("width:1000..", FieldTerm("width", "..", Range(1000, None))),
        ("tagcount:<5", FieldTerm("tagcount", "<", 5)),
        ("tagcount:0", FieldTerm("tagcount", "=", 0)),
        ("size:>2MB", FieldTerm("size", ">", 2 * MB)),
        ("size:>2mb", FieldTerm("size", ">", 2 * MB)),
        ("size:100KB..1.5MB", FieldTerm("size", "..", Range(100 * KB, round(1.5 * MB)))),
        ("size:<500k", FieldTerm("size", "<", 500 * KB)),
        ("size:1GiB", FieldTerm("size", "=", 1024**3)),
        ("size:1234", FieldTerm("size", "=", 1234)),
        ("filesize:>1MB", FieldTerm("size", ">", MB)),
    ],
)
def test_numeric_fields(text, expected):
    assert root(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ratio:16:9", FieldTerm("ratio", "=", 16 / 9)),
        ("ratio:1.78", FieldTerm("ratio", "=", 1.78)),
        ("ratio:>1", FieldTerm("ratio", ">", 1.0)),
        ("ratio:<1", FieldTerm("ratio", "<", 1.0)),
        ("ratio:4:3..16:9", FieldTerm("ratio", "..", Range(4 / 3, 16 / 9))),
        ("ratio:landscape", FieldTerm("ratio", "=", "landscape")),
        ("aspect:Portrait", FieldTerm("ratio", "=", "portrait")),
        ("ratio:square", FieldTerm("ratio", "=", "square")),
    ],
)
def test_ratio(text, expected):
    assert root(text) == expected


@pytest.mark.parametrize(
    ("text", "op", "value"),
    [
        ("date:2025", "=", CalendarDate(2025)),
        ("date:2025-03", "=", CalendarDate(2025, 3)),
        ("date:2025-03-15", "=", CalendarDate(2025, 3, 15)),
        ("date:2025-1-5", "=", CalendarDate(2025, 1, 5)),
        ("date:2025-01..2025-06", "..", Range(CalendarDate(2025, 1), CalendarDate(2025, 6))),
        ("date:..2025-06", "..", Range(None, CalendarDate(2025, 6))),
        ("date:2025-06..", "..", Range(CalendarDate(2025, 6), None)),
        ("date:2025-01-15..2025-01", "..", Range(CalendarDate(2025, 1, 15), CalendarDate(2025, 1))),
        ("date:>=2025-03-15", ">=", CalendarDate(2025, 3, 15)),
        ("date:>7d", ">", RelativeDate(7 * 86400)),
        ("date:12h", "=", RelativeDate(12 * 3600)),
        ("date:<2w", "<", RelativeDate(14 * 86400)),
        ("date:30d..7d", "..", Range(RelativeDate(30 * 86400), RelativeDate(7 * 86400))),
        ("date:1y", "=", RelativeDate(365 * 86400)),
    ],
)
def test_date(text, op, value):
    assert root(text) == FieldTerm("date", op, value)


def test_calendar_periods():
    assert CalendarDate(2025).start().isoformat() == "2025-01-01T00:00:00"
    assert CalendarDate(2025).end().isoformat() == "2026-01-01T00:00:00"
    assert CalendarDate(2025, 12).end().isoformat() == "2026-01-01T00:00:00"
    assert CalendarDate(2024, 2).end().isoformat() == "2024-03-01T00:00:00"
    assert CalendarDate(2024, 2, 29).end().isoformat() == "2024-03-01T00:00:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("folder:pixiv/2024", FieldTerm("folder", "=", "pixiv/2024")),
        ('folder:"My Art/2024"', FieldTerm("folder", "=", "My Art/2024")),
        ('dir:"/home/me/My \\"Art\\""', FieldTerm("folder", "=", '/home/me/My "Art"')),
        ("ext:png,jpg", FieldTerm("ext", "in", ("png", "jpg", "jpeg"))),
        ("ext:.PNG", FieldTerm("ext", "in", ("png",))),
        ("ext:tif", FieldTerm("ext", "in", ("tif", "tiff"))),
        ("format:jpg,webp", FieldTerm("format", "in", ("JPEG", "WEBP"))),
        ('prompt:"blue sky, 1girl"', FieldTerm("prompt", "=", "blue sky, 1girl")),
        ("prompt:masterpiece", FieldTerm("prompt", "=", "masterpiece")),
        ("negprompt:lowres", FieldTerm("negprompt", "=", "lowres")),
        ("negative_prompt:lowres", FieldTerm("negprompt", "=", "lowres")),
        ("generator:comfyui", FieldTerm("generator", "in", ("comfyui",))),
        ("generator:webui,NAI", FieldTerm("generator", "in", ("a1111", "novelai"))),
        ("has:prompt", FieldTerm("has", "=", "prompt")),
        ("missing:tags", Not(FieldTerm("has", "=", "tags"))),
        ("Rating:e", FieldTerm("rating", "in", ("explicit",))),
    ],
)
def test_other_fields(text, expected):
    assert root(text) == expected


def test_quoted_value_keeps_grouping_parentheses_out():
    assert root('(prompt:"a (b) c" OR cat_ears)') == Or(
        (FieldTerm("prompt", "=", "a (b) c"), tag("cat_ears"))
    )


# -- sort -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("sort:date", (SortKey("date", True),)),
        ("sort:-date", (SortKey("date", False),)),
        ("sort:date:asc", (SortKey("date", False),)),
        ("sort:date:desc", (SortKey("date", True),)),
        ("sort:-date:asc", (SortKey("date", True),)),
        ("sort:score", (SortKey("score", True, "aesthetic"),)),
        ("sort:score:sharpness", (SortKey("score", True, "sharpness"),)),
        ("sort:score:sharpness:asc", (SortKey("score", False, "sharpness"),)),
        ("sort:random", (SortKey("random", False),)),
        ("sort:similarity", (SortKey("similarity", True),)),
        ("sort:size", (SortKey("size", True),)),
        ("sort:width sort:height", (SortKey("width", True), SortKey("height", True))),
        ("sort:name", (SortKey("name", False),)),
        ("sort:-name", (SortKey("name", True),)),
        ("sort:tagcount", (SortKey("tagcount", True),)),
        ("order:mtime", (SortKey("date", True),)),
    ],
)
def test_sort(text, keys):
    q = parse(text + " cat_ears")
    assert q.sort == keys
    assert q.root == tag("cat_ears")


# -- malformed queries ------------------------------------------------------------------------------------


def error(text: str, **kw) -> QuerySyntaxError:
    with pytest.raises(QuerySyntaxError) as info:
        parse(text, **kw)
    return info.value


@pytest.mark.parametrize(
    ("text", "message", "position", "length"),
    [
        # parentheses
        ("(cat_ears dog_ears", "missing ')' to close this '('", 0, 1),
        ("a_b ((c_d) e_f", "missing ')' to close this '('", 4, 1),
        ("cat_ears)", "unmatched ')': no '(' before it", 8, 1),
        ("(a_b) c_d)", "unmatched ')': no '(' before it", 9, 1),
        ("()", "empty parentheses", 0, 2),
        ("a_b (  )", "empty parentheses", 4, 4),
        # OR / AND
        ("cat_ears OR", "OR needs a term on its right", 9, 2),
        ("cat_ears |", "| needs a term on its right", 9, 1),
        ("OR cat_ears", "OR needs a term on its left", 0, 2),
        ("cat_ears OR OR dog_ears", "OR needs a term on its right", 9, 2),
        ("(cat_ears OR) dog_ears", "OR needs a term on its right", 10, 2),
        ("a_b (OR c_d)", "OR needs a term on its left", 5, 2),
        ("cat_ears AND", "AND needs a term on its right", 9, 3),
        ("AND cat_ears", "AND needs a term on its left", 0, 3),
        # negation
        ("-", "nothing to negate after '-' (write -tag, without a space)", 0, 1),
        ("cat_ears - dog_ears", "nothing to negate after '-' (write -tag, without a space)", 9, 1),
        ("(a_b -)", "nothing to negate after '-' (write -tag, without a space)", 5, 1),
        ("NOT", "nothing to negate after NOT", 0, 3),
        ("a_b NOT OR c_d", "nothing to negate after NOT", 4, 3),
        # quotes
        ('prompt:"blue sky', 'unterminated quote: add a closing "', 7, 9),
        ('cat_ears "by the', 'unterminated quote: add a closing "', 9, 7),
        # numbers
        ("width:>abc", "width: expected a whole number, got 'abc'", 7, 3),
        ("width:>=20.5", "width: expected a whole number, got '20.5'", 8, 4),
        ("score:>high", "score: expected a number, got 'high'", 7, 4),
        ("score:aesthetic>0.7.1", "score: expected a number, got '0.7.1'", 16, 5),
        ("tagcount:<five", "tagcount: expected a whole number, got 'five'", 10, 4),
        ("size:>2XB", "size: expected a size like 500KB or 2.5MB, got '2XB'", 6, 3),
        ("width:>", "width: expected a value after '>'", 6, 1),
        ("width:", "width: needs a value", 0, 6),
        ("score:aesthetic", "score: expected a comparison such as score:>0.7 or score:aesthetic>0.7", 6, 9),
        ("score::>1", "score: expected a score kind before the comparison", 6, 1),
        # ranges
        ("width:3000..2000", "width: empty range, 3000 is after 2000", 6, 10),
        ("score:0.9..0.1", "score: empty range, 0.9 is after 0.1", 6, 8),
        ("date:2025-06..2025-01", "date: empty range, 2025-06 is after 2025-01", 5, 16),
        ("date:7d..30d", "date: empty range, 7d is after 30d", 5, 7),
        ("width:>1..5", "width: a range takes no '>'", 6, 1),
        ("width:..", "width: a range needs at least one end, e.g. 1..5", 6, 2),
        ("width:1..x", "width: expected a whole number, got 'x'", 9, 1),
        # dates
        ("date:2025-13", "date: invalid date '2025-13' (month must be in 1..12)", 5, 7),
        ("date:2025-02-30", "date: invalid date '2025-02-30' (day is out of range for month)", 5, 10),
        (
            "date:yesterday",
            "date: expected YYYY, YYYY-MM, YYYY-MM-DD or an age like 7d, got 'yesterday'",
            5,
            9,
        ),
        (
            "date:2025-01..2025-1x",
            "date: expected YYYY, YYYY-MM, YYYY-MM-DD or an age like 7d, got '2025-1x'",
            14,
            7,
        ),
        # ratio
        ("ratio:16:0", "ratio: '16:0' has a zero side", 6, 4),
        ("ratio:wide", "ratio: expected 16:9 or 1.78, got 'wide'", 6, 4),
        # ratings
        (
            "rating:safee",
            "rating: unknown rating 'safee' (did you mean 'safe'?); expected general (safe, g), "
            "sensitive (s), questionable (q) or explicit (e)",
            7,
            5,
        ),
        (
            "rating:g,nsfw",
            "rating: unknown rating 'nsfw'; expected general (safe, g), sensitive (s), questionable (q) "
            "or explicit (e)",
            9,
            4,
        ),
        ("rating:>e", "rating: no rating is > explicit", 7, 2),
        (
            'rating:"safee"',
            "rating: unknown rating 'safee' (did you mean 'safe'?); expected general (safe, g), "
            "sensitive (s), questionable (q) or explicit (e)",
            8,
            5,
        ),
        ("rating:>g,s", "rating: '>' takes one rating", 7, 1),
        # sort
        (
            "sort:dat",
            "sort: unknown key 'dat' (did you mean 'date'?); expected one of date, score, stars, taste, "
            "album, random, similarity, size, width, height, ratio, tagcount, name, path",
            5,
            3,
        ),
        (
            "sort:-colour",
            "sort: unknown key 'colour'; expected one of date, score, stars, taste, album, random, "
            "similarity, size, width, height, ratio, tagcount, name, path",
            6,
            6,
        ),
        ("sort:date:sideways", "sort: expected sort:date, sort:date:asc or sort:date:desc", 5, 13),
        ("-sort:date", "sort: cannot be negated or used with OR", 1, 9),
        ("sort:date OR cat_ears", "sort: cannot be negated or used with OR", 0, 9),
        # lists and has:
        ("ext:>png", "ext: takes no comparison", 4, 1),
        ("ext:,", "ext: needs a value", 4, 1),
        (
            "has:colour",
            "has: unknown value 'colour'; expected one of prompt, negprompt, generator, tags, usertags, "
            "rating, score, embedding",
            4,
            6,
        ),
        # free text where it cannot go
        (
            "-sunset",
            "'sunset' is free text (semantic search), which cannot be negated or used with OR; "
            "for a tag write tag:sunset",
            1,
            6,
        ),
        (
            "cat_ears OR sunset",
            "'sunset' is free text (semantic search), which cannot be negated or used with OR; "
            "for a tag write tag:sunset",
            12,
            6,
        ),
        (
            '-"by the sea"',
            "'by the sea' is free text (semantic search), which cannot be negated or used with OR; "
            "for a tag write tag:by_the_sea",
            1,
            12,
        ),
    ],
)
def test_malformed(text, message, position, length):
    err = error(text)
    assert err.message == message
    assert (err.position, err.length) == (position, length)
    assert str(err) == f"{message} (at position {position})"


def test_unknown_field_lists_fields_and_suggests():
    err = error("scor:>0.5")
    assert err.message.startswith(
        "unknown field 'scor' (did you mean 'score'?); valid fields: rating, score, "
    )
    assert "sort" in err.message and "tag:" in err.message
    assert (err.position, err.length) == (0, 4)
    assert "did you mean" not in error("zzzq:1").message


def test_word_with_colon_is_a_tag_when_it_looks_like_one():
    assert root("nier:automata", is_known_tag={"nier:automata"}.__contains__) == tag("nier:automata")
    assert error("nier:automata").message.startswith("unknown field 'nier'")
    assert root("tag:nier:automata") == tag("nier:automata")
    assert parse('"nier:automata"').free_text == "nier:automata"


def test_error_is_a_value_error_and_an_acgdesk_error():
    err = error("(")
    assert isinstance(err, ValueError) and isinstance(err, AcgdeskError)


def test_pretty_points_at_the_mistake():
    assert error("width:>abc").pretty() == "width:>abc\n       ^^^\nwidth: expected a whole number, got 'abc'"
    assert error("cat_ears OR").pretty() == "cat_ears OR\n         ^^\nOR needs a term on its right"
    # a caret at the very end (position == len) still shows one mark
    err = QuerySyntaxError("boom", 3, 1)
    assert err.pretty("abc") == "abc\n   ^\nboom"
    assert err.pretty() == "boom (at position 3)"


def test_tokenizer():
    kinds = [(t.kind, t.text) for t in tokenize('-(a_b | c_(d)) NOT x:"y z" "q"')]
    assert kinds == [
        ("minus", "-"),
        ("lparen", "("),
        ("word", "a_b"),
        ("or", "|"),
        ("word", "c_(d)"),
        ("rparen", ")"),
        ("not", "NOT"),
        ("word", 'x:"y z"'),
        ("quoted", "q"),
        ("eof", ""),
    ]
