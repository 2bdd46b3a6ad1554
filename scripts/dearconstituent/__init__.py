"""Dear Constituent: the letter model, loading, validation and site data.

This package is deliberately free of any MkDocs import. The command-line
scripts in ``scripts/`` and the MkDocs hook are thin adapters over it, so the
static-site generator can be swapped without touching the rules.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
