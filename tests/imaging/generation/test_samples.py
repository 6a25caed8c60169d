"""Real files from the generators (sd-parsers' test resources; see README.md for source and licence)."""

from __future__ import annotations

from pathlib import Path

from acgdesk.imaging.decode import decode_image
from acgdesk.imaging.generation import Resource, SamplerRun

SAMPLES = Path(__file__).parent / "samples"


def _gen(name: str):
    return decode_image((SAMPLES / name).read_bytes()).metadata.generation


DUCK = SamplerRun(
    positive="photo of a duck",
    negative="monochrome",
    seed=235284042,
    steps=15,
    cfg=5.0,
    sampler="UniPC",
    width=512,
    height=400,
    model="realistic_realisticVisionV20_v20",
    model_hash="c0d1994c73",
)


def test_a1111_png_and_jpeg() -> None:
    for name in ("automatic1111_cropped.png", "automatic1111_cropped.jpg"):
        info = _gen(name)
        assert (info.generator, info.samplers, info.raw) == ("a1111", (DUCK,), {})
        assert info.resources == (
            Resource("checkpoint", "realistic_realisticVisionV20_v20", hash="c0d1994c73"),
        )


def test_a1111_stealth_alpha() -> None:
    info = _gen("automatic1111_stealth.png")
    assert (info.generator, info.version) == ("a1111", "v1.9.4-169-ga30b19dd")
    assert info.samplers == (
        SamplerRun(
            positive="a circle",
            negative="a square",
            seed=2015833630,
            steps=20,
            cfg=7.0,
            sampler="Euler",
            scheduler="Automatic",
            width=64,
            height=64,
            model="realisticVisionV51_v51VAE",
            model_hash="15012c538f",
            clip_skip=2,
        ),
    )


def test_comfyui_two_pass_graphs() -> None:
    info = _gen("night_evening_day_morning_cropped.png")
    assert [
        (
            r.role,
            r.seed,
            r.steps,
            r.cfg,
            r.sampler,
            r.scheduler,
            r.width,
            r.height,
            r.denoise,
            r.model,
            r.clip_skip,
            r.upscaler,
        )
        for r in info.samplers
    ] == [
        (
            "base",
            335608130539327,
            13,
            8.5,
            "dpmpp_sde",
            "normal",
            704,
            1280,
            1.0,
            "Anything-V3.0.ckpt",
            2,
            None,
        ),
        (
            "hires",
            1122440447966177,
            14,
            7.0,
            "dpmpp_2m",
            "simple",
            1088,
            1920,
            0.5,
            "AbyssOrangeMix2_hard.safetensors",
            2,
            "nearest-exact",
        ),
    ]
    assert info.samplers[0].positive.startswith("(best quality) (night:1.3) (darkness) sky")
    assert info.negative_prompt.startswith("(hands), text, error, cropped")

    info = _gen("unclip_2pass_cropped.png")
    assert [(r.role, r.seed, r.steps, r.sampler, r.width, r.height, r.model) for r in info.samplers] == [
        (
            "base",
            1106257833005336,
            26,
            "uni_pc_bh2",
            1280,
            704,
            "wd-1-5-beta2-aesthetic-unclip-h-fp32.safetensors",
        ),
        ("hires", 119080905858220, 8, "dpmpp_sde", 1920, 1088, "cardosAnimated_v20.safetensors"),
    ]


def test_fooocus() -> None:
    info = _gen("fooocus1_cropped.png")
    assert (info.generator, info.version, info.prompt, info.negative_prompt) == (
        "fooocus",
        "Fooocus v2.4.3",
        "a smiling goldfish",
        "",
    )
    (run,) = info.samplers
    assert (
        run.seed,
        run.steps,
        run.cfg,
        run.sampler,
        run.scheduler,
        run.width,
        run.height,
        run.model,
        run.model_hash,
        run.clip_skip,
        run.vae,
        run.loras,
    ) == (
        6952411511246973023,
        30,
        4.0,
        "dpmpp_2m_sde_gpu",
        "karras",
        768,
        1280,
        "juggernautXL_v8Rundiffusion",
        "aeb7e9e689",
        2,
        None,
        (),
    )
    assert run.positive.startswith("cinematic still a smiling goldfish . emotional")
    assert info.raw["performance"] == "Speed"


def test_invokeai_three_generations() -> None:
    dream = _gen("invokeai_dream1.png")
    sdmeta = _gen("invokeai_sdmeta1.png")
    for info in (dream, sdmeta):
        run = info.samplers[0]
        assert run.negative == "rendering, glowing eyes, skinny"
        assert run.positive.endswith("film grain, low contrast")
        assert (run.seed, run.steps, run.cfg, run.sampler, run.width, run.height) == (
            2980747362,
            50,
            5.0,
            "k_lms",
            512,
            768,
        )
    assert (sdmeta.version, sdmeta.samplers[0].model) == ("2.3.0", "deliberateForInvoke_v08")

    info = _gen("invokeai_imeta1.png")
    assert info.samplers == (
        SamplerRun(
            positive="digital artwork, oil painting. painterly brushstrokes, holidays,",
            negative=info.negative_prompt,
            seed=3293022630,
            steps=35,
            cfg=8.0,
            sampler="euler",
            width=1024,
            height=1024,
            model="juggernautXL",
            vae="VAEFix",
        ),
    )
    assert "ip_adapter_model" in info.raw["ipAdapters"]


def test_novelai() -> None:
    info = _gen("novelai1_cropped.png")
    assert info.samplers == (
        SamplerRun(
            positive="masterpiece, best quality,  cat, space, icon",
            negative=info.negative_prompt,
            seed=2253955223,
            steps=50,
            cfg=10.0,
            sampler="k_euler_ancestral",
            denoise=0.4,
            model="Stable Diffusion 1D44365E",
            model_hash="1D44365E",
        ),
    )
    assert info.negative_prompt.startswith("lowres, bad anatomy")
