"""One name per sampler and scheduler, whichever tool wrote it.

ComfyUI writes ``euler_ancestral``, NovelAI ``k_euler_ancestral``, InvokeAI ``euler_a`` or
``dpmpp_2m_k``, A1111 ``Euler a`` (before 1.9 with the scheduler in the name: ``DPM++ 2M Karras``):
facets and ``sampler:`` would count one sampler four times. Runs keep the name as written; this
gives the label they are counted and matched under, A1111's (the one most users know).
"""

from __future__ import annotations

__all__ = ["SAMPLER_LABELS", "SCHEDULER_LABELS", "sampler_label", "scheduler_label"]

# ComfyUI sampler_name / NovelAI sampler (without "k_") -> A1111's sampler label.
SAMPLER_LABELS = {
    "euler": "Euler",
    "euler_ancestral": "Euler a",
    "heun": "Heun",
    "dpm_2": "DPM2",
    "dpm_2_ancestral": "DPM2 a",
    "lms": "LMS",
    "dpm_fast": "DPM fast",
    "dpm_adaptive": "DPM adaptive",
    "dpmpp_2s_ancestral": "DPM++ 2S a",
    "dpmpp_sde": "DPM++ SDE",
    "dpmpp_2m": "DPM++ 2M",
    "dpmpp_2m_sde": "DPM++ 2M SDE",
    "dpmpp_3m_sde": "DPM++ 3M SDE",
    "ddim": "DDIM",
    "plms": "PLMS",
    "uni_pc": "UniPC",
    "lcm": "LCM",
    "restart": "Restart",
}
# ComfyUI scheduler / NovelAI noise_schedule -> A1111's "Schedule type" label.
SCHEDULER_LABELS = {
    "normal": "Normal",
    "native": "Automatic",
    "karras": "Karras",
    "exponential": "Exponential",
    "polyexponential": "Polyexponential",
    "sgm_uniform": "SGM Uniform",
    "simple": "Simple",
    "ddim_uniform": "DDIM",
    "beta": "Beta",
    "kl_optimal": "KL Optimal",
    "uniform": "Uniform",
    "align_your_steps": "Align Your Steps",
}
# Spellings of a label itself ("euler_a", "dpm++_2m") and InvokeAI's short forms.
_SAMPLER_ALIASES = {label.lower().replace(" ", "_"): label for label in SAMPLER_LABELS.values()} | {
    "dpmpp_2s": "DPM++ 2S a",
    "unipc": "UniPC",
    "k_lms": "LMS",
}
# Schedulers A1111 < 1.9 and InvokeAI fold into the sampler's name; ComfyUI's GPU-noise variants.
_FOLDED_SCHEDULERS = (" karras", " exponential", " sgm uniform", "_k", "_karras", "_gpu")


def _key(name: str) -> str:
    return name.strip().lower().replace("-", "_")


def _known(key: str) -> str | None:
    key = key.removeprefix("k_") if key not in _SAMPLER_ALIASES else key
    return SAMPLER_LABELS.get(key) or _SAMPLER_ALIASES.get(key) or _SAMPLER_ALIASES.get(key.replace(" ", "_"))


def sampler_label(name: str | None) -> str | None:
    """The A1111 label of a sampler name from any tool; an unknown name comes back as written."""
    if not name or not name.strip():
        return None
    key = _key(name)
    label = _known(key)
    if label is None:
        for suffix in _FOLDED_SCHEDULERS:
            if key.endswith(suffix):
                label = _known(key[: -len(suffix)])
                break
    return label or name.strip()


def scheduler_label(name: str | None) -> str | None:
    """The A1111 "Schedule type" label of a scheduler name; an unknown name comes back as written."""
    if not name or not name.strip():
        return None
    return SCHEDULER_LABELS.get(_key(name)) or name.strip()
