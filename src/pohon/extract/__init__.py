"""Rebuild data/ from the text of the BSKJI Renstra (see data/README.md)."""
