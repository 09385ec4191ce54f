"""Pages made as editors make them: created, then published."""

from pages.models import StandardPage


def add_page(parent, title, slug, **fields):
    page = StandardPage(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
