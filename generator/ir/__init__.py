"""The intermediate representation of a client and how it is built from a spec."""

from .build import build_api, default_package_name

__all__ = ["build_api", "default_package_name"]
