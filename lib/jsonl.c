/* SPDX-License-Identifier: MIT */
/* JSON Lines input of the aggregate: chunks in, one report per line, constant
 * memory (only the current partial line is buffered). The reading state is its
 * own object (struct gk__jsonl), which the aggregate holds but never reads. */
#include <stdio.h>
#include <string.h>
#include "gkreport/aggregate.h"
#include "gkreport/json.h"
#include "stats_int.h"

/* ================================================================== state */
struct gk__jsonl {
  char *line;          /* the current partial line */
  size_t line_len, line_cap;
  uint64_t lineno;     /* lines read so far */
  int skipping;        /* discarding the rest of an over-long line */
  char *source;        /* name findings carry, NULL none */
  gk_diags *scratch;   /* a line's own reading findings */
};

void gk__jsonl_free(struct gk__jsonl *j) {
  if (!j) return;
  gk__free(j->line);
  gk__free(j->source);
  gk_diags_free(j->scratch);
  gk__free(j);
}

/* The aggregate's reading state, made at first use; NULL on GK_ENOMEM. */
static struct gk__jsonl *state(gk_aggregate *a) {
  if (!a->jsonl) a->jsonl = gk__calloc(1, sizeof *a->jsonl);
  return a->jsonl;
}

/* ================================================================== JSON Lines */
GK_API int gk_aggregate_set_jsonl_source(gk_aggregate *a, const char *name) {
  if (!a) return GK_EINVAL;
  struct gk__jsonl *j = state(a);
  char *c = NULL;
  if (!j || (name && !(c = gk__strdup(name)))) return GK_ENOMEM;
  gk__free(j->source);
  j->source = c;
  return GK_OK;
}

/* Report the line being read (number lineno + 1) as skipped. */
static int bad_line(gk_aggregate *a, gk_diags *d, const char *rule, const char *why_zh,
                    const char *why_en) {
  char zh[512], en[512];
  unsigned long long no = (unsigned long long)a->jsonl->lineno + 1;
  snprintf(zh, sizeof zh, "第%llu行不是有效的报告，已跳过：%.400s", no, why_zh ? why_zh : "");
  snprintf(en, sizeof en, "line %llu is not a valid report, skipped: %.400s", no,
           why_en ? why_en : "");
  return gk__agg_emit(a, d, rule, zh, en, a->jsonl->source, no > UINT32_MAX ? 0 : (uint32_t)no,
                      NULL, NULL, NULL);
}

/* One complete line (without its newline), number lineno + 1. */
static int do_line(gk_aggregate *a, const char *s, size_t n, gk_diags *d) {
  if (n && s[n - 1] == '\r') n--;
  size_t k = 0;
  while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
  if (k == n) return GK_OK;
  if (!a->jsonl->scratch) {
    int rc = gk_diags_new(&a->jsonl->scratch);
    if (rc) return rc;
  }
  gk_diags_clear(a->jsonl->scratch);
  gk_report *r = NULL;
  int rc = gk_report_from_json(&r, s, n, a->jsonl->source, a->jsonl->scratch);
  if (rc == GK_ENOMEM) return rc;
  if (rc) {
    size_t m = gk_diags_count(a->jsonl->scratch);
    const gk_diags *sd = a->jsonl->scratch;
    return bad_line(a, d, "jsonl.line", m ? gk_diag_message(sd, 0, GK_LANG_ZH) : NULL,
                    m ? gk_diag_message(sd, 0, GK_LANG_EN) : gk_strerror(rc));
  }
  unsigned long long no = (unsigned long long)a->jsonl->lineno + 1;
  rc = gk__aggregate_add_at(a, r, d, a->jsonl->source, no > UINT32_MAX ? 0 : (uint32_t)no);
  gk_report_free(r);
  if (rc == GK_OK || rc == GK_ENOMEM) return rc;
  if (rc == GK_EOVERFLOW) return GK_OK; /* skipped with its aggregate.overflow finding */
  return bad_line(a, d, "jsonl.line", "无法汇总", gk_strerror(rc));
}

/* Forget the current line; a buffer grown past 1 MiB by a long line is released
 * so that one long line does not hold memory for the rest of the stream. */
static void line_reset(gk_aggregate *a) {
  a->jsonl->line_len = 0;
  if (a->jsonl->line_cap > ((size_t)1 << 20)) {
    gk__free(a->jsonl->line);
    a->jsonl->line = NULL;
    a->jsonl->line_cap = 0;
  }
}

static int line_append(gk_aggregate *a, const char *s, size_t n) {
  if (a->jsonl->line_len + n > a->jsonl->line_cap) {
    size_t cap = a->jsonl->line_cap ? a->jsonl->line_cap : 4096;
    while (cap < a->jsonl->line_len + n) cap *= 2;
    char *p = gk__realloc(a->jsonl->line, cap);
    if (!p) return GK_ENOMEM;
    a->jsonl->line = p;
    a->jsonl->line_cap = cap;
  }
  memcpy(a->jsonl->line + a->jsonl->line_len, s, n);
  a->jsonl->line_len += n;
  return GK_OK;
}

GK_API int gk_aggregate_add_jsonl(gk_aggregate *a, const char *chunk, size_t len,
                                  gk_diags *diags) {
  len = gk__nul_len(chunk, len);
  if (!a || (!chunk && len)) return GK_EINVAL;
  if (len && !state(a)) return GK_ENOMEM;
  size_t pos = 0;
  while (pos < len) {
    const char *nl = memchr(chunk + pos, '\n', len - pos);
    size_t seg = nl ? (size_t)(nl - (chunk + pos)) : len - pos;
    int rc = GK_OK;
    if (a->jsonl->skipping) {
      /* discarding the rest of an over-long line */
    } else if (a->jsonl->line_len + seg > GK__JSONL_LINE_MAX) {
      a->jsonl->skipping = 1;
      line_reset(a);
      rc = bad_line(a, diags, "jsonl.line", "行过长", "line longer than 64 MiB");
    } else if (nl && a->jsonl->line_len == 0) {
      rc = do_line(a, chunk + pos, seg, diags); /* whole line inside the chunk: no copy */
    } else {
      rc = line_append(a, chunk + pos, seg);
      if (!rc && nl) {
        rc = do_line(a, a->jsonl->line, a->jsonl->line_len, diags);
        line_reset(a);
      }
    }
    if (nl) {
      a->jsonl->skipping = 0;
      a->jsonl->lineno++;
    }
    if (rc) return rc;
    pos += seg + (nl ? 1 : 0);
  }
  return GK_OK;
}

GK_API int gk_aggregate_add_jsonl_end(gk_aggregate *a, gk_diags *diags) {
  if (!a) return GK_EINVAL;
  if (!a->jsonl) return GK_OK; /* nothing was read */
  int rc = GK_OK;
  struct gk__jsonl *j = a->jsonl;
  if (!j->skipping && j->line_len) rc = do_line(a, j->line, j->line_len, diags);
  line_reset(a);
  a->jsonl->skipping = 0;
  a->jsonl->lineno = 0;
  return rc;
}
