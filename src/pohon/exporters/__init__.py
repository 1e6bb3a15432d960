"""Exporters read the graph (and findings) and return text or write files; none re-parses CSV."""
