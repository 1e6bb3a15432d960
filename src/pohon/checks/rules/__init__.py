"""One module per check; importing a module registers its rule."""
