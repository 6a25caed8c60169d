"""Long-running work as stages joined by bounded queues: discovery, decoding, (model stages), writing."""
