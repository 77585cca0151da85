"""Summarisation engines behind one interface; see base.Engine and registry.get_engine."""
