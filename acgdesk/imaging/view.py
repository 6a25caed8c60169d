"""Decoding for viewing: a picture the size of the screen (or whole), with an animation's frames.

Why apart from indexing's decode: indexing wants one small working copy, a viewer as many pixels as
the screen shows and no more. A 24-megapixel file must reach the screen in a few hundred
milliseconds, so it is decoded for a box: a JPEG at a reduced scale while it decodes (draft mode),
other formats whole and then shrunk with Pillow's ``reduce`` (a box average: fast, no aliasing). An
animation's frames are kept together in memory, so they are shrunk further until all of them fit a
byte budget. Everything else (pixel budget, EXIF orientation, sRGB, 8-bit RGB or RGBA, failures as
:class:`~acgdesk.core.errors.ImageFileError`) is :func:`acgdesk.imaging.decode.decode_image`'s.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from PIL import Image

from acgdesk.imaging.color import apply_icc_to_srgb, to_rgb8
from acgdesk.imaging.decode import ORIENTATION_TRANSPOSE, decode_image, exif_orientation

log = logging.getLogger(__name__)

FRAME_BUDGET_BYTES = 256 * 2**20  # bytes of RGBA for all of an animation's frames together
MAX_FRAMES = 2000
ANIMATED_FORMATS = ("GIF", "WEBP", "PNG")  # a TIFF's pages or an ICO's sizes are no animation
WHOLE_SIZE = 1 << 31  # a work size no picture reaches: decode_image keeps every pixel

Frame = tuple[Image.Image, int]  # the pixels and how long they stay, in ms (0 for a still)


@dataclass
class ViewImage:
    """A file decoded for the screen: ``width``/``height`` are the original's, as displayed (after
    EXIF orientation); ``frames`` holds one frame for a still; ``loop`` counts an animation's plays
    (0: forever)."""

    format: str
    width: int
    height: int
    frames: list[Frame]
    loop: int = 0

    @property
    def whole(self) -> bool:
        """Whether the frames are at the original's size (not shrunk for a box or the budget)."""
        return self.frames[0][0].size == (self.width, self.height)


def decode_for_view(
    path: str,
    *,
    box: tuple[int, int] | None,
    max_pixels: int,
    expected_size: tuple[int, int] | None = None,
    expected_format: str | None = None,
    frame_budget: int = FRAME_BUDGET_BYTES,
    max_frames: int = MAX_FRAMES,
) -> ViewImage:
    """Decode ``path`` shrunk to fit ``box`` (width, height), or whole when ``box`` is None.

    ``expected_size`` (as displayed) and ``expected_format`` are what indexing recorded: they choose
    the scale before the file is opened (a JPEG decodes at it; unknown, the box's longer side is
    wanted). An animated GIF, WebP or PNG gets all its frames, shrunk to keep them within
    ``frame_budget`` bytes (at most ``max_frames``). Raises ImageFileError."""
    width, height = expected_size or (0, 0)
    target = None if box is None else target_side(width, height, box)
    work = target if target is not None and expected_format == "JPEG" else WHOLE_SIZE
    decoded = decode_image(path, work_size=work, max_pixels=max_pixels)
    image = decoded.image if target is None else shrink_to(decoded.image, target)
    frames, loop = [(image, 0)], 0
    if decoded.frames > 1:
        animation = animation_frames(path, image.size, frame_budget=frame_budget, max_frames=max_frames)
        frames, loop = animation or (frames, 0)
    return ViewImage(
        format=decoded.format, width=decoded.width, height=decoded.height, frames=frames, loop=loop
    )


def target_side(width: int, height: int, box: tuple[int, int]) -> int:
    """The longer side a ``width`` x ``height`` picture has once fitted into ``box`` (never
    enlarged); the box's longer side when the size is unknown (0)."""
    if not (width and height):
        return max(1, max(box))
    fit = min(1.0, box[0] / width, box[1] / height)
    return max(1, math.ceil(max(width, height) * fit))


def shrink_to(image: Image.Image, target: int) -> Image.Image:
    """``image`` with its longer side at most ``target``: first Pillow's ``reduce`` by a whole
    factor (a box average: fast, no aliasing), then a bicubic resize for what is left."""
    if max(image.size) <= target:
        return image
    factor = max(image.size) // target
    if factor >= 2:
        image = image.reduce(factor)
    if max(image.size) > target:
        scale = target / max(image.size)
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.BICUBIC)
    return image


def animation_frames(
    path: str,
    size: tuple[int, int],
    *,
    frame_budget: int = FRAME_BUDGET_BYTES,
    max_frames: int = MAX_FRAMES,
) -> tuple[list[Frame], int] | None:
    """An animation's frames at ``size`` (the first frame's, as decoded and oriented) or smaller,
    so that all of them fit ``frame_budget`` bytes of RGBA, with their durations, and the loop count;
    None when the file is not an animated GIF, WebP or PNG. A damaged later frame ends the animation
    there (the frames before it are still worth showing)."""
    with Image.open(path) as im:
        if not getattr(im, "is_animated", False) or im.format not in ANIMATED_FORMATS:
            return None
        count = min(int(im.n_frames), max_frames)
        shrink = min(1.0, (frame_budget / (size[0] * size[1] * 4 * count)) ** 0.5)
        width, height = max(1, int(size[0] * shrink)), max(1, int(size[1] * shrink))
        orientation = exif_orientation(im)
        raw_size = (height, width) if orientation >= 5 else (width, height)  # before it is turned
        icc, loop = im.info.get("icc_profile"), int(im.info.get("loop", 0) or 0)
        frames: list[Frame] = []
        for index in range(count):
            try:
                im.seek(index)
                frame = to_rgb8(apply_icc_to_srgb(im, icc))
                if frame.size != raw_size:
                    frame = frame.resize(raw_size, Image.Resampling.BILINEAR)
                elif frame is im:
                    frame = im.copy()  # the next seek overwrites im's pixels
            except Exception as exc:
                log.info("%s: animation ends at frame %d: %s", path, index, exc)
                break
            if orientation in ORIENTATION_TRANSPOSE:
                frame = frame.transpose(ORIENTATION_TRANSPOSE[orientation])
            frames.append((frame, int(im.info.get("duration") or 0)))
    return (frames, loop) if frames else None
