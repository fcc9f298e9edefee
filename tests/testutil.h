/* SPDX-License-Identifier: MIT */
/* Shared helpers of the CUnit suites. */
#ifndef GK_TESTUTIL_H
#define GK_TESTUTIL_H

#include <CUnit/CUnit.h>
#include <CUnit/Basic.h>
#include <stddef.h>
#include <cjson/cJSON.h>
#include "gkreport/gkreport.h"

/* Run one suite of tests; returns the process exit status (0 when all pass).
 * Reads CU_get_number_of_failures() before CU_cleanup_registry(). */
int gk_test_main(const char *suite, CU_TestInfo *tests);
/* For tests that compare the cost of one big input with many small ones: large
 * blocks from the heap, kept after free. Otherwise glibc maps every big block
 * fresh and the big input pays page faults (costly on a VM) that the small
 * ones, served from a warm heap, do not: the allocator's cost, not the code's
 * (a ratio of 4-9 for perfectly linear work). No effect without glibc. */
void gk_test_warm_heap(void);

/* Read a whole file (NUL-terminated; *len_out without the NUL). NULL on failure. */
char *gk_test_read_file(const char *path, size_t *len_out);
/* Read tests/data/<name> or tests/data/real/<name> (real = 1). */
char *gk_test_read_data(const char *name, int real, size_t *len_out);
/* Build the path of a data file into a static-free caller buffer. */
void gk_test_data_path(char *buf, size_t cap, const char *name, int real);

/* Build a report from a hand-checked truth file (format of tests/data/real/README.md:
 * edition, year, agency, level, kind, cells by path) through the C API. `dir` is the
 * folder (GK_REAL_DATA, ...); `name` the file, ".truth.json" appended when it has no
 * ".json" suffix; it also becomes the report's source. Every step is CU-asserted
 * (fatal). The parsed document goes to *doc_out (free with cJSON_Delete) when
 * doc_out is not NULL. */
gk_report *gk_test_load_truth(const char *dir, const char *name, cJSON **doc_out);

/* The complete real reports with a hand-checked truth file
 * (tests/data/real/<name>.truth.json), by name without the suffix. */
extern const char *const gk_test_truth_files[];
extern const size_t gk_test_ntruth;
/* Run check(arg, truth, name) on the truth of every complete real report
 * (loaded with gk_test_load_truth, freed after); the sum of what check returns
 * (the cells it found wrong). */
size_t gk_test_each_truth(size_t (*check)(const void *arg, const gk_report *truth, const char *name),
                          const void *arg);

/* A report imported from the text `text` (gk_report_from_text, source `name`),
 * its findings in *d (free with gk_diags_free); both CU-asserted (fatal). */
gk_report *gk_test_import(const char *text, const char *name, gk_diags **d);
/* The findings of rule `rule` in d. */
size_t gk_test_count_rule(const gk_diags *d, const char *rule);

/* Assert a cell's text (gk_report_text) equals `want` ("" for blank). */
#define GK_ASSERT_CELL(r, path, want)                                   \
  do {                                                                  \
    char gk__b[128];                                                    \
    int gk__n = gk_report_text(gk__b, sizeof gk__b, (r), (path), GK_NUL_TERMINATED);  \
    CU_ASSERT_TRUE_FATAL(gk__n >= 0);                                   \
    CU_ASSERT_STRING_EQUAL(gk__b, (want));                              \
  } while (0)

#endif
