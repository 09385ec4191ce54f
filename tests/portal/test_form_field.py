"""The DSFR markup of a form field: what its input points to with aria-describedby exists."""

import re

import pytest
from django import forms
from django.template.loader import render_to_string


class RequestForm(forms.Form):
    email = forms.EmailField(label="E-mail", help_text="We answer within a week.")
    consent = forms.BooleanField(label="I agree", help_text="Read the notice first.")
    topic = forms.ChoiceField(label="Topic", choices=[("a", "A"), ("b", "B")],
                              widget=forms.RadioSelect, help_text="Pick one.")


def described_ids(html):
    return [name for names in re.findall(r'aria-describedby="([^"]+)"', html)
            for name in names.split()]


@pytest.mark.parametrize("data", [None, {"email": "not an address"}],
                         ids=["blank", "with errors"])
@pytest.mark.parametrize("name", ["email", "consent", "topic"])
def test_every_id_a_field_points_to_is_in_the_page(data, name):
    form = RequestForm(data)
    html = render_to_string("portal/includes/form_field.html", {"field": form[name]})
    if name != "topic":  # a fieldset's legend carries its hint
        assert described_ids(html)
    for described in described_ids(html):
        assert f'id="{described}"' in html, (described, html)
