"""Evaluation of briefer against annotated gold sets (gold/ holds the annotations, not the texts)."""
