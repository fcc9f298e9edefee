/* SPDX-License-Identifier: MIT */
/* libgkreport: CSV, the tidy long form of a report for spreadsheets and data tools.
 *
 * One line per cell of the printed tables (blank cells too), columns
 *   agency,year,edition,table,row,col,state,value
 * agency is the agency name ("" when unset), year "" when unknown, edition "2019" or
 * "2021"; table/row/col are the schema keys (format.md); state is blank, value or
 * literal; value is "" for a blank cell, the number for a value (amounts as exact
 * decimals such as 59237.2449, without the unit written in the cell: JSON keeps
 * units), and the text for a literal. UTF-8, no BOM, fields quoted as in RFC 4180
 * (only when they hold a comma, a quote, CR or LF), lines end with LF (not CRLF).
 * Rows are in schema order: tables active, requests, review; rows and columns as
 * declared. Derived rows that hold no printed values (denied, unavailable,
 * not_processed) are left out unless GK_CSV_DERIVED asks for them.
 *
 * Formula injection (OWASP "CSV injection"): a text field (agency name, literal,
 * source) that starts with = + - @ TAB or CR, is not a number and is longer than
 * one character gets a leading apostrophe and is quoted ("'=HYPERLINK(...)"), so
 * Excel, WPS and LibreOffice show it as text instead of running it. Numbers
 * ("-8") and the lone literal "-" are written as they are. A line break inside a
 * field is kept inside a quoted field (RFC 4180; Excel and pandas read it back).
 *
 * GK_CSV_EXCEL writes what Excel on a Chinese Windows opens as is: a UTF-8
 * byte-order mark, CRLF line ends, and three more columns after value:
 *   source,row_label,col_label
 * (the report's source file, and the printed Chinese labels of the row, preceded
 * by its parent's for a sub-row, and of the column; English with GK_CSV_LANG_EN).
 *
 * Threads: gk_report_to_csv only reads the report: calls on the same report may
 * run at once in several threads.
 */
#ifndef GKREPORT_CSV_H
#define GKREPORT_CSV_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** CSV flags (bits of gk_report_to_csv's uint32_t). */
typedef enum gk_csv_flag {
  GK_CSV_NO_HEADER = 1u << 0, /**< omit the header line (to concatenate many reports) */
  GK_CSV_DERIVED   = 1u << 1, /**< add the computed subtotal rows (denied, unavailable,
                                   not_processed), state "derived", value the sum of
                                   their sub-rows or "" when those are all blank */
  GK_CSV_EXCEL     = 1u << 2, /**< for Excel: BOM, CRLF, columns source,row_label,col_label
                                   (Since 0.2.0.) */
  GK_CSV_LANG_EN   = 1u << 3  /**< with GK_CSV_EXCEL: English labels (Since 0.2.0.) */
} gk_csv_flag;

/** Serialize a report as CSV (see above); *out is NUL-terminated, free it with
 *  gk_free(). GK_EOVERFLOW when a derived subtotal overflows int64. Since 0.1.0. */
GK_API int gk_report_to_csv(char **out, size_t *len_out, const gk_report *r, uint32_t flags);

/** Read back a report from the CSV gk_report_to_csv writes, with any flags: one
 *  report, a line per cell, the header line optional; a byte-order mark, CRLF
 *  and the Excel columns (source,row_label,col_label: the source is kept, the
 *  labels are not read) are accepted; lines of derived subtotals are skipped.
 *  Cells not listed stay blank. What CSV does not carry stays unset: the unit of
 *  an amount, the agency's level, kind and region, the prose, source lines.
 *  Every line must name the same agency, year and edition. Errors stop the
 *  reader with a finding at the line and column: csv.syntax (quoting, number
 *  of fields), csv.key (an unknown table, row, column or state, a derived row,
 *  a cell given twice), csv.value (a value the column cannot hold, a line of
 *  another report), import.encoding (not UTF-8, a NUL byte); it returns
 *  GK_EPARSE then and *out is NULL, as for an input over the cap (common.h:
 *  import.too_large). Linear in the input. Since 0.2.0. */
GK_API int gk_report_from_csv(gk_report **out, const char *bytes, size_t len, const char *source_name,
                              gk_diags *diags);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_CSV_H */
