/* libgkreport: series (declarations land with the module). */
#ifndef GKREPORT_SERIES_H
#define GKREPORT_SERIES_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_SERIES_H */
