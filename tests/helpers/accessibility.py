"""An automated accessibility check of what the browser shows: axe-core (bundled with
axe-playwright-python, nothing downloaded) on the WCAG 2.1 A and AA rules."""

import os
from pathlib import Path

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    return [f"{violation['id']} ({violation['impact']}): "
            + "; ".join(node["target"][0] for node in violation["nodes"][:5])
            for violation in results.response["violations"]]


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, f"{page.url}: {violations}"


def screenshot(page, name):
    """Keep a full-page screenshot when RELAIS_SCREENSHOTS names a folder (to look at what
    the tests saw); nothing otherwise."""
    folder = os.environ.get("RELAIS_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)
