/* SPDX-License-Identifier: MIT */
/* libgkreport internal: the GB/T 2260 gazetteer (provinces, prefecture-level
 * cities, county-level divisions) generated into gazetteer_data.c by
 * tools/gen_gazetteer.py, and its lookups (gazetteer.c). Never installed. */
#ifndef GKREPORT_GAZETTEER_H
#define GKREPORT_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
  uint32_t code;   /* six digits: 320000, 321300, 321323 */
  uint32_t parent; /* code of the division above, 0 for a province */
  uint8_t level;   /* GK_LEVEL_PROVINCE / CITY / COUNTY */
  const char *name;
} gk__division;

extern const char gk__gazetteer_source[];
extern const gk__division gk__divisions[]; /* sorted by code */
extern const size_t gk__ndivisions;
extern const uint16_t gk__divisions_by_name[]; /* indexes, sorted by name bytes */

/* The division with this code, NULL when none. */
const gk__division *gk__division_by_code(uint32_t code);
/* Every division named exactly s[0..n): *first_out is a position in
 * gk__divisions_by_name; returns how many (0 when none). */
size_t gk__divisions_named(size_t *first_out, const char *s, size_t n);
/* 1 when division `d` lies in (or is) division `ancestor`. */
int gk__division_within(const gk__division *d, const gk__division *ancestor);
/* The full region name of d (江苏省宿迁市泗阳县) into buf, NUL-terminated,
 * truncated to cap; returns the length needed. */
size_t gk__division_path(char *buf, size_t cap, const gk__division *d);

#endif /* GKREPORT_GAZETTEER_H */
