"""Vector search: one HNSW index per embedding model, a cache of the vectors SQLite holds.

- :mod:`.hnsw_index` — the hnswlib wrapper (add, delete, grow, search, atomic save, checked load);
- :mod:`.hnsw_file` — a saved graph's manifest, checked before hnswlib reads the file;
- :mod:`.exact` — exact cosine top-k with numpy (selective filters, ground truth);
- :mod:`.manager` — keeps each model's index in step with the database and answers searches.
"""

from acgdesk.vectors.exact import exact_search
from acgdesk.vectors.hnsw_index import (
    HnswIndex,
    HnswParams,
    IndexCorruptError,
    IndexFileError,
    IndexMismatchError,
)
from acgdesk.vectors.manager import NoVectorsError, VectorIndexManager

__all__ = [
    "HnswIndex",
    "HnswParams",
    "IndexCorruptError",
    "IndexFileError",
    "IndexMismatchError",
    "NoVectorsError",
    "VectorIndexManager",
    "exact_search",
]
