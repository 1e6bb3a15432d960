"""Browser tests: headless Chromium over the DevTools protocol (see cdp.py)."""
