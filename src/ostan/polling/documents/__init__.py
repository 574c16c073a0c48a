"""Election day's printed documents as PDF: the station minutes (forms 29/31) and the voter's paper
record of a ballot. :mod:`.sheets` reads what a document shows; :mod:`.minutes` and :mod:`.paper` lay
it out on :class:`.page.PersianPDF`."""

from ostan.polling.documents.minutes import minutes_filename, minutes_pdf
from ostan.polling.documents.paper import paper_filename, paper_pdf
from ostan.polling.documents.sheets import MinutesSheet, PaperSheet, minutes_sheet, paper_sheet

__all__ = [
    "MinutesSheet",
    "PaperSheet",
    "minutes_filename",
    "minutes_pdf",
    "minutes_sheet",
    "paper_filename",
    "paper_pdf",
    "paper_sheet",
]
