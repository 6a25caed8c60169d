"""Looking at pictures: the full-window viewer (:mod:`.viewer`), the decoding and cache behind it
(:mod:`.image_source`), getting pictures out to other programs (:mod:`.export`), and the compare view."""
