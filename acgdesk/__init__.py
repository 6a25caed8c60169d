"""acgdesk: a desktop image-library manager for anime, comics and game art.

The package is split so the headless core never needs a display or a model runtime:
``core`` (types, errors, settings), ``db`` (SQLite storage), ``imaging`` (safe decoding, hashes,
metadata), ``pipeline`` (indexing stages), ``library`` (the facade), and the front ends ``cli``/``gui``.
"""

__version__ = "0.1.0"
