/* CSV: the tidy long form of a report, one line per cell (include/gkreport/csv.h).
 * Tables, rows and columns are walked from the schema declarations. */
#include <string.h>
#include "internal.h"
#include "gkreport/csv.h"

/* One field, quoted (RFC 4180) only when it must be. */
static void field(gk__buf *b, const char *s, size_t n) {
  if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\r', n) && !memchr(s, '\n', n)) {
    gk__buf_put(b, s, n);
    return;
  }
  gk__buf_putc(b, '"');
  for (const char *q; (q = memchr(s, '"', n)) != NULL; n -= (size_t)(q + 1 - s), s = q + 1) {
    gk__buf_put(b, s, (size_t)(q + 1 - s));
    gk__buf_putc(b, '"'); /* a quote is doubled */
  }
  gk__buf_put(b, s, n);
  gk__buf_putc(b, '"');
}

void gk__csv_field(gk__buf *b, const char *s, size_t n) { field(b, s, n); }

static void field_str(gk__buf *b, const char *s) { field(b, s ? s : "", s ? strlen(s) : 0); }

GK_API int gk_report_to_csv(char **out, size_t *len_out, const gk_report *r, uint32_t flags) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !r) return GK_EINVAL;
  gk__buf b;
  gk__buf_init(&b);
  if (!(flags & GK_CSV_NO_HEADER)) gk__buf_puts(&b, "agency,year,edition,table,row,col,state,value\n");
  /* the first three fields are the same on every line */
  gk__buf lead;
  gk__buf_init(&lead);
  field_str(&lead, r->agency[GK_AGENCY_NAME]);
  if (r->year)
    gk__buf_printf(&lead, ",%d,%d,", r->year, r->edition);
  else
    gk__buf_printf(&lead, ",,%d,", r->edition);
  if (lead.err) b.err = lead.err;
  int ed = r->edition, rc = GK_OK;
  for (int t = 0; t < GK_NTABLES && !rc; t++) {
    size_t nrows = gk_schema_nrows(ed, t), ncols = gk_schema_ncols(ed, t);
    for (size_t row = 0; row < nrows && !rc; row++) {
      int stored = (gk_schema_row_flags(ed, t, row) & GK_ROW_STORED) != 0;
      if (!stored && !(flags & GK_CSV_DERIVED)) continue;
      for (size_t col = 0; col < ncols && !rc; col++) {
        if (!gk_schema_cell_exists(ed, t, row, col)) continue;
        int st;
        int64_t v;
        const char *state;
        char num[48];
        const char *text = "";
        size_t tlen = 0;
        if (stored) {
          const gk__cell *c = gk__cell_at(r, t, row, col);
          st = c->state;
          v = c->value;
        } else {
          rc = gk__cell_effective(r, t, row, col, &st, &v);
          if (rc) break;
        }
        if (st == GK_CELL_VALUE) {
          tlen = (size_t)gk__format_value(num, sizeof num, gk_schema_col_kind(ed, t, col), v);
          text = num;
        } else if (st == GK_CELL_LITERAL) {
          text = gk_report_get_literal(r, t, row, col);
          tlen = strlen(text);
        }
        state = !stored ? "derived" : st == GK_CELL_VALUE ? "value"
                                    : st == GK_CELL_LITERAL ? "literal" : "blank";
        gk__buf_put(&b, lead.data, lead.len);
        gk__buf_printf(&b, "%s,%s,%s,%s,", gk_schema_table_key(t), gk_schema_row_key(ed, t, row),
                       gk_schema_col_key(ed, t, col), state);
        field(&b, text, tlen);
        gk__buf_putc(&b, '\n');
      }
    }
  }
  gk__buf_free(&lead);
  if (rc) {
    gk__buf_free(&b);
    return rc;
  }
  return gk__buf_finish(&b, out, len_out);
}
