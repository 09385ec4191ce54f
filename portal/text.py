"""Accent folding, the one way every app compares or sorts French text regardless of accents
and capitals (searches, filters, lists in dictionary order), and the vocabulary that
recognises a typo and the words it may stand for (``Vocabulary``)."""

import difflib
import unicodedata


def folded(text: str) -> str:
    """Lower-case text without accents, for searches that ignore both."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class Vocabulary:
    """The known words of a text collection (folded), to recognise a typo and find the
    words it may stand for: the directory and the portal search each build one from what
    the visitor may see, and ask it the same questions."""

    def __init__(self, words=()):
        self.words = frozenset(words)
        self.by_length: dict[int, list[str]] = {}
        for word in sorted(self.words):
            self.by_length.setdefault(len(word), []).append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def knows(self, word: str) -> bool:
        """A known word, or the beginning of one: not a typo."""
        return word in self.words or any(known.startswith(word) for known in self.words)

    def closest(self, word: str, *, n: int = 4, cutoff: float = 0.75) -> list[str]:
        """Known words one or two letters away from ``word``, the closest first."""
        candidates = [candidate for length in range(len(word) - 2, len(word) + 3)
                      for candidate in self.by_length.get(length, ())]
        return difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)
