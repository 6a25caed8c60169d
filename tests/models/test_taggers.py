"""The tagger families on tiny generated models with the real families' input/output contracts."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PIL import Image

from acgdesk.models import catalogue
from acgdesk.models.backends import joytag_net
from acgdesk.models.backends.joytag_net import JoyTagConfig, JoyTagNet, load_joytag
from acgdesk.models.catalogue import CLIP_MEAN, CLIP_STD, IMAGENET_MEAN, IMAGENET_STD
from acgdesk.models.devices import RuntimePrefs
from acgdesk.models.families.taggers import (
    CATEGORY_CODES,
    JoyTagTagger,
    OnnxTagger,
    load_tagger,
    read_selected_tags,
    sigmoid,
)
from acgdesk.models.results import ImageModel, Prediction
from tests.models.conftest import CATEGORY, DBV4_UNIT, JOYTAG_TAGS, SIZE, TAGS, reference, solid, wide

WD = catalogue.get("wd-vit-tagger-v3")
DBV4 = catalogue.get("dbv4-caformer-b36")
JOYTAG = catalogue.get("joytag")
CPU = RuntimePrefs(device="cpu")


def as_dict(pred: Prediction) -> dict[str, float]:
    return {t.name: t.probability for t in pred.tags}


def images_five() -> list[Image.Image]:
    return [
        solid((255, 0, 0)),
        wide((0, 0, 255)),
        solid((10, 200, 30), (300, 500)),  # tall, resized
        Image.new("RGBA", (200, 100), (0, 255, 0, 128)),
        solid((51, 102, 153), (640, 480)),
    ]


def wd_reference(colour: tuple[int, int, int], is_wide: bool) -> np.ndarray:
    """What the WD tiny model must output for a solid or 2:1 wide image of ``colour`` (by hand:
    white padding, BGR, 0..255, NHWC -> the model's function)."""
    rgb = np.empty((SIZE, SIZE, 3))
    rgb[:] = (255, 255, 255) if is_wide else colour
    if is_wide:
        rgb[SIZE // 4 : SIZE * 3 // 4] = colour
    bgr_nchw = rgb[..., ::-1].transpose(2, 0, 1)[None]
    return reference(bgr_nchw, channels="BGR", unit=1 / 255)[0]


def dbv4_reference(colour: tuple[int, int, int], is_wide: bool) -> np.ndarray:
    rgb = np.empty((SIZE, SIZE, 3))
    rgb[:] = (255, 255, 255) if is_wide else colour
    if is_wide:
        rgb[SIZE // 4 : SIZE * 3 // 4] = colour
    norm = (rgb / 255 - np.array(IMAGENET_MEAN)) / np.array(IMAGENET_STD)
    return reference(norm.transpose(2, 0, 1)[None], channels="RGB", unit=DBV4_UNIT)[0]


def expected_tags(probs: np.ndarray, floor: float = 0.05) -> dict[str, float]:
    return {t.name: float(p) for t, p in zip(TAGS, probs, strict=True) if p >= floor or t.code == 9}


# -- WD v3 -----------------------------------------------------------------------------------------


@pytest.fixture()
def wd(wd_folder):
    tagger = load_tagger(WD, wd_folder, CPU)
    yield tagger
    tagger.close()


def test_wd_is_an_image_model_and_keys_predictions_by_spec(wd):
    assert isinstance(wd, OnnxTagger)
    model: ImageModel = wd  # the protocol is not runtime-checkable: check its members
    assert model.spec is WD and callable(model.predict) and callable(model.close)
    (pred,) = wd.predict([solid((255, 0, 0))])
    assert pred.model == WD.key == "wd-vit-tagger-v3@v3"
    assert wd.choice.provider == "CPUExecutionProvider"


@pytest.mark.parametrize(
    ("colour", "is_wide"),
    [((255, 0, 0), False), ((0, 0, 255), True), ((51, 102, 153), False), ((0, 255, 0), True)],
)
def test_wd_probabilities_match_the_known_function(wd, colour, is_wide):
    image = wide(colour) if is_wide else solid(colour)
    (pred,) = wd.predict([image])
    want = expected_tags(wd_reference(colour, is_wide))
    got = as_dict(pred)
    assert got.keys() == want.keys()
    for name, p in want.items():
        assert got[name] == pytest.approx(p, abs=1e-5), name


def test_wd_honours_bgr_order_and_white_padding(wd):
    (red,) = wd.predict([solid((255, 0, 0))])
    got = as_dict(red)
    assert got["red"] == pytest.approx(1.0, abs=1e-6)
    assert "blue" not in got and "green" not in got  # an RGB-fed model would fire "blue" here
    (blue_wide,) = wd.predict([wide((0, 0, 255))])
    got = as_dict(blue_wide)
    # the top band is padding: white pads give 1.0 in every colour (black would give 0)
    assert got["top_red"] == pytest.approx(1.0, abs=1e-6)
    assert got["top_blue"] == pytest.approx(1.0, abs=1e-6)
    assert got["red"] == pytest.approx(0.5, abs=1e-5)  # half the square is white padding


def test_wd_outputs_are_used_as_probabilities_without_sigmoid(wd):
    (black,) = wd.predict([solid((0, 0, 0))])
    got = as_dict(black)
    # a sigmoid would have turned the 0.0 outputs into 0.5 and the rating 1.0 into 0.73
    assert "red" not in got
    assert got["general"] == pytest.approx(1.0, abs=1e-6)
    assert wd.activation == "probabilities"


def test_storage_floor_not_display_thresholds(wd_folder):
    tagger = load_tagger(WD, wd_folder, CPU)
    (pred,) = tagger.predict([solid((51, 0, 0))])  # red = 0.2: below the 0.35 display threshold
    got = as_dict(pred)
    assert got["red"] == pytest.approx(0.2, abs=1e-5)
    assert WD.thresholds["general"] > got["red"]
    assert got["explicit"] == pytest.approx(0.02, abs=1e-6)  # ratings are kept below the floor
    assert all(t.probability >= 0.05 or t.category == "rating" for t in pred.tags)
    strict = load_tagger(WD, wd_folder, CPU, storage_floor=0.3)
    (pred,) = strict.predict([solid((51, 0, 0))])
    assert "red" not in as_dict(pred)
    assert "explicit" in as_dict(pred)
    probabilities = [t.probability for t in pred.tags]
    assert probabilities == sorted(probabilities, reverse=True)


def test_categories_come_from_the_csv(wd):
    (pred,) = wd.predict([solid((255, 255, 255))])
    categories = {t.name: t.category for t in pred.tags}
    for t in TAGS:
        if t.name in categories:
            assert categories[t.name] == CATEGORY[t.code], t.name
    assert categories["hatsune_miku"] == "character"
    assert categories["general"] == "rating"
    assert categories["some_artist"] == "artist"
    assert categories["vocaloid"] == "copyright"


def test_batch_of_five_equals_one_by_one(wd):
    images = images_five()
    together = wd.predict(images)
    alone = [wd.predict([im])[0] for im in images]
    assert len(together) == 5
    for a, b in zip(together, alone, strict=True):
        assert [t.name for t in a.tags] == [t.name for t in b.tags]
        np.testing.assert_allclose(
            [t.probability for t in a.tags], [t.probability for t in b.tags], atol=1e-6
        )


def test_batches_are_split_by_max_batch(wd_folder):
    tagger = load_tagger(WD, wd_folder, RuntimePrefs(device="cpu", max_batch=2))
    seen: list[int] = []
    run = tagger.runner.run

    def spy(feeds, output_names=None):
        seen.append(next(iter(feeds.values())).shape[0])
        return run(feeds, output_names)

    tagger.runner.run = spy
    assert len(tagger.predict(images_five())) == 5
    assert seen == [2, 2, 1]


def test_fixed_batch_one_model_still_takes_five(wd_folder, wd_fixed_folder):
    fixed = load_tagger(WD, wd_fixed_folder, CPU)
    assert fixed.runner.inputs[0].fixed_batch == 1
    free = load_tagger(WD, wd_folder, CPU)
    assert free.runner.inputs[0].fixed_batch is None
    images = images_five()
    for a, b in zip(fixed.predict(images), free.predict(images), strict=True):
        assert as_dict(a).keys() == as_dict(b).keys()
        for name, p in as_dict(b).items():
            assert as_dict(a)[name] == pytest.approx(p, abs=1e-6)


def test_out_of_memory_halves_the_batch_and_results_stay_the_same(wd_folder):
    tagger = load_tagger(WD, wd_folder, RuntimePrefs(device="cpu", max_batch=8))
    run = tagger.runner.run

    def small_gpu(feeds, output_names=None):
        if next(iter(feeds.values())).shape[0] > 2:
            raise RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Failed to allocate memory")
        return run(feeds, output_names)

    want = tagger.predict(images_five())
    tagger.runner.run = small_gpu
    got = tagger.predict(images_five())
    assert tagger.batch.size == 2
    assert [as_dict(p) for p in got] == [as_dict(p) for p in want]


def test_empty_input_gives_no_predictions(wd):
    assert wd.predict([]) == []


def test_int8_tagger_runs(wd_folder, tmp_path):
    tagger = load_tagger(WD, wd_folder, RuntimePrefs(device="cpu", precision="int8"), cache_dir=tmp_path)
    (pred,) = tagger.predict([solid((255, 0, 0))])
    assert as_dict(pred)["red"] == pytest.approx(1.0, abs=1e-2)
    assert tagger.choice.precision == "int8"
    assert tagger.runner.session_path.parent == tmp_path


def test_idle_release_and_reload(wd_folder):
    tagger = load_tagger(WD, wd_folder, RuntimePrefs(device="cpu", idle_seconds=10))
    tagger.predict([solid((1, 2, 3))])
    t0 = tagger.runner.last_used
    assert not tagger.release_if_idle(t0 + 5)
    assert tagger.release_if_idle(t0 + 11)
    assert not tagger.runner.loaded
    tagger.predict([solid((1, 2, 3))])
    assert tagger.runner.loads == 2


# -- dbv4 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("colour", "is_wide"), [((255, 0, 0), False), ((0, 0, 255), True), ((20, 90, 200), False)]
)
def test_dbv4_logits_get_a_sigmoid(dbv4_folder, colour, is_wide):
    tagger = load_tagger(DBV4, dbv4_folder, CPU)
    (pred,) = tagger.predict([wide(colour) if is_wide else solid(colour)])
    assert tagger.activation == "logits"
    want = expected_tags(1 / (1 + np.exp(-dbv4_reference(colour, is_wide))))
    got = as_dict(pred)
    assert got.keys() == want.keys()
    for name, p in want.items():
        assert got[name] == pytest.approx(p, abs=1e-5), name


def test_dbv4_rgb_order_and_normalisation(dbv4_folder):
    tagger = load_tagger(DBV4, dbv4_folder, CPU)
    (pred,) = tagger.predict([solid((255, 0, 0))])
    got = as_dict(pred)
    red_logit = DBV4_UNIT * (1 - IMAGENET_MEAN[0]) / IMAGENET_STD[0]
    assert got["red"] == pytest.approx(1 / (1 + np.exp(-red_logit)), abs=1e-5)
    assert "blue" not in got  # blue's logit is 4 * (0 - 0.406) / 0.225 = -7.2


def test_dbv4_that_already_outputs_probabilities_gets_no_second_sigmoid(dbv4_prob_folder):
    tagger = load_tagger(DBV4, dbv4_prob_folder, CPU)
    colour = (20, 90, 200)
    (pred,) = tagger.predict([solid(colour)])
    assert tagger.activation == "probabilities"
    want = expected_tags(1 / (1 + np.exp(-dbv4_reference(colour, False))))
    got = as_dict(pred)
    assert got.keys() == want.keys()
    for name, p in want.items():
        assert got[name] == pytest.approx(p, abs=1e-5), name


# -- JoyTag ----------------------------------------------------------------------------------------


def joytag_input(image_rgb: np.ndarray) -> torch.Tensor:
    """By hand: (448, 448, 3) RGB 0..255 -> CLIP-normalised (1, 3, 448, 448)."""
    norm = (image_rgb / 255 - np.array(CLIP_MEAN)) / np.array(CLIP_STD)
    return torch.from_numpy(norm.transpose(2, 0, 1)[None].astype(np.float32))


def test_joytag_matches_its_network_on_hand_made_input(joytag_folder):
    tagger = load_tagger(JOYTAG, joytag_folder, CPU, storage_floor=0.0)
    assert isinstance(tagger, JoyTagTagger)
    colour = (200, 40, 90)
    rgb = np.empty((SIZE, SIZE, 3))
    rgb[:] = 255
    rgb[SIZE // 4 : SIZE * 3 // 4] = colour
    net = load_joytag(joytag_folder).net
    with torch.no_grad():
        want = torch.sigmoid(net(joytag_input(rgb)))[0].numpy()
    (pred,) = tagger.predict([wide(colour)])
    assert pred.model == JOYTAG.key
    got = as_dict(pred)
    assert list(got) == [JOYTAG_TAGS[i] for i in np.argsort(-want, kind="stable")]
    for i, name in enumerate(JOYTAG_TAGS):
        assert got[name] == pytest.approx(float(want[i]), abs=1e-5)
    assert {t.category for t in pred.tags} == {"general"}
    assert tagger.choice.device == "cpu" and tagger.choice.precision == "fp32"


def test_joytag_batch_equals_one_by_one_and_floor(joytag_folder):
    tagger = load_tagger(JOYTAG, joytag_folder, RuntimePrefs(device="cpu", max_batch=2))
    images = images_five()
    together = tagger.predict(images)
    for image, pred in zip(images, together, strict=True):
        (alone,) = tagger.predict([image])
        assert as_dict(pred).keys() == as_dict(alone).keys()
        for name, p in as_dict(alone).items():
            assert as_dict(pred)[name] == pytest.approx(p, abs=1e-5)
        assert all(t.probability >= 0.05 for t in pred.tags)
    assert any(len(p.tags) < len(JOYTAG_TAGS) for p in together)  # the floor dropped something


def test_joytag_lazy_load_and_idle_release(joytag_folder):
    tagger = load_tagger(JOYTAG, joytag_folder, RuntimePrefs(device="cpu", idle_seconds=60))
    assert not tagger.loaded  # nothing is loaded until the first prediction
    tagger.predict([solid((0, 0, 0))])
    assert tagger.loaded and tagger.loads == 1
    assert not tagger.release_if_idle(tagger.last_used + 30)
    assert tagger.release_if_idle(tagger.last_used + 61)
    assert not tagger.loaded
    tagger.predict([solid((0, 0, 0))])
    assert tagger.loads == 2
    tagger.close()
    assert not tagger.loaded


def test_joytag_int8_is_close_to_fp32(joytag_folder):
    fp32 = load_tagger(JOYTAG, joytag_folder, CPU, storage_floor=0.0)
    int8 = load_tagger(JOYTAG, joytag_folder, RuntimePrefs(device="cpu", precision="int8"), storage_floor=0.0)
    image = solid((90, 160, 30), (500, 300))
    a, b = as_dict(fp32.predict([image])[0]), as_dict(int8.predict([image])[0])
    assert int8.choice.precision == "int8"
    for name in JOYTAG_TAGS:
        assert b[name] == pytest.approx(a[name], abs=0.05)


# -- JoyTag network ---------------------------------------------------------------------------------


def test_joytag_network_parameter_names_are_upstreams():
    """The names the published model.safetensors uses (fancyfeast/joytag, Models.py ViT)."""
    net = JoyTagNet(JoyTagConfig(n_tags=7, d_model=64, num_heads=4, mlp_dim=128, num_blocks=2, cnn_stem=None))
    keys = set(net.state_dict())
    block = {
        f"blocks.{i}.{name}"
        for i in range(2)
        for name in (
            "norm1.weight",
            "norm1.bias",
            "qkv_proj.weight",
            "qkv_proj.bias",
            "out_proj.weight",
            "out_proj.bias",
            "skip_init1.skip",
            "norm2.weight",
            "norm2.bias",
            "mlp.linear1.weight",
            "mlp.linear1.bias",
            "mlp.linear2.weight",
            "mlp.linear2.bias",
            "skip_init2.skip",
        )
    }
    head = {"patch_embeddings.weight", "patch_embeddings.bias", "norm.weight", "norm.bias", "head.weight"}
    assert keys == block | head | {"head.bias"}

    stem = JoyTagNet(JoyTagConfig(n_tags=7))  # the published configuration: CNN stem, sine positions
    stem_keys = {k for k in stem.state_dict() if k.startswith("patch_embeddings.")}
    assert stem_keys == {
        f"patch_embeddings.conv.{i}.{p}" for i in (0, 3, 6, 9, 12) for p in ("weight", "bias")
    } | {f"patch_embeddings.conv.{i}.norm.{p}" for i in (1, 4, 7, 10) for p in ("weight", "bias")}
    assert not any(k.startswith("pos_embedding") for k in stem.state_dict())

    learned = JoyTagNet(
        JoyTagConfig(
            n_tags=7, d_model=64, num_heads=4, mlp_dim=128, num_blocks=1, use_sine=False, cnn_stem=None
        )
    )
    assert {"pos_embedding.embedding.weight", "pos_embedding.position_ids"} <= set(learned.state_dict())


def test_joytag_published_shape_has_about_91m_parameters():
    # 5000+ tags, B/16 with the CNN stem: ~90.9M with sine positions (+0.6M with learned ones);
    # the model card rounds to 91.5M.
    n = joytag_net.parameter_count(JoyTagConfig(n_tags=5000))
    assert 90.5e6 < n < 91.6e6


def test_joytag_strict_load_round_trip_and_legacy_head(joytag_folder, tmp_path):
    bundle = load_joytag(joytag_folder)
    assert bundle.tags == JOYTAG_TAGS and bundle.config.d_model == 32
    # Old checkpoints carried 9 extra outputs (3 rating + 6 score) which are dropped on load.
    from safetensors.torch import load_file, save_file

    state = load_file(str(joytag_folder / "model.safetensors"))
    state["head.weight"] = torch.cat([state["head.weight"], torch.zeros(9, 32)])
    state["head.bias"] = torch.cat([state["head.bias"], torch.zeros(9)])
    for name in ("config.json", "top_tags.txt"):
        (tmp_path / name).write_bytes((joytag_folder / name).read_bytes())
    save_file(state, str(tmp_path / "model.safetensors"))
    legacy = load_joytag(tmp_path)
    torch.testing.assert_close(legacy.net.head.weight, bundle.net.head.weight)
    # A weight file that does not match the config is refused, not half-loaded.
    del state["norm.bias"]
    save_file(state, str(tmp_path / "model.safetensors"))
    with pytest.raises(ValueError, match="does not match"):
        load_joytag(tmp_path)


def test_joytag_config_reads_upstream_keys():
    cfg = JoyTagConfig.from_dict(
        {
            "class": "ViT",
            "n_tags": 5,
            "image_size": 448,
            "num_blocks": 1,
            "patch_size": 16,
            "d_model": 32,
            "mlp_dim": 64,
            "num_heads": 4,
            "stochdepth_rate": 0.05,
            "use_sine": True,
            "loss_type": "focal2",
            "layerscale_init": None,
            "head_mean_after": False,
            "cnn_stem": None,
            "patch_dropout": 0.1,
        }
    )
    assert cfg.n_tags == 5 and cfg.cnn_stem is None and cfg.grid == 28
    with pytest.raises(ValueError, match="class"):
        JoyTagConfig.from_dict({"class": "CLIPLikeModel", "n_tags": 5})


def test_joytag_sine_positions():
    table = joytag_net.sincos_positions(3, 2, 8, dtype=torch.float32, device=torch.device("cpu"))
    assert table.shape == (6, 8)
    torch.testing.assert_close(table[0], torch.tensor([0.0, 0, 1, 1, 0, 0, 1, 1]))
    # token 4 is (y=1, x=1); the two frequencies are 1 and 1/10000
    f = torch.tensor([1.0, 1e-4])
    want = torch.cat([f.sin(), f.cos(), f.sin(), f.cos()])
    torch.testing.assert_close(table[4], want)


def test_joytag_needs_all_three_files(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_joytag(tmp_path)


# -- loading, files --------------------------------------------------------------------------------


def test_selected_tags_csv_categories(tmp_path):
    path = tmp_path / "selected_tags.csv"
    path.write_text(
        "tag_id,name,category,count\n1,a,0,5\n2,b,1,5\n3,c,3,5\n4,d,4,5\n5,e,5,5\n6,f,9,5\n7,g,42,5\n8,h,,\n",
        encoding="utf-8",
    )
    tags = read_selected_tags(path)
    assert [t.category for t in tags] == [
        "general",
        "artist",
        "copyright",
        "character",
        "meta",
        "rating",
        "general",
        "general",
    ]
    assert tags[0].tag_id == 1 and tags[0].count == 5 and tags[-1].count is None
    assert CATEGORY_CODES[9] == "rating"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="name"):
        read_selected_tags(path)


def test_load_tagger_refuses_other_families(tmp_path):
    with pytest.raises(ValueError, match="not a tagger family"):
        load_tagger(catalogue.get("clip-vit-b32"), tmp_path, CPU)


def test_wrong_tag_count_is_reported(wd_folder, tmp_path):
    for name in ("model.onnx",):
        (tmp_path / name).write_bytes((wd_folder / name).read_bytes())
    (tmp_path / "selected_tags.csv").write_text("tag_id,name,category,count\n1,only,0,1\n", encoding="utf-8")
    tagger = load_tagger(WD, tmp_path, CPU)
    with pytest.raises(ValueError, match="one column per tag"):
        tagger.predict([solid((0, 0, 0))])


def test_sigmoid_is_stable():
    x = np.array([-1000.0, -20.0, 0.0, 3.0, 1000.0], dtype=np.float32)
    with np.errstate(all="raise"):
        y = sigmoid(x)
    with np.errstate(over="ignore"):
        want = 1 / (1 + np.exp(-x.astype(np.float64)))
    np.testing.assert_allclose(y, want, atol=1e-7)
