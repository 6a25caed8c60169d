"""Model families: each turns a :class:`~acgdesk.models.spec.ModelSpec` plus its files on disk into
a loaded model (``taggers``: WD v3, dbv4, JoyTag). Families import their runtimes lazily."""
