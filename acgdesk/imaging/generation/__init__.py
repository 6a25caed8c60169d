"""Generation metadata that AI image tools embed in their output, read into one record.

``parse_generation_metadata`` tries each generator's reader in turn; :mod:`.record` holds the
normalised :class:`GenerationInfo` (with one :class:`SamplerRun` per sampling pass).
"""

from acgdesk.imaging.generation._legacy import decode_exif_user_comment, parse_generation_metadata
from acgdesk.imaging.generation.record import GenerationInfo, LoraRef, Resource, SamplerRun, jsonable

__all__ = [
    "GenerationInfo",
    "LoraRef",
    "Resource",
    "SamplerRun",
    "decode_exif_user_comment",
    "jsonable",
    "parse_generation_metadata",
]
