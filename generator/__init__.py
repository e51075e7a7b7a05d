"""Generate typed Python clients from OpenAPI 3.0/3.1/3.2 specs."""

__version__ = "0.2.0"
