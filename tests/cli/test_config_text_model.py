"""``acgdesk config text_model``: the library's text encoder is chosen from the catalogue's text encoders."""

from __future__ import annotations

import json

from acgdesk.cli import main
from acgdesk.library import Library


def test_text_model_is_set_shown_and_checked(tmp_path, capsys):
    lib = str(tmp_path / "lib")
    assert main(["--library", lib, "config", "text_model", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"text_model": "minilm-l6-v2"}
    assert main(["--library", lib, "config", "text_model", "acgvoc2vec"]) == 0
    assert capsys.readouterr().out.strip() == 'text_model = "acgvoc2vec"'
    with Library.open(lib) as library:
        assert library.search_service.text_model_id() == "acgvoc2vec"
    assert main(["--library", lib, "config", "text_model", "joytag"]) == 2  # a tagger, not a text encoder
    assert "minilm-l6-v2, acgvoc2vec" in capsys.readouterr().err
    with Library.open(lib) as library:
        assert library.search_service.text_model_id() == "acgvoc2vec"
