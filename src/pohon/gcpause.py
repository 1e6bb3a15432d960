"""Pause Python's cyclic garbage collector around bulk work that allocates millions of objects.

Loading a cascade, building its graph and running the checks create rows, dicts and strings that hold
no reference cycles (reference counting frees them); the cyclic collector would still walk the whole,
growing heap again and again while they are made, which makes load + check super-linear in the data size.
`paused` switches it off for the call and back on after, only if it was on (nesting is fine).
"""
from __future__ import annotations

import functools
import gc


def paused(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper
