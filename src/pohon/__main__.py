"""`python -m pohon …` is the `pohon` command."""
from pohon.cli import main

main()
