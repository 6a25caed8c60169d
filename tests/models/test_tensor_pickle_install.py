"""Installing a model whose repository publishes only PyTorch ``.bin`` weights (ACGVoc2vec): the real
store accepts the files only after a scan proves every pickle holds tensors and plain containers, converts
them to safetensors, and the loader reads the installed folder; a poisoned file is refused unrun."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import torch

from acgdesk.models import catalogue
from acgdesk.models.loader import load_text_encoder
from acgdesk.models.manifest import ModelStoreError, check_names
from acgdesk.models.spec import ModelFile
from acgdesk.models.store import ModelStore
from tests.models.test_acgvoc2vec import TinyNet, hand_encode, save_st_folder
from tests.models.test_safe_checkpoint import WritesAFile

LAYOUT = (
    "modules.json",
    "config.json",
    "sentence_bert_config.json",
    "pytorch_model.bin",
    "tokenizer_config.json",
    "vocab.txt",
    "1_Pooling/config.json",
    "2_Dense/config.json",
    "2_Dense/pytorch_model.bin",
)


def tiny_spec():
    """The catalogue's ACGVoc2vec entry with the files the tiny stand-in has (no tokenizer.json)."""
    spec = catalogue.get("acgvoc2vec")
    source = dataclasses.replace(spec.source, files=tuple(ModelFile(n) for n in LAYOUT))
    return dataclasses.replace(spec, source=source)


def test_bin_weights_are_scanned_converted_and_loaded_from_the_store(tmp_path):
    src = save_st_folder(TinyNet(), tmp_path / "downloaded")
    store = ModelStore(tmp_path / "models")
    spec = tiny_spec()
    state = store.import_folder(spec, src)
    assert state.installed
    installed = store.path_of(spec)
    for name in ("model.safetensors", "2_Dense/model.safetensors"):
        assert (installed / name).read_bytes()[8:9] == b"{"  # a safetensors header, not a pickle
    loaded = load_text_encoder(spec, store)
    try:
        np.testing.assert_allclose(loaded.model.encode(["猫耳"]), hand_encode(src, ["猫耳"]), atol=2e-5)
    finally:
        loaded.model.close()


def test_a_bin_file_carrying_code_is_refused_and_nothing_runs(tmp_path):
    src = save_st_folder(TinyNet(), tmp_path / "downloaded")
    target = tmp_path / "pwned.txt"
    torch.save({"linear.weight": WritesAFile(str(target))}, src / "2_Dense/pytorch_model.bin")
    store = ModelStore(tmp_path / "models")
    spec = tiny_spec()
    with pytest.raises(ModelStoreError, match="refused"):
        store.import_folder(spec, src)
    assert not target.exists()
    assert not store.status(spec).installed


def test_bin_files_stay_refused_for_every_other_model():
    spec = catalogue.get("joytag")
    with pytest.raises(ModelStoreError, match="pickle checkpoint"):
        check_names(spec, (ModelFile("pytorch_model.bin"),))
    assert [s.id for s in catalogue.CATALOGUE.values() if s.tensor_pickles] == ["acgvoc2vec"]
