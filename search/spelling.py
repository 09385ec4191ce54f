"""“Did you mean”: when a search finds nothing, the same words with the misspelt ones
replaced by the closest words of what the visitor may open — never a word that only
restricted content holds.

- **Elasticsearch**: a phrase suggester on the ``vocabulary`` field (the words of titles,
  summaries and tags, lower-cased, accents kept) sent in the same request as the search; its
  ``collate`` query carries the visitor's permission filter, so a correction is only offered
  when content the visitor may open holds every word of it (``search.queries``).
- **The database**: the words of the titles, summaries and tags of the entries the visitor
  may open (``portal.text.Vocabulary``, read again when the index changes), each word of the
  query that none of them has replaced by the closest (``difflib``); offered when the
  corrected query finds something.
"""

import threading
from collections import OrderedDict

from django.db.models import Count, Max

from portal.text import Vocabulary, folded
from search import text

MIN_LENGTH = 4  # shorter words are left as typed
CACHE_SIZE = 32  # vocabularies kept (one per audience and language)
SUGGESTION = "did_you_mean"

_lock = threading.Lock()
_cache: OrderedDict = OrderedDict()


class VisibleVocabulary:
    """The words of the entries one audience may open, folded, with the form to show."""

    def __init__(self, rows):
        shown: dict[str, str] = {}
        for row in rows:
            for word in text.WORD.findall(text.ELISION.sub(" ", " ".join(row))):
                lower = word.lower()
                if lower.isalpha():
                    shown.setdefault(folded(lower), lower)
        self.shown = shown
        self.known = Vocabulary(shown)
        self.stems = {text.stem(word) for word in shown}

    def has(self, word: str) -> bool:
        return text.stem(word) in self.stems


def vocabulary(entries, key) -> VisibleVocabulary:
    """The vocabulary of this queryset of entries; ``key`` names the audience and language.
    One aggregate query when the index has not changed since it was read."""
    state = (key, *entries.aggregate(count=Count("pk"), changed=Max("indexed_at")).values())
    with _lock:
        if state in _cache:
            _cache.move_to_end(state)
            return _cache[state]
    found = VisibleVocabulary(entries.values_list("heading", "summary", "tags")
                              .iterator(chunk_size=2000))
    with _lock:
        _cache[state] = found
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return found


def corrected(query: str, known: VisibleVocabulary) -> str:
    """The query with each unknown word of ``MIN_LENGTH`` letters or more replaced by the
    closest known one (the others as typed); "" when nothing was replaced."""
    changed, out = False, []
    for typed in text.WORD.findall(text.ELISION.sub(" ", query)):
        word = folded(typed)
        if len(word) >= MIN_LENGTH and word not in text.STOP_WORDS and not known.has(word):
            close = known.known.closest(word, n=1)
            if close:
                out.append(known.shown[close[0]])
                changed = True
                continue
        out.append(typed)
    return " ".join(out) if changed else ""
