"""Arabic text handling: matching normalisation, sentence segmentation, numbers."""
