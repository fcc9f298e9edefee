/* libgkreport: JSON, the lossless interchange format of a report.
 *
 * Document shape (docs/report.schema.json is the JSON Schema):
 *   {"gkreport": 1, "edition": "2021", "year": 2023,
 *    "agency": {"name": "...", "code": "...", "region": "...", "level": "city", "kind": "government"},
 *    "title": "...", "source": "...",
 *    "sections": {"preamble": "...", "overview": "...", "problems": "...", "other": "..."},
 *    "tables": {"requests": {"new": {"natural": 3402, "total": 3511}},
 *               "active": {"fees": {"amount": "59237.2449"}}, ...}}
 * A cell is absent or null (blank), an integer (counts, delta), a string (amounts,
 * exact decimal), {"literal": "-"}, or an object {"value": 3402, "line": 118}
 * ({"value": "251000", "unit": "元"} for an amount with a unit written in the cell;
 * {"literal": "-", "line": 7}). Derived rows (denied, unavailable, not_processed)
 * are never written and are rejected on input.
 */
#ifndef GKREPORT_JSON_H
#define GKREPORT_JSON_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Serializer flags. */
enum {
  GK_JSON_PRETTY = 1u << 0, /**< indented, one key per line */
  GK_JSON_LINES  = 1u << 1  /**< keep source lines: cells as {"value":…,"line":N} */
};

/** Parse a report document. On failure *out is NULL, the return code is GK_EPARSE
 *  (or GK_ENOMEM, GK_EINVAL), and when `diags` is not NULL it receives an error
 *  item naming the JSON path, line and column (file = source_name, may be NULL).
 *  Rule ids of the items: "json.syntax", "json.type", "json.key", "json.edition",
 *  "json.value". Since 0.1.0. */
GK_API int gk_report_from_json(gk_report **out, const char *utf8, size_t len,
                               const char *source_name, gk_diags *diags);

/** Serialize a report; *out is NUL-terminated, free it with gk_free(). Since 0.1.0. */
GK_API int gk_report_to_json(char **out, size_t *len_out, const gk_report *r, uint32_t flags);

/** Serialize a diagnostics list as a JSON array of objects with the fields
 *  severity, rule, message_zh, message_en, cells, expected, actual, file, line,
 *  column, suspect, suspect_value, waived, waiver_reason. Since 0.1.0. */
GK_API int gk_diags_to_json(char **out, size_t *len_out, const gk_diags *d, uint32_t flags);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_JSON_H */
