"""ACGVoc2vec as a text encoder: a tiny DistilBERT of the same shape (mean pooling, a tanh dense layer
to 512) saved in the hub repository's sentence-transformers layout with ``pytorch_model.bin`` files,
loaded through the real loader, checked against a hand computation, and chosen as the library's text
encoder so a Japanese or Chinese query finds images tagged ``cat_ears`` through the real search path."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import torch
from transformers import AutoTokenizer, DistilBertConfig, DistilBertModel

from acgdesk.db.settings import set_setting
from acgdesk.library import Library
from acgdesk.models import catalogue
from acgdesk.models.families.acg_text import load_acgvoc2vec
from acgdesk.models.loader import load_text_encoder
from tests.index.conftest import art

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WORDS = ["cat", "ears", "long", "hair", "school", "uniform", "sword", "a", "b", "c"]
CJK = ["猫", "耳", "長", "い", "髪", "制", "服", "剣", "ネコミミ", "猫耳"]
VOCAB = SPECIAL + WORDS + CJK
HIDDEN, OUT = 32, 512
TAGS = ["cat ears", "long hair", "school uniform", "sword"]
# query -> index in TAGS: the words a user types in Chinese, Japanese or English
PAIRS = [("猫耳", 0), ("ネコミミ", 0), ("cat ears", 0), ("長い髪", 1), ("long hair", 1), ("制服", 2),
         ("school uniform", 2), ("剣", 3), ("sword", 3)]  # fmt: skip


class FolderStore:
    """A model store holding one folder (the real store's install rules are tested elsewhere)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_of(self, spec) -> Path:
        return self.folder

    def status(self, spec):
        return SimpleNamespace(installed=True)


def write_tokenizer(folder: Path) -> None:
    (folder / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    config = {"tokenizer_class": "DistilBertTokenizer", "do_lower_case": False, "model_max_length": 64}
    (folder / "tokenizer_config.json").write_text(json.dumps(config), encoding="utf-8")


class TinyNet(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        torch.manual_seed(0)
        config = DistilBertConfig(
            vocab_size=len(VOCAB),
            dim=HIDDEN,
            n_layers=2,
            n_heads=2,
            hidden_dim=64,
            max_position_embeddings=64,
        )
        self.bert = DistilBertModel(config).eval()
        self.dense = torch.nn.Linear(HIDDEN, OUT)

    def forward(self, batch) -> torch.Tensor:
        hidden = self.bert(
            input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]
        ).last_hidden_state
        m = batch["attention_mask"].unsqueeze(-1).float()
        return torch.tanh(self.dense((hidden * m).sum(1) / m.sum(1)))


def save_st_folder(net: TinyNet, folder: Path) -> Path:
    """The hub repository's layout: transformer at the root, 1_Pooling, 2_Dense; .bin weights."""
    (folder / "1_Pooling").mkdir(parents=True, exist_ok=True)
    (folder / "2_Dense").mkdir(exist_ok=True)
    write_tokenizer(folder)
    net.bert.config.save_pretrained(folder)
    torch.save(net.bert.state_dict(), folder / "pytorch_model.bin")
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.models.Dense"},
    ]
    (folder / "modules.json").write_text(json.dumps(modules))
    (folder / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": 128, "do_lower_case": False})
    )
    pooling = {"word_embedding_dimension": HIDDEN, "pooling_mode_cls_token": False,
               "pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": False,
               "pooling_mode_mean_sqrt_len_tokens": False}  # fmt: skip
    (folder / "1_Pooling/config.json").write_text(json.dumps(pooling))
    dense = {"in_features": HIDDEN, "out_features": OUT, "bias": True,
             "activation_function": "torch.nn.modules.activation.Tanh"}  # fmt: skip
    (folder / "2_Dense/config.json").write_text(json.dumps(dense))
    state = {
        "linear.weight": net.dense.weight.detach().clone(),
        "linear.bias": net.dense.bias.detach().clone(),
    }
    torch.save(state, folder / "2_Dense/pytorch_model.bin")
    return folder


def train_multilingual(net: TinyNet, tokenizer, steps: int = 150) -> None:
    """A few contrastive steps: each query's vector near its tag's, away from the other tags."""
    torch.manual_seed(1)
    opt = torch.optim.Adam(net.parameters(), lr=5e-3)
    queries = tokenizer([q for q, _ in PAIRS], padding=True, return_tensors="pt")
    tags = tokenizer(TAGS, padding=True, return_tensors="pt")
    labels = torch.tensor([t for _, t in PAIRS])
    for _ in range(steps):
        q = torch.nn.functional.normalize(net(queries), dim=-1)
        t = torch.nn.functional.normalize(net(tags), dim=-1)
        loss = torch.nn.functional.cross_entropy(20 * q @ t.T, labels)
        opt.zero_grad()
        loss.backward()
        opt.step()


@pytest.fixture(scope="module")
def tiny_folder(tmp_path_factory) -> Path:
    return save_st_folder(TinyNet(), tmp_path_factory.mktemp("acgvoc2vec"))


@pytest.fixture(scope="module")
def encoder(tiny_folder):
    enc = load_acgvoc2vec(catalogue.get("acgvoc2vec"), tiny_folder)
    yield enc
    enc.close()


def hand_encode(folder: Path, texts: list[str]) -> np.ndarray:
    """The same vectors computed step by step: DistilBERT states, masked mean, W x + b, tanh, unit."""
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    bert = DistilBertModel(DistilBertConfig.from_pretrained(folder)).eval()
    bert.load_state_dict(torch.load(folder / "pytorch_model.bin", weights_only=True))
    dense = torch.load(folder / "2_Dense/pytorch_model.bin", weights_only=True)
    w, b = dense["linear.weight"].numpy(), dense["linear.bias"].numpy()
    rows = []
    for text in texts:  # one at a time: no padding at all
        ids = tokenizer([text], return_tensors="pt")
        with torch.no_grad():
            states = bert(**ids).last_hidden_state[0].numpy()
        pooled = states.mean(axis=0)  # every token is real here
        v = np.tanh(w @ pooled + b)
        rows.append(v / np.linalg.norm(v))
    return np.stack(rows)


def test_catalogue_entry_matches_the_hub_layout():
    spec = catalogue.get("acgvoc2vec")
    names = {f.name for f in spec.source.files}
    assert spec.source.repo == "OysterQAQ/ACGVoc2vec" and spec.dim == 512
    assert {"modules.json", "pytorch_model.bin", "1_Pooling/config.json", "2_Dense/config.json",
            "2_Dense/pytorch_model.bin", "vocab.txt"} <= names  # fmt: skip
    assert all(f.sha256 is None for f in spec.source.files)  # unpinned: the store records digests


def test_vectors_are_512_d_unit_rows_of_pooled_dense_tanh(encoder, tiny_folder):
    texts = ["猫耳", "long hair cat ears", "ネコミミ", "sword"]
    got = encoder.encode(texts)
    assert got.shape == (4, 512) and got.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(got, hand_encode(tiny_folder, texts), atol=2e-5)


def test_mean_pooling_ignores_padding_so_batches_equal_one_by_one(encoder):
    texts = ["a", "long hair school uniform sword cat ears", "猫耳", "b c"]
    together = encoder.encode(texts)
    alone = np.concatenate([encoder.encode([t]) for t in texts])
    np.testing.assert_allclose(together, alone, atol=2e-5)
    assert encoder.encode([]).shape == (0, 512)


def test_dense_layer_is_applied(tiny_folder):
    """Zeroing the dense weights leaves tanh(bias): every text then gives the same vector."""
    state = torch.load(tiny_folder / "2_Dense/pytorch_model.bin", weights_only=True)
    try:
        zeroed = {
            "linear.weight": torch.zeros_like(state["linear.weight"]),
            "linear.bias": state["linear.bias"],
        }
        torch.save(zeroed, tiny_folder / "2_Dense/pytorch_model.bin")
        enc = load_acgvoc2vec(catalogue.get("acgvoc2vec"), tiny_folder)
        got = enc.encode(["猫耳", "sword"])
        expected = np.tanh(state["linear.bias"].numpy())
        np.testing.assert_allclose(got[0], expected / np.linalg.norm(expected), atol=1e-6)
        np.testing.assert_allclose(got[0], got[1], atol=1e-6)
    finally:
        torch.save(state, tiny_folder / "2_Dense/pytorch_model.bin")


def test_the_loader_dispatches_to_it(tiny_folder):
    loaded = load_text_encoder(catalogue.get("acgvoc2vec"), FolderStore(tiny_folder))
    assert loaded.choice.backend == "torch"
    np.testing.assert_allclose(loaded.model.encode(["猫耳"]), hand_encode(tiny_folder, ["猫耳"]), atol=2e-5)
    loaded.model.close()


def test_japanese_and_chinese_queries_find_cat_ears_through_search(tmp_path):
    net = TinyNet()
    write_tokenizer(tmp_path)
    train_multilingual(net, AutoTokenizer.from_pretrained(tmp_path, local_files_only=True))
    folder = save_st_folder(net, tmp_path / "acgvoc2vec")

    images = tmp_path / "art"
    images.mkdir()
    tagged = {"p1.png": ["cat_ears"], "p2.png": ["cat_ears", "long_hair"], "p3.png": ["long_hair"],
              "p4.png": ["school_uniform"], "p5.png": ["sword"]}  # fmt: skip
    for i, name in enumerate(tagged):
        art(96, 64, i).save(images / name)
    with Library.open(tmp_path / "lib") as lib:
        lib.index([images], sequential=True)
        ids = {name: lib.show(str(images / name))["id"] for name in tagged}
        for name, tags in tagged.items():
            lib.add_tags(ids[name], tags)
        lib.search_service._model_store = lambda: FolderStore(folder)
        set_setting(lib.db, "text_model", "acgvoc2vec")
        lib.update_search_data()
        assert lib.search_service.text_key() == "acgvoc2vec@2023-03"
        cats = {ids["p1.png"], ids["p2.png"]}
        for query in ("猫耳", "ネコミミ"):
            res = lib.search(query)
            assert res.method == "text" and res.hits[0].why["model"] == "acgvoc2vec@2023-03"
            assert {h.file_id for h in res.hits[:2]} == cats, query
            assert res.hits[0].why["matched_tags"][0][0] == "cat_ears"
        res = lib.search("長い髪")
        assert {h.file_id for h in res.hits[:2]} == {ids["p2.png"], ids["p3.png"]}
        # its vectors are kept apart from MiniLM's: the tag cache file is named after the model
        assert list((tmp_path / "lib").rglob("tags-acgvoc2vec*.npz"))


def test_mean_pool_averages_only_the_masked_tokens():
    from acgdesk.models.backends.hf_text import mean_pool

    hidden = torch.arange(2 * 4 * 3, dtype=torch.float32).reshape(2, 4, 3)
    mask = torch.tensor([[1, 1, 0, 0], [1, 1, 1, 1]])
    got = mean_pool(hidden, mask).numpy()
    h = hidden.numpy()
    np.testing.assert_allclose(got[0], (h[0, 0] + h[0, 1]) / 2)
    np.testing.assert_allclose(got[1], h[1].mean(axis=0))
