# SPDX-License-Identifier: MIT
"""The official report format, enumerated from the library at run time.

>>> import gkreport
>>> [e.key for e in gkreport.schema.editions()]
['2019', '2021']
>>> t = gkreport.schema.edition("2021").table("requests")
>>> t.row("denied.state_secret").parent, t.column("total").kind
('denied', 'count')

Nothing here spells a row name: every key and label comes from the C library's
declarations, so the bindings follow the format when the library does.
"""

from __future__ import annotations

import ctypes
import functools
from dataclasses import dataclass, field
from typing import Iterator, List, Optional, Tuple, Union

from ._lib import dec, enc, lib

LANG_ZH, LANG_EN = 0, 1
KIND_COUNT, KIND_SIGNED, KIND_AMOUNT = 0, 1, 2
KINDS = ("count", "signed", "amount")
ROW_LEAF, ROW_DERIVED, ROW_STORED, ROW_OUTCOME, ROW_RULEMAKING = 1, 2, 4, 8, 16
AMOUNT_SCALE = 1000000


def _variants(fn, *args) -> Tuple[str, ...]:
    out = []
    i = 0
    while True:
        v = fn(*args, i)
        if v is None:
            return tuple(out)
        out.append(v.decode("utf-8"))
        i += 1


@dataclass(frozen=True)
class Column:
    """A column of a table: ``key`` ("natural"), labels, ``kind`` ("count",
    "signed", "amount") and the label variants importers accept."""
    index: int
    key: str
    label: str
    label_en: str
    kind: str
    variants: Tuple[str, ...] = field(repr=False, default=())


@dataclass(frozen=True)
class Row:
    """A row of a table with its flags: ``leaf`` (an outcome leaf), ``derived``
    (computed from its children), ``stored`` (holds printed values), ``outcome``,
    and ``parent`` (key of its derived parent row, or None)."""
    index: int
    key: str
    label: str
    label_en: str
    flags: int
    parent: Optional[str]
    columns: Tuple[str, ...] = field(repr=False)
    variants: Tuple[str, ...] = field(repr=False, default=())

    @property
    def leaf(self) -> bool:
        return bool(self.flags & ROW_LEAF)

    @property
    def derived(self) -> bool:
        return bool(self.flags & ROW_DERIVED)

    @property
    def stored(self) -> bool:
        return bool(self.flags & ROW_STORED)

    @property
    def outcome(self) -> bool:
        return bool(self.flags & ROW_OUTCOME)

    @property
    def rulemaking(self) -> bool:
        """Made only under rule-making power (规章): active.rulemaking checks it."""
        return bool(self.flags & ROW_RULEMAKING)

    @property
    def settable(self) -> bool:
        """False for derived rows that hold no printed values."""
        return not self.derived or self.stored


@dataclass(frozen=True)
class Table:
    """A table of an edition: ``key`` ("active", "requests", "review"), labels,
    ``rows`` and ``columns`` in printed order."""
    edition: int
    index: int
    key: str
    label: str
    label_en: str
    rows: Tuple[Row, ...] = field(repr=False)
    columns: Tuple[Column, ...] = field(repr=False)

    def row(self, key: Union[str, int]) -> Row:
        """A row by key or index (KeyError / IndexError when absent)."""
        if isinstance(key, int):
            return self.rows[key]
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError("no row %r in table %s of edition %d" % (key, self.key, self.edition))

    def column(self, key: Union[str, int]) -> Column:
        """A column by key or index."""
        if isinstance(key, int):
            return self.columns[key]
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError("no column %r in table %s of edition %d" % (key, self.key, self.edition))

    def cell_exists(self, row: Union[str, int], col: Union[str, int]) -> bool:
        """True when (row, col) is a printed cell (the 2019 active table has rows
        with different columns)."""
        return self.column(col).key in self.row(row).columns

    def cells(self) -> Iterator[str]:
        """Every cell path "table/row/col" of the table, in printed order."""
        for r in self.rows:
            for c in r.columns:
                yield "%s/%s/%s" % (self.key, r.key, c)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


@dataclass(frozen=True)
class Edition:
    """An edition of the format: ``id`` (2019 or 2021), ``key`` ("2019"), the
    ``instrument`` that set it and its ``tables``."""
    id: int
    instrument: Optional[str]
    tables: Tuple[Table, ...] = field(repr=False)

    @property
    def key(self) -> str:
        return str(self.id)

    def table(self, key: Union[str, int]) -> Table:
        """A table by key or index."""
        if isinstance(key, int):
            return self.tables[key]
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError("no table %r" % (key,))

    def cells(self) -> Iterator[str]:
        """Every cell path of the edition, table by table."""
        for t in self.tables:
            yield from t.cells()

    def __iter__(self) -> Iterator[Table]:
        return iter(self.tables)


@dataclass(frozen=True)
class Section:
    """A narrative section: ``key`` ("overview"), labels."""
    index: int
    key: str
    label: str
    label_en: str


def _build_table(ed: int, t: int) -> Table:
    ncols = lib.gk_schema_ncols(ed, t)
    nrows = lib.gk_schema_nrows(ed, t)
    cols = tuple(
        Column(c, dec(lib.gk_schema_col_key(ed, t, c)),
               dec(lib.gk_schema_col_label(ed, t, c, LANG_ZH)),
               dec(lib.gk_schema_col_label(ed, t, c, LANG_EN)),
               KINDS[lib.gk_schema_col_kind(ed, t, c)],
               _variants(lib.gk_schema_col_variant, ed, t, c))
        for c in range(ncols))
    rows = []
    for r in range(nrows):
        parent = lib.gk_schema_row_parent(ed, t, r)
        rows.append(Row(
            r, dec(lib.gk_schema_row_key(ed, t, r)),
            dec(lib.gk_schema_row_label(ed, t, r, LANG_ZH)),
            dec(lib.gk_schema_row_label(ed, t, r, LANG_EN)),
            int(lib.gk_schema_row_flags(ed, t, r)),
            dec(lib.gk_schema_row_key(ed, t, parent)) if parent >= 0 else None,
            tuple(cols[c].key for c in range(ncols) if lib.gk_schema_cell_exists(ed, t, r, c)),
            _variants(lib.gk_schema_row_variant, ed, t, r)))
    return Table(ed, t, dec(lib.gk_schema_table_key(t)),
                 dec(lib.gk_schema_table_label(t, LANG_ZH)),
                 dec(lib.gk_schema_table_label(t, LANG_EN)), tuple(rows), cols)


@functools.lru_cache(maxsize=None)
def _edition(ed: int) -> Edition:
    ntables = 0
    while lib.gk_schema_table_key(ntables) is not None:
        ntables += 1
    return Edition(ed, dec(lib.gk_schema_edition_instrument(ed)),
                   tuple(_build_table(ed, t) for t in range(ntables)))


def edition_id(edition: Union[str, int, Edition]) -> int:
    """Normalise "2019" / 2019 / Edition to the id; KeyError when unknown."""
    if isinstance(edition, Edition):
        return edition.id
    try:
        ed = int(edition)
    except (TypeError, ValueError):
        raise KeyError("unknown edition %r" % (edition,)) from None
    if not lib.gk_schema_edition_valid(ed):
        raise KeyError("unknown edition %r (known: %s)"
                       % (edition, ", ".join(e.key for e in editions())))
    return ed


def editions() -> List[Edition]:
    """Every edition the library knows, oldest first."""
    return [_edition(lib.gk_schema_edition_id(i))
            for i in range(lib.gk_schema_edition_count())]


def edition(edition: Union[str, int]) -> Edition:
    """An edition by id ("2021" or 2021)."""
    return _edition(edition_id(edition))


def edition_for_year(year: int) -> Optional[Edition]:
    """The edition a report of `year` should use (None before 2019)."""
    ed = lib.gk_schema_edition_for_year(int(year))
    return _edition(ed) if ed else None


@functools.lru_cache(maxsize=None)
def sections() -> Tuple[Section, ...]:
    """The narrative sections (preamble, overview, problems, other)."""
    out = []
    i = 0
    while lib.gk_schema_section_key(i) is not None:
        out.append(Section(i, dec(lib.gk_schema_section_key(i)),
                           dec(lib.gk_schema_section_label(i, LANG_ZH)),
                           dec(lib.gk_schema_section_label(i, LANG_EN))))
        i += 1
    return tuple(out)


def _keys(fn) -> Tuple[str, ...]:
    out = []
    i = 1
    while True:
        k = fn(i)
        if k is None:
            return tuple(out)
        out.append(k.decode("utf-8"))
        i += 1


@functools.lru_cache(maxsize=None)
def levels() -> Tuple[str, ...]:
    """Agency level keys ("national", "province", ...)."""
    return _keys(lib.gk_schema_level_key)


@functools.lru_cache(maxsize=None)
def agency_kinds() -> Tuple[str, ...]:
    """Agency kind keys ("government", "department")."""
    return _keys(lib.gk_schema_agency_kind_key)


def infer_agency(name: str) -> Tuple[Optional[str], Optional[str]]:
    """(level, kind) of an agency from the divisions that prefix its name, e.g.
    "淮安市洪泽区司法局" -> ("county", "department"); (None, None) when the name
    does not say."""
    from ctypes import byref, c_int
    level, kind = c_int(0), c_int(0)
    b = name.encode("utf-8")
    rc = lib.gk_agency_infer(byref(level), byref(kind), b, len(b))
    if rc == -5:  # GK_ENOTFOUND
        return None, None
    if rc != 0:
        raise ValueError("infer_agency: %s" % lib.gk_strerror(rc).decode())
    key = lambda p: p.decode() if p else None
    return key(lib.gk_schema_level_key(level.value)), key(lib.gk_schema_agency_kind_key(kind.value))


@functools.lru_cache(maxsize=4096)
def locate(edition_id_: int, path: str) -> Tuple[int, int, int]:
    """Resolve "table/row/col" to indexes for an edition (cached; KeyError when
    the path names no cell)."""
    t = ctypes.c_int()
    r = ctypes.c_size_t()
    c = ctypes.c_size_t()
    b = enc(path)
    rc = lib.gk_schema_path_find(ctypes.byref(t), ctypes.byref(r), ctypes.byref(c),
                                 edition_id_, b, len(b))
    if rc < 0:
        from .errors import NotFoundError
        raise NotFoundError("no cell %r in edition %d" % (path, edition_id_), code=rc)
    return t.value, r.value, c.value


@functools.lru_cache(maxsize=None)
def kind_of(edition_id_: int, table: int, col: int) -> int:
    """KIND_* of a column (cached)."""
    return lib.gk_schema_col_kind(edition_id_, table, col)


@functools.lru_cache(maxsize=None)
def row_plan(edition_id_: int, table: int, row: int) -> Tuple[Tuple[int, str, bool], ...]:
    """(column index, column key, is amount) of the cells a row has (cached)."""
    t = _edition(edition_id_).tables[table]
    cols = set(t.rows[row].columns)
    return tuple((c.index, c.key, c.kind == "amount") for c in t.columns if c.key in cols)


def path_of(edition_id_: int, table: int, row: int, col: int) -> str:
    """The path of a cell by indexes."""
    e = _edition(edition_id_)
    t = e.tables[table]
    return "%s/%s/%s" % (t.key, t.rows[row].key, t.columns[col].key)


__all__ = ["Column", "Row", "Table", "Edition", "Section", "editions", "edition",
           "edition_for_year", "sections", "levels", "agency_kinds", "locate"]


def resolve_agency(name: str, text: Optional[str] = None) -> dict:
    """Agency metadata read from its name through the library's GB/T 2260
    gazetteer: {"level", "kind", "region", "code", "places"}, e.g.
    "泗阳县人民政府" -> county, government, "江苏省宿迁市泗阳县", 321323, 1.
    A name found in several places (鼓楼区) is settled by `text` (the report's
    own text) when it names one of their cities; otherwise region and code are
    None and "places" says how many places it could be."""
    from ctypes import (POINTER, byref, c_char_p, c_int, c_size_t, c_uint32,
                        create_string_buffer)
    fn = lib.__dict__.get("gk_agency_resolve") or lib.declare(
        "gk_agency_resolve", c_int,
        (POINTER(c_int), POINTER(c_int), POINTER(c_uint32), POINTER(c_size_t),
         c_char_p, c_size_t, c_char_p, c_size_t, c_char_p, c_size_t))
    level, kind, code, places = c_int(0), c_int(0), c_uint32(0), c_size_t(0)
    region = create_string_buffer(512)
    b = name.encode("utf-8")
    t = text.encode("utf-8") if text else None
    rc = fn(byref(level), byref(kind), byref(code), byref(places), region, len(region),
            b, len(b), t, len(t) if t else 0)
    if rc not in (0, -5):
        raise ValueError("resolve_agency: %s" % lib.gk_strerror(rc).decode())
    key = lambda p: p.decode() if p else None
    return {"level": key(lib.gk_schema_level_key(level.value)) if level.value else None,
            "kind": key(lib.gk_schema_agency_kind_key(kind.value)) if kind.value else None,
            "region": region.value.decode("utf-8") or None,
            "code": code.value or None, "places": places.value}
