"""The neighbourhood network's pure core (شبکه مدیریت محله‌محور): progress roll-ups, indicators over Jalali
periods, the who-does-what-where matrix, overlaps and gaps between institutions' actions, crisis rules.

The network app loads plain records (:class:`Action`, :class:`IndicatorValue`, ...) and calls these
functions; nothing here touches a database, the clock or settings. Each module's docstring states its
rules: ``progress``, ``periods``, ``indicators``, ``targets``, ``reporting``, ``validation``,
``suppression``, ``totals``, ``matrix``, ``overlaps``, ``gaps``, ``crisis``.
"""

from ostan.core.network.crisis import (
    Crisis,
    CrisisSummary,
    CrisisTask,
    KindBalance,
    Need,
    Resource,
    closing_summary,
    covered_units,
    late_tasks,
    match_needs,
)
from ostan.core.network.errors import (
    InvalidAction,
    InvalidCrisis,
    InvalidIndicator,
    InvalidIndicatorValue,
    InvalidPeriod,
    InvalidRule,
    InvalidUnitPath,
    PopulationUnknown,
)
from ostan.core.network.gaps import Gap, NeedArea, find_gaps
from ostan.core.network.indicators import (
    Aggregation,
    Catalogue,
    Direction,
    Formula,
    Indicator,
    IndicatorValue,
    RolledValue,
    rollup_indicator,
    unit_values,
)
from ostan.core.network.matrix import Tally, WhoDoesWhatWhere, who_does_what_where
from ostan.core.network.model import Action
from ostan.core.network.overlaps import Overlap, OverlapRules, category_relations, find_overlaps, find_overlaps_naive
from ostan.core.network.periods import Period, PeriodKind, parse_period, period_containing, periods_between
from ostan.core.network.progress import ActionStatus, ProgressRollup, action_status, rollup_progress
from ostan.core.network.reporting import Report, reporting_completeness
from ostan.core.network.suppression import suppress_counts, suppress_rollup, suppress_table
from ostan.core.network.targets import Target, attainment, trend
from ostan.core.network.validation import ComparisonRule, RangeRule, check_values, flag_outliers, validate_values

__all__ = [
    "Action",
    "ActionStatus",
    "Aggregation",
    "Catalogue",
    "ComparisonRule",
    "Crisis",
    "CrisisSummary",
    "CrisisTask",
    "Direction",
    "Formula",
    "Gap",
    "Indicator",
    "IndicatorValue",
    "InvalidAction",
    "InvalidCrisis",
    "InvalidIndicator",
    "InvalidIndicatorValue",
    "InvalidPeriod",
    "InvalidRule",
    "InvalidUnitPath",
    "KindBalance",
    "Need",
    "NeedArea",
    "Overlap",
    "OverlapRules",
    "Period",
    "PeriodKind",
    "PopulationUnknown",
    "ProgressRollup",
    "RangeRule",
    "Report",
    "Resource",
    "RolledValue",
    "Tally",
    "Target",
    "WhoDoesWhatWhere",
    "action_status",
    "attainment",
    "category_relations",
    "check_values",
    "closing_summary",
    "covered_units",
    "find_gaps",
    "find_overlaps",
    "find_overlaps_naive",
    "flag_outliers",
    "late_tasks",
    "match_needs",
    "parse_period",
    "period_containing",
    "periods_between",
    "reporting_completeness",
    "rollup_indicator",
    "rollup_progress",
    "suppress_counts",
    "suppress_rollup",
    "suppress_table",
    "trend",
    "unit_values",
    "validate_values",
    "who_does_what_where",
]
