"""Every change to the indicators: the catalogue and its rules, targets, and values from a form or a file."""

from ostan.indicators.actions.catalogue import save_indicator, save_rule
from ostan.indicators.actions.targets import set_target
from ostan.indicators.actions.values import import_values, record_values

__all__ = [
    "import_values",
    "record_values",
    "save_indicator",
    "save_rule",
    "set_target",
]
