#include "testutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int gk_test_main(const char *suite, CU_TestInfo *tests) {
  if (CU_initialize_registry() != CUE_SUCCESS) return 2;
  CU_SuiteInfo suites[] = {{suite, NULL, NULL, NULL, NULL, tests}, CU_SUITE_INFO_NULL};
  if (CU_register_suites(suites) != CUE_SUCCESS) {
    CU_cleanup_registry();
    return 2;
  }
  CU_basic_set_mode(CU_BRM_VERBOSE);
  CU_basic_run_tests();
  unsigned failed = CU_get_number_of_failures();
  unsigned run = CU_get_number_of_tests_run();
  CU_cleanup_registry();
  return (failed == 0 && run > 0) ? 0 : 1;
}

char *gk_test_read_file(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  size_t k;
  while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += k;
    if (cap - n - 1 == 0) {
      char *p = realloc(buf, cap * 2);
      if (!p) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = p;
      cap *= 2;
    }
  }
  fclose(f);
  if (!buf) return NULL;
  buf[n] = '\0';
  if (len_out) *len_out = n;
  return buf;
}

void gk_test_data_path(char *buf, size_t cap, const char *name, int real) {
  snprintf(buf, cap, "%s/%s", real ? GK_REAL_DATA : GK_TEST_DATA, name);
}

char *gk_test_read_data(const char *name, int real, size_t *len_out) {
  char path[1024];
  gk_test_data_path(path, sizeof path, name, real);
  return gk_test_read_file(path, len_out);
}
