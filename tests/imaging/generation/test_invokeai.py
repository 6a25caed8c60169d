"""InvokeAI: ``invokeai_metadata``, ``invokeai_graph``, ``sd-metadata`` and ``Dream``.

Each test's docstring names the writer whose layout it follows.
"""

from __future__ import annotations

import json

from acgdesk.imaging.decode import decode_image
from acgdesk.imaging.generation import LoraRef, Resource, SamplerRun

from .corpus import png


def _gen(data: bytes):
    return decode_image(data).metadata.generation


INVOKE = {
    "generation_mode": "sdxl_txt2img",
    "positive_prompt": "elf archer, forest",
    "negative_prompt": "text",
    "width": 1024,
    "height": 1024,
    "seed": 55,
    "rand_device": "cpu",
    "cfg_scale": 7.5,
    "steps": 35,
    "scheduler": "dpmpp_2m_k",
    "clip_skip": 0,
    "app_version": "4.2.7",
    "model": {"key": "k1", "hash": "blake3:abcd", "name": "juggernautXL", "base": "sdxl", "type": "main"},
    "vae": {"key": "k2", "hash": "blake3:ef01", "name": "sdxl-vae-fp16-fix", "base": "sdxl", "type": "vae"},
    "loras": [
        {
            "model": {"key": "k3", "hash": "blake3:1234", "name": "pixel-art-xl", "base": "sdxl"},
            "weight": 0.75,
        }
    ],
    "refiner_model": {"name": "sdxl-refiner", "base": "sdxl-refiner"},
    "refiner_steps": 20,
    "refiner_cfg_scale": 7.0,
    "refiner_scheduler": "euler",
    "refiner_start": 0.8,
}


def test_invokeai_metadata_with_loras_and_refiner() -> None:
    """InvokeAI invocations/metadata.py CoreMetadataInvocation (4.x model/lora identifiers)."""
    info = _gen(png({"invokeai_metadata": json.dumps(INVOKE)}))

    assert (info.generator, info.version, info.prompt, info.negative_prompt) == (
        "invokeai",
        "4.2.7",
        "elf archer, forest",
        "text",
    )
    base, refiner = info.samplers
    assert base == SamplerRun(
        positive="elf archer, forest",
        negative="text",
        seed=55,
        steps=35,
        cfg=7.5,
        sampler="dpmpp_2m_k",
        width=1024,
        height=1024,
        model="juggernautXL",
        model_hash="blake3:abcd",
        vae="sdxl-vae-fp16-fix",
        loras=(LoraRef("pixel-art-xl", 0.75, None, "blake3:1234"),),
        role="base",
    )
    assert (refiner.role, refiner.model, refiner.steps, refiner.cfg, refiner.sampler, refiner.seed) == (
        "refiner",
        "sdxl-refiner",
        20,
        7.0,
        "euler",
        55,
    )
    assert abs(refiner.denoise - 0.2) < 1e-9
    assert Resource("lora", "pixel-art-xl", hash="blake3:1234", weight=0.75) in info.resources
    assert info.raw["rand_device"] == "cpu" and "refiner_start" in info.raw


def test_invokeai_dream_and_sd_metadata() -> None:
    """InvokeAI 2.x ldm/invoke/pngwriter.py: ``Dream`` command line and ``sd-metadata`` JSON."""
    dream = '"a castle [fog, blur] on a hill" -s 40 -S 123 -W 512 -H 640 -C 7.5 -A k_euler_a -G 0.8'
    info = _gen(png({"Dream": dream}))
    assert (info.prompt, info.negative_prompt) == ("a castle on a hill", "fog, blur")
    assert info.samplers == (
        SamplerRun(
            positive="a castle on a hill",
            negative="fog, blur",
            seed=123,
            steps=40,
            cfg=7.5,
            sampler="k_euler_a",
            width=512,
            height=640,
        ),
    )
    assert info.raw == {"-G": "0.8"}

    meta = {
        "model": "stable diffusion",
        "model_weights": "deliberate_v2",
        "model_hash": "9aba26abdf",
        "app_id": "invoke-ai/InvokeAI",
        "app_version": "2.3.5",
        "image": {
            "prompt": [{"prompt": "a castle [fog]", "weight": 1.0}],
            "steps": 30,
            "cfg_scale": 7,
            "seed": 9,
            "width": 512,
            "height": 512,
            "sampler": "k_lms",
            "type": "img2img",
            "strength": 0.6,
        },
    }
    info = _gen(png({"Dream": dream, "sd-metadata": json.dumps(meta)}))
    assert (info.version, info.prompt, info.negative_prompt) == ("2.3.5", "a castle", "fog")
    assert info.samplers == (
        SamplerRun(
            positive="a castle",
            negative="fog",
            seed=9,
            steps=30,
            cfg=7.0,
            sampler="k_lms",
            width=512,
            height=512,
            denoise=0.6,
            model="deliberate_v2",
            model_hash="9aba26abdf",
        ),
    )


def test_invokeai_graph_only() -> None:
    """InvokeAI 3.x ``invokeai_graph`` (nodes keyed by id, edges source/destination)."""
    graph = {
        "id": "g",
        "nodes": {
            "pos": {"id": "pos", "type": "compel", "prompt": "a red fox"},
            "neg": {"id": "neg", "type": "compel", "prompt": "blurry"},
            "noise": {"id": "noise", "type": "noise", "seed": 77, "width": 768, "height": 512},
            "den": {
                "id": "den",
                "type": "denoise_latents",
                "steps": 25,
                "cfg_scale": 6.5,
                "scheduler": "euler",
            },
            "model": {"id": "model", "type": "main_model_loader", "model": {"model_name": "dreamshaper-8"}},
        },
        "edges": [
            {
                "source": {"node_id": "pos", "field": "conditioning"},
                "destination": {"node_id": "den", "field": "positive_conditioning"},
            },
            {
                "source": {"node_id": "neg", "field": "conditioning"},
                "destination": {"node_id": "den", "field": "negative_conditioning"},
            },
        ],
    }
    info = _gen(png({"invokeai_graph": json.dumps(graph)}))
    assert info.samplers == (
        SamplerRun(
            positive="a red fox",
            negative="blurry",
            seed=77,
            steps=25,
            cfg=6.5,
            sampler="euler",
            width=768,
            height=512,
            model="dreamshaper-8",
        ),
    )


def test_invokeai_clip_skip_counts_layers_skipped() -> None:
    """InvokeAI's ``clip_skip`` 1 skips one layer, which A1111 writes as "Clip skip: 2"."""
    info = _gen(png({"invokeai_metadata": json.dumps({**INVOKE, "clip_skip": 1})}))
    assert info.samplers[0].clip_skip == 2
