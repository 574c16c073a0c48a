"""Election-day pages: the device pages, the paper record, stations and their set-up, the roll, minutes."""

from ostan.polling.views.devices import checkin, kiosk, paper
from ostan.polling.views.minutes import close, confirm, minutes_print
from ostan.polling.views.roll import roll, roll_synthetic
from ostan.polling.views.stations import device_deactivate, device_new, official_add, station, stations

__all__ = [
    "checkin",
    "close",
    "confirm",
    "device_deactivate",
    "device_new",
    "kiosk",
    "minutes_print",
    "official_add",
    "paper",
    "roll",
    "roll_synthetic",
    "station",
    "stations",
]
