"""From any decoded image to the 8-bit RGB the network takes, and back to the source's kind of image.

The network sees 8-bit RGB only. Around it: EXIF orientation is applied (the output is upright and
carries no orientation tag); alpha is split off and upscaled separately (bicubic, like the package
itself), and fully transparent pixels get the colour of their opaque surroundings first, so the
network does not smear the arbitrary colour hidden under transparency (often black) into a halo
around a sprite; grey stays grey (``L``/``LA`` out); palette images come out as RGB(A); 16-bit and
float images come out 8-bit; CMYK is converted to sRGB through its ICC profile. Other ICC profiles
are kept as they are: pixels are not converted, the output carries the same profile.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps

from acgdesk.core.errors import FileErrorKind, ImageFileError
from acgdesk.imaging.color import apply_icc_to_srgb, to_rgb8

_SRGB_ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
_GREY_MODES = {"1", "L", "LA", "La", "I", "F"}
# Containers whose extra frames are not animation: the first frame is the picture.
_STILL_MULTI_FRAME = {"MPO", "TIFF", "ICO", "ICNS", "DCX", "PSD"}


@dataclass
class Prepared:
    """The network's input plus what is needed to rebuild the source's kind of image."""

    rgb: Image.Image  # 8-bit RGB, upright
    alpha: Image.Image | None  # 8-bit L, or None when the source has no (useful) alpha
    grey: bool  # output L/LA instead of RGB/RGBA
    icc: bytes | None  # profile the output carries
    source_mode: str

    @property
    def size(self) -> tuple[int, int]:
        return self.rgb.size


def check_still(im: Image.Image) -> None:
    """Refuse animations: each frame would need its own run and the result its own encoder."""
    if getattr(im, "is_animated", False) and (im.format or "") not in _STILL_MULTI_FRAME:
        frames = getattr(im, "n_frames", "several")
        raise ImageFileError(
            FileErrorKind.UNSUPPORTED,
            f"animated {im.format or 'image'} ({frames} frames) is not upscaled: only still images are; "
            "export the frame you want as a still image first",
        )


def prepare(im: Image.Image) -> Prepared:
    """Turn a loaded still image into the network's input (see the module docstring)."""
    source_mode = im.mode
    icc = im.info.get("icc_profile") or None
    im = ImageOps.exif_transpose(im)
    grey = source_mode in _GREY_MODES or source_mode.startswith("I;16")
    if source_mode == "CMYK":
        converted = apply_icc_to_srgb(im, icc) if icc else im
        icc = _SRGB_ICC if icc and converted.mode == "RGB" else None
        im = converted
    work = to_rgb8(im)  # P/PA/LA/16-bit/float/YCbCr... -> RGB or RGBA, 8 bits per channel
    alpha = None
    if work.mode == "RGBA":
        alpha = work.getchannel("A")
        if alpha.getextrema()[0] == 255:  # an opaque alpha channel carries nothing
            alpha = None
            work = work.convert("RGB")
        else:
            work = fill_transparent(work)
    elif work.mode != "RGB":
        work = work.convert("RGB")
    return Prepared(work, alpha, grey, icc, source_mode)


def fill_transparent(rgba: Image.Image) -> Image.Image:
    """RGB where every fully transparent pixel takes the colour of the nearest opaque area.

    Push-pull: halve the image (Pillow premultiplies alpha when resampling, so only visible colour
    is averaged) until it is tiny, then go back up, laying each level over the enlarged coarser one.
    Visible pixels keep their exact colour.
    """
    levels = [rgba]
    while max(levels[-1].size) > 1:
        w, h = levels[-1].size
        levels.append(levels[-1].resize((max(1, w // 2), max(1, h // 2)), Image.Resampling.BOX))
    filled = levels[-1]
    for level in reversed(levels[:-1]):
        base = filled.resize(level.size, Image.Resampling.BILINEAR)
        base.putalpha(255)
        filled = Image.alpha_composite(base, level)
    visible = rgba.getchannel("A").point(lambda v: 255 if v > 0 else 0)
    return Image.composite(rgba.convert("RGB"), filled.convert("RGB"), visible)


def upscale_alpha(alpha: Image.Image, scale: int) -> Image.Image:
    """Alpha is a coverage mask, not a picture: a smooth bicubic enlargement keeps edges clean."""
    return alpha.resize((alpha.width * scale, alpha.height * scale), Image.Resampling.BICUBIC)


def finish(rgb: Image.Image, alpha: Image.Image | None, prepared: Prepared) -> Image.Image:
    """Rebuild the output in the source's kind: L/LA for grey sources, RGB/RGBA otherwise."""
    out = rgb.convert("L") if prepared.grey else rgb
    if alpha is not None:
        out.putalpha(alpha)  # L -> LA, RGB -> RGBA, in place
    if prepared.icc:
        out.info["icc_profile"] = prepared.icc
    return out
