"""Domain types, settings and errors shared by every layer; no I/O happens here."""
