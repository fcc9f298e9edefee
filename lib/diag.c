/* SPDX-License-Identifier: MIT */
/* Diagnostics list: parse errors and findings, owning copies of their strings. */
#include <stdio.h>
#include <string.h>
#include "internal.h"

typedef struct {
  int severity;
  int waived;
  uint32_t line, column;
  char *rule, *msg[2], *file, *expected, *actual, *suspect, *suspect_value, *reason;
  char **cells;
  size_t ncells;
  char **cand;      /* candidates of an ambiguous repair: path, value, path, value... */
  size_t ncand;
  char *note[2];    /* what to do about it, zh and en */
} item;

struct gk_diags {
  item *items;
  size_t n, cap;
};

GK_API int gk_diags_new(gk_diags **out) {
  if (!out) return GK_EINVAL;
  *out = gk__calloc(1, sizeof **out);
  return *out ? GK_OK : GK_ENOMEM;
}

static void item_free(item *it) {
  gk__free(it->rule);
  gk__free(it->msg[0]);
  gk__free(it->msg[1]);
  gk__free(it->file);
  gk__free(it->expected);
  gk__free(it->actual);
  gk__free(it->suspect);
  gk__free(it->suspect_value);
  gk__free(it->reason);
  for (size_t k = 0; k < it->ncells; k++) gk__free(it->cells[k]);
  gk__free(it->cells);
  for (size_t k = 0; k < 2 * it->ncand; k++) gk__free(it->cand[k]);
  gk__free(it->cand);
  gk__free(it->note[0]);
  gk__free(it->note[1]);
}

GK_API void gk_diags_clear(gk_diags *d) {
  if (!d) return;
  for (size_t i = 0; i < d->n; i++) item_free(&d->items[i]);
  d->n = 0;
}

GK_API void gk_diags_free(gk_diags *d) {
  if (!d) return;
  gk_diags_clear(d);
  gk__free(d->items);
  gk__free(d);
}

GK_API size_t gk_diags_count(const gk_diags *d) { return d ? d->n : 0; }

GK_API size_t gk_diags_count_severity(const gk_diags *d, gk_severity min_severity) {
  size_t k = 0;
  for (size_t i = 0; d && i < d->n; i++)
    k += !d->items[i].waived && d->items[i].severity >= min_severity;
  return k;
}

/* Copy src into *dst (NULL allowed); on failure *dst is untouched. */
static int copy_opt(char **dst, const char *src) {
  char *c = NULL;
  if (src && !(c = gk__strdup(src))) return GK_ENOMEM;
  gk__free(*dst);
  *dst = c;
  return GK_OK;
}

GK_API int gk_diags_add(size_t *index_out, gk_diags *d, gk_severity severity, const char *rule,
                        const char *msg_zh, const char *msg_en, const char *file, uint32_t line,
                        uint32_t column) {
  if (index_out) *index_out = 0;
  if (!d || !rule || severity < GK_SEV_INFO || severity > GK_SEV_ERROR) return GK_EINVAL;
  if (d->n == d->cap) {
    size_t cap = d->cap ? d->cap * 2 : 8;
    item *p = gk__realloc(d->items, cap * sizeof *p);
    if (!p) return GK_ENOMEM;
    d->items = p;
    d->cap = cap;
  }
  item it;
  memset(&it, 0, sizeof it);
  it.severity = severity;
  it.line = line;
  it.column = column;
  if (copy_opt(&it.rule, rule) || copy_opt(&it.msg[0], msg_zh) || copy_opt(&it.msg[1], msg_en) ||
      copy_opt(&it.file, file)) {
    item_free(&it);
    return GK_ENOMEM;
  }
  d->items[d->n] = it;
  if (index_out) *index_out = d->n;
  d->n++;
  return GK_OK;
}

void gk__diags_remove(gk_diags *d, size_t i) {
  if (!d || i >= d->n) return;
  item_free(&d->items[i]);
  memmove(&d->items[i], &d->items[i + 1], (d->n - i - 1) * sizeof d->items[0]);
  d->n--;
}

void gk__diags_drop_if(gk_diags *d, size_t from, int (*drop)(const gk_diags *, size_t, const void *),
                       const void *ctx) {
  if (!d || !drop) return;
  size_t k = from;
  for (size_t i = from; i < d->n; i++) {
    if (drop(d, i, ctx)) {
      item_free(&d->items[i]);
      continue;
    }
    if (k != i) d->items[k] = d->items[i];
    k++;
  }
  if (k < d->n) d->n = k;
}

void gk__diags_truncate(gk_diags *d, size_t n) {
  while (d && d->n > n) item_free(&d->items[--d->n]);
}

static item *get(const gk_diags *d, size_t i) { return (d && i < d->n) ? &d->items[i] : NULL; }

void gk__diags_set_pos(gk_diags *d, size_t i, uint32_t line, uint32_t column) {
  item *it = get(d, i);
  if (it) it->line = line, it->column = column;
}

GK_API int gk_diags_add_cell(gk_diags *d, size_t i, const char *path) {
  item *it = get(d, i);
  if (!it || !path) return GK_EINVAL;
  char **p = gk__realloc(it->cells, (it->ncells + 1) * sizeof *p);
  if (!p) return GK_ENOMEM;
  it->cells = p;
  if (!(p[it->ncells] = gk__strdup(path))) return GK_ENOMEM;
  it->ncells++;
  return GK_OK;
}

GK_API int gk_diags_set_values(gk_diags *d, size_t i, const char *expected, const char *actual) {
  item *it = get(d, i);
  if (!it) return GK_EINVAL;
  char *e = NULL, *a = NULL;
  if (copy_opt(&e, expected) || copy_opt(&a, actual)) {
    gk__free(e);
    return GK_ENOMEM;
  }
  gk__free(it->expected);
  gk__free(it->actual);
  it->expected = e;
  it->actual = a;
  return GK_OK;
}

GK_API int gk_diags_set_suspect(gk_diags *d, size_t i, const char *path, const char *value) {
  item *it = get(d, i);
  if (!it) return GK_EINVAL;
  char *p = NULL, *v = NULL;
  if (copy_opt(&p, path) || copy_opt(&v, value)) {
    gk__free(p);
    return GK_ENOMEM;
  }
  gk__free(it->suspect);
  gk__free(it->suspect_value);
  it->suspect = p;
  it->suspect_value = v;
  return GK_OK;
}

GK_API int gk_diags_add_candidate(gk_diags *d, size_t i, const char *path, const char *value) {
  item *it = get(d, i);
  if (!it || !path || !value) return GK_EINVAL;
  char **p = gk__realloc(it->cand, (2 * it->ncand + 2) * sizeof *p);
  if (!p) return GK_ENOMEM;
  it->cand = p;
  char *a = gk__strdup(path), *b = gk__strdup(value);
  if (!a || !b) {
    gk__free(a);
    gk__free(b);
    return GK_ENOMEM;
  }
  p[2 * it->ncand] = a;
  p[2 * it->ncand + 1] = b;
  it->ncand++;
  return GK_OK;
}

GK_API int gk_diags_set_note(gk_diags *d, size_t i, const char *note_zh, const char *note_en) {
  item *it = get(d, i);
  if (!it) return GK_EINVAL;
  char *z = NULL, *e = NULL;
  if (copy_opt(&z, note_zh) || copy_opt(&e, note_en)) {
    gk__free(z);
    return GK_ENOMEM;
  }
  gk__free(it->note[0]);
  gk__free(it->note[1]);
  it->note[0] = z;
  it->note[1] = e;
  return GK_OK;
}

GK_API int gk_diags_waive(gk_diags *d, size_t i, const char *reason) {
  item *it = get(d, i);
  if (!it || !reason) return GK_EINVAL;
  int rc = copy_opt(&it->reason, reason);
  if (!rc) it->waived = 1;
  return rc;
}

GK_API int gk_diags_append(gk_diags *d, const gk_diags *src) {
  if (!d || !src || d == src) return GK_EINVAL;
  size_t start = d->n;
  for (size_t i = 0; i < src->n; i++) {
    const item *s = &src->items[i];
    size_t k;
    int rc = gk_diags_add(&k, d, s->severity, s->rule, s->msg[0], s->msg[1], s->file, s->line,
                          s->column);
    for (size_t c = 0; !rc && c < s->ncells; c++) rc = gk_diags_add_cell(d, k, s->cells[c]);
    if (!rc && (s->expected || s->actual)) rc = gk_diags_set_values(d, k, s->expected, s->actual);
    if (!rc && (s->suspect || s->suspect_value))
      rc = gk_diags_set_suspect(d, k, s->suspect, s->suspect_value);
    for (size_t c = 0; !rc && c < s->ncand; c++)
      rc = gk_diags_add_candidate(d, k, s->cand[2 * c], s->cand[2 * c + 1]);
    if (!rc && (s->note[0] || s->note[1])) rc = gk_diags_set_note(d, k, s->note[0], s->note[1]);
    if (!rc && s->waived) rc = gk_diags_waive(d, k, s->reason);
    if (rc) { /* roll back to leave d as it was */
      while (d->n > start) item_free(&d->items[--d->n]);
      return rc;
    }
  }
  return GK_OK;
}

GK_API int gk_diag_severity(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->severity : -1;
}
GK_API const char *gk_diag_rule(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->rule : NULL;
}
GK_API const char *gk_diag_message(const gk_diags *d, size_t i, gk_lang lang) {
  item *it = get(d, i);
  if (!it) return NULL;
  const char *m = it->msg[lang == GK_LANG_EN ? 1 : 0];
  return m ? m : it->msg[lang == GK_LANG_EN ? 0 : 1];
}
GK_API size_t gk_diag_ncells(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->ncells : 0;
}
GK_API const char *gk_diag_cell(const gk_diags *d, size_t i, size_t k) {
  item *it = get(d, i);
  return (it && k < it->ncells) ? it->cells[k] : NULL;
}
GK_API const char *gk_diag_expected(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->expected : NULL;
}
GK_API const char *gk_diag_actual(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->actual : NULL;
}
GK_API const char *gk_diag_file(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->file : NULL;
}
GK_API uint32_t gk_diag_line(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->line : 0;
}
GK_API uint32_t gk_diag_column(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->column : 0;
}
GK_API const char *gk_diag_suspect(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->suspect : NULL;
}
GK_API const char *gk_diag_suspect_value(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->suspect_value : NULL;
}
GK_API size_t gk_diag_ncandidates(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->ncand : 0;
}
GK_API const char *gk_diag_candidate(const gk_diags *d, size_t i, size_t k) {
  item *it = get(d, i);
  return (it && k < it->ncand) ? it->cand[2 * k] : NULL;
}
GK_API const char *gk_diag_candidate_value(const gk_diags *d, size_t i, size_t k) {
  item *it = get(d, i);
  return (it && k < it->ncand) ? it->cand[2 * k + 1] : NULL;
}
GK_API const char *gk_diag_note(const gk_diags *d, size_t i, gk_lang lang) {
  item *it = get(d, i);
  if (!it) return NULL;
  const char *m = it->note[lang == GK_LANG_EN ? 1 : 0];
  return m ? m : it->note[lang == GK_LANG_EN ? 0 : 1];
}
GK_API int gk_diag_waived(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->waived : 0;
}
GK_API const char *gk_diag_waiver_reason(const gk_diags *d, size_t i) {
  item *it = get(d, i);
  return it ? it->reason : NULL;
}

static const char *const sev_keys[] = {"info", "warning", "error"};

GK_API const char *gk_severity_key(gk_severity severity) {
  return (severity >= 0 && severity <= GK_SEV_ERROR) ? sev_keys[severity] : NULL;
}

GK_API int gk_severity_find(const char *key) {
  for (int i = 0; key && i <= GK_SEV_ERROR; i++)
    if (strcmp(sev_keys[i], key) == 0) return i;
  return GK_ENOTFOUND;
}

/* 1 when a file name ends in ".docx" (any case): its positions are DOCX ones. */
static int docx_name(const char *file) {
  size_t n = file ? strlen(file) : 0;
  if (n < 5) return 0;
  const char *e = file + n - 5;
  return e[0] == '.' && (e[1] | 0x20) == 'd' && (e[2] | 0x20) == 'o' && (e[3] | 0x20) == 'c' &&
         (e[4] | 0x20) == 'x';
}

GK_API int gk_diag_position(char *buf, size_t cap, const gk_diags *d, size_t i, gk_lang lang) {
  item *it = get(d, i);
  if (buf && cap) buf[0] = '\0';
  if (!it) return GK_EINVAL;
  unsigned line = it->line, col = it->column;
  int n = 0, zh = lang != GK_LANG_EN;
  if (!line) return 0;
  if (docx_name(it->file) && (line >> 16)) { /* grid.h: line = table << 16 | row, column = cell */
    unsigned t = line >> 16, r = line & 0xffffu;
    if (col)
      n = snprintf(buf, buf ? cap : 0, zh ? "（表%u第%u行第%u格）" : " (table %u, row %u, cell %u)", t, r, col);
    else
      n = snprintf(buf, buf ? cap : 0, zh ? "（表%u第%u行）" : " (table %u, row %u)", t, r);
  } else if (docx_name(it->file)) {
    n = snprintf(buf, buf ? cap : 0, zh ? "（第%u段）" : " (paragraph %u)", line);
  } else if (col) {
    n = snprintf(buf, buf ? cap : 0, ":%u:%u", line, col);
  } else {
    n = snprintf(buf, buf ? cap : 0, ":%u", line);
  }
  return n < 0 ? GK_EINVAL : n;
}

GK_API int gk_diag_format(char *buf, size_t cap, const gk_diags *d, size_t i, gk_lang lang) {
  item *it = get(d, i);
  if (buf && cap) buf[0] = '\0';
  if (!it) return GK_EINVAL;
  const char *msg = gk_diag_message(d, i, lang);
  char pos[96] = "";
  gk_diag_position(pos, sizeof pos, d, i, lang);
  int n = snprintf(buf, buf ? cap : 0, "%s%s: %s %s%s%s%s", it->file ? it->file : "<report>", pos,
                   sev_keys[it->severity], it->rule, msg ? ": " : "", msg ? msg : "",
                   it->waived ? " [waived]" : "");
  return n < 0 ? GK_EINVAL : n;
}
