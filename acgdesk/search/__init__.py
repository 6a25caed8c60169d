"""Search: the query language (parser and SQL compiler) and tag suggestions.

``parse`` turns text into a :class:`Query`; ``compile_query`` turns that into SQL over ``files f``;
``complete_tags`` and ``TagVocabulary`` suggest tags. See ``docs/query-language.md``.

Searching a library (imported from their modules, not here, so that importing the parser stays light):
:mod:`.service` (``SearchService``: query, semantic, similar, duplicates, suggestions), :mod:`.minilm`
(query-time text encoder in numpy), :mod:`.text_vectors` and :mod:`.tag_vectors` (offline semantic
data), :mod:`.duplicates` (multi-index hashing, union-find, keepers).
"""

from acgdesk.search.autocomplete import (
    TagCompletion,
    TagVocabulary,
    complete_tags,
    known_tag_lookup,
    similar_tags,
)
from acgdesk.search.compile import CompiledQuery, compile_query
from acgdesk.search.query import Query, QuerySyntaxError, parse

__all__ = [
    "CompiledQuery",
    "Query",
    "QuerySyntaxError",
    "TagCompletion",
    "TagVocabulary",
    "compile_query",
    "complete_tags",
    "known_tag_lookup",
    "parse",
    "similar_tags",
]
