/* SPDX-License-Identifier: MIT */
/* Text normalisation shared by the importer, the exporters and the text rules:
 * UTF-8 stepping, label normalisation (full/half width, Traditional to
 * Simplified, spaces, punctuation, ordinals), headings, value tokens. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include "text_int.h"

/* Traditional -> Simplified for the characters of labels and headings, sorted by
 * the Traditional code point (binary search). */
static const uint32_t t2s[][2] = {
  {0x4E26, 0x5E76}, {0x4F86, 0x6765}, {0x4FC2, 0x7CFB}, {0x500B, 0x4E2A}, {0x5011, 0x4EEC}, {0x5167, 0x5185},
  {0x5169, 0x4E24}, {0x52D5, 0x52A8}, {0x52D9, 0x52A1}, {0x5340, 0x533A}, {0x554F, 0x95EE},
  {0x55AE, 0x5355}, {0x570B, 0x56FD}, {0x57F7, 0x6267}, {0x5831, 0x62A5}, {0x5BE6, 0x5B9E},
  {0x5BE9, 0x5BA1}, {0x5C08, 0x4E13}, {0x5C0D, 0x5BF9}, {0x5C0E, 0x5BFC}, {0x5C6C, 0x5C5E},
  {0x5EE2, 0x5E9F}, {0x5F37, 0x5F3A}, {0x5F4A, 0x5F3A}, {0x5F8C, 0x540E}, {0x5FA9, 0x590D},
  {0x614B, 0x6001}, {0x63A1, 0x91C7}, {0x64DA, 0x636E}, {0x6578, 0x6570}, {0x65BC, 0x4E8E},
  {0x6642, 0x65F6}, {0x66F8, 0x4E66}, {0x6703, 0x4F1A}, {0x689D, 0x6761}, {0x696D, 0x4E1A},
  {0x69CB, 0x6784}, {0x6A5F, 0x673A}, {0x6A94, 0x6863}, {0x6B0A, 0x6743}, {0x6B78, 0x5F52},
  {0x6C7A, 0x51B3}, {0x6C92, 0x6CA1}, {0x6CC1, 0x51B5}, {0x6E1B, 0x51CF}, {0x70BA, 0x4E3A},
  {0x7121, 0x65E0}, {0x7372, 0x83B7}, {0x73FE, 0x73B0}, {0x7522, 0x4EA7}, {0x7576, 0x5F53},
  {0x767C, 0x53D1}, {0x78BA, 0x786E}, {0x7955, 0x79D8}, {0x7A69, 0x7A33}, {0x7BC4, 0x8303},
  {0x7CFE, 0x7EA0}, {0x7D0D, 0x7EB3}, {0x7D44, 0x7EC4}, {0x7D50, 0x7ED3}, {0x7D71, 0x7EDF},
  {0x7D93, 0x7ECF}, {0x7DAD, 0x7EF4}, {0x7E3D, 0x603B}, {0x7E54, 0x7EC7}, {0x7E73, 0x7F34},
  {0x7E7C, 0x7EE7}, {0x7E8C, 0x7EED}, {0x7F70, 0x7F5A}, {0x7FA9, 0x4E49}, {0x8207, 0x4E0E},
  {0x8209, 0x4E3E}, {0x842C, 0x4E07}, {0x8655, 0x5904}, {0x865F, 0x53F7}, {0x885B, 0x536B},
  {0x88DC, 0x8865}, {0x88FD, 0x5236}, {0x8907, 0x590D}, {0x898F, 0x89C4}, {0x8A08, 0x8BA1},
  {0x8A1F, 0x8BBC}, {0x8A2A, 0x8BBF}, {0x8A31, 0x8BB8}, {0x8A34, 0x8BC9}, {0x8A62, 0x8BE2},
  {0x8A8D, 0x8BA4}, {0x8AAA, 0x8BF4}, {0x8AAC, 0x8BF4}, {0x8ACB, 0x8BF7}, {0x8B70, 0x8BAE},
  {0x8B77, 0x62A4}, {0x8CBB, 0x8D39}, {0x8CFC, 0x8D2D}, {0x8F49, 0x8F6C}, {0x8FA6, 0x529E},
  {0x9019, 0x8FD9}, {0x9032, 0x8FDB}, {0x904E, 0x8FC7}, {0x9580, 0x95E8}, {0x958B, 0x5F00},
  {0x9593, 0x95F4}, {0x95DC, 0x5173}, {0x9805, 0x9879}, {0x984C, 0x9898}, {0x984D, 0x989D},
  {0x985E, 0x7C7B}, {0x9AD4, 0x4F53},
};

#define T2S_N (sizeof t2s / sizeof t2s[0])
#define T2S_LO 0x4E26u /* t2s[0][0] */
#define T2S_HI 0x9AD4u /* t2s[T2S_N - 1][0] */

/* The direct table: direct[cp - T2S_LO] is the Simplified form of cp, 0 when cp
 * has none. Filled from t2s on first use by whichever threads get there first
 * (each stores the same values; atomics make that race-free), then published. */
static _Atomic uint16_t t2s_direct[T2S_HI - T2S_LO + 1];
/* Bit cp - T2S_LO set when cp has a Simplified form (direct[] not 0): the test
 * of the ideographs that normalise to themselves (cjk_kept). */
static _Atomic uint64_t t2s_has[(T2S_HI - T2S_LO) / 64 + 1];
static atomic_int t2s_ready;

static void t2s_fill(void) {
  for (size_t k = 0; k < T2S_N; k++) {
    uint32_t d = t2s[k][0] - T2S_LO;
    atomic_store_explicit(&t2s_direct[d], (uint16_t)t2s[k][1], memory_order_relaxed);
    atomic_fetch_or_explicit(&t2s_has[d >> 6], (uint64_t)1 << (d & 63), memory_order_relaxed);
  }
  atomic_store_explicit(&t2s_ready, 1, memory_order_release);
}

static uint32_t to_simplified(uint32_t cp) {
  if (cp < T2S_LO || cp > T2S_HI) return cp; /* most code points: no lookup */
  if (!atomic_load_explicit(&t2s_ready, memory_order_acquire)) t2s_fill();
  uint32_t s = atomic_load_explicit(&t2s_direct[cp - T2S_LO], memory_order_relaxed);
  return s ? s : cp;
}

/* Code point after width folding and T->S, or 0 when it is dropped. */
static uint32_t norm_cp(uint32_t cp) {
  if (cp >= 0x4E00 && cp <= 0x9FFF) return to_simplified(cp); /* CJK ideographs: most labels */
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0; /* full-width ASCII */
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 'a' && cp <= 'z') return cp;
    return 0; /* digits, punctuation, spaces, controls */
  }
  if (gk__is_space(cp)) return 0;
  if (cp >= 0x2000 && cp <= 0x206F) return 0;  /* general punctuation: “ ” — … */
  if (cp >= 0x3000 && cp <= 0x303F) return 0;  /* CJK punctuation: 、。《》【】〔〕 */
  if (cp >= 0xFE30 && cp <= 0xFE6F) return 0;  /* compatibility / small forms */
  if (cp >= 0xFF5F && cp <= 0xFF65) return 0;
  if (cp >= 0x2460 && cp <= 0x24FF) return 0;  /* circled digits */
  if (cp == 0x00B7 || cp == 0x00D7) return 0;
  return to_simplified(cp);
}

/* The direct table filled: once per call of the normalisers, not per character. */
static inline void t2s_ensure(void) {
  if (!atomic_load_explicit(&t2s_ready, memory_order_acquire)) t2s_fill();
}

/* 1 when s[0..3) (3 bytes there) is a CJK ideograph U+4E00..U+9FFF that
 * normalises to itself: most label characters, copied without decoding. The
 * caller has called t2s_ensure. */
static inline int cjk_kept(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  /* lead byte E4..E9, two continuation bytes (80..BF: x ^ 0x80 below 0x40) */
  if ((unsigned)(u[0] - 0xE4) > 5u || ((u[1] ^ 0x80) | (u[2] ^ 0x80)) > 0x3F) return 0;
  uint32_t cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
  if (cp < 0x4E00) return 0;
  if (cp < T2S_LO || cp > T2S_HI) return 1;
  uint32_t d = cp - T2S_LO; /* to_simplified(cp) == cp: no Simplified form */
  return !((atomic_load_explicit(&t2s_has[d >> 6], memory_order_relaxed) >> (d & 63)) & 1);
}

/* The slow path: one code point at a time (bad bytes read as themselves). */
static void norm_slow(gk__buf *out, const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    uint32_t cp = norm_cp(gk__utf8_next(s, n, &i));
    if (cp) gk__utf8_put(out, cp);
  }
}

/* Normalised text is never longer than valid UTF-8 input (code points only
 * shrink or keep their length), so it is written in place over a copy of s:
 * one reservation, ASCII handled byte by byte without decoding. A bad byte
 * (which reads as a 2-byte code point) sends the rest to the slow path. */
void gk__text_norm(gk__buf *out, const char *s, size_t n) {
  /* ASCII other than letters normalises to nothing: a line of numbers at once */
  while (n && (unsigned char)*s < 0x80 && ((*s | 0x20) < 'a' || (*s | 0x20) > 'z')) s++, n--;
  if (!n && out->data) return;
  size_t before = out->len;
  gk__buf_put(out, s, n);
  if (out->err) return;
  t2s_ensure();
  char *d = out->data + before;
  size_t r = 0, w = 0;
  while (r < n) {
    unsigned char c = (unsigned char)d[r];
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') d[w++] = (char)(c + 32);
      else if (c >= 'a' && c <= 'z') d[w++] = (char)c;
      r++;
      continue;
    }
    if (r + 3 <= n && cjk_kept(d + r)) { /* w <= r: a forward copy, none while nothing was dropped */
      if (w != r) d[w] = d[r], d[w + 1] = d[r + 1], d[w + 2] = d[r + 2];
      w += 3, r += 3;
      continue;
    }
    size_t q = r;
    uint32_t cp = norm_cp(gk__utf8_next(d, n, &q));
    if (q == r + 1) { /* a bad byte */
      out->len = before + w;
      out->data[out->len] = '\0';
      norm_slow(out, s + r, n - r);
      return;
    }
    r = q;
    if (!cp) continue;
    if (cp < 0x80) {
      d[w++] = (char)cp;
    } else if (cp < 0x800) {
      d[w++] = (char)(0xC0 | (cp >> 6)), d[w++] = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      d[w++] = (char)(0xE0 | (cp >> 12)), d[w++] = (char)(0x80 | ((cp >> 6) & 0x3F));
      d[w++] = (char)(0x80 | (cp & 0x3F));
    } else {
      d[w++] = (char)(0xF0 | (cp >> 18)), d[w++] = (char)(0x80 | ((cp >> 12) & 0x3F));
      d[w++] = (char)(0x80 | ((cp >> 6) & 0x3F)), d[w++] = (char)(0x80 | (cp & 0x3F));
    }
  }
  out->len = before + w;
  out->data[out->len] = '\0';
}

size_t gk__text_norm_fixed(char *dst, size_t cap, const char *s, size_t n) {
  size_t i = 0, k = 0;
  t2s_ensure();
  while (i < n) {
    if (i + 3 <= n && cjk_kept(s + i)) {
      if (k + 4 > cap) break;
      memcpy(dst + k, s + i, 3);
      k += 3, i += 3;
      continue;
    }
    uint32_t cp = norm_cp(gk__utf8_next(s, n, &i));
    if (!cp) continue;
    size_t need = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (k + need + 1 > cap) break;
    if (need == 1) {
      dst[k++] = (char)cp;
    } else if (need == 2) {
      dst[k++] = (char)(0xC0 | (cp >> 6)), dst[k++] = (char)(0x80 | (cp & 0x3F));
    } else if (need == 3) {
      dst[k++] = (char)(0xE0 | (cp >> 12)), dst[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
      dst[k++] = (char)(0x80 | (cp & 0x3F));
    } else {
      dst[k++] = (char)(0xF0 | (cp >> 18)), dst[k++] = (char)(0x80 | ((cp >> 12) & 0x3F));
      dst[k++] = (char)(0x80 | ((cp >> 6) & 0x3F)), dst[k++] = (char)(0x80 | (cp & 0x3F));
    }
  }
  if (cap) dst[k] = '\0';
  return k;
}

/* ------------------------------------------------------------ headings */
#define ordinal(k) (gk__parts[k].ordinal)

static inline int starts(const char *s, size_t n, const char *p) {
  size_t k = strlen(p); /* folded for a literal p */
  return n >= k && memcmp(s, p, k) == 0;
}

static gk__span put_norm(gk__buf *a, const char *s) {
  gk__span sp = {0, 0};
  if (!s) return sp;
  size_t before = a->len;
  gk__text_norm(a, s, strlen(s));
  gk__buf_putc(a, '\0');
  if (a->err || a->len - 1 == before || before > UINT32_MAX / 2) return sp;
  sp.off = (uint32_t)before, sp.len = (uint32_t)(a->len - 1 - before);
  return sp;
}

/* ------------------------------------------------------------ wordings */
/* The slot of the wording s[0..n) (n >= 3): its first, middle and last bytes. */
static inline uint32_t word_hash(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  uint32_t a = (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16;
  uint32_t b = (uint32_t)s[n - 1] | (uint32_t)s[n - 2] << 8 | (uint32_t)s[n - 3] << 16;
  uint32_t c = (uint32_t)s[n / 2] | (uint32_t)s[n / 2 - 1] << 8;
  uint32_t h = a * 0x9E3779B1u ^ b * 0x85EBCA77u ^ c * 0xC2B2AE3Du ^ (uint32_t)n * 0x27D4EB2Fu;
  return (h >> 16) & (GK__WORD_SLOTS - 1);
}

/* The index of the wording s[0..n) (n >= 3) in L->word, or -1. */
static long word_find(const gk__labels *L, const char *s, size_t n) {
  for (uint32_t h = word_hash(s, n);; h = (h + 1) & (GK__WORD_SLOTS - 1)) {
    uint16_t k = L->word_slot[h];
    if (!k) return -1;
    if (L->word[k - 1].n == n && memcmp(L->word[k - 1].s, s, n) == 0) return k - 1;
  }
}

/* The declared wording s (NULL: none) whose normalised form is sp. */
static void word_add(gk__labels *L, const char *s, gk__span sp) {
  size_t n = s ? strlen(s) : 0;
  if (n < 3 || !sp.len || L->nword >= GK__WORD_MAX || word_find(L, s, n) >= 0) return;
  uint32_t h = word_hash(s, n);
  while (L->word_slot[h]) h = (h + 1) & (GK__WORD_SLOTS - 1);
  L->word[L->nword].s = s, L->word[L->nword].n = n, L->word[L->nword].norm = sp;
  L->word_slot[h] = (uint16_t)++L->nword;
  unsigned char c = (unsigned char)s[0];
  L->word_lead[c >> 6] |= (uint64_t)1 << (c & 63);
}

/* ASCII other than letters normalises to nothing (norm_cp). */
static inline int ascii_dropped(char c) {
  return (unsigned char)c < 0x80 && ((c | 0x20) < 'a' || (c | 0x20) > 'z');
}

void gk__labels_norm(const gk__labels *L, gk__buf *out, const char *s, size_t n) {
  /* as gk__text_norm: a line of numbers at once */
  while (n && ascii_dropped(*s)) s++, n--;
  if (!n && out->data) return;
  if (n >= 3 && ((L->word_lead[(unsigned char)s[0] >> 6] >> ((unsigned char)s[0] & 63)) & 1)) {
    size_t m = n; /* the ASCII after a wording normalises to nothing too; s[0] is no ASCII */
    while (ascii_dropped(s[m - 1])) m--;
    long k = m >= 3 ? word_find(L, s, m) : -1;
    if (k >= 0) {
      gk__buf_put(out, gk__labels_at(L, L->word[k].norm), L->word[k].norm.len);
      return;
    }
  }
  gk__text_norm(out, s, n);
}

int gk__labels_ed(int edition) {
  for (size_t i = 0; i < gk_schema_edition_count() && i < GK__LEDS; i++)
    if (gk_schema_edition_id(i) == edition) return (int)i;
  return 0;
}

typedef struct {
  const char *s;
  gk__span sp;
  int e;
} mark_item;

static int mark_cmp(const void *a, const void *b) {
  const mark_item *x = a, *y = b;
  if (x->sp.len != y->sp.len) return x->sp.len < y->sp.len ? -1 : 1;
  return memcmp(x->s, y->s, x->sp.len);
}

/* Marker labels: sort every label of tables 二 and 三 of every edition and keep
 * those whose text occurs in one edition only. */
static int find_markers(gk__labels *L) {
  size_t cap = GK__LEDS * 2 * (GK__LROWS + GK__MAX_COLS) * GK__NV, n = 0;
  mark_item *it = gk__malloc(cap * sizeof *it);
  if (!it) return GK_ENOMEM;
  for (int e = 0; e < (int)L->neds; e++)
    for (int t = 0; t < GK_TABLE_REVIEW; t++) {
      for (size_t r = 0; r < GK__LROWS; r++)
        for (size_t v = 0; v < GK__NV; v++)
          if (L->row[e][t][r][v].len >= 9) it[n++] = (mark_item){NULL, L->row[e][t][r][v], e};
      for (size_t c = 0; c < GK__MAX_COLS; c++)
        for (size_t v = 0; v < GK__NV; v++)
          if (L->col[e][t][c][v].len >= 9) it[n++] = (mark_item){NULL, L->col[e][t][c][v], e};
    }
  for (size_t i = 0; i < n; i++) it[i].s = gk__labels_at(L, it[i].sp);
  qsort(it, n, sizeof *it, mark_cmp);
  for (size_t i = 0; i < n;) {
    size_t j = i;
    unsigned eds = 0;
    while (j < n && mark_cmp(&it[i], &it[j]) == 0) eds |= 1u << it[j].e, j++;
    if (eds && (eds & (eds - 1)) == 0) { /* one edition only */
      int e = 0;
      while (!(eds & (1u << e))) e++;
      if (L->nmark[e] < 256) L->mark[e][L->nmark[e]++] = it[i].sp;
    }
    i = j;
  }
  gk__free(it);
  return GK_OK;
}

/* The markers' index by their first three bytes (text_int.h). */
static void index_markers(gk__labels *L) {
  uint16_t count[64] = {0};
  for (size_t pass = 0; pass < 2; pass++) {
    for (size_t e = 0; e < L->neds; e++)
      for (size_t k = 0; k < L->nmark[e]; k++) {
        uint32_t h = gk__mark_hash((const unsigned char *)gk__labels_at(L, L->mark[e][k]));
        if (pass) {
          L->mark_item[L->mark_bucket[h & 63] + --count[h & 63]] = (uint16_t)(e << 8 | k);
        } else {
          L->mark_first[h >> 6] |= (uint64_t)1 << (h & 63), count[h & 63]++;
        }
      }
    for (size_t b = 0; b < 64 && !pass; b++) L->mark_bucket[b + 1] = (uint16_t)(L->mark_bucket[b] + count[b]);
  }
}

void gk__labels_markers(const gk__labels *L, const char *s, size_t n, size_t *found) {
  const unsigned char *u = (const unsigned char *)s;
  unsigned char seen[GK__LEDS * 256] = {0};
  /* every marker has 3 characters at least, and starts with no continuation
   * byte (it is normalised text): a 3-byte character's last two bytes are
   * stepped over */
  for (size_t i = 0, step; i + 9 <= n; i += step) {
    step = u[i] >= 0xE0 && u[i] < 0xF0 && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80 ? 3 : 1;
    uint32_t h = gk__mark_hash(u + i);
    if (!((L->mark_first[h >> 6] >> (h & 63)) & 1)) continue;
    for (size_t q = L->mark_bucket[h & 63]; q < L->mark_bucket[(h & 63) + 1]; q++) {
      uint16_t it = L->mark_item[q];
      gk__span sp = L->mark[it >> 8][it & 255];
      if (!seen[it] && sp.len <= n - i && memcmp(s + i, gk__labels_at(L, sp), sp.len) == 0)
        seen[it] = 1, found[it >> 8]++;
    }
  }
}

void gk__labels_markers_each(const gk__labels *L, const char *s, size_t n, size_t *found) {
  for (size_t e = 0; e < L->neds; e++)
    for (size_t k = 0; k < L->nmark[e]; k++)
      found[e] += gk__memfind(s, n, gk__labels_at(L, L->mark[e][k]), L->mark[e][k].len) != NULL;
}

/* Add the first code point of s[0..n) to a code point set (text_int.h). */
static void cp_set_add(uint64_t *set, const char *s, size_t n) {
  size_t i = 0;
  if (!n) return;
  uint32_t cp = gk__utf8_next(s, n, &i);
  set[(cp >> 6) & 63] |= (uint64_t)1 << (cp & 63);
}

/* What a numbered heading's number keeps after normalisation besides the
 * parts' ordinals: "第一部分" (heading_body reads it). */
static const char *const heading_number[] = {"第", "部", "分"};

/* head_first, head_skip (text_int.h), from the declarations. */
static void open_sets(gk__labels *L) {
  for (int p = 0; p < GK__NPARTS; p++) {
    for (size_t v = 0; v < GK__NV; v++)
      cp_set_add(L->head_first, gk__labels_at(L, L->head[p][v]), L->head[p][v].len);
    cp_set_add(L->head_skip, gk__parts[p].ordinal, strlen(gk__parts[p].ordinal));
  }
  for (size_t k = 0; k < sizeof heading_number / sizeof *heading_number; k++)
    cp_set_add(L->head_skip, heading_number[k], strlen(heading_number[k]));
}

int gk__labels_new(gk__labels **out) {
  gk__labels *L = gk__calloc(1, sizeof *L);
  *out = NULL;
  if (!L) return GK_ENOMEM;
  gk__buf_init(&L->arena);
  for (int p = 0; p < 6; p++) {
    const gk__label *l = gk__part_label(p);
    for (size_t v = 0; v < GK__NV; v++) L->head[p][v] = put_norm(&L->arena, v ? l->variants[v - 1] : l->zh);
  }
  L->neds = gk_schema_edition_count() < GK__LEDS ? gk_schema_edition_count() : GK__LEDS;
  for (size_t e = 0; e < L->neds; e++) {
    const gk__edition *ed = gk__edition_get(gk_schema_edition_id(e));
    for (int t = 0; t < GK_NTABLES; t++) {
      const gk__table_decl *td = &ed->tables[t];
      for (size_t r = 0; r < td->nrows && r < GK__LROWS; r++)
        for (size_t v = 0; v < GK__NV; v++) {
          const char *w = v ? td->rows[r].variants[v - 1] : td->rows[r].zh;
          word_add(L, w, L->row[e][t][r][v] = put_norm(&L->arena, w));
        }
      for (size_t c = 0; c < td->ncols && c < GK__MAX_COLS; c++)
        for (size_t v = 0; v < GK__NV; v++) {
          const char *w = v ? td->cols[c].variants[v - 1] : td->cols[c].zh;
          word_add(L, w, L->col[e][t][c][v] = put_norm(&L->arena, w));
        }
    }
  }
  if (!L->arena.err) open_sets(L);
  if (L->arena.err || find_markers(L)) {
    gk__labels_free(L);
    return GK_ENOMEM;
  }
  index_markers(L);
  *out = L;
  return GK_OK;
}

static _Atomic(gk__labels *) shared_labels;

const gk__labels *gk__labels_shared(void) {
  gk__labels *L = atomic_load_explicit(&shared_labels, memory_order_acquire);
  if (L) return L;
  if (gk__labels_new(&L) != GK_OK) return NULL;
  gk__labels *expect = NULL;
  if (!atomic_compare_exchange_strong_explicit(&shared_labels, &expect, L, memory_order_acq_rel,
                                               memory_order_acquire)) {
    gk__labels_free(L); /* another thread published first */
    return expect;
  }
  return L;
}

void gk__labels_free(gk__labels *L) {
  if (!L) return;
  gk__buf_free(&L->arena);
  gk__free(L);
}

/* A line without the white space and Markdown marks before it: "## 三、…",
 * "**三、…**", "#### **三、…**". */
static inline const char *heading_start(const char *s, size_t *n) {
  size_t i = gk__trim_left(s, *n);
  s += i, *n -= i;
  while (*n && (s[0] == '#' || s[0] == '*' || s[0] == ' ' || s[0] == '\t')) s++, --*n;
  return s;
}

/* The full test of a line without its opening marks (see gk__text_heading). */
static int heading_body(const gk__labels *L, const char *s, size_t n) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '*' || s[n - 1] == '#'))
    n--;
  /* headings start in CJK (or "(一)") */
  int arabic = n > 2 && s[0] >= '1' && s[0] <= '6' &&
               (s[1] == '.' || starts(s + 1, n - 1, "、") || starts(s + 1, n - 1, "．"));
  if (n == 0 || n > 160 || ((unsigned char)s[0] < 0x80 && s[0] != '(' && !arabic)) return -1;
  /* every heading (format.md §2) ends in 情况, 措施 or 事项: a cheap first test */
  if (!gk__memfind(s, n, "情", 3) && !gk__memfind(s, n, "措施", 6) && !gk__memfind(s, n, "事项", 6) &&
      !gk__memfind(s, n, "事項", 6))
    return -1;
  int ordinal = 0;
  for (int k = 0; k < 6; k++) {
    if (starts(s, n, ordinal(k))) {
      size_t m = strlen(ordinal(k));
      const char *seps[] = {"、", "．", ".", "，", ",", " ", "　"};
      for (size_t q = 0; q < sizeof seps / sizeof seps[0]; q++)
        if (starts(s + m, n - m, seps[q])) ordinal = 1;
      break;
    }
  }
  if (!ordinal && starts(s, n, "、")) ordinal = 1; /* a lost ordinal */
  /* "（一）总体情况", "(一)总体情况", "第一部分 总体情况" */
  int part_word = 0, need = -1; /* these forms must carry the part's own numeral */
  if (arabic) ordinal = 1, need = s[0] - '1'; /* "1、总体情况", "3.收到和…" */
  for (int k = 0; k < 6 && !ordinal; k++) {
    size_t m = starts(s, n, "（") ? 3 : starts(s, n, "(") ? 1 : 0;
    if (m && starts(s + m, n - m, ordinal(k)) &&
        (starts(s + m + 3, n - m - 3, "）") || starts(s + m + 3, n - m - 3, ")")))
      ordinal = 1, need = k;
    if (starts(s, n, "第") && starts(s + 3, n - 3, ordinal(k)) && starts(s + 6, n - 6, "部分"))
      ordinal = part_word = 1, need = k;
  }
  char norm[512];
  size_t nn = gk__text_norm_fixed(norm, sizeof norm, s, n);
  const char *body = norm;
  size_t bn = nn;
  if (part_word && bn >= 3) body += 3, bn -= 3; /* 第 */
  if (ordinal) /* the ordinal survives normalisation as a CJK numeral */
    for (int k = 0; k < 6; k++)
      if (bn >= 3 && memcmp(body, ordinal(k), 3) == 0) {
        body += 3, bn -= 3;
        break;
      }
  if (part_word && bn >= 6 && memcmp(body, "部分", 6) == 0) body += 6, bn -= 6;
  for (int part = 0; part < 6; part++)
    for (size_t v = 0; v < GK__NV && (need < 0 || need == part); v++) {
      gk__span sp = L->head[part][v];
      if (!sp.len) continue;
      const char *nv = gk__labels_at(L, sp);
      size_t vn = sp.len;
      if (ordinal) {
        if (bn >= vn && bn <= vn + 9 && memcmp(body, nv, vn) == 0) return part;
      } else if (nn == vn && memcmp(norm, nv, vn) == 0) {
        return part;
      }
    }
  return -1;
}

int gk__text_heading_full(const gk__labels *L, const char *s, size_t n) {
  s = heading_start(s, &n);
  return heading_body(L, s, n);
}

/* The first step. A heading normalises to a variant, or to a number (its
 * characters in head_skip) and a variant (heading_body), so the first
 * character normalisation keeps that is no number's opens a variant: in
 * head_first. Most lines (labels, numbers, prose) answer no at their first
 * character. 1: maybe a heading. */
static int heading_may_open(const gk__labels *L, const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  if (c < 0x80 && c != '(' && /* heading_body: "(一)", or a part's arabic number and "." "、" "．" */
      !(c >= '1' && c < '1' + GK__NPARTS && n > 2 && (s[1] == '.' || ((unsigned char)s[1] & 0x80))))
    return 0;
  size_t i = 0;
  for (int seen = 0; i < n && seen < 16; seen++) {
    uint32_t nc = norm_cp(gk__utf8_next(s, n, &i));
    if (nc && gk__cp_set_has(L->head_first, nc)) return 1;
    if (nc && !gk__cp_set_has(L->head_skip, nc)) return 0;
  }
  return i < n; /* a long number: the full test */
}

int gk__text_heading(const gk__labels *L, const char *s, size_t n) {
  s = heading_start(s, &n);
  if (n == 0 || !heading_may_open(L, s, n)) return -1;
  return heading_body(L, s, n);
}

/* The part whose numeral (and a separator, or 第…部分) opens s, its length in
 * *m; -1 when none. */
static int keyed_numeral(const char *s, size_t n, size_t *m) {
  static const char *const seps[] = {"、", "．", ".", " ", "　"};
  for (int p = 0; p < GK__NPARTS; p++) {
    const char *o = gk__parts[p].ordinal;
    size_t on = strlen(o);
    if (starts(s, n, "第") && starts(s + 3, n - 3, o) && starts(s + 3 + on, n - 3 - on, "部分")) {
      *m = 3 + on + 6;
      return p;
    }
    if (!starts(s, n, o)) continue;
    for (size_t q = 0; q < sizeof seps / sizeof *seps; q++)
      if (starts(s + on, n - on, seps[q])) {
        *m = on + strlen(seps[q]);
        return p;
      }
    return -1;
  }
  return -1;
}

int gk__text_heading_keyed(const char *s, size_t n) {
  s = heading_start(s, &n);
  size_t m = 0;
  int p = keyed_numeral(s, n, &m);
  if (p < 0) return -1;
  s += m, n -= m;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '*' || s[n - 1] == '#')) n--;
  if (n >= 3 && (memcmp(s + n - 3, "：", 3) == 0)) n -= 3; /* "三、依申请公开情况：" */
  else if (n && s[n - 1] == ':') n--;
  static const char *const stops[] = {"，", "。", "；", "：", ",", ";", ":", "！", "？"};
  for (size_t q = 0; q < sizeof stops / sizeof *stops; q++)
    if (gk__memfind(s, n, stops[q], strlen(stops[q]))) return -1;
  size_t chars = 0;
  for (size_t i = 0; i < n; i += 1) chars += ((unsigned char)s[i] & 0xC0) != 0x80;
  if (chars == 0 || chars > 30) return -1;
  char norm[256];
  size_t nn = gk__text_norm_fixed(norm, sizeof norm, s, n);
  for (size_t k = 0; k < GK__PART_KEYS && gk__parts[p].keys[k]; k++)
    if (gk__memfind(norm, nn, gk__parts[p].keys[k], strlen(gk__parts[p].keys[k]))) return p;
  return -1;
}

int gk__text_heading_may_full(const gk__labels *L, const char *s, size_t n) {
  size_t a = gk__trim_left(s, n), i = a;
  if (a == n) return 0;
  if (gk__cp_set_has(L->head_skip, gk__utf8_next(s, n, &i))) return 1; /* an ordinal: maybe wrapped */
  n -= a;
  s = heading_start(s + a, &n); /* gk__text_heading's first step */
  return n && heading_may_open(L, s, n);
}

/* gk__text_heading_may_full with the first character decoded once: white space
 * trimmed, a line that opens with no Markdown mark is where heading_start
 * leaves it, so heading_may_open's first character is that one. */
int gk__text_heading_may(const gk__labels *L, const char *s, size_t n) {
  size_t a = gk__trim_left(s, n), i = a;
  if (a == n) return 0;
  unsigned char c = (unsigned char)s[a];
  if (c == '#' || c == '*') return gk__text_heading_may_full(L, s, n);
  uint32_t cp = gk__utf8_next(s, n, &i);
  if (gk__cp_set_has(L->head_skip, cp)) return 1; /* an ordinal: maybe wrapped */
  if (c < 0x80) /* heading_may_open's first test: a line of numbers answers here */
    return (c == '(' || (c >= '1' && c < '1' + GK__NPARTS && n - a > 2 &&
                         (s[a + 1] == '.' || ((unsigned char)s[a + 1] & 0x80)))) &&
           heading_may_open(L, s + a, n - a);
  uint32_t nc = norm_cp(cp); /* heading_may_open's first step on cp */
  if (nc && gk__cp_set_has(L->head_first, nc)) return 1;
  if (nc && !gk__cp_set_has(L->head_skip, nc)) return 0;
  return heading_may_open(L, s + a, n - a);
}

/* ------------------------------------------------------------ numbers */
static int digit_at(const char *s, size_t n, size_t i, size_t *len) {
  if (i < n && s[i] >= '0' && s[i] <= '9') {
    *len = 1;
    return s[i] - '0';
  }
  /* full-width digits U+FF10..FF19: EF BC 90..99 */
  if (i + 2 < n && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBC &&
      (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99) {
    *len = 3;
    return (unsigned char)s[i + 2] - 0x90;
  }
  return -1;
}

/* The thousands separator at s[i] (gk__text_ungroup): its byte length, 0
 * when none. */
static size_t group_sep_at(const char *s, size_t n, size_t i, int spaces) {
  const unsigned char *u = (const unsigned char *)s + i;
  size_t m = n - i;
  if (u[0] == ',') return 1;
  if (m >= 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] == 0x8C) return 3; /* ， U+FF0C */
  if (m >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF) return 3; /* U+202F */
  if (!spaces) return 0;
  if (u[0] == ' ') return 1;
  if (m >= 2 && u[0] == 0xC2 && u[1] == 0xA0) return 2;                 /* U+00A0 */
  if (m >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x89) return 3; /* U+2009 */
  return 0;
}

/* The separator at s[i] when a digit stands after it (and `after` one before
 * it): its length, else 0. */
static size_t group_sep_between(const char *s, size_t n, size_t i, int spaces) {
  size_t sl = i < n ? group_sep_at(s, n, i, spaces) : 0, len;
  return sl && digit_at(s, n, i + sl, &len) >= 0 ? sl : 0;
}

int gk__text_ungroup(const char *s, size_t n, int spaces, char *out, size_t cap, size_t *outn) {
  size_t i = 0, k = 0, len, sl, g = 0, sepn = 0;
  const char *sep = NULL;
  int bad = 0, lead0 = 0;
  *outn = 0;
  if (cap <= n) return GK__GROUP_BAD;
  while (i < n && digit_at(s, n, i, &len) < 0) out[k++] = s[i++]; /* a sign */
  while (i < n) { /* the integer part: digits and the separators between them */
    if (digit_at(s, n, i, &len) >= 0) {
      if (g == 0 && !sep) lead0 = digit_at(s, n, i, &len) == 0;
      memcpy(out + k, s + i, len), k += len, i += len, g++;
    } else if ((sl = group_sep_between(s, n, i, spaces)) > 0) {
      if (!sep) bad |= g > 3 || lead0, sep = s + i, sepn = sl; /* the first group: 1 to 3 digits, no 0 alone */
      else bad |= g != 3 || sl != sepn || memcmp(sep, s + i, sl) != 0;
      i += sl, g = 0;
    } else {
      break;
    }
  }
  int later = 0; /* the decimal part and a unit: no separator between digits */
  for (size_t j = i; j < n && !later; j++)
    later = digit_at(s, n, j, &len) >= 0 && group_sep_between(s, n, j + len, spaces) > 0;
  if (!sep && !later) return GK__GROUP_NONE;
  if (bad || later || g != 3) return GK__GROUP_BAD;
  memcpy(out + k, s + i, n - i), k += n - i;
  out[k] = '\0';
  *outn = k;
  return GK__GROUP_OK;
}

/* A 3-byte digit of a year: full-width ０-９, or a Chinese numeral 〇○零一…九
 * ("二〇二三年"); its value, -1 for anything else. */
static int year_digit3(const char *s) {
  static const char *const cn[10] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) return u[2] - 0x90;
  for (int d = 0; d < 10; d++)
    if (memcmp(s, cn[d], 3) == 0) return d;
  if (memcmp(s, "○", 3) == 0 || memcmp(s, "零", 3) == 0 || memcmp(s, "Ｏ", 3) == 0) return 0;
  return -1;
}

int gk__text_year_before(const char *s, size_t at) {
  /* walk back over 4 digits (ASCII, full-width or Chinese numerals) */
  while (at > 0 && s[at - 1] == ' ') at--;
  size_t pos = at;
  int digits[4], nd = 0;
  while (nd < 4 && pos > 0) {
    int d;
    if (s[pos - 1] >= '0' && s[pos - 1] <= '9') {
      digits[nd++] = s[pos - 1] - '0';
      pos -= 1;
    } else if (pos >= 3 && (d = year_digit3(s + pos - 3)) >= 0) {
      digits[nd++] = d;
      pos -= 3;
    } else {
      break;
    }
  }
  if (nd != 4) return 0;
  /* a fifth digit before: no year */
  if (pos >= 1 && s[pos - 1] >= '0' && s[pos - 1] <= '9') return 0;
  if (pos >= 3 && year_digit3(s + pos - 3) >= 0) return 0;
  int y = digits[3] * 1000 + digits[2] * 100 + digits[1] * 10 + digits[0];
  return y >= 1900 && y <= 2199 ? y : 0;
}

#define LIT(s) {s, sizeof s - 1}
int gk__text_is_literal(const char *s, size_t n) {
  static const struct {
    const char *s;
    size_t n;
  } lits[] = {LIT("-"),   LIT("/"),   LIT("—"),   LIT("——"),  LIT("－"), LIT("／"), LIT("–"),
              LIT("\\"), LIT("无"), LIT("--"), LIT("—/—"), LIT("-/-"), LIT("／／"), LIT("//"),
              LIT("〇")}; /* the ideographic zero U+3007, typed for 0 */
  if (n == 0 || n > 9) return 0; /* the longest is 9 bytes */
  for (size_t i = 0; i < sizeof lits / sizeof lits[0]; i++)
    if (lits[i].n == n && memcmp(lits[i].s, s, n) == 0) return 1;
  return 0;
}

/* Is s[0..n) the text w, whole? */
static int same_text(const char *s, size_t n, const char *w) {
  size_t j = 0;
  while (j < n && w[j] && w[j] == s[j]) j++;
  return j == n && !w[j];
}

/* Is s[0..n) a declared unit ("元", "万元") or counting word ("件"), whole?
 * (What gk__unit_suffix and gk__count_word_suffix find at its end when they
 * find it all, without measuring each word.) */
static int unit_or_count_word(const char *s, size_t n) {
  for (size_t i = 0; i < gk__nunits; i++)
    if (same_text(s, n, gk__units[i].text)) return 1;
  for (size_t i = 0; i < gk__ncount_words; i++)
    if (same_text(s, n, gk__count_words[i])) return 1;
  return 0;
}

int gk__text_is_value(const char *s, size_t n) {
  if (n == 0) return 0;
  size_t k = 0; /* the common value: ASCII digits alone */
  while (k < n && s[k] >= '0' && s[k] <= '9') k++;
  if (k == n) return 1;
  unsigned char c0 = (unsigned char)s[0]; /* an ASCII start: a digit, a sign or a literal */
  if (c0 < 0x80 && !(c0 >= '0' && c0 <= '9') && c0 != '+' && c0 != '-' && c0 != '/' && c0 != '\\') return 0;
  /* beyond ASCII a value starts with a literal (— – －／ 无 〇), a sign (＋－ 增减減)
   * or a full-width digit: lead bytes E2, E3, E5, E6 and EF only */
  if (c0 >= 0x80 && c0 != 0xE2 && c0 != 0xE3 && c0 != 0xE5 && c0 != 0xE6 && c0 != 0xEF) return 0;
  /* the ideographs among them (most labels start with one) are the signs 增 减 減 and the literal 无 */
  if ((c0 == 0xE5 || c0 == 0xE6) && !starts(s, n, "增") && !starts(s, n, "减") && !starts(s, n, "減") &&
      !starts(s, n, "无"))
    return 0;
  int digit0 = c0 >= '0' && c0 <= '9'; /* no literal starts with a digit */
  if (!digit0 && gk__text_is_literal(s, n)) return 1;
  size_t i = 0;
  if (digit0) i = 0;
  else if (starts(s, n, "+") || starts(s, n, "-")) i = 1;
  else if (starts(s, n, "＋") || starts(s, n, "－") || starts(s, n, "减") || starts(s, n, "增") ||
           starts(s, n, "減"))
    i = 3;
  size_t nd = 0, len;
  int dot = 0;
  while (i < n) {
    if (digit_at(s, n, i, &len) >= 0) {
      nd++, i += len;
    } else if (nd > 0 && (len = group_sep_between(s, n, i, 0)) > 0) { /* ',' '，': strict or not, a value */
      i += len;
    } else if ((s[i] == '.' || starts(s + i, n - i, "．")) && nd > 0 && !dot &&
               digit_at(s, n, i + (s[i] == '.' ? 1 : 3), &len) >= 0) {
      dot = 1, i += s[i] == '.' ? 1 : 3;
    } else {
      break;
    }
  }
  if (nd == 0) return 0;
  if (i == n) return 1;
  return unit_or_count_word(s + i, n - i); /* a declared unit or counting word and nothing after it */
}

/* ------------------------------------------------------------ quoted literals */
/* 「 U+300C and 」 U+300D */
#define GK__QOPEN "\xE3\x80\x8C"
#define GK__QCLOSE "\xE3\x80\x8D"

size_t gk__text_quote_end_at(const char *s, size_t n, size_t i) {
  if (i + 3 > n || memcmp(s + i, GK__QOPEN, 3) != 0) return 0;
  size_t j = i + 3;
  while (j < n) {
    if (s[j] == '\\') {
      j++;
      if (j < n) (void)gk__utf8_next(s, n, &j);
      continue;
    }
    if (j + 3 <= n && memcmp(s + j, GK__QCLOSE, 3) == 0) return j + 3;
    (void)gk__utf8_next(s, n, &j);
  }
  return 0;
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void gk__text_unquote(gk__buf *out, const char *s, size_t n) {
  if (n < 6) return;
  size_t i = 3, end = n - 3;
  while (i < end) {
    if (s[i] != '\\' || i + 1 >= end) {
      gk__buf_putc(out, s[i++]);
      continue;
    }
    char c = s[i + 1];
    if (c == 'n') gk__buf_putc(out, '\n'), i += 2;
    else if (c == 'r') gk__buf_putc(out, '\r'), i += 2;
    else if (c == 't') gk__buf_putc(out, '\t'), i += 2;
    else if (c == 'x' && i + 3 < end && hex_digit(s[i + 2]) >= 0 && hex_digit(s[i + 3]) >= 0)
      gk__buf_putc(out, (char)(hex_digit(s[i + 2]) * 16 + hex_digit(s[i + 3]))), i += 4;
    else gk__buf_putc(out, c), i += 2; /* any other escaped character stands for itself */
  }
}

void gk__text_quote_put(gk__buf *b, const char *s) {
  gk__buf_puts(b, GK__QOPEN);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '\n') gk__buf_puts(b, "\\n");
    else if (c == '\r') gk__buf_puts(b, "\\r");
    else if (c == '\t') gk__buf_puts(b, "\\t");
    else if (c < 0x20 || c == 0x7F) gk__buf_printf(b, "\\x%02x", c);
    else if (c == '\\' || c == '|') gk__buf_putc(b, '\\'), gk__buf_putc(b, (char)c);
    else if (strncmp(s, GK__QCLOSE, 3) == 0) gk__buf_puts(b, "\\" GK__QCLOSE), s += 2;
    else gk__buf_putc(b, (char)c);
  }
  gk__buf_puts(b, GK__QCLOSE);
}
