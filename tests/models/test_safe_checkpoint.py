"""Pickled checkpoints are read as tensors only: anything that would import or call code is refused
before it runs (the file its ``__reduce__`` would create never appears), by the static scan and,
independently, by PyTorch's weights-only loader."""

from __future__ import annotations

import collections
import pickle
import shutil

import numpy as np
import pytest
import torch

from acgdesk.models import catalogue
from acgdesk.models.backends import safe_torch_load
from acgdesk.models.backends.safe_torch_load import (
    UnsafeCheckpoint,
    check_checkpoint,
    convert_folder,
    load_state_dict,
)
from acgdesk.models.families.acg_text import load_acgvoc2vec
from tests.models.test_acgvoc2vec import TinyNet, save_st_folder


class WritesAFile:
    """Unpickling this opens ``target`` for writing: creates the file (the harm a test can see)."""

    def __init__(self, target: str) -> None:
        self.target = target

    def __reduce__(self):
        return (open, (self.target, "w"))


def test_plain_state_dicts_load_as_tensors(tmp_path):
    state = collections.OrderedDict(
        w=torch.randn(3, 4), n=torch.arange(5), p=torch.nn.Parameter(torch.ones(2))
    )
    torch.save(state, tmp_path / "new.bin")
    torch.save(state, tmp_path / "legacy.bin", _use_new_zipfile_serialization=False)
    for name in ("new.bin", "legacy.bin"):
        got = load_state_dict(tmp_path / name)
        assert set(got) == {"w", "n", "p"}
        assert torch.equal(got["w"], state["w"]) and torch.equal(got["n"], state["n"])
    torch.save({"state_dict": state}, tmp_path / "wrapped.bin")
    assert set(load_state_dict(tmp_path / "wrapped.bin")) == {"w", "n", "p"}


@pytest.mark.parametrize("how", ["torch.save", "pickle protocol 2", "pickle protocol 4"])
def test_a_pickle_carrying_a_callable_is_refused_and_nothing_runs(tmp_path, how):
    target = tmp_path / "pwned.txt"
    path = tmp_path / "pytorch_model.bin"
    payload = {"weight": torch.zeros(2), "evil": WritesAFile(str(target))}
    if how == "torch.save":
        torch.save(payload, path)
    else:
        path.write_bytes(pickle.dumps(payload, protocol=int(how[-1])))
    with pytest.raises(UnsafeCheckpoint, match=r"refused: it would import .*open"):
        load_state_dict(path)
    assert not target.exists()


def test_the_weights_only_loader_refuses_it_even_without_the_scan(tmp_path, monkeypatch):
    target = tmp_path / "pwned.txt"
    torch.save({"evil": WritesAFile(str(target))}, tmp_path / "x.bin")
    monkeypatch.setattr(safe_torch_load, "check_checkpoint", lambda path: None)
    with pytest.raises(UnsafeCheckpoint, match="weights-only loader"):
        load_state_dict(tmp_path / "x.bin")
    assert not target.exists()


def test_allowed_names_holding_no_tensors_are_refused(tmp_path):
    torch.save([torch.zeros(1)], tmp_path / "list.bin")
    with pytest.raises(UnsafeCheckpoint, match="not a mapping of tensors"):
        load_state_dict(tmp_path / "list.bin")
    torch.save({"w": torch.zeros(1), "step": 3}, tmp_path / "int.bin")
    with pytest.raises(UnsafeCheckpoint, match="'step' is a int"):
        load_state_dict(tmp_path / "int.bin")


def test_garbage_is_not_a_checkpoint(tmp_path):
    (tmp_path / "junk.bin").write_bytes(b"\x00\x01 definitely not a pickle")
    with pytest.raises(UnsafeCheckpoint):
        check_checkpoint(tmp_path / "junk.bin")


def test_a_model_folder_with_a_poisoned_dense_layer_does_not_load(tmp_path):
    folder = save_st_folder(TinyNet(), tmp_path / "model")
    target = tmp_path / "pwned.txt"
    torch.save({"linear.weight": WritesAFile(str(target))}, folder / "2_Dense/pytorch_model.bin")
    with pytest.raises(UnsafeCheckpoint, match=r"pytorch_model\.bin refused"):
        load_acgvoc2vec(catalogue.get("acgvoc2vec"), folder)
    assert not target.exists()
    shutil.rmtree(folder)


def test_converted_safetensors_give_the_same_vectors_without_any_pickle(tmp_path):
    folder = save_st_folder(TinyNet(), tmp_path / "model")
    before = load_acgvoc2vec(catalogue.get("acgvoc2vec"), folder).encode(["猫耳", "sword"])
    written = convert_folder(folder)
    assert sorted(written) == sorted([folder / "model.safetensors", folder / "2_Dense/model.safetensors"])
    for src in folder.rglob("pytorch_model.bin"):
        src.unlink()  # the loader now reads the safetensors files only
    after = load_acgvoc2vec(catalogue.get("acgvoc2vec"), folder).encode(["猫耳", "sword"])
    np.testing.assert_array_equal(before, after)
    assert convert_folder(folder) == []  # once
