"""Tiny stand-ins for the downloadable taggers, generated on the spot (no download, ever).

Each tiny tagger keeps the real input/output contract of its family (WD v3: NHWC, BGR, 0..255,
probabilities; dbv4: NCHW, RGB, ImageNet-normalised, logits) and computes every tag as a known
function of the input: ``scale * mean(channel of one colour over one region) + bias``. A test can
therefore build the exact tensor the model should see by hand and predict every probability, and
a channel-order mistake shows up as the wrong colour firing.
"""

from __future__ import annotations

import csv
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from acgdesk.models.backends.joytag_net import JoyTagConfig, JoyTagNet, save_joytag
from acgdesk.models.spec import Preprocess

SIZE = 448
FULL = (0, SIZE, 0, SIZE)
TOP = (0, SIZE // 8, 0, SIZE)  # white padding of a 2:1 wide image
CENTRE = (SIZE * 3 // 8, SIZE * 5 // 8, SIZE * 3 // 8, SIZE * 5 // 8)


@dataclass(frozen=True)
class TagDef:
    name: str
    code: int  # selected_tags.csv category code
    colour: str  # "R" | "G" | "B" | "-" (constant)
    region: tuple[int, int, int, int]  # rows r0:r1, cols c0:c1
    scale: float = 1.0
    bias: float = 0.0


# Ten tags over five category codes: 0 general, 1 artist, 3 copyright, 4 character, 9 rating.
TAGS = (
    TagDef("blue", 0, "B", FULL),
    TagDef("green", 0, "G", FULL),
    TagDef("red", 0, "R", FULL),
    TagDef("top_red", 0, "R", TOP),
    TagDef("top_blue", 0, "B", TOP),
    TagDef("hatsune_miku", 4, "G", CENTRE),
    TagDef("general", 9, "G", FULL, scale=-1.0, bias=1.0),
    TagDef("explicit", 9, "-", FULL, scale=0.0, bias=0.02),
    TagDef("some_artist", 1, "R", CENTRE, scale=0.5),
    TagDef("vocaloid", 3, "B", CENTRE),
)
CATEGORY = {0: "general", 1: "artist", 3: "copyright", 4: "character", 9: "rating"}


def write_selected_tags(path: Path, tags=TAGS) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["tag_id", "name", "category", "count"])
        for i, t in enumerate(tags):
            w.writerow([1000 + i, t.name, t.code, 500 - i])
    return path


class ColourTagger(torch.nn.Module):
    """Per tag: ``scale * mean(x[colour channel, region]) * unit + bias`` (then an optional
    sigmoid). ``unit`` maps the input's value range onto about 0..1 (1/255 for 0..255 inputs)."""

    def __init__(self, tags, layout: str, channels: str, unit: float, out: str) -> None:
        super().__init__()
        self.tags = tags
        self.layout = layout
        self.order = channels
        self.unit = unit
        self.out = out

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.layout == "NHWC":
            x = x.permute(0, 3, 1, 2)
        cols = []
        for t in self.tags:
            c = self.order.index(t.colour) if t.colour != "-" else 0
            r0, r1, c0, c1 = t.region
            m = x[:, c, r0:r1, c0:c1].mean(dim=2).mean(dim=1)  # two short sums: exact to ~1e-7
            cols.append(m * (t.scale * self.unit) + t.bias)
        y = torch.stack(cols, dim=1)
        return torch.sigmoid(y) if self.out == "sigmoid" else y


def reference(tensor_nchw: np.ndarray, tags=TAGS, channels: str = "RGB", unit: float = 1.0) -> np.ndarray:
    """The tiny model's function in numpy, on a hand-made (N, C, H, W) batch (before any sigmoid)."""
    out = np.zeros((tensor_nchw.shape[0], len(tags)), dtype=np.float64)
    for k, t in enumerate(tags):
        c = channels.index(t.colour) if t.colour != "-" else 0
        r0, r1, c0, c1 = t.region
        m = tensor_nchw[:, c, r0:r1, c0:c1].astype(np.float64).mean(axis=(1, 2))
        out[:, k] = m * t.scale * unit + t.bias
    return out


def export(module: torch.nn.Module, example: torch.Tensor, path: Path, *, dynamic_batch: bool = True) -> Path:
    """``torch.onnx.export`` with input "input", output "output" and (optionally) a free batch."""
    axes = {"input": {0: "batch"}, "output": {0: "batch"}} if dynamic_batch else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the TorchScript exporter announces its deprecation
        torch.onnx.export(
            module.eval(),
            (example,),
            str(path),
            input_names=["input"],
            output_names=["output"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    return path


def make_tagger_folder(
    folder: Path, pre: Preprocess, *, out: str, unit: float, dynamic_batch: bool = True
) -> Path:
    """model.onnx + selected_tags.csv for a tiny tagger with ``pre``'s layout/channels/size."""
    folder.mkdir(parents=True, exist_ok=True)
    module = ColourTagger(TAGS, pre.layout, pre.channels, unit, out)
    shape = (1, pre.size, pre.size, 3) if pre.layout == "NHWC" else (1, 3, pre.size, pre.size)
    export(module, torch.zeros(shape), folder / "model.onnx", dynamic_batch=dynamic_batch)
    write_selected_tags(folder / "selected_tags.csv")
    return folder


# The dbv4 tiny model gets normalised inputs (about -2..2.6): logits = 4 x mean.
DBV4_UNIT = 4.0


@pytest.fixture(scope="session")
def wd_folder(tmp_path_factory) -> Path:
    from acgdesk.models.catalogue import WD3_PREPROCESS

    return make_tagger_folder(tmp_path_factory.mktemp("wd3"), WD3_PREPROCESS, out="linear", unit=1 / 255)


@pytest.fixture(scope="session")
def wd_fixed_folder(tmp_path_factory) -> Path:
    """A WD v2-style file: the same tagger with its batch dimension fixed to 1."""
    from acgdesk.models.catalogue import WD3_PREPROCESS

    return make_tagger_folder(
        tmp_path_factory.mktemp("wd2"), WD3_PREPROCESS, out="linear", unit=1 / 255, dynamic_batch=False
    )


@pytest.fixture(scope="session")
def dbv4_folder(tmp_path_factory) -> Path:
    from acgdesk.models.catalogue import get

    pre = get("dbv4-caformer-b36").preprocess
    return make_tagger_folder(tmp_path_factory.mktemp("dbv4"), pre, out="linear", unit=DBV4_UNIT)


@pytest.fixture(scope="session")
def dbv4_prob_folder(tmp_path_factory) -> Path:
    """A dbv4 export that already ends in a sigmoid."""
    from acgdesk.models.catalogue import get

    pre = get("dbv4-caformer-b36").preprocess
    return make_tagger_folder(tmp_path_factory.mktemp("dbv4p"), pre, out="sigmoid", unit=DBV4_UNIT)


JOYTAG_TAGS = ["1girl", "solo", "long_hair", "smile", "white_background", "red_eyes"]
TINY_JOYTAG = JoyTagConfig(
    n_tags=len(JOYTAG_TAGS),
    image_size=448,
    patch_size=16,
    d_model=32,
    num_blocks=2,
    num_heads=4,
    mlp_dim=64,
    use_sine=True,
    cnn_stem="conv:c=8;ln;relu;conv:c=16;ln;relu;conv:c=16;ln;relu;conv:c=32;ln;relu;conv:c=32,s=1,k=1,p=0",
)


@pytest.fixture(scope="session")
def joytag_folder(tmp_path_factory) -> Path:
    torch.manual_seed(0)
    net = JoyTagNet(TINY_JOYTAG)
    with torch.no_grad():  # make the logits spread over a useful range
        net.head.weight.mul_(20.0)
    return save_joytag(tmp_path_factory.mktemp("joytag"), net, JOYTAG_TAGS)


def solid(
    colour: tuple[int, int, int], size: tuple[int, int] = (SIZE, SIZE), mode: str = "RGB"
) -> Image.Image:
    return Image.new(mode, size, colour)


def wide(colour: tuple[int, int, int]) -> Image.Image:
    """A 2:1 image of one colour whose long side is already 448: padding only, no resizing."""
    return solid(colour, (SIZE, SIZE // 2))


def padded_rgb(colour: tuple[int, int, int], pad=(255, 255, 255)) -> np.ndarray:
    """By hand: the (448, 448, 3) RGB 0..255 array of ``wide(colour)`` padded to a square."""
    arr = np.empty((SIZE, SIZE, 3), dtype=np.float64)
    arr[:] = pad
    arr[SIZE // 4 : SIZE * 3 // 4] = colour
    return arr
