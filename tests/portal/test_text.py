from pages.news.models import by_label
from portal.text import folded


def test_folding_drops_accents_and_capitals_but_keeps_the_letters():
    assert folded("Élise À l’ŒUVRE, Straße") == "elise a l’œuvre, strasse"
    assert folded("Château-Gontier") == folded("CHATEAU-GONTIER")


def test_labels_are_listed_in_dictionary_order_whatever_their_accents():
    choices = [("z", "Zoologie"), ("e", "Été"), ("a", "archéologie"), ("ec", "Écoles")]
    assert [label for _slug, label in by_label(choices)] == [
        "archéologie", "Écoles", "Été", "Zoologie"]
