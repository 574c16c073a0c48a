"""Governors' programmes: key projects' status, territorial roll-ups, outcome figures, circulars,
meetings' decisions and best practices (governance.md §3).

A pure core: the programs app loads rows, builds these inputs and calls the functions; moments, thresholds
and schedules are arguments. Each module's docstring states its rules.
"""

from ostan.core.programs.errors import (
    InvalidKeyProject,
    InvalidMoment,
    InvalidOutcomeFigure,
    InvalidOutcomeRecord,
    InvalidPeriod,
    InvalidStatusRules,
    InvalidUnitPath,
    OverlappingOutcomeRecords,
)
from ostan.core.programs.outcomes import (
    MINISTER_FIGURES,
    FigureRecord,
    FigureRollup,
    OutcomeBook,
    OutcomeFigure,
    roll_up,
    roll_up_all,
    roll_up_by_unit,
)
from ostan.core.programs.periods import JalaliPeriod, PeriodKind
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
    "MINISTER_FIGURES",
    "Assessment",
    "Direction",
    "FigureRecord",
    "FigureRollup",
    "Indicator",
    "InvalidKeyProject",
    "InvalidMoment",
    "InvalidOutcomeFigure",
    "InvalidOutcomeRecord",
    "InvalidPeriod",
    "InvalidStatusRules",
    "InvalidUnitPath",
    "JalaliPeriod",
    "KeyProject",
    "Milestone",
    "OutcomeBook",
    "OutcomeFigure",
    "OverlappingOutcomeRecords",
    "PeriodKind",
    "Reading",
    "Reason",
    "Status",
    "StatusRules",
    "StatusTally",
    "assess",
    "deprivation_of",
    "deprived_first",
    "deprived_units_first",
    "roll_up",
    "roll_up_all",
    "roll_up_by_unit",
    "tally",
    "tally_by_county",
    "tally_by_depth",
    "tally_by_province",
]
