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
    """The tidy long form of a report: one record per printed cell."""
    name = report.agency.name
    out = []
    for path, value in report.cells(include_blank=True):
        table, row, col = path.split("/")
        state = "blank" if value is None else ("literal" if isinstance(value, str) else "value")
        out.append({"agency": name, "year": report.year, "edition": report.edition,
                    "table": table, "row": row, "col": col, "state": state,
                    "value": value})
    return out


def report_frame(report: Any, kind: str) -> Any:
    pd = require_pandas()
    if kind == "cells":
        df = pd.DataFrame.from_records(
            cell_records(report),
            columns=["agency", "year", "edition", "table", "row", "col", "state", "value"])
        return int_columns(df)
    if kind in {t.key for t in report.schema.tables}:
        data = report.table_values(kind)
        cols = [c.key for c in report.schema.table(kind).columns]
        # object dtype keeps ints and Decimals exact (no float, no NaN for blank)
        return pd.DataFrame([[cells.get(c) for c in cols] for cells in data.values()],
                            index=list(data), columns=cols, dtype=object)
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
