/* libgkreport: validate (declarations land with the module). */
#ifndef GKREPORT_VALIDATE_H
#define GKREPORT_VALIDATE_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_VALIDATE_H */
