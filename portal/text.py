"""Accent folding, the one way every app compares or sorts French text regardless of accents
and capitals (searches, filters, lists in dictionary order)."""

import unicodedata


def folded(text: str) -> str:
    """Lower-case text without accents, for searches that ignore both."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
