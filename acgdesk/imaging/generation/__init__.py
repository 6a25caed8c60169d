"""Generation metadata that AI image tools embed in their output, read into one record.

``parse_generation_metadata`` tries each generator's reader in turn (:mod:`.registry` holds the
ordered list, one module per generator family); :mod:`.record` holds the normalised
:class:`GenerationInfo` with one :class:`SamplerRun` per sampling pass.
"""

from acgdesk.imaging.generation.exif_comment import decode_exif_user_comment
from acgdesk.imaging.generation.record import GenerationInfo, LoraRef, Resource, SamplerRun, jsonable
from acgdesk.imaging.generation.registry import READERS, Reader, parse_generation_metadata

__all__ = [
    "READERS",
    "GenerationInfo",
    "LoraRef",
    "Reader",
    "Resource",
    "SamplerRun",
    "decode_exif_user_comment",
    "jsonable",
    "parse_generation_metadata",
]
