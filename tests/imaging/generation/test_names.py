"""Sampler and scheduler names from every tool under one label (facets and ``sampler:`` count one
sampler once). Spellings: ComfyUI ``comfy/samplers.py`` KSAMPLER_NAMES, NovelAI's ``k_`` names, InvokeAI's
scheduler names (``dpmpp_2m_k``), A1111's labels before and after 1.9 split "Schedule type" off."""

from __future__ import annotations

import pytest

from acgdesk.imaging.generation.names import sampler_label, scheduler_label


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ("Euler a", "Euler a"),
        ("euler_ancestral", "Euler a"),  # ComfyUI
        ("k_euler_ancestral", "Euler a"),  # NovelAI
        ("euler_a", "Euler a"),  # InvokeAI, and what people type
        ("EULER A", "Euler a"),
        ("DPM++ 2M Karras", "DPM++ 2M"),  # A1111 < 1.9: the scheduler in the name
        ("DPM++ 2M SDE Karras", "DPM++ 2M SDE"),
        ("dpmpp_2m_k", "DPM++ 2M"),  # InvokeAI
        ("dpmpp_2m_sde_gpu", "DPM++ 2M SDE"),  # ComfyUI's GPU-noise variant
        ("k_euler", "Euler"),
        ("uni_pc", "UniPC"),
        ("unipc", "UniPC"),
        ("My Custom Sampler", "My Custom Sampler"),  # unknown: as written
        ("  ", None),
        (None, None),
    ],
)
def test_sampler_labels(written, label):
    assert sampler_label(written) == label


def test_scheduler_labels():
    assert scheduler_label("karras") == "Karras"
    assert scheduler_label("sgm_uniform") == "SGM Uniform"
    assert scheduler_label("Karras") == "Karras"
    assert scheduler_label("AYS custom") == "AYS custom"
    assert scheduler_label("") is None
