"""Demo pages for both sites; each page family adds its module to DEMO_MODULES."""

from importlib import import_module

from pages.demo.base import load as load_base

# Modules with a load(public_home, intranet_home, stdout) function, run in this order.
DEMO_MODULES: list[str] = [
    "pages.demo.publications",
    "pages.demo.multimedia",
    "pages.demo.contact",
    "pages.demo.news",
]


def load(stdout):
    public_home, intranet_home = load_base(stdout)
    for module_name in DEMO_MODULES:
        import_module(module_name).load(public_home, intranet_home, stdout)
    stdout.write("Demo pages ready.")
