"""pohon — trace performance cascading (cascading kinerja) in Indonesian government plans."""

__version__ = "0.1.0"
