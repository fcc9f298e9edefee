/* libgkreport: aggregate (declarations land with the module). */
#ifndef GKREPORT_AGGREGATE_H
#define GKREPORT_AGGREGATE_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_AGGREGATE_H */
