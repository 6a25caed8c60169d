"""Training-set export in the window: the options dialog with its preview, and the export job."""
