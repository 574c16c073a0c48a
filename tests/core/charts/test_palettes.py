"""Palettes: series colours readable on paper, ramps ordered from light to dark, names checked."""

from __future__ import annotations

import pytest

from ostan.core.charts import HIGH_CONTRAST, PALETTES, STANDARD, InvalidChart, Palette, palette_named
from ostan.core.charts.palettes import contrast_ratio, relative_luminance, text_colour_on


@pytest.mark.parametrize("palette", PALETTES.values(), ids=list(PALETTES))
def test_series_colours_meet_non_text_contrast(palette: Palette) -> None:
    floor = 3.0 if palette is STANDARD else 4.5  # WCAG 1.4.11 for marks; text contrast for the HC variant
    for colour in palette.series:
        assert contrast_ratio(colour, palette.paper) >= floor, colour
    assert contrast_ratio(palette.ink, palette.paper) >= 7
    assert contrast_ratio(palette.muted, palette.paper) >= 4.5


@pytest.mark.parametrize("palette", [STANDARD, HIGH_CONTRAST], ids=["standard", "high_contrast"])
def test_every_ramp_runs_from_light_to_dark(palette: Palette) -> None:
    for classes in range(1, 8):
        ramp = palette.ramp(classes)
        assert len(ramp) == classes
        lum = [relative_luminance(c) for c in ramp]
        assert lum == sorted(lum, reverse=True)
        assert len(set(ramp)) == classes


def test_high_contrast_ramp_spans_more_lightness() -> None:
    def span(ramp: tuple[str, ...]) -> float:
        return contrast_ratio(ramp[0], ramp[-1])

    assert span(HIGH_CONTRAST.ramp(5)) > span(STANDARD.ramp(5))


def test_labels_pick_black_or_white_by_the_fill() -> None:
    assert text_colour_on("#ffffcc") == "#000000"
    assert text_colour_on("#253494") == "#ffffff"


def test_unknown_palette_and_ramp() -> None:
    assert palette_named("high_contrast") is HIGH_CONTRAST
    with pytest.raises(InvalidChart):
        palette_named("neon")
    with pytest.raises(InvalidChart):
        STANDARD.ramp(8)
