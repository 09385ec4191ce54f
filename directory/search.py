"""Finding a colleague by a word of their name, service or subjects, typed with or without
accents, and forgiving a typo.

Each person keeps ``search_text``: their names, job title, subjects, e-mail and service,
lower-cased without accents (``portal.text.folded``), kept up to date on save. A search
keeps the people whose text holds every word typed. When no one does, each word of four
letters or more that the directory does not know is replaced by the known words closest to
it (``difflib``, from the directory's vocabulary, read once per change of the directory), so
that "bugdet" finds "budget".
"""

import difflib
import re
import threading

from django.db.models import Count, Max, Q

from directory.models import Person
from portal.text import folded

WORD = re.compile(r"[\w@.-]+")
FUZZY_MIN_LENGTH = 4
FUZZY_CUTOFF = 0.75
FUZZY_MATCHES = 4

_vocabulary_lock = threading.Lock()
_vocabulary: dict = {"key": None, "words": frozenset(), "by_length": {}}


def words_of(text: str) -> list[str]:
    return [word.strip(".-") for word in WORD.findall(folded(text)) if word.strip(".-")]


def vocabulary() -> dict:
    """The words of the directory's search texts, grouped by length; read again only when
    a person was added, changed or archived since (one small aggregate query otherwise)."""
    people = Person.objects.current()
    key = tuple(people.aggregate(count=Count("id"), changed=Max("updated_at")).values())
    with _vocabulary_lock:
        if _vocabulary["key"] == key:
            return _vocabulary
    words = set()
    for text in people.values_list("search_text", flat=True).iterator(chunk_size=2000):
        # Words, not addresses or numbers: what a typo can be a typo of.
        words.update(word for word in words_of(text) if word.isalpha())
    by_length: dict[int, list[str]] = {}
    for word in words:
        by_length.setdefault(len(word), []).append(word)
    with _vocabulary_lock:
        _vocabulary.update(key=key, words=frozenset(words), by_length=by_length)
        return _vocabulary


def close_words(word: str, known: dict) -> list[str]:
    """Known words one or two letters away from ``word``."""
    candidates = [candidate for length in range(len(word) - 2, len(word) + 3)
                  for candidate in known["by_length"].get(length, ())]
    return difflib.get_close_matches(word, candidates, n=FUZZY_MATCHES, cutoff=FUZZY_CUTOFF)


def is_known(word: str, known: dict) -> bool:
    """A word of the directory, or the beginning of one: not a typo."""
    return word in known["words"] or any(known_word.startswith(word)
                                         for known_word in known["words"])


def _containing_all(queryset, alternatives: list[list[str]]):
    for options in alternatives:
        condition = Q()
        for option in options:
            condition |= Q(search_text__contains=option)
        queryset = queryset.filter(condition)
    return queryset


def search_people(queryset, text: str):
    """``(people, corrected)``: the people of ``queryset`` matching every word of ``text``,
    and, when typos were forgiven, the words searched instead (else an empty list)."""
    words = words_of(text)
    if not words:
        return queryset, []
    exact = _containing_all(queryset, [[word] for word in words])
    if exact.exists():
        return exact, []
    known = vocabulary()
    alternatives, corrected = [], []
    for word in words:
        if len(word) < FUZZY_MIN_LENGTH or is_known(word, known):
            alternatives.append([word])
            continue
        close = close_words(word, known)
        if not close:
            return queryset.none(), []
        alternatives.append(close)
        corrected.append(close[0])
    if not corrected:
        return exact, []
    return _containing_all(queryset, alternatives), corrected
