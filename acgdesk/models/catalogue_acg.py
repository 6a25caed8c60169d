"""ACG2vec's own models (OysterQAQ on the Hugging Face hub), kept together; ``catalogue`` adds them.

Read from the hub pages in Dec 2026 (the repositories' file lists, ``modules.json``,
``2_Dense/config.json``, ``tokenizer_config.json`` and model cards). Both main branches publish
pickled ``pytorch_model.bin`` weights only (DanbooruCLIP's pickle imports, as the hub lists them:
``torch._utils._rebuild_tensor_v2``, ``collections.OrderedDict``, ``torch.FloatStorage``,
``torch.LongStorage``). DanbooruCLIP's ``refs/pr/1`` (the hub's SFconvertbot, "Adding
`safetensors` variant of this model": main's files plus ``model.safetensors``, 1.71 GB) is used
instead, so no pickle is downloaded. ACGVoc2vec has no safetensors variant that could be checked:
its ``.bin`` files are listed as the hub has them and read only through
:mod:`acgdesk.models.backends.safe_torch_load` (checked, weights-only; ``convert_folder`` makes
safetensors copies once). Sizes are the hub's rounded figures, not pinned: ``sha256``/``size``
stay None (UNPINNED), so the store checks the LFS digest the hub publishes at download and records
it in the model's manifest on first install.
"""

from __future__ import annotations

from acgdesk.models.spec import HubSource, ModelFile, ModelSpec, Preprocess, Runtime, Task

_CLIP_MEAN = (0.48145466, 0.4578275, 0.40821073)
_CLIP_STD = (0.26862954, 0.26130258, 0.27577711)

ACG_ENTRIES: tuple[ModelSpec, ...] = (
    ModelSpec(
        id="acgvoc2vec",
        version="2023-03",
        name="ACGVoc2vec multilingual anime text encoder",
        family="acgvoc2vec",
        task=Task.TEXT_ENCODER,
        runtime=Runtime.TORCH,
        source=HubSource(
            repo="OysterQAQ/ACGVoc2vec",
            files=(  # UNPINNED: digests recorded by the store on first download
                ModelFile("modules.json"),
                ModelFile("config.json"),
                ModelFile("sentence_bert_config.json"),  # max_seq_length 128
                ModelFile("pytorch_model.bin"),  # ~539 MB, DistilBERT (6 layers, 768 wide)
                ModelFile("tokenizer.json"),
                ModelFile("tokenizer_config.json"),  # DistilBertTokenizer, cased
                ModelFile("special_tokens_map.json"),
                ModelFile("vocab.txt"),
                ModelFile("1_Pooling/config.json"),  # mean pooling over 768
                ModelFile("2_Dense/config.json"),  # 768 -> 512, bias, tanh
                ModelFile("2_Dense/pytorch_model.bin"),  # ~1.58 MB
            ),
        ),
        licence="MIT (the repository's first model card; the current card names none)",
        description="512-d embeddings of Chinese, Japanese and English anime words (titles, characters, "
        "tags): choose it as the text encoder so 猫耳 or ネコミミ finds cat_ears.",
        dim=512,
        homepage="https://huggingface.co/OysterQAQ/ACGVoc2vec",
        strengths="multilingual (Chinese / Japanese / English) search of tags, prompts and names; "
        "knows anime titles and characters",
        size="~541 MB",
        speed="fast",
        tensor_pickles=True,  # .bin only: scanned, then converted to safetensors at install
        multilingual=True,
    ),
    ModelSpec(
        id="danbooru-clip",
        version="2023-07",
        name="DanbooruCLIP (ViT-L/14, Danbooru 2021)",
        family="hf_clip",
        task=Task.CLIP,
        runtime=Runtime.TORCH,
        source=HubSource(
            repo="OysterQAQ/DanbooruCLIP",
            revision="refs/pr/1",  # main + model.safetensors (SFconvertbot); main has .bin only
            files=(  # UNPINNED: digests recorded by the store on first download
                ModelFile("config.json"),  # CLIPModel, projection_dim 768
                ModelFile("model.safetensors"),  # ~1.71 GB
                ModelFile("preprocessor_config.json"),
                ModelFile("tokenizer.json"),
                ModelFile("tokenizer_config.json"),
                ModelFile("special_tokens_map.json"),
                ModelFile("vocab.json"),
                ModelFile("merges.txt"),
            ),
        ),
        licence="not stated on the model card",
        description="OpenAI CLIP ViT-L/14 fine-tuned on Danbooru 2021: anime text-to-image search, image "
        "and text in one 768-d space; 224 px, shortest side resized and centre-cropped.",
        preprocess=Preprocess(
            size=224, layout="NCHW", channels="RGB", mean=_CLIP_MEAN, std=_CLIP_STD, pad="crop"
        ),
        dim=768,
        homepage="https://huggingface.co/OysterQAQ/DanbooruCLIP",
        strengths="text-to-image search in Danbooru's own words (tags, characters, series)",
        size="~1.71 GB",
        speed="slow",
    ),
)
