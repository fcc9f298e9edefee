/* SPDX-License-Identifier: MIT */
/* gkreport show: print a report's metadata and its three tables in the terminal.
 *
 * The tables are walked through the schema API: rows in declaration order,
 * grouped where consecutive rows share the same columns (the 2019 active table
 * has rows with different columns), each group under a header of column labels.
 * Widths are display widths (CJK counts two columns). Blank cells print "·",
 * literals verbatim, derived subtotal rows are marked with "Σ". */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

const char cli_show_usage[] =
    "Usage: gkreport show [--from auto|json|text|html|docx|csv|xlsx] [--lang zh|en] FILE|-\n"
    "\n"
    "Print the metadata and the tables of a report readably. Blank cells show as\n"
    "'·', literals verbatim; rows marked 'Σ' are subtotals the library derives from\n"
    "the rows under them.\n"
    "\n"
    "  --from F     input format (default auto)\n"
    "  --lang L     labels in Chinese (zh, default) or English (en)\n";

#define CELL_CAP 512
#define MAX_COLS 16
#define LABEL_MAX 40 /* display columns of a row label before it is cut with "…" */

/* Words of the metadata block, by language. */
typedef struct words {
  const char *agency, *code, *region, *level, *kind, *year, *edition, *title, *source,
      *sections, *none, *derived, *separator;
} words;

static const words WORDS[2] = {
    {"机关", "统一社会信用代码", "地区", "层级", "类型", "年度", "格式", "标题", "来源", "章节",
     "（无）", "Σ 为由下级行汇总的小计行", "、"},
    {"Agency", "Code", "Region", "Level", "Kind", "Year", "Edition", "Title", "Source",
     "Sections", "(none)", "Σ marks a subtotal derived from the rows under it", ", "}};

/* Text of one cell: "" when it does not exist, "·" blank, value or literal. */
static void cell_text(char *buf, size_t cap, const gk_report *r, int t, size_t row, size_t col) {
  int ed = gk_report_edition(r);
  buf[0] = '\0';
  if (!gk_schema_cell_exists(ed, t, row, col)) return;
  int st = GK_CELL_BLANK;
  int64_t v = 0;
  int rc = gk_report_cell(&st, &v, r, t, row, col);
  if (rc == GK_EOVERFLOW) {
    snprintf(buf, cap, "(overflow)");
    return;
  }
  if (rc != GK_OK || st == GK_CELL_BLANK) {
    snprintf(buf, cap, "·");
  } else if (st == GK_CELL_LITERAL) {
    const char *lit = gk_report_literal(r, t, row, col);
    snprintf(buf, cap, "%s", lit ? lit : "");
  } else {
    gk_value_format(buf, cap, gk_schema_col_kind(ed, t, col), gk_report_unit(r, t, row, col), v);
  }
}

/* Cut UTF-8 text in buf to at most `max` display columns, ending it with "…". */
static void cut_to_width(char *buf, size_t cap, size_t max) {
  if (cli_display_width(buf) <= max) return;
  size_t keep = 0, w = 0;
  char one[8];
  while (buf[keep]) {
    size_t n = 1;
    while (buf[keep + n] && ((unsigned char)buf[keep + n] & 0xC0) == 0x80 && n < 4) n++;
    memcpy(one, buf + keep, n);
    one[n] = '\0';
    size_t cw = cli_display_width(one);
    if (w + cw > max - 1) break;
    w += cw;
    keep += n;
  }
  snprintf(buf + keep, cap - keep, "…");
}

/* Row label as printed: indented under its parent, "Σ " before a derived row,
 * cut to LABEL_MAX columns. */
static void row_text(char *buf, size_t cap, int ed, int t, size_t row, int lang) {
  const char *label = gk_schema_row_label(ed, t, row, lang);
  uint32_t flags = gk_schema_row_flags(ed, t, row);
  snprintf(buf, cap, "%s%s%s", gk_schema_row_parent(ed, t, row) >= 0 ? "  " : "",
           (flags & GK_ROW_DERIVED) ? "Σ " : "", label ? label : "");
  cut_to_width(buf, cap, LABEL_MAX);
}

/* Bit mask of the columns a row has (at most MAX_COLS columns). */
static uint32_t row_mask(int ed, int t, size_t row, size_t ncols) {
  uint32_t m = 0;
  for (size_t c = 0; c < ncols && c < MAX_COLS; c++)
    if (gk_schema_cell_exists(ed, t, row, c)) m |= 1u << c;
  return m;
}

static void print_table(const gk_report *r, int t, int lang, int *any_derived) {
  int ed = gk_report_edition(r);
  size_t nrows = gk_schema_nrows(ed, t), ncols = gk_schema_ncols(ed, t);
  if (ncols > MAX_COLS) ncols = MAX_COLS;
  char buf[CELL_CAP];
  size_t label_w = 0;
  for (size_t row = 0; row < nrows; row++) {
    row_text(buf, sizeof buf, ed, t, row, lang);
    size_t w = cli_display_width(buf);
    if (w > label_w) label_w = w;
  }
  printf("\n[%s] %s\n", gk_schema_table_key(t), gk_schema_table_label(t, lang));
  size_t start = 0;
  while (start < nrows) {
    uint32_t mask = row_mask(ed, t, start, ncols);
    size_t end = start + 1;
    while (end < nrows && row_mask(ed, t, end, ncols) == mask) end++;
    size_t width[MAX_COLS] = {0};
    for (size_t c = 0; c < ncols; c++) {
      if (!(mask & (1u << c))) continue;
      width[c] = cli_display_width(gk_schema_col_label(ed, t, c, lang));
      for (size_t row = start; row < end; row++) {
        cell_text(buf, sizeof buf, r, t, row, c);
        size_t w = cli_display_width(buf);
        if (w > width[c]) width[c] = w;
      }
    }
    cli_print_padded(stdout, "", label_w, 0);
    for (size_t c = 0; c < ncols; c++) {
      if (!(mask & (1u << c))) continue;
      fputs("  ", stdout);
      cli_print_padded(stdout, gk_schema_col_label(ed, t, c, lang), width[c], 1);
    }
    fputc('\n', stdout);
    for (size_t row = start; row < end; row++) {
      row_text(buf, sizeof buf, ed, t, row, lang);
      if (gk_schema_row_flags(ed, t, row) & GK_ROW_DERIVED) *any_derived = 1;
      cli_print_padded(stdout, buf, label_w, 0);
      for (size_t c = 0; c < ncols; c++) {
        if (!(mask & (1u << c))) continue;
        cell_text(buf, sizeof buf, r, t, row, c);
        fputs("  ", stdout);
        cli_print_padded(stdout, buf, width[c], 1);
      }
      fputc('\n', stdout);
    }
    start = end;
  }
}

static void print_meta(const gk_report *r, int lang) {
  const words *w = &WORDS[lang];
  const char *name = gk_report_agency(r, GK_AGENCY_NAME);
  printf("%s: %s\n", w->agency, name ? name : w->none);
  const char *code = gk_report_agency(r, GK_AGENCY_CODE);
  if (code) printf("%s: %s\n", w->code, code);
  const char *region = gk_report_agency(r, GK_AGENCY_REGION);
  if (region) printf("%s: %s\n", w->region, region);
  const char *level = gk_schema_level_key(gk_report_agency_level(r));
  if (level) printf("%s: %s\n", w->level, level);
  const char *kind = gk_schema_agency_kind_key(gk_report_agency_kind(r));
  if (kind) printf("%s: %s\n", w->kind, kind);
  if (gk_report_year(r)) printf("%s: %d\n", w->year, gk_report_year(r));
  else printf("%s: %s\n", w->year, w->none);
  int ed = gk_report_edition(r);
  const char *inst = gk_schema_edition_instrument(ed);
  printf("%s: %d%s%s%s\n", w->edition, ed, inst ? " (" : "", inst ? inst : "", inst ? ")" : "");
  const char *title = gk_report_title(r);
  if (title) printf("%s: %s\n", w->title, title);
  const char *source = gk_report_source(r);
  if (source) printf("%s: %s\n", w->source, source);
  printf("%s: ", w->sections);
  int any = 0;
  for (int s = 0; s < GK_NSECTIONS; s++) {
    if (!gk_report_section(r, s)) continue;
    printf("%s%s", any ? w->separator : "", gk_schema_section_label(s, lang));
    any = 1;
  }
  printf("%s\n", any ? "" : w->none);
}

int cli_cmd_show(int argc, char **argv) {
  cli_args a;
  cli_args_init(&a, argc, argv);
  int lang = GK_LANG_ZH, from = CLI_FROM_AUTO;
  const char *path = NULL;
  while (cli_more(&a)) {
    int m;
    if ((m = cli_choice(&lang, &a, "--lang", cli_langs)) != 0 ||
        (m = cli_choice(&from, &a, "--from", cli_froms)) != 0) {
      if (m < 0) return CLI_USAGE;
    } else if (cli_single_file(&path, &a) != CLI_OK) {
      return CLI_USAGE;
    }
  }
  gk_report *r = NULL;
  int st = cli_load_single(&r, a.cmd, path, from);
  if (st != CLI_OK) return st;
  print_meta(r, lang);
  int any_derived = 0;
  for (int t = 0; t < GK_NTABLES; t++) print_table(r, t, lang, &any_derived);
  if (any_derived) printf("\n%s\n", WORDS[lang].derived);
  gk_report_free(r);
  return cli_finish_output(a.cmd);
}
