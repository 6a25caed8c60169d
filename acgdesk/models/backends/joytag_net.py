"""JoyTag's network (fancyfeast/joytag), written for inference.

A ViT whose patch embedding may be a small CNN ("ViT with CNN stem"): JoyTag itself is a B/16 at
448 px whose stem is four stride-2 3x3 convolutions (64, 128, 256, 512 channels, each followed by a
channel LayerNorm and ReLU) and a 1x1 convolution to 768, giving 28x28 tokens with fixed 2-D
sine/cosine positions. Blocks are pre-norm: LayerNorm -> fused QKV attention -> output projection
scaled per channel (LayerScale), then LayerNorm -> GELU MLP -> LayerScale. The head averages the
normalised tokens and applies one Linear layer giving one logit per tag (sigmoid outside).

Module and parameter names follow the published checkpoint, so the hub's ``model.safetensors``
loads with ``load_state_dict(strict=True)``. The ``config.json`` keys are upstream's
(``class``, ``n_tags``, ``image_size``, ``num_blocks``, ``patch_size``, ``d_model``, ``mlp_dim``,
``num_heads``, ``use_sine``, ``cnn_stem``, ``layerscale_init``, ``head_mean_after``, plus
training-only ``stochdepth_rate``, ``loss_type``, ``patch_dropout``). Weights are read with
safetensors only: never torch.load/pickle.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

log = logging.getLogger(__name__)

CONFIG_FILE = "config.json"
WEIGHTS_FILE = "model.safetensors"
TAGS_FILE = "top_tags.txt"

# Keys upstream's config.json may carry that matter only for training.
_TRAINING_KEYS = frozenset({"stochdepth_rate", "loss_type", "patch_dropout", "use_amp"})


@dataclass(frozen=True)
class JoyTagConfig:
    """The architecture. Defaults are JoyTag's published B/16 @ 448 with its CNN stem."""

    n_tags: int
    image_size: int = 448
    patch_size: int = 16
    d_model: int = 768
    num_blocks: int = 12
    num_heads: int = 12
    mlp_dim: int = 3072
    use_sine: bool = True
    cnn_stem: str | None = (
        "conv:c=64;ln;relu;conv:c=128;ln;relu;conv:c=256;ln;relu;conv:c=512;ln;relu;conv:c=768,s=1,k=1,p=0"
    )
    layerscale_init: float | None = None
    head_mean_after: bool = False

    def __post_init__(self) -> None:
        if self.d_model % self.num_heads:
            raise ValueError(f"d_model {self.d_model} is not divisible by num_heads {self.num_heads}")
        if self.use_sine and self.d_model % 4:
            raise ValueError("sine positions need d_model divisible by 4")

    @property
    def grid(self) -> int:
        return self.image_size // self.patch_size

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JoyTagConfig:
        """From upstream's config.json: only class "ViT" exists in the published model."""
        data = dict(data)
        kind = data.pop("class", "ViT")
        if kind != "ViT":
            raise ValueError(f"unsupported JoyTag model class {kind!r} (only 'ViT' is implemented)")
        if data.get("ml_decoder_head"):
            raise ValueError("JoyTag configs with an ML-Decoder head are not supported")
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - names - _TRAINING_KEYS - {"ml_decoder_head"})
        if unknown:
            log.warning("ignoring unknown JoyTag config keys: %s", ", ".join(unknown))
        return cls(**{k: v for k, v in data.items() if k in names})

    def to_dict(self) -> dict[str, Any]:
        return {"class": "ViT", **asdict(self)}


def layerscale_default(depth: int) -> float:
    """CaiT's LayerScale initial value by depth (only the shape matters when weights are loaded)."""
    return 0.1 if depth <= 18 else (1e-5 if depth <= 24 else 1e-6)


def sincos_positions(
    grid_w: int, grid_h: int, dim: int, *, dtype: torch.dtype, device: torch.device, base: float = 10000.0
) -> torch.Tensor:
    """Fixed 2-D positions, (grid_h * grid_w, dim): [sin(x f), cos(x f), sin(y f), cos(y f)] with
    ``dim / 4`` frequencies ``f = base ** -(i / (dim/4 - 1))``, row-major over (y, x)."""
    quarter = dim // 4
    exponents = torch.arange(quarter, device=device, dtype=torch.float32) / max(quarter - 1, 1)
    freqs = base**-exponents
    ys, xs = torch.meshgrid(
        torch.arange(grid_h, device=device, dtype=torch.float32),
        torch.arange(grid_w, device=device, dtype=torch.float32),
        indexing="ij",
    )
    x_angles = xs.reshape(-1, 1) * freqs
    y_angles = ys.reshape(-1, 1) * freqs
    table = torch.cat([x_angles.sin(), x_angles.cos(), y_angles.sin(), y_angles.cos()], dim=1)
    return table.to(dtype)


class ChannelLayerNorm(nn.Module):
    """LayerNorm over the channels of an (N, C, H, W) map (the stem's "ln")."""

    def __init__(self, channels: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(channels)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.norm(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)


class ConvStem(nn.Module):
    """A CNN built from a spec string: ``;``-separated layers, ``conv:c=C[,k=K][,s=S][,p=P]``
    (defaults k=3, s=2, p=1), ``ln`` (channel LayerNorm), ``bn``, ``relu`` or ``gelu``."""

    def __init__(self, spec: str, in_channels: int = 3) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        channels = in_channels
        for item in filter(None, (part.strip() for part in spec.split(";"))):
            kind, _, raw_opts = item.partition(":")
            opts = dict(opt.split("=", 1) for opt in raw_opts.split(",")) if raw_opts else {}
            if kind == "conv":
                out = int(opts["c"])
                layers.append(
                    nn.Conv2d(
                        channels,
                        out,
                        kernel_size=int(opts.get("k", 3)),
                        stride=int(opts.get("s", 2)),
                        padding=int(opts.get("p", 1)),
                        bias=True,
                    )
                )
                channels = out
            elif kind == "ln":
                layers.append(ChannelLayerNorm(channels))
            elif kind == "bn":
                layers.append(nn.BatchNorm2d(channels))
            elif kind == "relu":
                layers.append(nn.ReLU())
            elif kind == "gelu":
                layers.append(nn.GELU())
            else:
                raise ValueError(f"unknown CNN stem layer {kind!r} in {spec!r}")
        self.out_channels = channels
        self.conv = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv(x)


class Positions(nn.Module):
    """Adds positions to the token sequence: fixed sine/cosine, or a learned table."""

    def __init__(self, config: JoyTagConfig) -> None:
        super().__init__()
        self.use_sine = config.use_sine
        self.dim = config.d_model
        if not self.use_sine:
            length = config.grid**2
            self.embedding = nn.Embedding(length, config.d_model)
            self.register_buffer("position_ids", torch.arange(length))

    def forward(self, tokens: torch.Tensor, grid_h: int, grid_w: int) -> torch.Tensor:
        if self.use_sine:
            table = sincos_positions(grid_w, grid_h, self.dim, dtype=tokens.dtype, device=tokens.device)
        else:
            table = self.embedding(self.position_ids)
        return tokens + table


class LayerScale(nn.Module):
    def __init__(self, channels: int, init: float) -> None:
        super().__init__()
        self.skip = nn.Parameter(torch.full((channels,), float(init)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * self.skip


class FeedForward(nn.Module):
    def __init__(self, dim: int, hidden: int) -> None:
        super().__init__()
        self.linear1 = nn.Linear(dim, hidden)
        self.activation = nn.GELU()
        self.linear2 = nn.Linear(hidden, dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear2(self.activation(self.linear1(x)))


class Block(nn.Module):
    """Pre-norm transformer block with LayerScale on both residual branches."""

    def __init__(self, config: JoyTagConfig, layerscale: float) -> None:
        super().__init__()
        dim = config.d_model
        self.heads = config.num_heads
        self.norm1 = nn.LayerNorm(dim)
        self.qkv_proj = nn.Linear(dim, 3 * dim)
        self.out_proj = nn.Linear(dim, dim)
        self.skip_init1 = LayerScale(dim, layerscale)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = FeedForward(dim, config.mlp_dim)
        self.skip_init2 = LayerScale(dim, layerscale)

    def attention(self, x: torch.Tensor) -> torch.Tensor:
        n, length, dim = x.shape
        head_dim = dim // self.heads
        q, k, v = (
            t.reshape(n, length, self.heads, head_dim).transpose(1, 2)
            for t in self.qkv_proj(x).chunk(3, dim=-1)
        )
        mixed = F.scaled_dot_product_attention(q, k, v)
        return self.out_proj(mixed.transpose(1, 2).reshape(n, length, dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.skip_init1(self.attention(self.norm1(x)))
        return x + self.skip_init2(self.mlp(self.norm2(x)))


class JoyTagNet(nn.Module):
    """JoyTag's ViT. ``forward`` takes an (N, 3, S, S) CLIP-normalised batch and returns
    (N, n_tags) logits; :meth:`features` returns the pooled (N, d_model) features."""

    def __init__(self, config: JoyTagConfig) -> None:
        super().__init__()
        self.config = config
        if config.cnn_stem:
            stem = ConvStem(config.cnn_stem)
            if stem.out_channels != config.d_model:
                raise ValueError(
                    f"CNN stem ends with {stem.out_channels} channels, d_model is {config.d_model}"
                )
            self.patch_embeddings: nn.Module = stem
        else:
            p = config.patch_size
            self.patch_embeddings = nn.Conv2d(3, config.d_model, p, stride=p, bias=True)
        self.pos_embedding = Positions(config)
        scale = config.layerscale_init
        if scale is None:
            scale = layerscale_default(config.num_blocks)
        self.blocks = nn.ModuleList(Block(config, scale) for _ in range(config.num_blocks))
        self.norm = nn.LayerNorm(config.d_model)
        self.head = nn.Linear(config.d_model, config.n_tags)

    def tokens(self, images: torch.Tensor) -> torch.Tensor:
        _, _, height, width = images.shape
        p = self.config.patch_size
        if height % p or width % p:
            raise ValueError(f"input {height}x{width} is not a multiple of the patch size {p}")
        fmap = self.patch_embeddings(images)  # (N, D, H/p, W/p)
        grid_h, grid_w = fmap.shape[-2:]
        x = fmap.flatten(2).transpose(1, 2)
        x = self.pos_embedding(x, grid_h, grid_w)
        for block in self.blocks:
            x = block(x)
        return self.norm(x)

    def features(self, images: torch.Tensor) -> torch.Tensor:
        return self.tokens(images).mean(dim=1)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        x = self.tokens(images)
        if self.config.head_mean_after:
            return self.head(x).mean(dim=1)
        return self.head(x.mean(dim=1))


@dataclass
class LoadedJoyTag:
    net: JoyTagNet
    config: JoyTagConfig
    tags: list[str]


def read_tags(path: Path) -> list[str]:
    """top_tags.txt: one tag per line, line index = output index (blank lines skipped, as upstream)."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_joytag(
    folder: str | Path, device: str | torch.device = "cpu", dtype: torch.dtype = torch.float32
) -> LoadedJoyTag:
    """JoyTag from ``folder`` (config.json, model.safetensors, top_tags.txt), in eval mode on
    ``device``/``dtype``. Raises FileNotFoundError for a missing file and ValueError when the
    weights, config and tag list disagree."""
    from safetensors.torch import load_file

    folder = Path(folder)
    for name in (CONFIG_FILE, WEIGHTS_FILE, TAGS_FILE):
        if not (folder / name).is_file():
            raise FileNotFoundError(f"JoyTag file missing: {folder / name}")
    config = JoyTagConfig.from_dict(json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8")))
    tags = read_tags(folder / TAGS_FILE)
    if len(tags) != config.n_tags:
        raise ValueError(f"{TAGS_FILE} lists {len(tags)} tags but config.json says n_tags={config.n_tags}")
    state = load_file(str(folder / WEIGHTS_FILE), device="cpu")
    head = state.get("head.weight")
    if head is not None and head.shape[0] == config.n_tags + 9:
        # Older checkpoints carried 3 rating + 6 score outputs after the tags; upstream drops them.
        state["head.weight"] = head[: config.n_tags]
        state["head.bias"] = state["head.bias"][: config.n_tags]
    net = JoyTagNet(config)
    try:
        net.load_state_dict(state, strict=True)
    except RuntimeError as exc:
        raise ValueError(f"{WEIGHTS_FILE} does not match config.json: {exc}") from None
    net = net.eval().to(device=torch.device(device), dtype=dtype)
    params = sum(p.numel() for p in net.parameters())
    log.info("JoyTag loaded: %d tags, %.1fM parameters", config.n_tags, params / 1e6)
    return LoadedJoyTag(net=net, config=config, tags=tags)


def save_joytag(folder: str | Path, net: JoyTagNet, tags: list[str]) -> Path:
    """Write ``net`` in the hub's layout (for tests and for exporting fine-tunes)."""
    from safetensors.torch import save_file

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if len(tags) != net.config.n_tags:
        raise ValueError("one tag per output is needed")
    (folder / CONFIG_FILE).write_text(json.dumps(net.config.to_dict(), indent=2), encoding="utf-8")
    state = {k: v.detach().to("cpu").contiguous() for k, v in net.state_dict().items()}
    save_file(state, str(folder / WEIGHTS_FILE))
    (folder / TAGS_FILE).write_text("\n".join(tags) + "\n", encoding="utf-8")
    return folder


def parameter_count(config: JoyTagConfig) -> int:
    """Parameters of a network with ``config`` (built on the meta device: no memory used)."""
    with torch.device("meta"):
        net = JoyTagNet(config)
    return sum(math.prod(p.shape) for p in net.parameters())
