"""Reading images safely: decoding, thumbnails, content and perceptual hashes, embedded metadata."""
