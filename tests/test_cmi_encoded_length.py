"""The CMI budget counts each value's length as encodeURIComponent writes it."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courseforge.lms.cmi_budget import encoded


@given(st.text(st.characters(codec="utf-8")))
def test_the_length_is_that_of_the_percent_encoded_text(text: str) -> None:
    assert encoded(text) == len(quote(text, safe="-_.!~*'()"))


def test_a_lone_surrogate_fails_as_the_encoder_does() -> None:
    with pytest.raises(UnicodeEncodeError):
        encoded("\ud800")
    with pytest.raises(UnicodeEncodeError):
        quote("\ud800")
