/* SPDX-License-Identifier: MIT */
/* gkreport convert: read a report and write it in another format. */
#include "cli.h"

#include <string.h>

const char cli_convert_usage[] =
    "Usage: gkreport convert [--from auto|json|text|html|docx|csv|xlsx]\n"
    "                        [--to json|csv|text|md|html|xlsx]\n"
    "                        [--lines] [--excel] [--lang zh|en] [-o FILE] FILE|-\n"
    "\n"
    "Read a report and write it to standard output (or FILE), normalised.\n"
    "\n"
    "  --from F     input format: json, text (a published report), html (a web\n"
    "               page), docx (a Word file), csv (what --to csv writes), xlsx\n"
    "               (an Excel workbook, such as --to xlsx writes) or auto\n"
    "               (default: .html/.htm/.docx/.xlsx by the name, else by the\n"
    "               content: PK zip (a workbook when it holds xl/workbook.xml),\n"
    "               '<' markup, '{' JSON, the CSV header line)\n"
    "  --to F       output format: json (pretty, default), csv (one line per cell:\n"
    "               agency,year,edition,table,row,col,state,value), text (the\n"
    "               official layout, which imports back to the same report), md\n"
    "               (Markdown tables), html (a self-contained page: the tables in\n"
    "               the published layout, failing cells marked with the finding and\n"
    "               its repair) or xlsx (a workbook: one sheet per table in the\n"
    "               published layout, failing cells highlighted with the finding as\n"
    "               a comment, and a findings sheet; binary: needs -o or a pipe)\n"
    "  --lines      json: keep the source line of every cell ({\"value\": N, \"line\": L})\n"
    "  --excel      csv: for Excel (UTF-8 BOM, CRLF, columns source,row_label,col_label)\n"
    "  --lang L     labels and messages of csv --excel, html and xlsx: zh (default), en\n"
    "  -o FILE      write to FILE instead of standard output\n";

enum { TO_JSON = 0, TO_CSV = 1, TO_TEXT = 2, TO_MD = 3, TO_HTML = 4, TO_XLSX = 5 };
static const char *const targets[] = {"json", "csv", "text", "md", "html", "xlsx", NULL};

typedef struct {
  const gk_report *r;
  const gk_diags *d;
  int lang;
} xlsx_job;

static int write_xlsx(const char *path, void *ctx) {
  const xlsx_job *j = ctx;
  return gk_report_to_xlsx(path, j->r, j->d, j->lang);
}

/* Serialize r in format `to` into a library buffer (free with gk_free). */
static int serialize(char **out, size_t *len, const gk_report *r, const gk_diags *d, int to,
                     int lines, int excel, int lang) {
  uint32_t csv = excel ? GK_CSV_EXCEL | (lang == GK_LANG_EN ? GK_CSV_LANG_EN : 0u) : 0u;
  switch (to) {
  case TO_CSV:
    return gk_report_to_csv(out, len, r, csv);
  case TO_TEXT:
    return gk_report_to_text(out, len, r);
  case TO_MD:
    return gk_report_to_markdown(out, len, r);
  case TO_HTML:
    return gk_report_to_html(out, len, r, d, lang);
  default:
    return gk_report_to_json(out, len, r, GK_JSON_PRETTY | (lines ? GK_JSON_LINES : 0u));
  }
}

/* The findings the page and workbook mark: the importer's notes and the rules. */
static int findings(gk_diags **out, const gk_report *r, gk_diags *notes) {
  int rc = gk_report_validate(r, NULL, notes);
  *out = notes;
  return rc;
}

int cli_cmd_convert(int argc, char **argv) {
  cli_args a;
  cli_args_init(&a, argc, argv);
  int from = CLI_FROM_AUTO, to = TO_JSON, lines = 0, excel = 0, lang = GK_LANG_ZH;
  const char *path = NULL;
  while (cli_more(&a)) {
    int m;
    if ((m = cli_choice(&from, &a, "--from", cli_froms)) != 0 ||
        (m = cli_choice(&to, &a, "--to", targets)) != 0 ||
        (m = cli_choice(&lang, &a, "--lang", cli_langs)) != 0) {
      if (m < 0) return CLI_USAGE;
    } else if (cli_flag(&a, "--lines")) {
      lines = 1;
    } else if (cli_flag(&a, "--excel")) {
      excel = 1;
    } else if (cli_single_file(&path, &a) != CLI_OK) {
      return CLI_USAGE;
    }
  }
  if (!path) return cli_usage_error(a.cmd, "missing FILE (use '-' for standard input)");
  gk_diags *notes = NULL, *d = NULL;
  if (gk_diags_new(&notes) != GK_OK) {
    cli_error(a.cmd, "%s", gk_strerror(GK_ENOMEM));
    return CLI_USAGE;
  }
  gk_report *r = NULL;
  int st = cli_load(&r, a.cmd, path, from, notes);
  if (st != CLI_OK) {
    gk_diags_free(notes);
    return st;
  }
  int rc = (to == TO_HTML || to == TO_XLSX) ? findings(&d, r, notes) : GK_OK;
  if (rc == GK_OK && to == TO_XLSX) {
    xlsx_job job = {r, d, lang};
    st = cli_emit_binary(a.cmd, write_xlsx, &job);
  } else {
    char *out = NULL;
    size_t len = 0;
    if (rc == GK_OK) rc = serialize(&out, &len, r, d, to, lines, excel, lang);
    st = cli_emit(a.cmd, rc, out, len);
    if (st == CLI_OK) st = cli_finish_output(a.cmd);
  }
  gk_report_free(r);
  gk_diags_free(notes);
  return st;
}
