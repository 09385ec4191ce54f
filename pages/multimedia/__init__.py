"""Multimedia folders: galleries, videos, sound and documents."""
