"""The neighbourhood network's pure core (شبکه مدیریت محله‌محور): progress roll-ups, indicators over Jalali
periods, the who-does-what-where matrix, overlaps and gaps between institutions' actions, crisis rules.

The network app loads plain records and calls these functions; nothing here touches a database, the
clock or settings. Each module's docstring states its rules.
"""
