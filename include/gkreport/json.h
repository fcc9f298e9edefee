/* SPDX-License-Identifier: MIT */
/* libgkreport: JSON, the lossless interchange format of a report.
 *
 * Document shape (docs/report.schema.json is the JSON Schema, draft 2020-12):
 *   {"gkreport": 1, "edition": "2021", "year": 2023,
 *    "agency": {"name": "...", "code": "...", "region": "...", "level": "city", "kind": "government"},
 *    "title": "...", "source": "...",
 *    "sections": {"preamble": "...", "overview": "...", "problems": "...", "other": "..."},
 *    "tables": {"requests": {"new": {"natural": 3402, "total": 3511}},
 *               "active": {"fees": {"amount": "59237.2449"}}, ...}}
 * "gkreport" (the format version, 1) and "edition" are required; every other member
 * is optional, and absent or null means unset (year unknown, section absent — which
 * differs from ""). Table, row and column keys are those of the schema (format.md).
 * A cell is absent or null (blank), an integer (counts, delta), a string (amounts,
 * exact decimal), {"literal": "-"}, or an object {"value": 3402, "line": 118}
 * ({"value": "251000", "unit": "元"} for an amount with a unit written in the cell;
 * {"literal": "-", "line": 7}; {"value": null, "line": 9} for a blank cell read at a
 * line). A section with its line is {"text": "...", "line": 5}. Derived rows
 * (denied, unavailable, not_processed) are never written and are rejected on input.
 *
 * Numbers are read exactly from their text, never through a double: counts and
 * deltas are integers written without fraction or exponent and must fit in int64;
 * an amount is a string ("59237.2449", at most 6 significant decimals) or a number
 * written without exponent. The text must be UTF-8 JSON (RFC 8259; a UTF-8 BOM is
 * allowed); nesting deeper than 64 levels, numbers longer than 63 characters and
 * an escaped NUL character in a string are refused, and so is a key given twice in
 * one object.
 *
 * Output: members in a fixed order (tables, rows and columns in schema order), only
 * the cells that are not blank (and, with GK_JSON_LINES, blank cells that carry a
 * line), strings as UTF-8 with only the escapes JSON requires. Compact output has
 * no whitespace and no final newline; GK_JSON_PRETTY indents by two spaces, one
 * member per line (a cell object stays on one line) and ends with a newline.
 * gk_report_from_json(gk_report_to_json(r)) equals r, with source lines when
 * GK_JSON_LINES was given (lines of derived rows are not kept).
 *
 * Threads: the serializers only read their report or list, which several
 * threads may then share; gk_report_from_json makes a new report and writes only
 * to `diags`, so concurrent reads need a list per thread (or NULL).
 */
#ifndef GKREPORT_JSON_H
#define GKREPORT_JSON_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Serializer flags (bits of the uint32_t flags). */
typedef enum gk_json_flag {
  GK_JSON_PRETTY = 1u << 0, /**< indented, one key per line, final newline */
  GK_JSON_LINES  = 1u << 1  /**< keep source lines: cells as {"value":…,"line":N},
                                 sections as {"text":…,"line":N} */
} gk_json_flag;

/** Parse a report document (utf8[0..len), need not be NUL-terminated; or
 *  GK_NUL_TERMINATED). `source_name` (may be NULL) becomes the report's source
 *  unless the document has its own "source" member (since 0.2.0, as
 *  gk_report_from_text; 0.1.0 left the source unset). On failure
 *  *out is NULL and the return code is GK_EPARSE (or GK_ENOMEM, GK_EINVAL for a
 *  NULL out or text). For GK_EPARSE, when `diags` is not NULL, it gains exactly one
 *  error item (nothing else in it changes; on GK_ENOMEM it gains nothing):
 *   - rule "json.syntax" (not JSON: syntax, invalid UTF-8, nesting too deep),
 *     "json.type" (a member of the wrong JSON type), "json.key" (unknown, repeated
 *     or missing key, a derived row, a cell that does not exist in its row),
 *     "json.edition" (missing or unknown edition) or "json.value" (negative count,
 *     fraction in a count, out of int64 or of range, a bad amount, unit or literal);
 *   - file = source_name (may be NULL), line and column (1-based, the column in
 *     characters) of the offending token;
 *   - the JSON path of the offending member, e.g. $.tables.requests.new.natural or
 *     $.tables.requests["denied.state_secret"].legal, as the item's cell and at the
 *     end of both messages; the offending text as its actual value.
 *  Since 0.1.0. */
GK_API int gk_report_from_json(gk_report **out, const char *utf8, size_t len,
                               const char *source_name, gk_diags *diags);

/** Serialize a report (GK_JSON_* flags); *out is NUL-terminated UTF-8, free it with
 *  gk_free(); *len_out (may be NULL) gets its length. On failure *out is NULL.
 *  Since 0.1.0. */
GK_API int gk_report_to_json(char **out, size_t *len_out, const gk_report *r, uint32_t flags);

/** Serialize a diagnostics list as a JSON array of objects with the fields, in this
 *  order: severity ("error", ...), rule, message_zh, message_en, cells (an array of
 *  paths), expected, actual, file, line, column, suspect, suspect_value, waived
 *  (true/false), waiver_reason. Every field is always present: unset strings and a
 *  line or column of 0 are null. Bytes that are not UTF-8 are written as U+FFFD.
 *  Flags: GK_JSON_PRETTY. Since 0.1.0. */
GK_API int gk_diags_to_json(char **out, size_t *len_out, const gk_diags *d, uint32_t flags);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_JSON_H */
