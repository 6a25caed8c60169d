"""Models: the catalogue, the on-disk store, preprocessing, families and their runtime backends.

Only ``acgdesk.models.backends`` imports torch or onnxruntime, and only when a model is loaded, so
the rest of the core (and ``acgdesk status``) never pays for them.
"""
