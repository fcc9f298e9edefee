/* SPDX-License-Identifier: MIT */
/* libgkreport: the text of a Markdown table cell without its inline markup
 * (issue 11). PDF-to-Markdown converters (marker, MinerU, docling, pandoc from
 * .docx) write a cell's value in bold or italics ("**12**", "__12__", "*12*",
 * "_12_", "***12***", around part of it: "**12**件"), in inline HTML
 * ("<b>12</b>", "<span style=…>12</span>", "<font>"), as a link ("[12](#x)")
 * or with a footnote reference after it ("12[^1]"). None of that is the
 * cell's text:
 *
 *   - emphasis runs of '*' or '_' (one to three) that wrap text are dropped:
 *     an opener is followed, a closer preceded by no white space, and a closer
 *     pairs with the nearest open run of the same character and length (runs
 *     opened between them are text). '_' never opens after nor closes before
 *     an ASCII letter or digit (a_b_c), '*' never stands between two of them
 *     (2*3, a*b*c: a product, not emphasis). A run that pairs with none is text:
 *     "**" alone, an unclosed "**12", a note mark "12*" or "*12" are kept;
 *   - struck text "~~x~~", <del>, <s>, <strike> is dropped with its text, as
 *     the HTML reader drops it (a number corrected in place);
 *   - a tag of an inline HTML element (<b>, <strong>, <span …>, <font …>, <a …>,
 *     …) is dropped, its text kept; <br>, <p>, <div> stand for a space;
 *     <sup> and <sub> keep their text apart from the text beside it (a digit
 *     never runs into the value), or drop it whole when it is a note mark (only
 *     footnote references or links to the page's own anchors), as the HTML
 *     reader does; <img> and comments are dropped; any other '<' is text;
 *   - a link "[text](url)" is its text; a link to the page's own anchor
 *     ("(#…)") right after a digit is a note mark and dropped; an image
 *     "![alt](url)" and a footnote reference "[^id]" are dropped;
 *   - HTML entities are decoded ("&nbsp;" a space).
 *
 * A backslash escapes the next ASCII punctuation ("\*" is no marker) and is
 * kept. The cost is linear in the cell: every search for a closing bracket,
 * parenthesis or tag goes on from where the last one stopped, and the
 * emphasis runs are paired on a stack of bounded depth. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "grid.h"

enum { KEEP = 0, DROP = 1, APART = 2 }; /* a byte's fate */
#define MC_STACK 32                      /* open emphasis runs at most (deeper ones are text) */
#define MC_NOTE_MAX 80                   /* bytes of a note mark in <sup> at most */

/* A search's answer: from `from` on, the first hit is at `at` (n: none).
 * Asked again at i with from <= i <= at, it still holds. */
typedef struct {
  size_t from, at;
} mc_next;
#define MC_TAGS 32 /* room for the entries of tags[] */

typedef struct {
  const char *p;
  size_t n;
  unsigned char *mark;
  size_t stk_at[MC_STACK], nstk;
  unsigned char stk_kind[MC_STACK];
  size_t kinds[8];             /* open runs of each kind (run_kind) */
  mc_next nx_close, nx_open, nx_paren; /* the next ']', '[' and ')' */
  mc_next nx_tag[MC_TAGS];     /* the next closing tag of each entry of tags[] */
  mc_next nx_comment;          /* the next "-->" */
  size_t link_close, link_end; /* the link being read: its ']' and the offset after its ')' */
} mcell;

/* Bytes that may start markup; a cell holding none is its own text. */
static const unsigned char md_lead[256] = {['*'] = 1, ['_'] = 1, ['~'] = 1, ['<'] = 1,
                                           ['&'] = 1, ['['] = 1, ['!'] = 1};

int gk__md_cell_has_markup(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (md_lead[(unsigned char)p[i]]) return 1;
  return 0;
}

static int ascii_alnum(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? 1 : c >= '0' && c <= '9'; }

/* Is the character ending just before offset i (or starting at i) white space
 * or absent? */
static int space_before(const char *p, size_t i) {
  if (i == 0) return 1;
  size_t st = i - 1;
  while (st > 0 && ((unsigned char)p[st] & 0xC0) == 0x80) st--;
  size_t k = st;
  return gk__is_space(gk__utf8_next(p, i, &k));
}

static int space_at(const char *p, size_t n, size_t i) {
  if (i >= n) return 1;
  return gk__is_space(gk__utf8_next(p, n, &i));
}

static void mark_span(mcell *m, size_t a, size_t b, unsigned char how) { memset(m->mark + a, how, b - a); }

static int still_holds(const mc_next *c, size_t i) { return c->from <= i && c->at >= i; }

/* The offset of the next byte c at or after i (n when none), through the
 * cached answer *nx: the scan asks left to right, so every byte is searched
 * once. */
static size_t next_of(const mcell *m, mc_next *nx, size_t i, char c) {
  if (still_holds(nx, i)) return nx->at;
  const char *q = memchr(m->p + i, c, m->n - i);
  nx->from = i, nx->at = q ? (size_t)(q - m->p) : m->n;
  return nx->at;
}

/* ------------------------------------------------------------ emphasis */
/* Kind of a run: '*' 0..2, '_' 3..5 by its length, '~~' 6. */
static int run_kind(char c, size_t len) {
  if (c == '~') return len == 2 ? 6 : -1;
  if (len > 3) return -1;
  return (c == '*' ? 0 : 3) + (int)len - 1;
}

/* The run of c at i (its length k): an opener, a closer, both or text. */
static void run_flanks(const mcell *m, size_t i, size_t k, int *open, int *close) {
  char c = m->p[i];
  unsigned char pb = i ? (unsigned char)m->p[i - 1] : ' ', nb = i + k < m->n ? (unsigned char)m->p[i + k] : ' ';
  *open = !space_at(m->p, m->n, i + k);
  *close = !space_before(m->p, i);
  if (c == '_') *open &= !ascii_alnum(pb), *close &= !ascii_alnum(nb);
  if (c == '*' && ascii_alnum(pb) && ascii_alnum(nb)) *open = *close = 0;
}

/* A run of '*', '_' or '~' at i; the offset after it. */
static size_t emphasis(mcell *m, size_t i) {
  size_t k = 1;
  while (i + k < m->n && m->p[i + k] == m->p[i]) k++;
  int kind = run_kind(m->p[i], k), open, close;
  if (kind < 0) return i + k;
  run_flanks(m, i, k, &open, &close);
  if (close && m->kinds[kind]) {
    while (m->nstk && m->stk_kind[m->nstk - 1] != kind) m->kinds[m->stk_kind[--m->nstk]]--;
    size_t at = m->stk_at[--m->nstk];
    m->kinds[kind]--;
    if (kind == 6) mark_span(m, at, i + k, DROP); /* struck: its text too */
    else mark_span(m, at, at + k, DROP), mark_span(m, i, i + k, DROP);
  } else if (open && m->nstk < MC_STACK) {
    m->stk_at[m->nstk] = i, m->stk_kind[m->nstk++] = (unsigned char)kind;
    m->kinds[kind]++;
  }
  return i + k;
}

/* ------------------------------------------------------------ HTML tags */
typedef enum { TAG_NONE, TAG_INLINE, TAG_SPACE, TAG_STRUCK, TAG_SCRIPT, TAG_DROP } tag_kind;

static const struct {
  const char *name;
  tag_kind kind;
} tags[] = {{"a", TAG_INLINE},    {"abbr", TAG_INLINE}, {"b", TAG_INLINE},      {"big", TAG_INLINE},
            {"cite", TAG_INLINE}, {"code", TAG_INLINE}, {"em", TAG_INLINE},     {"font", TAG_INLINE},
            {"i", TAG_INLINE},    {"ins", TAG_INLINE},  {"kbd", TAG_INLINE},    {"mark", TAG_INLINE},
            {"o:p", TAG_INLINE},  {"q", TAG_INLINE},    {"small", TAG_INLINE},  {"span", TAG_INLINE},
            {"strong", TAG_INLINE}, {"tt", TAG_INLINE}, {"u", TAG_INLINE},      {"wbr", TAG_INLINE},
            {"br", TAG_SPACE},    {"p", TAG_SPACE},     {"div", TAG_SPACE},     {"del", TAG_STRUCK},
            {"s", TAG_STRUCK},    {"strike", TAG_STRUCK}, {"sup", TAG_SCRIPT},  {"sub", TAG_SCRIPT},
            {"img", TAG_DROP}};
_Static_assert(sizeof tags / sizeof *tags <= MC_TAGS, "MC_TAGS: room for every entry of tags[]");

/* A well-formed tag at p[i] ('<'): "<name attrs…>", "</name>", "<name/>" with
 * a name of the table; its kind, *end the offset after its '>', *close
 * whether it closes, *ti its entry. Attribute values may be quoted; a '<'
 * before the '>' makes it no tag (so that every byte is looked at twice at
 * most). */
static tag_kind tag_at(const mcell *m, size_t i, size_t *end, int *close, size_t *ti) {
  const char *p = m->p;
  size_t n = m->n, k = i + 1, a;
  *close = k < n && p[k] == '/';
  k += (size_t)*close;
  for (a = k; k < n && (ascii_alnum((unsigned char)p[k]) || p[k] == ':'); k++) {}
  if (k == a || k - a > 6 || (k < n && p[k] != '>' && p[k] != ' ' && p[k] != '/' && p[k] != '\t')) return TAG_NONE;
  size_t t = 0, nt = sizeof tags / sizeof *tags;
  while (t < nt && (strlen(tags[t].name) != k - a || strncasecmp(tags[t].name, p + a, k - a) != 0)) t++;
  if (t == nt) return TAG_NONE;
  for (char q = 0; k < n; k++) {
    if (p[k] == '<') return TAG_NONE;
    if (q) q = p[k] == q ? 0 : q;
    else if (p[k] == '"' || p[k] == '\'') q = p[k];
    else if (p[k] == '>') break;
  }
  if (k >= n) return TAG_NONE;
  *end = k + 1, *ti = t;
  return tags[t].kind;
}

/* The offset of the closing tag "</name" of entry ti at or after i, n when
 * none (cached in m->nx_tag[ti]). */
static size_t closing_tag(mcell *m, size_t ti, size_t i) {
  if (still_holds(&m->nx_tag[ti], i)) return m->nx_tag[ti].at;
  m->nx_tag[ti].from = i, m->nx_tag[ti].at = m->n;
  char pat[12] = "</";
  size_t nl = strlen(tags[ti].name);
  memcpy(pat + 2, tags[ti].name, nl);
  for (size_t at = i; at < m->n;) {
    const char *q = gk__memfind(m->p + at, m->n - at, pat, nl + 2);
    if (!q) break;
    size_t c = (size_t)(q - m->p), e = 0, ct = 0;
    int cl = 0;
    if (tag_at(m, c, &e, &cl, &ct) != TAG_NONE && cl && ct == ti) return m->nx_tag[ti].at = c;
    at = c + 2;
  }
  return m->n;
}

static int note_mark(mcell *m, size_t a, size_t b);

/* A comment "<!--…-->" at i: its end, else 0. */
static size_t comment_end(mcell *m, size_t i) {
  if (m->n - i < 7 || memcmp(m->p + i, "<!--", 4) != 0) return 0;
  if (!still_holds(&m->nx_comment, i + 4)) {
    const char *q = gk__memfind(m->p + i + 4, m->n - i - 4, "-->", 3);
    m->nx_comment.from = i + 4, m->nx_comment.at = q ? (size_t)(q - m->p) : m->n;
  }
  return m->nx_comment.at < m->n ? m->nx_comment.at + 3 : 0;
}

/* A tag or a comment at i; the offset after what it takes. */
static size_t html_tag(mcell *m, size_t i) {
  size_t end = comment_end(m, i), ti = 0;
  int close = 0;
  if (end) {
    mark_span(m, i, end, DROP);
    return end;
  }
  tag_kind kind = tag_at(m, i, &end, &close, &ti);
  if (kind == TAG_NONE) return i + 1;
  if (kind == TAG_STRUCK && !close) {
    size_t c = closing_tag(m, ti, end), ce = 0, ct = 0;
    if (c < m->n && tag_at(m, c, &ce, &close, &ct) != TAG_NONE) {
      mark_span(m, i, ce, DROP);
      return ce;
    }
  }
  if (kind == TAG_SCRIPT && !close) {
    size_t c = closing_tag(m, ti, end), ce = 0, ct = 0;
    if (c < m->n && tag_at(m, c, &ce, &close, &ct) != TAG_NONE && note_mark(m, end, c)) {
      mark_span(m, i, ce, DROP);
      return ce;
    }
  }
  mark_span(m, i, end, kind == TAG_SPACE || kind == TAG_SCRIPT ? APART : DROP);
  return end;
}

/* ------------------------------------------------------------ links */
/* A footnote reference "[^id]" at i: its end, else 0. */
static size_t footnote_ref(const mcell *m, size_t i) {
  if (i + 3 >= m->n || m->p[i + 1] != '^') return 0;
  for (size_t k = i + 2; k < m->n && k < i + 40; k++) {
    char c = m->p[k];
    if (c == ']') return k > i + 2 ? k + 1 : 0;
    if (c == '[' || c == ' ' || c == '\t') return 0;
  }
  return 0;
}

/* A link or image "[text](url)" at i ('['): *close its ']', its end (after
 * the ')'), else 0. */
static size_t link_at(mcell *m, size_t i, size_t *close) {
  size_t c = next_of(m, &m->nx_close, i + 1, ']'), o = next_of(m, &m->nx_open, i + 1, '[');
  if (c >= m->n || o < c || c + 1 >= m->n || m->p[c + 1] != '(') return 0;
  size_t e = next_of(m, &m->nx_paren, c + 2, ')');
  if (e >= m->n) return 0;
  *close = c;
  return e + 1;
}

/* '[' or '!' at i: a footnote reference, an image or a link; the offset
 * after what it takes. */
static size_t bracket(mcell *m, size_t i) {
  size_t e, c = 0;
  if (m->p[i] == '!') {
    if (i + 1 < m->n && m->p[i + 1] == '[' && (e = link_at(m, i + 1, &c)) != 0) {
      mark_span(m, i, e, DROP);
      return e;
    }
    return i + 1;
  }
  if ((e = footnote_ref(m, i)) != 0) {
    mark_span(m, i, e, DROP);
    return e;
  }
  if (m->link_close != SIZE_MAX || (e = link_at(m, i, &c)) == 0) return i + 1; /* no link inside a link */
  if (m->p[c + 2] == '#' && i && m->p[i - 1] >= '0' && m->p[i - 1] <= '9') { /* "12[3](#n3)": a note mark */
    mark_span(m, i, e, DROP);
    return e;
  }
  mark_span(m, i, i + 1, DROP);
  m->link_close = c, m->link_end = e;
  return i + 1;
}

/* Is p[a..b), the text of a <sup> or <sub>, a note mark: only footnote
 * references, links to the page's own anchors (Markdown or <a href="#…">)
 * and white space? */
static int note_mark(mcell *m, size_t a, size_t b) {
  int any = 0;
  if (b - a > MC_NOTE_MAX) return 0; /* a note mark is short: the cost stays linear */
  for (size_t i = a, e, c; i < b;) {
    if (m->p[i] == ' ' || m->p[i] == '\t') {
      i++;
    } else if (m->p[i] == '[' && (e = footnote_ref(m, i)) != 0 && e <= b) {
      i = e, any = 1;
    } else if (m->p[i] == '[' && (e = link_at(m, i, &c)) != 0 && e <= b && m->p[c + 2] == '#') {
      i = e, any = 1;
    } else if (b - i > 10 && strncasecmp(m->p + i, "<a href=\"#", 10) == 0) {
      const char *q = gk__memfind(m->p + i, b - i, "</a>", 4);
      if (!q) return 0;
      i = (size_t)(q - m->p) + 4, any = 1;
    } else {
      return 0;
    }
  }
  return any;
}

/* ------------------------------------------------------------ the cell */
static const struct {
  const char *name, *text;
} md_entities[] = {{"nbsp", " "}, {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};

/* An entity at p[0..n) ("&name;" or "&#…;"): appended to b decoded, its
 * length returned; 0 when none (a NUL, a surrogate or a code point out of
 * range is U+FFFD; U+00A0 a space, as the HTML reader reads it). */
static size_t entity_put(gk__buf *b, const char *p, size_t n) {
  const char *semi = n > 2 ? memchr(p, ';', n < 12 ? n : 12) : NULL;
  if (!semi) return 0;
  size_t k = (size_t)(semi - p);
  if (p[1] != '#') {
    for (size_t i = 0; i < sizeof md_entities / sizeof *md_entities; i++)
      if (strlen(md_entities[i].name) == k - 1 && memcmp(p + 1, md_entities[i].name, k - 1) == 0) {
        gk__buf_puts(b, md_entities[i].text);
        return k + 1;
      }
    return 0;
  }
  int hex = (p[2] | 0x20) == 'x';
  uint32_t cp = 0;
  size_t i = hex ? 3 : 2;
  if (i >= k) return 0;
  for (; i < k; i++) {
    char c = p[i], d = (char)(c | 0x20);
    unsigned v = c >= '0' && c <= '9' ? (unsigned)(c - '0') : hex && d >= 'a' && d <= 'f' ? (unsigned)(d - 'a' + 10) : 99;
    if (v == 99) return 0;
    cp = cp > 0x10FFFF ? cp : cp * (hex ? 16 : 10) + v;
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp == 0xA0) cp = ' ';
  gk__utf8_put(b, cp);
  return k + 1;
}


/* The bytes kept, their entities decoded, a dropped APART run one space
 * between the text before and after it. */
static void emit(const mcell *m, gk__buf *b) {
  int apart = 0;
  for (size_t i = 0, k; i < m->n;) {
    if (m->mark[i] != KEEP) {
      apart |= m->mark[i++] == APART && b->len;
      continue;
    }
    if (apart && b->data[b->len - 1] != ' ') gk__buf_putc(b, ' ');
    apart = 0;
    if (m->p[i] == '&' && (k = entity_put(b, m->p + i, m->n - i)) != 0) {
      i += k;
    } else {
      size_t st = i++;
      while (i < m->n && m->mark[i] == KEEP && m->p[i] != '&') i++;
      gk__buf_put(b, m->p + st, i - st);
    }
  }
}

/* The scan: each byte's fate into m->mark. */
static void scan(mcell *m) {
  for (size_t i = 0; i < m->n;) {
    char c = m->p[i];
    if (i >= m->link_close) { /* the link's "](url)" (passed over by a tag: text) */
      if (i == m->link_close) mark_span(m, i, m->link_end, DROP), i = m->link_end;
      m->link_close = m->link_end = SIZE_MAX;
    } else if (c == '\\') {
      i += i + 1 < m->n && m->p[i + 1] > ' ' && m->p[i + 1] < 0x7F ? 2 : 1;
    } else if (c == '*' || c == '_' || c == '~') {
      i = emphasis(m, i);
    } else if (c == '<') {
      i = html_tag(m, i);
    } else if (c == '[' || c == '!') {
      i = bracket(m, i);
    } else {
      i++;
    }
  }
}

int gk__md_cell_text(gk__buf *b, const char *p, size_t n) {
  b->len = 0;
  mcell m;
  memset(&m, 0, sizeof m);
  m.p = p, m.n = n;
  m.link_close = m.link_end = SIZE_MAX;
  m.nx_close.from = m.nx_open.from = m.nx_paren.from = m.nx_comment.from = SIZE_MAX;
  for (size_t k = 0; k < MC_TAGS; k++) m.nx_tag[k].from = SIZE_MAX;
  m.mark = calloc(n ? n : 1, 1);
  if (!m.mark) {
    b->err = GK_ENOMEM;
    return GK_ENOMEM;
  }
  scan(&m);
  emit(&m, b);
  free(m.mark);
  return b->err ? GK_ENOMEM : GK_OK;
}
