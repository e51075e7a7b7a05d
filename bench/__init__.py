"""Benchmarks of the generator (not run by `make test`); see README.md in this folder."""
