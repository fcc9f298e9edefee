/* libgkreport: csv (declarations land with the module). */
#ifndef GKREPORT_CSV_H
#define GKREPORT_CSV_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_CSV_H */
