"""``meta:`` searches what no reader mapped: the stored text chunks, XMP and EXIF (issue #14: "anything a
reader cannot map is still stored raw and searchable, never dropped")."""

from __future__ import annotations

from acgdesk.library import Library
from tests.prompts.generation_files import save_png


def test_text_no_reader_maps_is_found_by_meta(tmp_path):
    art = tmp_path / "art"
    art.mkdir()
    save_png(art / "odd_tool.png", {"mytool_params": "frobnicate=7; style=Ukiyo-e 浮世絵"}, (10, 20, 30))
    save_png(
        art / "a1111.png",
        {
            "parameters": "1girl\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 64x64, "
            "Foo Ext: bar_9"
        },
        (40, 50, 60),
    )
    save_png(art / "plain.png", {}, (70, 80, 90))
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art], models=(), sequential=True)

        by_id = {r[0]: r[1].rsplit("/", 1)[-1] for r in lib.db.execute("SELECT id, path FROM files")}

        def names(query: str) -> set[str]:
            return {by_id[i] for i in lib.query_ids(query)}

        assert names("meta:frobnicate") == {"odd_tool.png"}
        assert names("meta:浮世絵") == {"odd_tool.png"}
        assert names('meta:"Foo Ext: bar_9"') == {"a1111.png"}  # a setting the A1111 reader does not name
        assert names("meta:bar_9 -meta:frobnicate") == {"a1111.png"}
        assert names("meta:nothing_like_this") == set()
