"""Election-day pages: the device pages, the paper record, stations and their set-up, the roll, minutes.
The paper record and the minutes are also served as PDF."""

from ostan.polling.views.devices import checkin, kiosk, paper, paper_pdf
from ostan.polling.views.guide import guide, guide_index, mine
from ostan.polling.views.minutes import close, confirm, minutes_pdf, minutes_print, token_lost, token_replace
from ostan.polling.views.roll import roll, roll_synthetic
from ostan.polling.views.stations import device_deactivate, device_new, official_add, station, stations

__all__ = [
    "checkin",
    "close",
    "confirm",
    "device_deactivate",
    "device_new",
    "guide",
    "guide_index",
    "kiosk",
    "mine",
    "minutes_pdf",
    "minutes_print",
    "official_add",
    "paper",
    "paper_pdf",
    "roll",
    "roll_synthetic",
    "station",
    "stations",
    "token_lost",
    "token_replace",
]
