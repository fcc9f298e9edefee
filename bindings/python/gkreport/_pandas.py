# SPDX-License-Identifier: MIT
"""pandas conversions (imported only when a DataFrame is asked for)."""

from __future__ import annotations

from typing import Any, Dict, List


def require_pandas() -> Any:
    """The pandas module, or ImportError saying how to get it."""
    try:
        import pandas  # type: ignore
    except ImportError as exc:
        raise ImportError("to_pandas() needs pandas, which is not installed "
                          "(pip install pandas, or apt-get install python3-pandas); "
                          "every other gkreport feature works without it") from exc
    return pandas


def cell_records(report: Any) -> List[Dict[str, Any]]:
    """The tidy long form of a report: one record per printed cell. Counts go to
    ``value`` (int), amounts to ``amount`` (Decimal), literals to ``literal``."""
    name = report.agency.name
    kinds = {(t.key, c.key): c.kind for t in report.schema.tables for c in t.columns}
    out = []
    for path, value in report.cells(include_blank=True):
        table, row, col = path.split("/")
        literal = isinstance(value, str)
        state = "blank" if value is None else ("literal" if literal else "value")
        amount = kinds[table, col] == "amount"
        out.append({"agency": name, "year": report.year, "edition": report.edition,
                    "table": table, "row": row, "col": col, "state": state,
                    "value": None if literal or amount else value,
                    "amount": value if amount and not literal else None,
                    "literal": value if literal else None})
    return out


CELL_COLUMNS = ["agency", "year", "edition", "table", "row", "col", "state", "value",
                "amount", "literal"]


def report_frame(report: Any, kind: str) -> Any:
    """kind "cells": the long form, ``value`` and ``year`` nullable Int64,
    ``amount`` Decimal (object), ``literal`` str. A table key: rows × columns,
    count columns nullable Int64 (a blank or a literal is <NA>; literals are in
    the "cells" form), amount columns Decimal (object, None when not a value)."""
    pd = require_pandas()
    if kind == "cells":
        df = pd.DataFrame.from_records(cell_records(report), columns=CELL_COLUMNS)
        df["value"] = df["value"].astype("Int64")
        return int_columns(df)
    if kind in {t.key for t in report.schema.tables}:
        data = report.table_values(kind)
        columns = report.schema.table(kind).columns
        frame = {}
        for c in columns:
            vals = [cells.get(c.key) for cells in data.values()]
            if c.kind == "amount":
                frame[c.key] = pd.Series([v if not isinstance(v, str) else None for v in vals],
                                         index=list(data), dtype=object)
            else:
                frame[c.key] = pd.Series([v if isinstance(v, int) else None for v in vals],
                                         index=list(data), dtype="Int64")
        return pd.DataFrame(frame, index=list(data), columns=[c.key for c in columns])
    raise ValueError("kind must be 'cells' or a table key, not %r" % (kind,))



def int_columns(df: Any) -> Any:
    """year and edition as nullable integers (Int64), never floats."""
    for col in ("year", "edition"):
        if col in df.columns:
            df[col] = df[col].astype("Int64")
    return df


def _cell_value(state: Any, text: Any) -> Any:
    from decimal import Decimal
    if state not in ("value", "derived") or not isinstance(text, str) or text == "":
        return None if state == "blank" or text == "" else text
    return Decimal(text) if "." in text else int(text)


def read_csv(source: Any, **kwargs: Any) -> Any:
    """Read a CSV written by Report.to_csv (tidy or excel=True) into a DataFrame
    without floats: year and edition Int64, value an int (count), a Decimal
    (amount), the text of a literal, or None when blank."""
    pd = require_pandas()
    df = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8-sig", **kwargs)
    df["year"] = pd.to_numeric(df["year"].replace("", None)).astype("Int64")
    df["edition"] = pd.to_numeric(df["edition"].replace("", None)).astype("Int64")
    df["value"] = [_cell_value(s, v) for s, v in zip(df["state"], df["value"])]
    df["value"] = df["value"].astype(object)
    return df
