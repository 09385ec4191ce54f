"""Fail when a committed .mo catalogue does not say what its .po source says."""

import gettext
import subprocess
import sys
import tempfile
from pathlib import Path


def catalog(mo_path: Path) -> dict:
    with mo_path.open("rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    po_files = sorted(p for p in root.rglob("*.po") if ".venv" not in p.parts)
    if not po_files:
        print("no .po file found")
        return 1
    stale = []
    for po in po_files:
        mo = po.with_suffix(".mo")
        if not mo.exists():
            stale.append(f"{mo.relative_to(root)} is missing")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "fresh.mo"
            subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(po)], check=True)
            if catalog(fresh) != catalog(mo):
                stale.append(f"{mo.relative_to(root)} does not match {po.name}: `make messages`")
    for problem in stale:
        print(problem)
    print(f"{len(po_files)} catalogue(s) checked, {len(stale)} stale")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
