"""Helpers the tests share: functions and factories, imported by tests and by the fixtures of
the conftest files (which hold fixtures only)."""
