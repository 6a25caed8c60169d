"""Tags outside the database: training captions (.txt), XMP sidecars, and importing them back."""
