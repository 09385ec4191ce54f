"""Finding a colleague by a word of their name, service or subjects, typed with or without
accents, and forgiving a typo.

Each person keeps ``search_text``: their names, job title, subjects, e-mail and service,
lower-cased without accents (``portal.text.folded``), kept up to date on save. A search
keeps the people whose text holds every word typed. When no one does, each word of four
letters or more that the directory does not know is replaced by the known words closest to
it (``difflib``, from the directory's vocabulary, read once per change of the directory), so
that "bugdet" finds "budget".
"""

import re
import threading

from django.db.models import Count, Max, Q

from directory.models import Person
from portal.text import Vocabulary, folded

WORD = re.compile(r"[\w@.-]+")
FUZZY_MIN_LENGTH = 4
FUZZY_CUTOFF = 0.75
FUZZY_MATCHES = 4

_vocabulary_lock = threading.Lock()
_vocabulary: dict = {"key": None, "known": Vocabulary()}


def words_of(text: str) -> list[str]:
    return [word.strip(".-") for word in WORD.findall(folded(text)) if word.strip(".-")]


def vocabulary() -> Vocabulary:
    """The words of the directory's search texts; read again only when a person was added,
    changed or archived since (one small aggregate query otherwise)."""
    people = Person.objects.current()
    key = tuple(people.aggregate(count=Count("id"), changed=Max("updated_at")).values())
    with _vocabulary_lock:
        if _vocabulary["key"] == key:
            return _vocabulary["known"]
    words = set()
    for text in people.values_list("search_text", flat=True).iterator(chunk_size=2000):
        # Words, not addresses or numbers: what a typo can be a typo of.
        words.update(word for word in words_of(text) if word.isalpha())
    known = Vocabulary(words)
    with _vocabulary_lock:
        _vocabulary.update(key=key, known=known)
        return known


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
        if len(word) < FUZZY_MIN_LENGTH or known.knows(word):
            alternatives.append([word])
            continue
        close = known.closest(word, n=FUZZY_MATCHES, cutoff=FUZZY_CUTOFF)
        if not close:
            return queryset.none(), []
        alternatives.append(close)
        corrected.append(close[0])
    if not corrected:
        return exact, []
    return _containing_all(queryset, alternatives), corrected
