/* SPDX-License-Identifier: MIT */
/* Label normalisation (gk__text_norm, gk__text_norm_fixed): the fast paths (ASCII,
 * CJK ideographs copied without decoding) agree with the one-code-point-at-a-time
 * path that follows a bad byte, the two functions agree, and a small buffer
 * holds a prefix of the full result. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"
#include "text_int.h"

static uint32_t next_rand(uint32_t *s) {
  *s = *s * 1103515245u + 12345u;
  return *s >> 8;
}

/* A random code point: CJK ideographs (Traditional ones among them), CJK
 * punctuation, full-width forms, ASCII, Latin-1, others below U+FFFF. */
static uint32_t rand_cp(uint32_t *s) {
  switch (next_rand(s) % 6) {
  case 0: case 1: return 0x4E00 + next_rand(s) % (0xA000 - 0x4E00);
  case 2: return 0x20 + next_rand(s) % 0x5F;
  case 3: return 0x3000 + next_rand(s) % 0x40;
  case 4: return 0xFF01 + next_rand(s) % 0x60;
  default: {
    uint32_t cp = 0x80 + next_rand(s) % (0xFFFE - 0x80);
    return cp >= 0xD800 && cp <= 0xDFFF ? 0x4E2D : cp;
  }
  }
}

static void norm_to(gk__buf *b, const char *s, size_t n) {
  gk__buf_init(b);
  gk__text_norm(b, s, n);
  CU_ASSERT_FALSE(b->err);
}

static void check_one(const char *s, size_t n) {
  gk__buf full, bad, withbad;
  norm_to(&full, s, n);
  norm_to(&bad, "\xFF", 1);
  char tmp[1200];
  tmp[0] = '\xFF';
  memcpy(tmp + 1, s, n);
  norm_to(&withbad, tmp, n + 1); /* after the bad byte: the slow path */
  CU_ASSERT_EQUAL(withbad.len, bad.len + full.len);
  CU_ASSERT_TRUE(withbad.len == bad.len + full.len &&
                 memcmp(withbad.data + bad.len, full.data ? full.data : "", full.len) == 0);
  char fx[1200];
  size_t k = gk__text_norm_fixed(fx, sizeof fx, s, n);
  CU_ASSERT_TRUE(k == full.len && memcmp(fx, full.data ? full.data : "", k) == 0);
  size_t cap = 1 + n % 40; /* a small buffer: a prefix, whole code points */
  k = gk__text_norm_fixed(fx, cap, s, n);
  CU_ASSERT_TRUE(k < cap && k <= full.len && memcmp(fx, full.data ? full.data : "", k) == 0);
  CU_ASSERT_TRUE(k == full.len || (((unsigned char)full.data[k]) & 0xC0) != 0x80);
  gk__buf_free(&full), gk__buf_free(&bad), gk__buf_free(&withbad);
}

static void test_text_norm_paths_agree(void) {
  uint32_t seed = 20261202;
  for (int round = 0; round < 3000; round++) {
    gk__buf s;
    gk__buf_init(&s);
    size_t ncp = next_rand(&seed) % 60;
    for (size_t i = 0; i < ncp; i++) gk__utf8_put(&s, rand_cp(&seed));
    if (next_rand(&seed) % 4 == 0 && s.len > 1) s.len--; /* a cut code point at the end */
    CU_ASSERT_FALSE_FATAL(s.err);
    check_one(s.data ? s.data : "", s.len);
    gk__buf_free(&s);
  }
}

/* Every ideograph alone: its normal form is one ideograph, and Traditional
 * forms change (減 -> 减, 項 -> 项) while Simplified ones stay. */
static void test_text_norm_ideographs(void) {
  size_t changed = 0;
  for (uint32_t cp = 0x4E00; cp <= 0x9FFF; cp++) {
    gk__buf s;
    gk__buf_init(&s);
    gk__utf8_put(&s, cp);
    check_one(s.data, s.len);
    char fx[8];
    size_t k = gk__text_norm_fixed(fx, sizeof fx, s.data, s.len);
    CU_ASSERT_EQUAL(k, 3);
    changed += k != 3 || memcmp(fx, s.data, 3) != 0;
    gk__buf_free(&s);
  }
  CU_ASSERT_TRUE(changed > 100);
  char fx[16];
  CU_ASSERT_TRUE(gk__text_norm_fixed(fx, sizeof fx, "減項", 6) == 6 && memcmp(fx, "减项", 6) == 0);
  CU_ASSERT_TRUE(gk__text_norm_fixed(fx, sizeof fx, "减项", 6) == 6 && memcmp(fx, "减项", 6) == 0);
}

/* gk__labels_norm(text) and gk__text_norm(text) append the same bytes, to an
 * empty buffer and after other text. */
static void labels_norm_same(const gk__labels *L, const char *s, size_t n, size_t *differ) {
  for (int filled = 0; filled < 2; filled++) {
    gk__buf a, b;
    gk__buf_init(&a), gk__buf_init(&b);
    if (filled) gk__buf_put(&a, "前", 3), gk__buf_put(&b, "前", 3);
    gk__labels_norm(L, &a, s, n);
    gk__text_norm(&b, s, n);
    CU_ASSERT_FALSE(a.err || b.err);
    int same = a.len == b.len && (!a.len || memcmp(a.data, b.data, a.len) == 0);
    CU_ASSERT_TRUE(same);
    *differ += !same;
    gk__buf_free(&a), gk__buf_free(&b);
  }
}

/* The wording w in the forms a line may hold it: alone, between white space,
 * ordinals, digits and letters, cut inside a character, doubled, a character
 * changed. */
static void labels_norm_forms(const gk__labels *L, const char *w, size_t *differ, uint32_t *seed) {
  static const char *const pre[] = {"", "\t", "  ", "1、", "(2)", "\t\t3.", "a", "　", "一、"};
  static const char *const post[] = {"", " ", "\r", "\t", "12", "。", "x", "：", "\t0\t"};
  char tmp[1200];
  size_t n = strlen(w);
  if (n > 500) return;
  labels_norm_same(L, w, n, differ);
  for (size_t a = 0; a < sizeof pre / sizeof *pre; a++) {
    const char *b = post[next_rand(seed) % (sizeof post / sizeof *post)];
    size_t k = (size_t)snprintf(tmp, sizeof tmp, "%s%s%s", pre[a], w, b);
    labels_norm_same(L, tmp, k, differ);
  }
  for (size_t cut = 1; cut <= 3 && cut < n; cut++) labels_norm_same(L, w, n - cut, differ);
  labels_norm_same(L, w + 1, n - 1, differ); /* from inside the first character */
  size_t k = (size_t)snprintf(tmp, sizeof tmp, "%s%s", w, w);
  labels_norm_same(L, tmp, k, differ);
  memcpy(tmp, w, n + 1);
  size_t at = next_rand(seed) % n;
  tmp[at] = (char)(tmp[at] ^ 1); /* a character changed (or made a bad byte) */
  labels_norm_same(L, tmp, n, differ);
}

/* Every declared row and column wording of every edition and variant (the
 * words gk__labels_norm looks up) in every form, and random text: the same bytes
 * as gk__text_norm. The table's answer is used: with its normalised forms
 * swapped, the wordings come out different. */
static void test_labels_norm(void) {
  gk__labels *L = NULL;
  CU_ASSERT_EQUAL_FATAL(gk__labels_new(&L), GK_OK);
  CU_ASSERT_TRUE(L->nword > 100 && L->nword < GK__WORD_MAX); /* every wording held */
  size_t differ = 0, words = 0;
  uint32_t seed = 20261203;
  for (size_t e = 0; e < gk_schema_edition_count(); e++) {
    const gk__edition *ed = gk__edition_get(gk_schema_edition_id(e));
    for (int t = 0; t < GK_NTABLES; t++) {
      const gk__table_decl *td = &ed->tables[t];
      for (size_t r = 0; r < td->nrows; r++)
        for (size_t v = 0; v < GK__NV; v++) {
          const char *w = v ? td->rows[r].variants[v - 1] : td->rows[r].zh;
          if (w) labels_norm_forms(L, w, &differ, &seed), words++;
        }
      for (size_t c = 0; c < td->ncols; c++)
        for (size_t v = 0; v < GK__NV; v++) {
          const char *w = v ? td->cols[c].variants[v - 1] : td->cols[c].zh;
          if (w) labels_norm_forms(L, w, &differ, &seed), words++;
        }
    }
  }
  CU_ASSERT_TRUE(words >= L->nword);
  for (int round = 0; round < 3000; round++) {
    gk__buf s;
    gk__buf_init(&s);
    size_t ncp = next_rand(&seed) % 30;
    for (size_t i = 0; i < ncp; i++) gk__utf8_put(&s, rand_cp(&seed));
    labels_norm_same(L, s.data ? s.data : "", s.len, &differ);
    gk__buf_free(&s);
  }
  CU_ASSERT_EQUAL(differ, 0);
  /* the fast path answers: every wording given the next one's normalised form */
  gk__span first = L->word[0].norm;
  for (size_t k = 0; k + 1 < L->nword; k++) L->word[k].norm = L->word[k + 1].norm;
  L->word[L->nword - 1].norm = first;
  size_t changed = 0;
  for (size_t k = 0; k < L->nword; k++) {
    gk__buf a, b;
    gk__buf_init(&a), gk__buf_init(&b);
    gk__labels_norm(L, &a, L->word[k].s, L->word[k].n);
    gk__text_norm(&b, L->word[k].s, L->word[k].n);
    changed += a.len != b.len || memcmp(a.data, b.data, a.len) != 0;
    gk__buf_free(&a), gk__buf_free(&b);
  }
  CU_ASSERT_TRUE(changed > L->nword / 2);
  gk__labels_free(L);
}

int main(void) {
  CU_TestInfo tests[] = {{"paths_agree", test_text_norm_paths_agree},
                         {"ideographs", test_text_norm_ideographs},
                         {"labels_norm", test_labels_norm},
                         CU_TEST_INFO_NULL};
  return gk_test_main("text_norm", tests);
}
