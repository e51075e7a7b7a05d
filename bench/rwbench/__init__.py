"""The real-world benchmark: clientgen and openapi-python-client on the APIs.guru directory and GitHub.

Run it as `.venv/bin/python bench/real_world.py`; bench/README.md says what it measures.
"""
