"""CSV cells a spreadsheet will not read as formulas.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) as a formula: ``=HYPERLINK("http://...?"&A1, "open")`` sends the sheet's data away when clicked,
and older versions run commands. Text a trainee wrote (a name in an exported practice record) must reach the
instructor's spreadsheet as text: such a cell gets a leading apostrophe, which spreadsheets show as nothing more
than a text marker (OWASP's advice for CSV injection).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading apostrophe when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells (and column names) are :func:`safe_cell`; numbers are left alone."""
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_object_dtype(shown[column]) or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = shown[column].map(safe_cell)
    shown.columns = [safe_cell(c) for c in shown.columns]
    return shown
