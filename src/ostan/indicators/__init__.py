"""Indicators (شاخص): a catalogue, values per unit and Jalali period, targets, completeness and roll-ups.

The neighbourhood network and the key projects read it through :mod:`ostan.indicators.selectors`; the
rules (formulas, roll-ups, completeness, validation, suppression) are the pure core's,
``ostan.core.network``.
"""
