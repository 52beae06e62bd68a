"""The version of pressgraph, in a module of its own so that any module (and
``pressgraph --version``) can read it without importing the package's API."""

__version__ = "0.1.0"
