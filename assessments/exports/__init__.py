"""Export a team report as CSV (one row per answer) and as a printable PDF."""

from .pdf import report_pdf
from .spreadsheet import report_csv

__all__ = ["report_csv", "report_pdf"]
