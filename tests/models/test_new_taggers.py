"""PixAI v0.9 and the animetimm dbv4 layout on tiny generated models with the real contracts.

The tiny models keep each published file layout (model.onnx with ``prediction`` / ``logits`` /
``embedding`` outputs, selected_tags.csv with the exporter's columns, preprocess.json, thresholds.csv)
and compute every tag as a known function of the input (tests/models/conftest.py), so each
preprocessing step can be checked on real pixels.
"""

from __future__ import annotations

import csv
import json
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from acgdesk.models import catalogue
from acgdesk.models.catalogue import IMAGENET_MEAN, IMAGENET_STD
from acgdesk.models.devices import RuntimePrefs
from acgdesk.models.families.taggers import OnnxTagger, load_tagger, sigmoid
from acgdesk.models.families.timm_taggers import (
    StagedOnnxTagger,
    StagePipeline,
    read_category_thresholds,
    read_stages,
)
from acgdesk.models.spec import SPEED_CLASSES, HubSource
from tests.models.conftest import SIZE, TAGS, ColourTagger, reference, solid, wide

PIXAI = catalogue.get("pixai-tagger-v0.9")
DBV4 = catalogue.get("dbv4-caformer-b36")
CPU = RuntimePrefs(device="cpu")
UNIT = 4.0  # logits = 4 x mean of the normalised input

PIXAI_STAGES = {
    "stages": [
        {
            "type": "resize",
            "size": [SIZE, SIZE],
            "interpolation": "bilinear",
            "antialias": None,
            "max_size": None,
        },
        {"type": "to_tensor"},
        {"type": "normalize", "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]},
    ]
}
TIMM_STAGES = {
    "test": [
        {"type": "resize", "size": SIZE, "interpolation": "bicubic", "max_size": None, "antialias": True},
        {"type": "center_crop", "size": [SIZE, SIZE]},
        {"type": "maybe_to_tensor"},
        {"type": "normalize", "mean": list(IMAGENET_MEAN), "std": list(IMAGENET_STD)},
    ],
    "val": [{"type": "to_tensor"}],
}


class ThreeHeads(torch.nn.Module):
    """The exporters' graph: logits, probabilities and a pooled embedding."""

    def __init__(self) -> None:
        super().__init__()
        self.tags = ColourTagger(TAGS, "NCHW", "RGB", UNIT, "linear")

    def forward(self, x: torch.Tensor):
        logits = self.tags(x)
        return logits, torch.sigmoid(logits), x.mean(dim=(2, 3))


def export_heads(path: Path, outputs: tuple[str, ...], *, batch: int | None = None, size: int = SIZE) -> None:
    module: torch.nn.Module = ThreeHeads().eval()
    if outputs == ("logits",):
        module = ColourTagger(TAGS, "NCHW", "RGB", UNIT, "linear").eval()
    names = ["logits", "prediction", "embedding"] if len(outputs) == 3 else list(outputs)
    axes = None if batch else {"input": {0: "batch"}, **{n: {0: "batch"} for n in names}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            module,
            (torch.zeros(batch or 1, 3, size, size),),
            str(path),
            input_names=["input"],
            output_names=names,
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )


def write_exporter_tags(path: Path) -> None:
    """selected_tags.csv as deepghs writes it for PixAI: id, tag_id, name, category, count, ips."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "tag_id", "name", "category", "count", "ips"])
        for i, t in enumerate(TAGS):
            w.writerow(
                [i, 1000 + i, t.name, t.code, 500 - i, json.dumps(["vocaloid"] if t.code == 4 else [])]
            )


def make_folder(folder: Path, stages: dict, outputs=("logits", "prediction", "embedding"), **kw) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    export_heads(folder / "model.onnx", outputs, **kw)
    write_exporter_tags(folder / "selected_tags.csv")
    (folder / "preprocess.json").write_text(json.dumps(stages))
    (folder / "thresholds.csv").write_text("category,name,threshold\n0,general,0.3\n4,character,0.85\n")
    return folder


@pytest.fixture(scope="module")
def pixai_folder(tmp_path_factory) -> Path:
    return make_folder(tmp_path_factory.mktemp("pixai"), PIXAI_STAGES)


@pytest.fixture()
def pixai(pixai_folder):
    tagger = load_tagger(PIXAI, pixai_folder, CPU)
    yield tagger
    tagger.close()


def as_dict(pred) -> dict[str, float]:
    return {t.name: t.probability for t in pred.tags}


def pixai_expected(colour: tuple[int, int, int]) -> np.ndarray:
    """A solid image after PixAI's contract (stretch: no padding; 0..1; (x-0.5)/0.5) -> probabilities."""
    arr = np.empty((1, 3, SIZE, SIZE))
    arr[:] = ((np.array(colour) / 255 - 0.5) / 0.5).reshape(1, 3, 1, 1)
    return sigmoid(reference(arr, unit=UNIT))[0]


# -- catalogue -------------------------------------------------------------------------------------


def test_pixai_entry_carries_the_card_contract():
    assert PIXAI.family == "pixai" and PIXAI.licence == "Apache-2.0"
    assert isinstance(PIXAI.source, HubSource) and PIXAI.source.repo == "deepghs/pixai-tagger-v0.9-onnx"
    names = {f.name for f in PIXAI.source.files}
    assert {"model.onnx", "selected_tags.csv", "preprocess.json", "thresholds.csv"} <= names
    assert PIXAI.thresholds == {"general": 0.3, "character": 0.85}
    pre = PIXAI.preprocess
    assert (pre.size, pre.pad, pre.resample, pre.mean, pre.std) == (
        448,
        "none",
        "bilinear",
        (0.5,) * 3,
        (0.5,) * 3,
    )
    assert DBV4.thresholds["general"] == 0.39 and DBV4.thresholds["character"] == 0.47
    assert "preprocess.json" in {f.name for f in DBV4.source.files}


def test_every_entry_says_what_it_is_good_at_its_size_and_speed():
    for spec in catalogue.CATALOGUE.values():
        assert spec.strengths, spec.id
        assert spec.size, spec.id
        assert spec.speed in SPEED_CLASSES, spec.id


# -- PixAI -----------------------------------------------------------------------------------------


def test_pixai_loads_as_a_staged_tagger_reading_the_prediction_output(pixai):
    assert isinstance(pixai, StagedOnnxTagger)
    (pred,) = pixai.predict([solid((255, 0, 0))])
    assert pred.model == "pixai-tagger-v0.9@v0.9"
    # the graph lists "logits" first: reading it as probabilities would give values > 1 (clipped to 1)
    assert pixai._output == "prediction" and pixai.activation == "probabilities"
    assert pixai.category_thresholds == {"general": 0.3, "character": 0.85}


@pytest.mark.parametrize("colour", [(255, 0, 0), (0, 0, 255), (51, 102, 153)])
def test_pixai_probabilities_match_the_known_function(pixai, colour):
    (pred,) = pixai.predict([solid(colour, (300, 500))])  # resized (stretched) to 448 x 448
    want = pixai_expected(colour)
    got = as_dict(pred)
    for tag, p in zip(TAGS, want, strict=True):
        if p >= 0.05 or tag.code == 9:
            assert got[tag.name] == pytest.approx(float(p), abs=2e-3), tag.name
        else:
            assert tag.name not in got


def test_pixai_stretches_instead_of_padding(pixai):
    (pred,) = pixai.predict([wide((0, 0, 255))])  # 2:1 blue: padding would whiten the top band
    got = as_dict(pred)
    blue = float(sigmoid(np.array([UNIT * 1.0]))[0])  # normalised blue = +1 everywhere
    assert got["top_blue"] == pytest.approx(blue, abs=1e-4)
    assert "top_red" not in got or got["top_red"] < 0.05  # red is -1 everywhere: no white band


def test_pixai_batches_give_the_same_rows_as_single_images(pixai):
    images = [solid((255, 0, 0)), wide((0, 255, 0)), solid((10, 20, 30), (640, 480)), solid((200, 200, 0))]
    together = [as_dict(p) for p in pixai.predict(images)]
    alone = [as_dict(pixai.predict([im])[0]) for im in images]
    assert len(together) == 4
    for a, b in zip(together, alone, strict=True):
        assert a.keys() == b.keys()
        for k in a:
            assert a[k] == pytest.approx(b[k], abs=1e-6)


def test_pixai_categories_come_from_the_exporter_csv(pixai):
    (pred,) = pixai.predict([solid((0, 255, 0))])
    categories = {t.name: t.category for t in pred.tags}
    assert categories["hatsune_miku"] == "character"
    assert categories["green"] == "general"


def test_a_fixed_batch_graph_is_fed_its_batch(tmp_path, pixai):
    folder = make_folder(tmp_path / "fixed", PIXAI_STAGES, batch=2)
    tagger = load_tagger(PIXAI, folder, CPU)
    images = [solid((255, 0, 0)), solid((0, 0, 255)), solid((0, 255, 0))]  # 3: the last pair is padded
    try:
        fixed = [as_dict(p) for p in tagger.predict(images)]
    finally:
        tagger.close()
    free = [as_dict(p) for p in pixai.predict(images)]
    assert len(fixed) == 3
    for a, b in zip(fixed, free, strict=True):
        assert a.keys() == b.keys()
        assert all(a[k] == pytest.approx(b[k], abs=1e-6) for k in a)


def test_a_logits_only_graph_gets_a_sigmoid(tmp_path):
    folder = make_folder(tmp_path / "logits", PIXAI_STAGES, outputs=("logits",))
    tagger = load_tagger(PIXAI, folder, CPU)
    try:
        (pred,) = tagger.predict([solid((51, 102, 153))])
        assert tagger.activation == "logits"
        want = pixai_expected((51, 102, 153))
        assert as_dict(pred)["blue"] == pytest.approx(float(want[0]), abs=2e-3)
    finally:
        tagger.close()


def test_a_preprocess_json_that_disagrees_with_the_model_is_refused(tmp_path):
    folder = make_folder(tmp_path / "mismatch", PIXAI_STAGES)
    stages = json.loads(json.dumps(PIXAI_STAGES))
    stages["stages"][0]["size"] = [384, 384]
    (folder / "preprocess.json").write_text(json.dumps(stages))
    tagger = load_tagger(PIXAI, folder, CPU)
    try:
        with pytest.raises(ValueError, match="384x384"):
            tagger.predict([solid((1, 2, 3))])
    finally:
        tagger.close()


# -- dbv4 (animetimm) ------------------------------------------------------------------------------


def test_dbv4_follows_the_timm_test_stages(tmp_path):
    folder = make_folder(tmp_path / "dbv4", TIMM_STAGES)
    tagger = load_tagger(DBV4, folder, CPU)
    try:
        assert isinstance(tagger, StagedOnnxTagger)
        colour = (51, 102, 153)
        (pred,) = tagger.predict([solid(colour, (600, 300))])  # shorter side -> 448, centre crop
        norm = (np.array(colour) / 255 - np.array(IMAGENET_MEAN)) / np.array(IMAGENET_STD)
        arr = np.empty((1, 3, SIZE, SIZE))
        arr[:] = norm.reshape(1, 3, 1, 1)
        want = sigmoid(reference(arr, unit=UNIT))[0]
        got = as_dict(pred)
        assert got["green"] == pytest.approx(float(want[1]), abs=2e-3)
        assert got["general"] == pytest.approx(float(want[6]), abs=2e-3)  # rating tags always kept
    finally:
        tagger.close()


def test_dbv4_without_preprocess_json_falls_back_to_the_catalogue_contract(dbv4_folder):
    tagger = load_tagger(DBV4, dbv4_folder, CPU)  # an install from before preprocess.json was fetched
    try:
        assert isinstance(tagger, OnnxTagger) and not isinstance(tagger, StagedOnnxTagger)
        assert len(tagger.predict([solid((255, 0, 0))])) == 1
    finally:
        tagger.close()


# -- the stage pipeline on its own -----------------------------------------------------------------


def test_pipeline_resize_and_crop_match_torchvision_semantics():
    rng = np.random.default_rng(0)
    image = Image.fromarray(rng.integers(0, 255, (300, 600, 3), dtype=np.uint8))
    pipeline = StagePipeline(TIMM_STAGES["test"])
    got = pipeline(image)
    by_hand = image.resize((896, 448), Image.Resampling.BICUBIC).crop((224, 0, 672, 448))
    want = (np.asarray(by_hand, dtype=np.float32) / 255 - IMAGENET_MEAN) / IMAGENET_STD
    assert got.shape == (3, SIZE, SIZE)
    np.testing.assert_allclose(got, want.transpose(2, 0, 1), atol=1e-5)
    assert pipeline.output_size(100, 50) == (SIZE, SIZE)


def test_pipeline_flattens_transparency_on_white():
    (arr,) = StagePipeline(PIXAI_STAGES["stages"])(Image.new("RGBA", (10, 10), (0, 0, 0, 0)))[:1]
    assert float(arr.min()) == pytest.approx(1.0)  # white -> (1 - 0.5) / 0.5


def test_unknown_stages_are_refused_not_guessed(tmp_path):
    path = tmp_path / "preprocess.json"
    path.write_text(json.dumps({"stages": [{"type": "random_crop", "size": 10}, {"type": "to_tensor"}]}))
    with pytest.raises(ValueError, match="random_crop"):
        read_stages(path)
    path.write_text(json.dumps({"stages": [{"type": "resize", "size": 10}]}))
    with pytest.raises(ValueError, match="to_tensor"):
        StagePipeline(read_stages(path))


def test_thresholds_csv_is_read_by_category_name(tmp_path):
    path = tmp_path / "thresholds.csv"
    path.write_text("category,name,alpha,threshold\n0,general,1,0.39\n4,character,1,0.47\n9,rating,1,0.39\n")
    assert read_category_thresholds(path) == {"general": 0.39, "character": 0.47, "rating": 0.39}
