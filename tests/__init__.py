"""The test suite is a package so that helpers import as `from tests.fixtures import fixture_dir`."""
