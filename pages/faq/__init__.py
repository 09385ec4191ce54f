"""Frequently asked questions, drawn as DSFR accordions."""
