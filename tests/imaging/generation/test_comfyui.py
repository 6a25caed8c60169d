"""ComfyUI API graphs (PNG ``prompt`` chunk, as nodes.py ``SaveImage`` writes it).

Node inputs follow ComfyUI's nodes.py (KSampler, KSamplerAdvanced, LoraLoader,
LoraLoaderModelOnly, CLIPSetLastLayer, VAELoader, LatentUpscaleBy), comfy_extras
(SamplerCustomAdvanced, CFGGuider, RandomNoise, BasicScheduler, UNETLoader), rgthree-comfy
("Power Lora Loader (rgthree)" ``lora_N: {"on", "lora", "strength", "strengthTwo"}``) and
efficiency-nodes-comfyui ("Efficient Loader", "KSampler (Efficient)", "LoRA Stacker").
"""

from __future__ import annotations

import json

from acgdesk.imaging.decode import decode_image
from acgdesk.imaging.generation import LoraRef, Resource, SamplerRun

from .corpus import png

TWO_PASS = {
    "1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "noobai-xl-1.1.safetensors"}},
    "2": {
        "class_type": "LoraLoader",
        "inputs": {
            "model": ["1", 0],
            "clip": ["1", 1],
            "lora_name": "detail.safetensors",
            "strength_model": 0.8,
            "strength_clip": 0.6,
        },
    },
    "3": {
        "class_type": "LoraLoaderModelOnly",
        "inputs": {"model": ["2", 0], "lora_name": "style.safetensors", "strength_model": 0.5},
    },
    "4": {
        "class_type": "Power Lora Loader (rgthree)",
        "inputs": {
            "model": ["3", 0],
            "clip": ["2", 1],
            "PowerLoraLoaderHeaderWidget": {"type": "PowerLoraLoaderHeaderWidget"},
            "lora_1": {"on": True, "lora": "eyes.safetensors", "strength": 1.0, "strengthTwo": None},
            "lora_2": {"on": False, "lora": "off.safetensors", "strength": 1.0},
            "➕ Add Lora": "",
        },
    },
    "5": {"class_type": "CLIPSetLastLayer", "inputs": {"clip": ["4", 1], "stop_at_clip_layer": -2}},
    "6": {"class_type": "PrimitiveString", "inputs": {"value": "1girl, silver hair"}},
    "7": {
        "class_type": "StringConcatenate",
        "inputs": {"string_a": ["6", 0], "string_b": "night sky", "delimiter": ", "},
    },
    "8": {"class_type": "CLIPTextEncode", "inputs": {"text": ["7", 0], "clip": ["5", 0]}},
    "9": {"class_type": "CLIPTextEncode", "inputs": {"text": "lowres, bad hands", "clip": ["5", 0]}},
    "10": {"class_type": "EmptyLatentImage", "inputs": {"width": 832, "height": 1216, "batch_size": 1}},
    "11": {"class_type": "Reroute", "inputs": {"input": ["8", 0]}},
    "12": {
        "class_type": "KSampler",
        "inputs": {
            "seed": 42,
            "steps": 28,
            "cfg": 5.5,
            "sampler_name": "euler_ancestral",
            "scheduler": "karras",
            "denoise": 1.0,
            "model": ["4", 0],
            "positive": ["11", 0],
            "negative": ["9", 0],
            "latent_image": ["10", 0],
        },
    },
    "13": {
        "class_type": "LatentUpscaleBy",
        "inputs": {"samples": ["12", 0], "upscale_method": "nearest-exact", "scale_by": 1.5},
    },
    "14": {
        "class_type": "KSampler",
        "inputs": {
            "seed": 43,
            "steps": 12,
            "cfg": 5.0,
            "sampler_name": "dpmpp_2m",
            "scheduler": "simple",
            "denoise": 0.4,
            "model": ["4", 0],
            "positive": ["8", 0],
            "negative": ["9", 0],
            "latent_image": ["13", 0],
        },
    },
    "15": {"class_type": "VAELoader", "inputs": {"vae_name": "sdxl_vae.safetensors"}},
    "16": {"class_type": "VAEDecode", "inputs": {"samples": ["14", 0], "vae": ["15", 0]}},
    "17": {"class_type": "SaveImage", "inputs": {"filename_prefix": "ComfyUI", "images": ["16", 0]}},
    # a sampler feeding nothing that was saved: not part of this image
    "30": {
        "class_type": "KSampler",
        "inputs": {
            "seed": 1,
            "steps": 1,
            "cfg": 1,
            "sampler_name": "euler",
            "scheduler": "normal",
            "denoise": 1,
            "model": ["1", 0],
            "positive": ["8", 0],
            "negative": ["9", 0],
            "latent_image": ["10", 0],
        },
    },
}


def _gen(graph: dict) -> object:
    return decode_image(png({"prompt": json.dumps(graph)})).metadata.generation


def test_two_pass_graph_from_the_save_node_every_field() -> None:
    info = _gen(TWO_PASS)

    loras = (
        LoraRef("detail.safetensors", 0.8, 0.6),
        LoraRef("style.safetensors", 0.5, None),
        LoraRef("eyes.safetensors", 1.0, None),
    )
    common = {
        "positive": "1girl, silver hair, night sky",
        "negative": "lowres, bad hands",
        "model": "noobai-xl-1.1.safetensors",
        "vae": "sdxl_vae.safetensors",
        "loras": loras,
        "clip_skip": 2,
    }
    assert info.samplers == (
        SamplerRun(
            seed=42,
            steps=28,
            cfg=5.5,
            sampler="euler_ancestral",
            scheduler="karras",
            width=832,
            height=1216,
            denoise=1.0,
            role="base",
            **common,
        ),
        SamplerRun(
            seed=43,
            steps=12,
            cfg=5.0,
            sampler="dpmpp_2m",
            scheduler="simple",
            width=1248,
            height=1824,
            denoise=0.4,
            upscaler="nearest-exact",
            role="hires",
            **common,
        ),
    )
    assert (info.generator, info.prompt, info.negative_prompt) == (
        "comfyui",
        common["positive"],
        common["negative"],
    )
    assert info.params["seed"] == 42 and info.params["loras"] == [lo.name for lo in loras]
    assert list(info.resources) == [
        Resource("checkpoint", "noobai-xl-1.1.safetensors"),
        Resource("vae", "sdxl_vae.safetensors"),
        Resource("lora", "detail.safetensors", weight=0.8),
        Resource("lora", "style.safetensors", weight=0.5),
        Resource("lora", "eyes.safetensors", weight=1.0),
    ]


def test_flux_sampler_custom_advanced_unet_and_civitai_urn() -> None:
    graph = {
        "1": {
            "class_type": "UNETLoader",
            "inputs": {"unet_name": "urn:air:flux1:checkpoint:civitai:618692@691639"},
        },
        "2": {"class_type": "CLIPTextEncode", "inputs": {"text": "dragon, clouds"}},
        "3": {"class_type": "FluxGuidance", "inputs": {"conditioning": ["2", 0], "guidance": 3.5}},
        "4": {"class_type": "BasicGuider", "inputs": {"model": ["1", 0], "conditioning": ["3", 0]}},
        "5": {"class_type": "RandomNoise", "inputs": {"noise_seed": 4242}},
        "6": {"class_type": "KSamplerSelect", "inputs": {"sampler_name": "euler"}},
        "7": {
            "class_type": "BasicScheduler",
            "inputs": {"model": ["1", 0], "scheduler": "simple", "steps": 20, "denoise": 1.0},
        },
        "8": {
            "class_type": "EmptySD3LatentImage",
            "inputs": {"width": 1024, "height": 1536, "batch_size": 1},
        },
        "9": {
            "class_type": "SamplerCustomAdvanced",
            "inputs": {
                "noise": ["5", 0],
                "guider": ["4", 0],
                "sampler": ["6", 0],
                "sigmas": ["7", 0],
                "latent_image": ["8", 0],
            },
        },
        "10": {"class_type": "VAEDecode", "inputs": {"samples": ["9", 0], "vae": ["11", 0]}},
        "11": {"class_type": "VAELoader", "inputs": {"vae_name": "ae.safetensors"}},
        "12": {"class_type": "PreviewImage", "inputs": {"images": ["10", 0]}},
    }
    info = _gen(graph)

    assert info.samplers == (
        SamplerRun(
            positive="dragon, clouds",
            seed=4242,
            steps=20,
            sampler="euler",
            scheduler="simple",
            width=1024,
            height=1536,
            denoise=1.0,
            model="urn:air:flux1:checkpoint:civitai:618692@691639",
            vae="ae.safetensors",
        ),
    )
    assert (
        Resource("checkpoint", "urn:air:flux1:checkpoint:civitai:618692@691639", civitai_version_id=691639)
        in info.resources
    )


def test_efficiency_nodes_loader_prompts_and_lora_stack() -> None:
    graph = {
        "1": {
            "class_type": "LoRA Stacker",
            "inputs": {
                "input_mode": "advanced",
                "lora_count": 2,
                "lora_name_1": "a.safetensors",
                "model_str_1": 0.7,
                "clip_str_1": 0.5,
                "lora_name_2": "b.safetensors",
                "model_str_2": 1.0,
                "clip_str_2": 1.0,
                "lora_name_3": "unused.safetensors",
                "model_str_3": 1,
            },
        },
        "2": {
            "class_type": "Efficient Loader",
            "inputs": {
                "ckpt_name": "anything-v5.safetensors",
                "vae_name": "kl-f8-anime2.safetensors",
                "clip_skip": -2,
                "lora_name": "None",
                "positive": "1boy, armor",
                "negative": "blurry",
                "empty_latent_width": 512,
                "empty_latent_height": 768,
                "batch_size": 1,
                "lora_stack": ["1", 0],
            },
        },
        "3": {
            "class_type": "KSampler (Efficient)",
            "inputs": {
                "model": ["2", 0],
                "positive": ["2", 1],
                "negative": ["2", 2],
                "latent_image": ["2", 3],
                "optional_vae": ["2", 4],
                "seed": 777,
                "steps": 25,
                "cfg": 7.0,
                "sampler_name": "dpmpp_2m",
                "scheduler": "karras",
                "denoise": 1.0,
                "preview_method": "auto",
                "vae_decode": "true",
            },
        },
        "4": {"class_type": "SaveImage", "inputs": {"images": ["3", 5]}},
    }
    info = _gen(graph)

    (run,) = info.samplers
    assert (run.positive, run.negative, run.seed, run.steps, run.cfg) == (
        "1boy, armor",
        "blurry",
        777,
        25,
        7.0,
    )
    assert (run.model, run.vae, run.clip_skip) == ("anything-v5.safetensors", "kl-f8-anime2.safetensors", 2)
    assert run.loras == (LoraRef("a.safetensors", 0.7, 0.5), LoraRef("b.safetensors", 1.0, None))


def test_refiner_pass_named_by_its_model() -> None:
    graph = {
        "1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd_xl_base_1.0.safetensors"}},
        "2": {
            "class_type": "CheckpointLoaderSimple",
            "inputs": {"ckpt_name": "sd_xl_refiner_1.0.safetensors"},
        },
        "3": {"class_type": "CLIPTextEncode", "inputs": {"text": "lighthouse"}},
        "4": {"class_type": "CLIPTextEncode", "inputs": {"text": "fog"}},
        "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 1024, "height": 1024, "batch_size": 1}},
        "6": {
            "class_type": "KSamplerAdvanced",
            "inputs": {
                "add_noise": "enable",
                "noise_seed": 9,
                "steps": 25,
                "cfg": 8,
                "sampler_name": "euler",
                "scheduler": "normal",
                "start_at_step": 0,
                "end_at_step": 20,
                "model": ["1", 0],
                "positive": ["3", 0],
                "negative": ["4", 0],
                "latent_image": ["5", 0],
            },
        },
        "7": {
            "class_type": "KSamplerAdvanced",
            "inputs": {
                "add_noise": "disable",
                "noise_seed": 9,
                "steps": 25,
                "cfg": 8,
                "sampler_name": "euler",
                "scheduler": "normal",
                "start_at_step": 20,
                "end_at_step": 10000,
                "model": ["2", 0],
                "positive": ["3", 0],
                "negative": ["4", 0],
                "latent_image": ["6", 0],
            },
        },
        "8": {"class_type": "VAEDecode", "inputs": {"samples": ["7", 0], "vae": ["2", 2]}},
        "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0]}},
    }
    info = _gen(graph)

    assert [(r.role, r.model, r.width, r.seed) for r in info.samplers] == [
        ("base", "sd_xl_base_1.0.safetensors", 1024, 9),
        ("refiner", "sd_xl_refiner_1.0.safetensors", 1024, 9),
    ]
    assert info.samplers[0].vae is None  # the checkpoint's own VAE: nothing to name


def test_deep_chain_and_self_loops_stay_bounded() -> None:
    graph = {str(i): {"class_type": "Reroute", "inputs": {"input": [str(i + 1), 0]}} for i in range(1, 3000)}
    graph["3000"] = {"class_type": "Reroute", "inputs": {"input": ["3000", 0]}}
    graph["s"] = {
        "class_type": "KSampler",
        "inputs": {
            "seed": 1,
            "positive": ["1", 0],
            "negative": ["s", 0],
            "model": ["s", 0],
            "latent_image": ["s", 0],
        },
    }
    graph["o"] = {"class_type": "SaveImage", "inputs": {"images": ["s", 0]}}
    info = _gen(graph)

    assert info.samplers[0].seed == 1 and info.samplers[0].positive == ""
