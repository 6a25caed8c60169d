"""Turning any Pillow mode into the 8-bit RGB or RGBA every later stage expects.

Pillow's own ``convert`` clips 16-bit and float data instead of scaling it (a 16-bit grey PNG turns
almost white), and ``P``/``LA`` images silently lose transparency if converted to plain RGB. This
module makes those choices explicitly, and maps embedded ICC profiles to sRGB.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageCms

_SRGB = ImageCms.createProfile("sRGB")


def to_rgb8(im: Image.Image) -> Image.Image:
    """Return an RGB or RGBA image with 8 bits per channel; alpha is kept when the source has any."""
    mode = im.mode
    if mode in ("RGB", "RGBA"):
        return im
    if mode in ("P", "PA"):
        return im.convert("RGBA" if _has_alpha(im) else "RGB")
    if mode in ("1", "L"):
        return im.convert("RGB")
    if mode == "La":  # premultiplied: Pillow only un-premultiplies it into LA
        return im.convert("LA").convert("RGBA")
    if mode in ("LA", "RGBa", "RGBX"):
        return im.convert("RGBA" if mode != "RGBX" else "RGB")
    if mode.startswith("I;16"):
        return _gray_from_array(np.asarray(im), nominal=(65535.0,))
    if mode == "I":
        return _gray_from_array(np.asarray(im), nominal=(255.0, 65535.0))
    if mode == "F":
        return _gray_from_array(np.asarray(im), nominal=(1.0, 255.0, 65535.0))
    if mode in ("CMYK", "YCbCr", "LAB", "HSV"):
        return im.convert("RGB")
    return im.convert("RGBA" if "A" in mode else "RGB")


def _has_alpha(im: Image.Image) -> bool:
    return im.mode == "PA" or im.has_transparency_data


def _gray_from_array(arr: np.ndarray, *, nominal: tuple[float, ...]) -> Image.Image:
    """Scale high-bit-depth grey to 0..255 by the smallest nominal range that holds the data.

    A 16-bit file is always scaled by 65535 (a dark 16-bit image stays dark); a 32-bit int or float
    image is scaled by 255, 65535 or 1.0, whichever first holds it; anything else (HDR, negative
    values) is stretched from its minimum to its maximum.
    """
    data = np.nan_to_num(arr.astype(np.float64, copy=False), nan=0.0, posinf=0.0, neginf=0.0)
    lo, hi = (float(data.min()), float(data.max())) if data.size else (0.0, 0.0)
    top = next((n for n in nominal if lo >= 0 and hi <= n), None)
    out = data * (255.0 / top) if top is not None else (data - lo) * (255.0 / ((hi - lo) or 1.0))
    gray = np.clip(np.rint(out), 0, 255).astype(np.uint8)
    return Image.fromarray(gray).convert("RGB")


def apply_icc_to_srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    """Map pixels from the embedded ICC profile to sRGB; on any profile trouble, keep the pixels.

    Must run before :func:`to_rgb8` for CMYK so the profile's own inks are used.
    """
    if not icc or im.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return im
    try:
        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in (ImageCms.getProfileDescription(src) or "").lower():
            return im
        out_mode = "RGBA" if im.mode == "RGBA" else "RGB"
        if im.mode == "RGBA":  # lcms transforms colour only; carry alpha across
            alpha = im.getchannel("A")
            rgb = ImageCms.profileToProfile(im.convert("RGB"), src, _SRGB, outputMode="RGB")
            assert rgb is not None
            rgb.putalpha(alpha)
            return rgb
        converted = ImageCms.profileToProfile(im, src, _SRGB, outputMode=out_mode)
        return converted if converted is not None else im
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return im
