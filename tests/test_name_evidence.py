"""Names set in apposition to a description (``name_evidence._apposed_names``)."""

from summarise.ground.name_evidence import _apposed_names


def test_a_time_before_a_description_is_not_its_name() -> None:
    text = "In May, the Ohio governor called on voters to stay home. Later, the governor said more."
    assert "In May" not in _apposed_names("ohio governor", text)
    text = "Ann Roux, the Ohio governor, called on voters to stay home."
    assert _apposed_names("ohio governor", text) == ("Ann Roux",)
