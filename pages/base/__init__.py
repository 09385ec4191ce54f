"""What every page shares (the abstract base page and its admin form), the two home pages
and the content page, and the setting up of the two sites."""
