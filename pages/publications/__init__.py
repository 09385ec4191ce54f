"""Publications: index and pages, paper-copy requests, download counts."""
