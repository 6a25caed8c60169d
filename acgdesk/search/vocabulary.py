"""The query language's vocabulary: field names with their help, aliases, and the values fields
accept. Kept apart from the parser (:mod:`acgdesk.search.query`) so the words can be read, listed
(autocomplete, ``--help``) and extended (:mod:`.generation_terms`) without the grammar.
"""

from __future__ import annotations

from acgdesk.search import generation_terms

FIELDS: dict[str, str] = {
    "rating": "content rating: general (safe, g), sensitive (s), questionable (q), explicit (e); lists, <, >",
    "score": "a score, default kind aesthetic: score:>0.7, score:sharpness>=0.5, score:0.2..0.4",
    "width": "width in pixels: width:>=2000, width:1000..2000",
    "height": "height in pixels",
    "size": "file size: size:>2MB, size:100KB..1.5MB (KB = 1024 bytes)",
    "ratio": "width / height: ratio:16:9, ratio:1.78 (+-2%), ratio:>1, landscape, portrait, square",
    "tagcount": "number of tags shown (the rating not counted): tagcount:<5",
    "date": "file modification date: date:2025-01..2025-06, date:>=2025-03-15, date:>7d",
    "folder": "under a folder, absolute or relative to a library folder: folder:pixiv/2024",
    "ext": "file name extension: ext:png,jpg",
    "format": "decoded image format: format:webp",
    "prompt": 'text in the generation prompt: prompt:"blue sky"',
    "negprompt": "text in the negative prompt",
    "meta": 'text anywhere in the stored embedded metadata (text chunks, XMP, EXIF): meta:"Hires upscaler"',
    "generator": "generator that wrote the prompt: a1111, comfyui, novelai, invokeai",
    "tag": 'a tag, even one without "_": tag:solo, tag:"cat ears"',
    "user": "a tag the user gave: user:cat_ears",
    "model": "a tag a model predicted and that is shown: model:cat_ears",
    "source": "files a model has processed (id or id@version), or source:user",
    "stars": "your stars, 0-5: stars:>=4, stars:5, stars:0 (unrated), stars:2..4",
    "is": "your marks: is:fav, is:pick, is:reject, is:marked (any star, favourite or flag)",
    "album": 'in an album (manual or smart): album:"Summer set"',
    "has": "has: prompt, negprompt, generator, tags, usertags, rating, score, embedding",
    "missing": "the opposite of has:",
    "sort": "sort:date|score|stars|taste|random|similarity|size|width|height|ratio|tagcount|name|path|album, "
    "-key reverses",
}
FIELD_ALIASES = {
    "order": "sort",
    "aspect": "ratio",
    "dir": "folder",
    "negative": "negprompt",
    "negative_prompt": "negprompt",
    "filesize": "size",
    "gen": "generator",
    "metadata": "meta",
    "star": "stars",
}
FIELDS |= generation_terms.FIELDS  # steps:, seed:, lora:, checkpoint:, ... over the sampler runs
FIELD_ALIASES |= generation_terms.ALIASES
IS_VALUES = {
    "fav": "fav",
    "favourite": "fav",
    "favorite": "fav",
    "pick": "pick",
    "picked": "pick",
    "reject": "reject",
    "rejected": "reject",
    "marked": "marked",
}

RATINGS = ("general", "sensitive", "questionable", "explicit")
RATING_ALIASES = {
    "general": "general",
    "safe": "general",
    "g": "general",
    "sensitive": "sensitive",
    "s": "sensitive",
    "questionable": "questionable",
    "q": "questionable",
    "explicit": "explicit",
    "e": "explicit",
}
DEFAULT_SCORE_KIND = "aesthetic"
RATIO_TOLERANCE = 0.02
HAS_VALUES = ("prompt", "negprompt", "generator", "tags", "usertags", "rating", "score", "embedding")
EXT_ALIASES = {
    "jpg": ("jpg", "jpeg"),
    "jpeg": ("jpg", "jpeg"),
    "tif": ("tif", "tiff"),
    "tiff": ("tif", "tiff"),
}
FORMAT_ALIASES = {
    "jpg": "JPEG",
    "jpe": "JPEG",
    "tif": "TIFF",
    "heic": "HEIF",
    "jp2": "JPEG2000",
    "j2k": "JPEG2000",
}
GENERATOR_ALIASES = {
    "webui": "a1111",
    "automatic1111": "a1111",
    "forge": "a1111",
    "comfy": "comfyui",
    "nai": "novelai",
    "invoke": "invokeai",
}
# sort key -> natural direction (True = descending); aliases map onto these.
SORT_KEYS: dict[str, bool] = {
    "date": True,
    "score": True,
    "stars": True,
    "taste": True,
    "album": False,  # the album's own order (with album:NAME)
    "random": False,
    "similarity": True,
    "size": True,
    "width": True,
    "height": True,
    "ratio": True,
    "tagcount": True,
    "name": False,
    "path": False,
}
SORT_ALIASES = {
    "mtime": "date",
    "time": "date",
    "rand": "random",
    "relevance": "similarity",
    "sim": "similarity",
}
