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


def heading_level_skips(page) -> list[str]:
    """Headings that skip a level on the way down (an h2 then an h4…), as "h2 → h4 «text»":
    heading levels must follow the page's structure."""
    return page.evaluate("""() => {
        const skips = [];
        let previous = 0;
        for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
            if (!heading.getClientRects().length) continue;  // not shown
            const level = Number(heading.tagName[1]);
            if (level > previous + 1) {
                skips.push(`h${previous} → h${level} «${heading.textContent.trim()}»`);
            }
            previous = level;
        }
        return skips;
    }""")


def missing_references(page) -> list[str]:
    """aria-describedby, aria-labelledby and aria-controls that name an id no element has
    (a help text or an error message that is not there), as "attribute=id"."""
    return page.evaluate("""() => {
        const missing = [];
        for (const name of ["aria-describedby", "aria-labelledby", "aria-controls"]) {
            for (const element of document.querySelectorAll(`[${name}]`)) {
                for (const id of element.getAttribute(name).split(/\\s+/).filter(Boolean)) {
                    if (!document.getElementById(id)) missing.push(`${name}=${id}`);
                }
            }
        }
        return missing;
    }""")
