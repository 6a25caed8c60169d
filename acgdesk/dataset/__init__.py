"""Training-set export: chosen library images copied, resized and captioned for a trainer
(kohya-ss, OneTrainer, Hugging Face image folders), with a manifest to resume or repeat it."""

from acgdesk.dataset.options import (
    CaptionSpec,
    DatasetError,
    DatasetOptions,
    ImageOptions,
    LayoutOptions,
    Selection,
)

__all__ = ["CaptionSpec", "DatasetError", "DatasetOptions", "ImageOptions", "LayoutOptions", "Selection"]
