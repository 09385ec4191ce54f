"""How the database search reads French text: the words of a text or a query without
elided articles, accents or capitals, without the commonest words, and lightly stemmed
(plural ``s`` and ``x`` dropped), so that "l'Abbaye", "abbayes" and "abbaye" are one word.

Elasticsearch does this (and more) with its analysers; the database search has no French
analysis of its own on SQLite, and none that folds accents on PostgreSQL, so the entries
are indexed in this form (``SearchEntry.title``, ``.stems``) and queries are read the same
way.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.text import folded

ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)
WORD = re.compile(r"\w+")
STOP_WORDS = frozenset({
    "a", "au", "aux", "ce", "ces", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les",
    "leur", "leurs", "ou", "par", "pour", "sa", "se", "ses", "son", "sur", "un", "une",
    "the", "of", "and", "to", "in", "for", "on", "an",
})


def words(text: str) -> list[str]:
    """The words of a text, folded, without elided articles."""
    return WORD.findall(folded(ELISION.sub(" ", text or "")))


def stem(word: str) -> str:
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return word


def stems(text: str) -> list[str]:
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def stem_text(text: str) -> str:
    return " ".join(stems(text))


def highlighted(text: str, query_stems: set[str], *, around: int = 90,
                whole: bool = False) -> str:
    """HTML: the text escaped, the words of the query in <mark>. Unless ``whole``, only an
    excerpt around the first of them (or the beginning)."""
    text = " ".join((text or "").split())
    matches = [match for match in WORD.finditer(text)
               if stem(folded(match.group())) in query_stems]
    if whole:
        start, end = 0, len(text)
    elif matches:
        first = matches[0].start()
        start = max(0, text.rfind(" ", 0, max(0, first - around)) + 1)
        end = text.find(" ", first + around)
        end = len(text) if end == -1 else end
    else:
        start, end = 0, text.find(" ", 2 * around)
        end = len(text) if end == -1 else end
    parts, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        parts += [escape(text[position:match.start()]), "<mark>", escape(match.group()),
                  "</mark>"]
        position = match.end()
    parts.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # escaped above
