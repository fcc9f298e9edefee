/* SPDX-License-Identifier: MIT */
/* The cheap first steps of the tests the recognizer runs on every line give
 * the answers of the full tests: the heading test's code point sets
 * (head_first, head_skip) and the document walk's first character test
 * (gk__text_heading_may) never turn a heading away; a row label that is one
 * of the row's wordings answers as the search does. Properties over every
 * declared heading in every decoration, random lines, every line of real
 * reports, every row wording of every table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include "testutil.h"
#include "internal.h"
#include "text_int.h"
#include "recognize_int.h"

static uint32_t next_rand(uint32_t *s) {
  *s = *s * 1103515245u + 12345u;
  return *s >> 8;
}

static const gk__labels *labels(void) {
  const gk__labels *L = gk__labels_shared();
  CU_ASSERT_PTR_NOT_NULL_FATAL(L);
  return L;
}

static size_t g_headings; /* lines the full test reads as a heading */
static void same_markers(const gk__labels *L, const char *s, size_t n, size_t *hits);

static void same_heading(const gk__labels *L, const char *s, size_t n) {
  int full = gk__text_heading_full(L, s, n), fast = gk__text_heading(L, s, n);
  if (full != fast) fprintf(stderr, "heading %.*s: full %d, fast %d\n", (int)n, s, full, fast);
  CU_ASSERT_EQUAL(full, fast);
  g_headings += full >= 0;
  CU_ASSERT_EQUAL(gk__text_heading_may(L, s, n), gk__text_heading_may_full(L, s, n));
  /* the document walk's first step turns away no heading and no ordinal that
   * may open one wrapped over two lines (wrapped_heading's first test) */
  if (!gk__text_heading_may(L, s, n)) {
    size_t a = gk__trim_left(s, n), b = gk__trim_right(s, n);
    CU_ASSERT_EQUAL(full, -1);
    CU_ASSERT_TRUE(a >= b || !gk__cp_set_has(L->head_skip, gk__utf8_next(s, b, &a)));
  }
}

/* Every heading variant of every part (official wording too), in Traditional
 * where the generator writes it, behind every ordinal form and Markdown mark
 * the format's headings take, with and without trailing text. */
static void test_line_tests_heading_forms(void) {
  const gk__labels *L = labels();
  static const char *const pre[] = {"",   "## ", "**", "#### **", "　　", "、", "“", "【", "1"};
  static const char *const ord[] = {"%s、", "（%s）", "(%s)", "第%s部分 ", "%s ", "%s．", ""};
  static const char *const arabic[] = {"%d、", "%d.", "%d．", ""};
  g_headings = 0;
  for (int p = 0; p < GK__NPARTS; p++) {
    const gk__label *l = gk__part_label(p);
    for (size_t v = 0; v <= GK__MAX_VARIANTS; v++) {
      const char *body = v ? l->variants[v - 1] : l->zh;
      if (!body) continue;
      for (size_t a = 0; a < sizeof pre / sizeof *pre; a++)
        for (size_t o = 0; o < sizeof ord / sizeof *ord + sizeof arabic / sizeof *arabic; o++)
          for (int k = 0; k < GK__NPARTS; k++) {
            char num[16], line[512];
            if (o < sizeof ord / sizeof *ord) snprintf(num, sizeof num, ord[o], gk__parts[k].ordinal);
            else snprintf(num, sizeof num, arabic[o - sizeof ord / sizeof *ord], k + 1);
            for (int tail = 0; tail < 3; tail++) {
              int len = snprintf(line, sizeof line, "%s%s%s%s", pre[a], num, body,
                                 tail == 0 ? "" : tail == 1 ? "**" : "（续）");
              same_heading(L, line, (size_t)len);
            }
          }
    }
  }
  CU_ASSERT_TRUE(g_headings > 1000); /* the forms above are mostly headings */
}

/* A random line: characters of heading variants, ordinals, punctuation that
 * normalisation drops, Traditional forms, ASCII, other ideographs. */
static void random_line(gk__buf *b, uint32_t *seed) {
  static const char *const bits[] = {"一", "二", "三", "六", "、", "（", "）", "(", ")", "第", "部分", "总体",
                                     "情况", "事项", "措施", "其他", "需要", "报告", "的", "報告", "事項",
                                     "政府信息公开", "行政复议", "存在", "主要问题", "改进", "“", "【",
                                     " ", "　", "#", "*", "1", "3", ".", "．", "Ａ", "a", "\t", "工作",
                                     "基本", "收到和处理", "申请", "因", "總體", "\xFF", "\xE4\xB8"};
  size_t k = next_rand(seed) % 12;
  for (size_t i = 0; i < k; i++) gk__buf_puts(b, bits[next_rand(seed) % (sizeof bits / sizeof *bits)]);
}

static void test_line_tests_heading_random(void) {
  const gk__labels *L = labels();
  uint32_t seed = 20261203;
  g_headings = 0;
  for (int round = 0; round < 200000; round++) {
    gk__buf b;
    gk__buf_init(&b);
    random_line(&b, &seed);
    CU_ASSERT_FALSE_FATAL(b.err);
    same_heading(L, b.data ? b.data : "", b.len);
    gk__buf_free(&b);
  }
  CU_ASSERT_TRUE(g_headings > 0);
}

/* Each line of each real report and layout in tests/data/real (.txt, .md). */
static void test_line_tests_heading_real(void) {
  const gk__labels *L = labels();
  g_headings = 0;
  DIR *dir = opendir(GK_REAL_DATA);
  CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
  size_t files = 0;
  for (struct dirent *de; (de = readdir(dir)) != NULL;) {
    size_t nl = strlen(de->d_name);
    if (!(nl > 4 && (strcmp(de->d_name + nl - 4, ".txt") == 0 || strcmp(de->d_name + nl - 3, ".md") == 0))) continue;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", GK_REAL_DATA, de->d_name);
    size_t n = 0;
    char *t = gk_test_read_file(path, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    files++;
    for (size_t a = 0; a < n;) {
      const char *nl2 = memchr(t + a, '\n', n - a);
      size_t e = nl2 ? (size_t)(nl2 - t) : n;
      same_heading(L, t + a, e - a);
      a = e + 1;
    }
    gk__buf b; /* the whole text normalised: the edition markers */
    gk__buf_init(&b);
    gk__text_norm(&b, t, n);
    size_t hits = 0;
    same_markers(L, b.data ? b.data : "", b.len, &hits);
    gk__buf_free(&b), free(t);
  }
  closedir(dir);
  CU_ASSERT_TRUE(files >= 20);
  CU_ASSERT_TRUE(g_headings >= 12);
}

/* A walk of table t of edition e (the labels' index) for the row tests; its
 * table's declaration. */
static const gk__table_decl *walk_for(walk *w, const gk__labels *L, size_t e, int t) {
  walk_init(w);
  w->L = L, w->ed = gk__edition_get(gk_schema_edition_id(e)), w->t = t;
  return &w->ed->tables[t];
}

static void same_row_match(const walk *w, size_t row, const char *lab, size_t labn, size_t *hits) {
  for (int fuzzy = 0; fuzzy < 2; fuzzy++) {
    size_t e1 = 7, e2 = 7; /* the caller's value before: overwritten or kept alike */
    int m1 = gk__rec_row_match(w, row, lab, labn, fuzzy, &e1);
    int m2 = gk__rec_row_match_full(w, row, lab, labn, fuzzy, &e2);
    CU_ASSERT_EQUAL(m1, m2);
    CU_ASSERT_TRUE(m1 == 0 || e1 == e2);
    *hits += m1 == 2;
  }
}

/* Each row of each table of each edition against every normalised wording of
 * the table's rows: alone, behind other text, cut short, run into the next. */
static void test_line_tests_row_match(void) {
  const gk__labels *L = labels();
  size_t hits = 0;
  for (size_t e = 0; e < L->neds; e++)
    for (int t = 0; t < GK_NTABLES; t++) {
      walk w;
      const gk__table_decl *td = walk_for(&w, L, e, t);
      for (size_t r = 0; r < td->nrows && r < GK__LROWS; r++)
        for (size_t r2 = 0; r2 < td->nrows && r2 < GK__LROWS; r2++)
          for (size_t v = 0; v < GK__NV; v++) {
            gk__span sp = L->row[e][t][r2][v];
            if (!sp.len) continue;
            const char *x = gk__labels_at(L, sp);
            char buf[1024];
            size_t n = sp.len < 400 ? sp.len : 400;
            same_row_match(&w, r, x, n, &hits);
            memcpy(buf, "本年", 6), memcpy(buf + 6, x, n);
            same_row_match(&w, r, buf, n + 6, &hits);
            same_row_match(&w, r, x, n > 3 ? n - 3 : n, &hits);
            memcpy(buf, x, n), memcpy(buf + n, x, n);
            same_row_match(&w, r, buf, 2 * n, &hits);
          }
    }
  CU_ASSERT_TRUE(hits > 100);
}

/* Random label texts made of pieces of the table's wordings (heads, tails,
 * middles, run together with other text): the fuzzy matches (most of a
 * wording: its longest head and tail found) answer as the search does. */
static void test_line_tests_row_match_random(void) {
  const gk__labels *L = labels();
  uint32_t seed = 20261203;
  size_t hits = 0, fuzzy = 0;
  for (size_t e = 0; e < L->neds; e++)
    for (int t = 0; t < GK_NTABLES; t++) {
      walk w;
      const gk__table_decl *td = walk_for(&w, L, e, t);
      for (int round = 0; round < 3000; round++) {
        char buf[1024];
        size_t n = 0;
        for (int k = 1 + (int)(next_rand(&seed) % 3); k > 0; k--) {
          gk__span sp = L->row[e][t][next_rand(&seed) % td->nrows % GK__LROWS][next_rand(&seed) % GK__NV];
          if (!sp.len) continue;
          const char *x = gk__labels_at(L, sp);
          size_t chars = sp.len / 3, a = next_rand(&seed) % (chars / 2 + 1), z = chars - next_rand(&seed) % (chars / 2 + 1);
          if (next_rand(&seed) % 3 == 0) a = 0; /* a head */
          if (next_rand(&seed) % 3 == 0) z = chars; /* a tail */
          if ((z - a) * 3 + n + 6 > sizeof buf || sp.len % 3 || z <= a) continue;
          if (next_rand(&seed) % 4 == 0) memcpy(buf + n, "其他", 6), n += 6;
          memcpy(buf + n, x + 3 * a, 3 * (z - a)), n += 3 * (z - a);
        }
        for (size_t r = 0; r < td->nrows && r < GK__LROWS; r++) {
          size_t e1 = 0;
          same_row_match(&w, r, buf, n, &hits);
          fuzzy += gk__rec_row_match_full(&w, r, buf, n, 1, &e1) == 1;
        }
      }
    }
  CU_ASSERT_TRUE(hits > 1000);
  CU_ASSERT_TRUE(fuzzy > 1000); /* the fuzzy search is exercised */
}

/* The one-pass marker search (gk__labels_markers) counts what a search per
 * marker counts: random texts of whole markers, their halves, bytes of other
 * text and bad bytes; and each real report's normalised text. */
static void same_markers(const gk__labels *L, const char *s, size_t n, size_t *hits) {
  size_t one[GK__LEDS] = {0}, each[GK__LEDS] = {0};
  gk__labels_markers(L, s, n, one);
  gk__labels_markers_each(L, s, n, each);
  for (size_t e = 0; e < L->neds; e++) {
    CU_ASSERT_EQUAL(one[e], each[e]);
    *hits += one[e];
  }
}

static void test_line_tests_markers(void) {
  const gk__labels *L = labels();
  uint32_t seed = 20261204;
  size_t hits = 0, nm = 0;
  for (size_t e = 0; e < L->neds; e++) nm += L->nmark[e];
  CU_ASSERT_TRUE_FATAL(nm > 0);
  static const char *const other[] = {"申请", "情况", "a", "\xFF", "\xE4\xB8", "公开", "1", "行政"};
  for (int round = 0; round < 20000; round++) {
    gk__buf b;
    gk__buf_init(&b);
    size_t k = next_rand(&seed) % 10;
    for (size_t i = 0; i < k; i++) {
      size_t e = next_rand(&seed) % L->neds, m = L->nmark[e] ? next_rand(&seed) % L->nmark[e] : 0;
      gk__span sp = L->nmark[e] ? L->mark[e][m] : (gk__span){0, 0};
      switch (next_rand(&seed) % 4) {
      case 0: gk__buf_put(&b, gk__labels_at(L, sp), sp.len); break;
      case 1: gk__buf_put(&b, gk__labels_at(L, sp), sp.len / 2); break;
      case 2: gk__buf_put(&b, gk__labels_at(L, sp) + sp.len / 2, sp.len - sp.len / 2); break;
      default: gk__buf_puts(&b, other[next_rand(&seed) % (sizeof other / sizeof *other)]);
      }
    }
    CU_ASSERT_FALSE_FATAL(b.err);
    same_markers(L, b.data ? b.data : "", b.len, &hits);
    gk__buf_free(&b);
  }
  CU_ASSERT_TRUE(hits > 1000);
}

/* A heading in words of its own: the part's own numeral, a short title, a key
 * word of the part (fires); a sentence, a conventional item of 总体情况 under
 * its numeral, "（三）", an arabic number, no separator, too long (quiet). */
static void test_line_tests_heading_keyed(void) {
  static const struct {
    const char *s;
    int part;
  } cases[] = {
      {"三、依申请公开情况", 2},
      {"## 三、依申请公开情况", 2},
      {"**二、主动公开情况**", 1},
      {"四．行政复议、行政诉讼情况", 3},
      {"第四部分 因政府信息公开被申请行政复议、提起行政诉讼的情况", 3},
      {"　　三、收到和处理申请情况：", 2},
      {"一、年度工作概况", 0},
      {"五、存在的不足及改进措施", 4},
      {"六、其它事项", 5},
      {"三、依申請公開情況", 2},                     /* Traditional */
      {"三、加强依申请公开，提高答复质量", -1},      /* a sentence */
      {"二、依申请公开情况", -1},                    /* 总体情况's item (二) under its numeral */
      {"一、主动公开情况", -1},                      /* 总体情况's item (一) */
      {"（三）依申请公开情况", -1},                  /* an item, not a part */
      {"3、依申请公开情况", -1},                     /* a list's number */
      {"三依申请公开情况", -1},                      /* no separator */
      {"三、本机关全年共收到政府信息公开申请并按期答复的各类办理情况及其结果汇总统计表", -1}, /* too long */
      {"七、依申请公开情况", -1},
      {"", -1},
      {"三、", -1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    int got = gk__text_heading_keyed(cases[i].s, strlen(cases[i].s));
    if (got != cases[i].part) fprintf(stderr, "keyed %s: %d, want %d\n", cases[i].s, got, cases[i].part);
    CU_ASSERT_EQUAL(got, cases[i].part);
  }
}

/* In a document: a part's heading in words of its own is its region's start
 * only where no declared heading of the part stands, and only between the
 * parts found before and after it. */
static void test_line_tests_heading_keyed_doc(void) {
  static const char doc[] =
      "某县人民政府2022年政府信息公开工作年度报告\n"
      "一、总体情况\n"
      "（二）依申请公开\n"
      "二、主动公开情况\n" /* a line of the overview's prose, above the declared heading */
      "二、主动公开政府信息情况\n"
      "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
      "规章\t1\t0\t5\n"
      "三、依申请公开情况\n"
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "五、存在的主要问题及改进情况\n"
      "三、依申请公开工作\n" /* below 五: no part 三 here */
      "六、其他需要报告的事项\n";
  gk_diags *d = NULL;
  gk_report *r = gk_test_import(doc, "keyed.txt", &d);
  /* the overview's line "二、主动公开情况" is its prose: the declared heading below it wins */
  CU_ASSERT_STRING_EQUAL(gk_report_section(r, GK_SECTION_OVERVIEW), "（二）依申请公开\n二、主动公开情况");
  int state = -1;
  int64_t v = -1;
  CU_ASSERT_EQUAL(gk_report_cell(&state, &v, r, GK_TABLE_ACTIVE, 0, 0), GK_OK); /* 规章, 本年制发件数 */
  CU_ASSERT_EQUAL(state, GK_CELL_VALUE);
  CU_ASSERT_EQUAL(v, 1);
  /* 三 found at line 8 (its keyed heading), not after 五 */
  CU_ASSERT_STRING_EQUAL(gk_report_section(r, GK_SECTION_PROBLEMS), "三、依申请公开工作");
  CU_ASSERT_EQUAL(gk_test_count_rule(d, "import.missing_table"), 0);
  gk_report_free(r);
  gk_diags_free(d);
}

/* A table whose heading is lost is found by its own labels (the layouts of
 * test_text_layouts); a label in prose is none: "行政复议" as a line over
 * prose with years and counts in it ("2023年", "3件") starts no table 四. */
static void test_line_tests_headless_quiet(void) {
  static const char doc[] =
      "某县司法局2023年政府信息公开工作年度报告\n"
      "一、总体情况\n"
      "本局依法公开政府信息。\n"
      "三、收到和处理政府信息公开申请情况\n"
      "本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n"
      "行政复议\n"
      "2023年，本局办理行政复议案件共3件，均已审结。\n"
      "五、存在的主要问题及改进情况\n"
      "无。\n"
      "六、其他需要报告的事项\n"
      "无。\n";
  gk_diags *d = NULL;
  gk_report *r = gk_test_import(doc, "quiet.txt", &d);
  CU_ASSERT_EQUAL(gk_test_count_rule(d, "import.missing_table"), 2); /* 二 and 四 */
  int state = -1;
  CU_ASSERT_EQUAL(gk_report_cell(&state, NULL, r, GK_TABLE_REVIEW, 0, 0), GK_OK);
  CU_ASSERT_EQUAL(state, GK_CELL_BLANK);
  gk_report_free(r);
  gk_diags_free(d);
}

int main(void) {
  CU_TestInfo tests[] = {{"heading_keyed", test_line_tests_heading_keyed},
                         {"heading_keyed_doc", test_line_tests_heading_keyed_doc},
                         {"headless_quiet", test_line_tests_headless_quiet},
                         {"heading_forms", test_line_tests_heading_forms},
                         {"heading_random", test_line_tests_heading_random},
                         {"heading_real", test_line_tests_heading_real},
                         {"row_match", test_line_tests_row_match},
                         {"row_match_random", test_line_tests_row_match_random},
                         {"markers", test_line_tests_markers},
                         CU_TEST_INFO_NULL};
  return gk_test_main("line_tests", tests);
}
