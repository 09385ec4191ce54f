"""News: index pages with filters and RSS/Atom feeds, articles, categories."""
