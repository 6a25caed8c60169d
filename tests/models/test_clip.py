"""The CLIP family against a tiny model of the same contract, built here.

Vision tower: ``pixel_values`` [N, 3, 224, 224] -> ``image_embeds`` = per-channel mean (plus a zero),
so a pure red image embeds to exactly CLIP's normalised red. Text tower: ``input_ids`` [N, 77]
(+ ``attention_mask``) -> ``text_embeds`` = masked sum of a word table where "red" points where the red
image does. Both graphs put a decoy ``last_hidden_state`` output first, so picking by position fails.
"""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors

from acgdesk.models import catalogue
from acgdesk.models.catalogue import CLIP_MEAN, CLIP_STD, IMAGENET_MEAN, IMAGENET_STD
from acgdesk.models.families.clip import CONTEXT_LENGTH, load_clip_image, load_clip_text
from acgdesk.models.results import l2_normalise

VOCAB = {"<pad>": 0, "<unk>": 1, "<|startoftext|>": 2, "<|endoftext|>": 3, "a": 4, "photo": 5, "of": 6}
VOCAB |= {"red": 7, "green": 8, "blue": 9}
D = 4
WORDS = np.zeros((len(VOCAB), D), np.float32)
WORDS[VOCAB["red"]] = (1, -1, -1, 0)
WORDS[VOCAB["green"]] = (-1, 1, -1, 0)
WORDS[VOCAB["blue"]] = (-1, -1, 1, 0)


class Vision(torch.nn.Module):
    def forward(self, pixel_values):
        pooled = pixel_values.mean(dim=(2, 3))
        embeds = torch.cat([pooled, torch.zeros_like(pooled[:, :1])], dim=1)
        return pixel_values[:, :, :, 0], embeds


class Text(torch.nn.Module):
    def __init__(self, with_mask: bool):
        super().__init__()
        self.with_mask = with_mask
        self.table = torch.nn.Parameter(torch.from_numpy(WORDS))

    def forward(self, input_ids, attention_mask=None):
        tokens = self.table[input_ids]
        if attention_mask is not None:
            tokens = tokens * attention_mask.unsqueeze(-1).to(tokens.dtype)
        return tokens, tokens.sum(dim=1)


def export(module, args, path: Path, inputs: list[str], outputs: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            module,
            args,
            str(path),
            dynamo=False,
            input_names=inputs,
            output_names=outputs,
            dynamic_axes={name: {0: "batch"} for name in inputs + outputs},
        )


def build_tokenizer(path: Path) -> None:
    tok = Tokenizer(models.WordLevel(VOCAB, unk_token="<unk>"))
    tok.normalizer = normalizers.Lowercase()
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.post_processor = processors.TemplateProcessing(
        single="<|startoftext|> $A <|endoftext|>",
        special_tokens=[("<|startoftext|>", 2), ("<|endoftext|>", 3)],
    )
    tok.enable_padding(pad_id=0, pad_token="<pad>")
    tok.save(str(path))


@pytest.fixture(scope="module", params=["with-mask", "ids-only"])
def tiny_clip(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"clip-{request.param}")
    export(
        Vision(),
        (torch.zeros(1, 3, 224, 224),),
        folder / "onnx/vision_model.onnx",
        ["pixel_values"],
        ["last_hidden_state", "image_embeds"],
    )
    ids = torch.zeros(1, CONTEXT_LENGTH, dtype=torch.int64)
    if request.param == "with-mask":
        export(
            Text(True),
            (ids, torch.ones_like(ids)),
            folder / "onnx/text_model.onnx",
            ["input_ids", "attention_mask"],
            ["last_hidden_state", "text_embeds"],
        )
    else:
        export(
            Text(False),
            (ids,),
            folder / "onnx/text_model.onnx",
            ["input_ids"],
            ["last_hidden_state", "text_embeds"],
        )
    build_tokenizer(folder / "tokenizer.json")
    spec = dataclasses.replace(catalogue.get("clip-vit-b32"), dim=D)
    image_model = load_clip_image(spec, folder, batch_size=4)
    text_model = load_clip_text(spec, folder)
    yield image_model, text_model
    image_model.close()
    text_model.close()


def normalised_colour(rgb: tuple[float, float, float], mean, std) -> np.ndarray:
    v = (np.asarray(rgb, np.float32) - np.asarray(mean, np.float32)) / np.asarray(std, np.float32)
    return l2_normalise(np.append(v, 0.0)[None])[0]


def test_preprocess_uses_clip_mean_std_at_224(tiny_clip):
    image_model, _ = tiny_clip
    assert image_model.spec.preprocess.size == 224
    (pred,) = image_model.predict([Image.new("RGB", (300, 300), (255, 0, 0))])
    assert pred.model == "clip-vit-b32@openai"
    assert pred.embedding.shape == (D,) and pred.embedding.dtype == np.float32
    assert np.linalg.norm(pred.embedding) == pytest.approx(1.0, abs=1e-6)
    np.testing.assert_allclose(pred.embedding, normalised_colour((1, 0, 0), CLIP_MEAN, CLIP_STD), atol=1e-4)
    assert np.abs(pred.embedding - normalised_colour((1, 0, 0), IMAGENET_MEAN, IMAGENET_STD)).max() > 1e-2


def test_non_square_images_are_padded_white_and_centred(tiny_clip):
    image_model, _ = tiny_clip
    # 224x112 needs no resize: half the canvas red, half white -> R = 1, G = B = 0.5 on average
    (pred,) = image_model.predict([Image.new("RGB", (224, 112), (255, 0, 0))])
    np.testing.assert_allclose(
        pred.embedding, normalised_colour((1, 0.5, 0.5), CLIP_MEAN, CLIP_STD), atol=1e-4
    )


def test_tokenisation_pads_and_truncates_to_77(tiny_clip):
    _, text_model = tiny_clip
    ids, mask = text_model.tokenize(["a RED photo", " ".join(["blue"] * 100)])
    assert ids.shape == mask.shape == (2, CONTEXT_LENGTH)
    assert ids[0, :5].tolist() == [2, 4, 7, 5, 3]
    assert (ids[0, 5:] == 0).all() and mask[0].tolist() == [1] * 5 + [0] * 72
    assert ids[1, 0] == 2 and ids[1, -1] == 3 and (ids[1, 1:-1] == 9).all()  # end token survives truncation
    assert mask[1].all()


def test_red_image_matches_red_text(tiny_clip):
    image_model, text_model = tiny_clip
    texts = ["a photo of red", "a photo of green", "a photo of blue"]
    t = text_model.encode(texts)
    assert t.shape == (3, D) and t.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(t, axis=1), 1.0, atol=1e-6)
    colours = [(230, 20, 30), (20, 200, 40), (30, 40, 220)]
    images = [Image.new("RGB", (256, 192), c) for c in colours] + [Image.new("RGBA", (100, 100), colours[0])]
    emb = np.stack([p.embedding for p in image_model.predict(images)])  # 4 images in one batch
    sims = emb @ t.T
    assert sims.argmax(axis=1).tolist() == [0, 1, 2, 0]
    assert sims[0, 0] > sims[0, 2]  # red image: 'red' beats 'blue'


def test_text_batches_match_single_texts(tiny_clip):
    _, text_model = tiny_clip
    texts = [f"a photo of {c}" for c in ("red", "green", "blue")] * 30
    text_model.batch_size = 7
    batched = text_model.encode(texts)
    text_model.batch_size = 64
    np.testing.assert_allclose(batched, text_model.encode(texts), atol=1e-6)
    assert text_model.encode([]).shape == (0, D)
