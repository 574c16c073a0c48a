"""Governors' programmes: key projects' status, territorial roll-ups, outcome figures, circulars,
meetings' decisions and best practices (governance.md §3).

A pure core: the programs app loads rows, builds these inputs and calls the functions; moments, thresholds
and schedules are arguments. Each module's docstring states its rules.
"""

from ostan.core.programs.errors import InvalidKeyProject, InvalidMoment, InvalidStatusRules, InvalidUnitPath
from ostan.core.programs.projects import Direction, Indicator, KeyProject, Milestone, Reading
from ostan.core.programs.rollup import (
    StatusTally,
    deprivation_of,
    deprived_first,
    deprived_units_first,
    tally,
    tally_by_county,
    tally_by_depth,
    tally_by_province,
)
from ostan.core.programs.status import Assessment, Reason, Status, StatusRules, assess

__all__ = [
    "Assessment",
    "Direction",
    "Indicator",
    "InvalidKeyProject",
    "InvalidMoment",
    "InvalidStatusRules",
    "InvalidUnitPath",
    "KeyProject",
    "Milestone",
    "Reading",
    "Reason",
    "Status",
    "StatusRules",
    "StatusTally",
    "assess",
    "deprivation_of",
    "deprived_first",
    "deprived_units_first",
    "tally",
    "tally_by_county",
    "tally_by_depth",
    "tally_by_province",
]
