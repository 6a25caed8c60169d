"""Curating a library from what the user says about images: marks, and what is learned from them."""
