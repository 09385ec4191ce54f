"""Model choice fields that turn away, as an unknown choice, a submitted value the database
could not even compare, instead of failing on it with a 500: numbers beyond 64 bits (SQLite
raises OverflowError), Unicode digits ("²", which int() refuses, and "٣", which it reads as
3), NUL characters (PostgreSQL refuses them), texts longer than a column. Public forms and
every list's filters (``portal.filters``) use them."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

# ASCII digits only, and few enough to fit a 64-bit integer: int() would read "٣" as 3 and
# refuse "²", and SQLite raises OverflowError on a larger number instead of finding nothing.
INTEGER_KEY = re.compile(r"[0-9]{1,18}")
MAX_TEXT_KEY_LENGTH = 255


def _key_field(queryset, to_field_name):
    meta = queryset.model._meta
    field = meta.get_field(to_field_name) if to_field_name else meta.pk
    while field.is_relation:  # a page's primary key is its link to wagtailcore.Page
        field = field.target_field
    return field


def comparable_key(queryset, to_field_name, value) -> bool:
    """Whether the database can look this submitted value up at all: an integer key takes
    ASCII digits that fit 64 bits, a text key no NUL character (PostgreSQL refuses them) and
    no more than a column holds."""
    text = str(value).strip()
    if isinstance(_key_field(queryset, to_field_name), models.IntegerField):
        return INTEGER_KEY.fullmatch(text) is not None
    return "\x00" not in text and len(text) <= MAX_TEXT_KEY_LENGTH


class ComparableKeysMixin:
    """For ``ModelChoiceField``: a value the database cannot compare is an unknown choice
    (the field's own ``invalid_choice`` error), never a database error and a 500."""

    def to_python(self, value):
        if value in self.empty_values or isinstance(value, self.queryset.model):
            return super().to_python(value)
        if not comparable_key(self.queryset, self.to_field_name, value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ComparableKeysMultipleMixin:
    """For ``ModelMultipleChoiceField``: the same, for each of the values."""

    def _check_values(self, value):
        if isinstance(value, (list, tuple)):
            for key in value:
                if not comparable_key(self.queryset, self.to_field_name, key):
                    raise ValidationError(self.error_messages["invalid_pk_value"],
                                          code="invalid_pk_value", params={"pk": key})
        return super()._check_values(value)


class ModelChoiceField(ComparableKeysMixin, forms.ModelChoiceField):
    pass


class ModelMultipleChoiceField(ComparableKeysMultipleMixin, forms.ModelMultipleChoiceField):
    pass
