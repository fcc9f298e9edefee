/* SPDX-License-Identifier: MIT */
/* libgkreport: reports published as documents, HTML pages and Word (.docx) files.
 *
 * Both readers turn the document into rows of cells (with their row and column
 * spans and source positions) and hand them to the importer that reads the
 * published tables, so a page or a .docx gives the same report as its text,
 * without a flattening step that loses merged and empty cells.
 *
 *  - HTML is parsed by libxml2's HTML parser (tolerant of broken markup; the
 *    charset from <meta charset> or the http-equiv line: UTF-8, GB2312, GBK,
 *    GB18030; a page without one that is not UTF-8 is read as GB18030). Tables
 *    are laid out with rowspan/colspan; scripts, styles, navigation and share
 *    bars are skipped; a page's own metadata table (索引号 / 发布机构 / 公开日期)
 *    is kept apart from the report. Positions are the line and column of a cell.
 *  - DOCX is opened in memory with libzip (nothing is written to disk) and
 *    word/document.xml is read as a stream by libxml2's xmlReader: paragraphs,
 *    runs, tabs and breaks, tables with w:gridSpan and w:vMerge, nested tables;
 *    headers and footers are not read. Positions are "table 3, row 5, cell 2"
 *    (line = table << 16 | row, column = cell) and the paragraph number for prose.
 *  - XLSX is opened the same way; its visible sheets are read in workbook order
 *    (gk_report_from_xlsx below). Positions are "sheet 2, row 7, column 3"
 *    (line = sheet << 16 | row, column = the sheet's column, 1-based).
 *
 * Limits: an HTML page over GK_DOCUMENT_MAX_INPUT bytes, a .docx or .xlsx file
 * over it, a word/document.xml or a workbook's part inflating past
 * GK_DOCX_MAX_XML bytes, or a workbook of more than GK_XLSX_MAX_CELLS cells is
 * refused with GK_EPARSE and an import.too_large error (zip bombs stop at the
 * cap, in bounded memory).
 *
 * Diagnostics (rule ids; severity in brackets), besides those of text.h:
 *   import.too_large [error]   input over the cap (with the cap)
 *   import.html      [error/warning] a page that cannot be parsed; nesting too deep
 *   import.docx      [error]   not a zip, no word/document.xml, wrong content type,
 *                              a truncated or malformed part (with where)
 *   import.xlsx      [error]   not a zip, no xl/workbook.xml, a missing, truncated or
 *                              malformed part, a bad cell reference or shared string
 *                              index (with the part, or the sheet and cell: "表2!C7")
 *
 * Threads: the functions keep no state; distinct calls may run concurrently.
 */
#ifndef GKREPORT_DOCUMENT_H
#define GKREPORT_DOCUMENT_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Largest HTML page or .docx file the readers accept (64 MiB). */
#define GK_DOCUMENT_MAX_INPUT ((size_t)64 << 20)
/** Largest uncompressed word/document.xml (256 MiB). */
#define GK_DOCX_MAX_XML ((size_t)256 << 20)

/** Most cells (<c> elements) of one .xlsx workbook, and most shared strings,
 *  the XLSX reader takes (2 Mi); more is refused with import.too_large.
 *  Since 0.2.0. */
#define GK_XLSX_MAX_CELLS ((size_t)1 << 21)

/** Forms of input gk_report_load() tells apart by content. */
typedef enum gk_form {
  GK_FORM_TEXT = 0, /**< published text (UTF-8 or GB18030) */
  GK_FORM_JSON = 1, /**< a gkreport JSON document (first non-space byte '{') */
  GK_FORM_HTML = 2, /**< markup (first non-space byte '<') */
  GK_FORM_DOCX = 3, /**< a zip archive ("PK\3\4"): a Word document */
  GK_FORM_CSV = 4,  /**< the CSV gk_report_to_csv writes (its header line first). Since 0.2.0. */
  GK_FORM_XLSX = 5  /**< a zip archive holding xl/workbook.xml: an Excel workbook. Since 0.2.0. */
} gk_form;

/** The form of `bytes` as gk_report_load() detects it: GK_FORM_XLSX for a zip
 *  holding xl/workbook.xml (and no word/document.xml), GK_FORM_DOCX for another
 *  zip signature, GK_FORM_JSON for '{', GK_FORM_HTML for '<', GK_FORM_CSV for the
 *  CSV header line "agency,year,edition,table,row,col,state,value" (after a BOM
 *  and white space), else GK_FORM_TEXT. NULL with len 0 is text. Since 0.2.0. */
GK_API gk_form gk_report_detect_form(const char *bytes, size_t len);

/** Load a report of the given form (a forced form: no detection). Same contract
 *  as gk_report_load(); GK_EINVAL for an unknown form, GK_EUNSUPPORTED for JSON
 *  in a build without it. Since 0.2.0. */
GK_API int gk_report_load_form(gk_report **out, const char *bytes, size_t len, gk_form form,
                               const char *source_name, gk_diags *diags);

/** Import a report from an HTML page (see above). `source_name` (may be NULL)
 *  names the input in diagnostics and becomes the report's source. A page with
 *  no report gives GK_EPARSE (import.not_report); on failure *out is NULL.
 *  Since 0.2.0. */
GK_API int gk_report_from_html(gk_report **out, const char *bytes, size_t len,
                               const char *source_name, gk_diags *diags);

/** Import a report from the bytes of a .docx file (see above). Same contract as
 *  gk_report_from_html(). Since 0.2.0. */
GK_API int gk_report_from_docx(gk_report **out, const char *bytes, size_t len,
                               const char *source_name, gk_diags *diags);

/** Import a report from the bytes of an .xlsx workbook (see above): its
 *  visible sheets in workbook order, each laid out as rows of cells (shared and
 *  inline strings, numbers as the XML writes them, never through a double;
 *  merged ranges as spans; empty rows skipped; a row holding one text cell a
 *  title or heading). The findings sheet gk_report_to_xlsx() writes is not
 *  read. Same contract as gk_report_from_html(); errors name the sheet and
 *  cell ("表2!C7"). Since 0.2.0. */
GK_API int gk_report_from_xlsx(gk_report **out, const char *bytes, size_t len,
                               const char *source_name, gk_diags *diags);

#ifdef __cplusplus
}
#endif

#endif /* GKREPORT_DOCUMENT_H */
