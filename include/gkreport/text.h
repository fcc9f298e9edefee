/* SPDX-License-Identifier: MIT */
/* libgkreport: published text of a report, in and out.
 *
 * Import: gk_report_from_text() reads the text of a published report (web page
 * or .docx/.pdf converted to text, any of the usual table layouts: one cell per
 * line, TAB rows, pipe rows, pdftotext -layout) deterministically: it splits the
 * document into the sections 一 … 六 by their headings, turns each table section
 * into labels and numbers, and walks the edition's rows in order matching labels.
 * The edition comes from the table headers, the year and the agency from the
 * title (or from the exporter's metadata block, see gk_report_to_text). Every cell keeps its source line. Nothing is guessed silently: cells it
 * cannot place stay blank with a diagnostic.
 *
 * Also read: Markdown from PDF converters ("##" headings, one small table per row
 * under anonymous headers, junk tables of "-", rows without their label or out of
 * order) and one-line page text (a web page's text as a crawler saves it, headings
 * inline, cells run together: digit runs are split by the format's identities).
 * Every import sets the report's completeness (gk_report_completeness): complete,
 * truncated at a table and row, tables missing, or pre-format.
 *
 * Export: gk_report_to_text() writes the official layout as plain text (tables
 * as TAB-indented blocks, one cell per line) that imports back to the same
 * report; gk_report_to_markdown() writes the same as Markdown tables.
 *
 * Diagnostics of the importer (rule ids; severity in brackets):
 *   import.encoding   [error]   invalid UTF-8 / GB18030, NUL bytes (with the offset)
 *   import.not_report [error]   no report: none of the part headings 一 … 六 (inline,
 *                               Markdown "##" or wrapped ones included) nor the
 *                               start of a table, and either no title or nothing but
 *                               a title (a title with prose is read: pre-2019 reports)
 *   import.converted  [info]    input was GB18030/GBK and has been converted
 *   import.edition    [info]    edition not detectable from table headers
 *   import.legacy     [info]    report before the 2019 format: no tables imported
 *   import.ambiguous  [warning] a row has fewer values than columns, or its run-together
 *                               digits read several ways (the candidates named): left blank
 *   import.duplicate_table [warning] a table printed twice with other numbers (both lines
 *                               named); the first copy is kept
 *   import.unknown_row [warning] values under a label that is no row of the table
 *   import.missing_row [warning] rows of a table that were not found
 *   import.missing_table [warning] a table section is absent
 *   import.truncated  [warning] the text ends before the report does
 *   import.agency     [info]    the title names no agency: the name was taken from
 *                               "由NAME编制" in the opening paragraph (a government's
 *                               office compiles the government's report)
 *   import.region     [info]    the agency name's place is found in several regions
 *                               (鼓楼区): the candidates named, the region left unknown
 *   import.split      [info]    run-together digits split: the one reading the relations allow
 *   import.value      [warning] a cell text that cannot be stored
 *
 * Threads: the importers keep no state: each call makes its own report and
 * writes only to its `diags` (one list per thread, or NULL), so imports may run
 * in parallel. The exporters only read the report, which threads may share.
 */
#ifndef GKREPORT_TEXT_H
#define GKREPORT_TEXT_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Encodings recognised by gk_text_to_utf8(). */
typedef enum gk_encoding {
  GK_ENCODING_UTF8 = 0,     /**< UTF-8 without BOM */
  GK_ENCODING_UTF8_BOM = 1, /**< UTF-8 with a BOM (stripped) */
  GK_ENCODING_GB18030 = 2   /**< GB18030 / GBK / GB2312, converted to UTF-8 */
} gk_encoding;

/** Detect the encoding of `bytes` (UTF-8 with or without BOM, else GB18030) and
 *  return UTF-8 in *out (NUL-terminated, free with gk_free()), its length in
 *  *len_out and the encoding found in *encoding_out (GK_ENCODING_*). When the
 *  input is neither, returns GK_EENCODING and the byte offset of the first bad
 *  byte in *bad_offset_out (may be NULL). Out-params are NULL/0 on failure.
 *  Since 0.1.0. */
GK_API int gk_text_to_utf8(char **out, size_t *len_out, int *encoding_out,
                           size_t *bad_offset_out, const char *bytes, size_t len);

/** Import the published text of a report (UTF-8 or GB18030, see above).
 *  `source_name` (may be NULL) is kept as the report's source and used as the
 *  file of diagnostics. Warnings and notes about the import go to `diags` (may
 *  be NULL). A partial report imports what is there (GK_OK, with
 *  import.truncated). Text that is no report gives GK_EPARSE; bad encoding
 *  GK_EENCODING. On failure *out is NULL. Since 0.1.0. */
GK_API int gk_report_from_text(gk_report **out, const char *bytes, size_t len,
                               const char *source_name, gk_diags *diags);

/** Load a report from JSON (first non-space byte '{'), HTML, DOCX or published
 *  text (see gk_report_detect_form). Same contract as gk_report_from_json() /
 *  gk_report_from_text(); for every form `source_name` (may be NULL) names the
 *  input in diagnostics and becomes the report's source, unless a JSON document
 *  has its own "source" member (0.1.0 dropped it for JSON). Since 0.1.0. */
GK_API int gk_report_load(gk_report **out, const char *bytes, size_t len,
                          const char *source_name, gk_diags *diags);

/** Write the report in the official layout as plain text (title, preamble,
 *  headings 一 … 六, tables as TAB-indented one-cell-per-line blocks; a blank
 *  cell is a line holding only a TAB). gk_report_from_text() reads it back to an
 *  equal report (gk_report_equal(a, b, 0)). The title is written alone when it
 *  has the published form (the agency's name, the year, 年…报告) and so gives
 *  back agency and year; otherwise (no title, a title in another form, a line
 *  break in a title or name) the text opens with a metadata block of three lines
 *  报告名称： / 发布机构： / 报告年度： (empty when the report has none, values
 *  quoted as literals are), which the importer reads back exactly: an untitled
 *  report stays untitled and no year is taken from the prose. The published
 *  layout has no place for the agency's code, region, level and kind, the source
 *  name or the source lines: those do not survive the text (an import infers
 *  level, kind and region from the name).
 *
 *  Literals: "-", "/", "无", "—" and the other plain literals the importer knows
 *  are written as they are. Any other literal (one that would read as a number,
 *  "12 34", "1,000", "５", or that holds white space, `|`, TAB, a line break …)
 *  is quoted: 「…」, inside which `\` escapes the next character (`\」`, `\\`,
 *  `\|`), `\n` `\r` `\t` stand for line breaks and TAB and `\xHH` for another
 *  control byte. The importer reads a cell 「…」 back as that literal, verbatim
 *  (in every layout it reads). Free *out with gk_free(). Since 0.1.0. */
GK_API int gk_report_to_text(char **out, size_t *len_out, const gk_report *r);

/** Write the report as Markdown: headings, the prose sections and the three
 *  tables as pipe tables (blank cells empty; literals quoted as by
 *  gk_report_to_text, so gk_report_from_text reads them back verbatim; title,
 *  agency name and year as by gk_report_to_text, the title also as a "# " heading
 *  kept on one line). Free *out with gk_free(). Since 0.1.0. */
GK_API int gk_report_to_markdown(char **out, size_t *len_out, const gk_report *r);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_TEXT_H */
