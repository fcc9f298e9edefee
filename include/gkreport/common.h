/* SPDX-License-Identifier: MIT */
/* libgkreport: common definitions (result codes, export macro, version, memory).
 *
 * Conventions of the whole API (see README "API tour"):
 *  - fallible functions return int: GK_OK (0) or a negative GK_E* code;
 *  - out-parameters come first, are named *_out, and are set to NULL/0 on failure;
 *  - what comes back through **out belongs to the caller: objects have a _free,
 *    library-made buffers are released with gk_free();
 *  - borrowed `const char *` results live until their parent is modified or freed;
 *  - strings are UTF-8, passed as (const char *, size_t len) or NUL-terminated;
 *    every function that takes (const char *s, size_t len) also accepts
 *    len = GK_NUL_TERMINATED, meaning s is NUL-terminated;
 *  - getters are named gk_<object>_<attribute> (gk_report_year, gk_report_cell),
 *    setters gk_<object>_set_<attribute>: no "get";
 *  - constants come in named enums (gk_edition, gk_lang, ...); a parameter or a
 *    result of that enum has its type; an out-parameter that receives one is an
 *    int * (C leaves the size of an enum to the compiler); each such enum has a
 *    private member GK__*_INT = -1 that makes its type int on every compiler
 *    (GCC makes an enum without negative values unsigned, and comparing it
 *    with an int would then warn): it is no value to pass;
 *  - the library never prints, never exits, keeps no global mutable state.
 *
 * Threads: every function of this header may be called from any thread at any
 * time; they touch no object and no state.
 */
#ifndef GKREPORT_COMMON_H
#define GKREPORT_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#  if defined(GK_BUILDING)
#    define GK_API __declspec(dllexport)
#  else
#    define GK_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define GK_API __attribute__((visibility("default")))
#else
#  define GK_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Result codes. Pinned: values never change, new codes are only appended.
 *  Fallible functions return them as int (some return a length >= 0 instead of
 *  GK_OK). Named gk_status since 0.2.0. */
typedef enum gk_status {
  GK_OK          = 0,   /**< success */
  GK_EINVAL      = -1,  /**< invalid argument (NULL, out of range, wrong kind) */
  GK_ENOMEM      = -2,  /**< allocation failed; every object is left valid */
  GK_EPARSE      = -3,  /**< input could not be parsed; details in the gk_diags */
  GK_EOVERFLOW   = -4,  /**< an integer sum or value does not fit in int64 */
  GK_ENOTFOUND   = -5,  /**< key, rule, cell or item does not exist */
  GK_EIO         = -6,  /**< reading or writing a stream failed */
  GK_ERANGE      = -7,  /**< value outside the domain of its cell (e.g. negative count) */
  GK_EENCODING   = -8,  /**< input is not valid UTF-8 / GB18030 */
  GK_EUNSUPPORTED = -9, /**< edition, format or feature not supported */
  GK_EMISMATCH   = -10  /**< objects that must agree do not (edition, year, agency) */
} gk_status;

/** The length that says "NUL-terminated": every function taking a string as
 *  (const char *s, size_t len) reads strlen(s) bytes when len is this. Since 0.2.0. */
#define GK_NUL_TERMINATED ((size_t)-1)

/** Static English text for a result code; never NULL. Since 0.1.0. */
GK_API const char *gk_strerror(int rc);

/** Library version at run time, e.g. "0.1.0"; compare with GK_VERSION_STRING. Since 0.1.0. */
GK_API const char *gk_version_string(void);

/** Library version as MAJOR*10000 + MINOR*100 + PATCH. Since 0.1.0. */
GK_API int gk_version_number(void);

/** Free a buffer the library returned (serializer output and the like). NULL-safe. Since 0.1.0. */
GK_API void gk_free(void *p);

/** The input cap of every reader (gk_report_from_json, gk_report_from_text,
 *  gk_report_load, the saved aggregate; a line of JSON Lines has its own cap of
 *  64 MiB): a document larger than this is refused before it is read, with
 *  GK_EPARSE and one error item "import.too_large". 256 MiB. Since 0.2.0. */
#define GK_DEFAULT_MAX_INPUT ((size_t)256 << 20)

/** Languages for labels and messages. Named gk_lang since 0.2.0. */
typedef enum gk_lang { GK__LANG_INT = -1, GK_LANG_ZH = 0, GK_LANG_EN = 1 } gk_lang;

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_COMMON_H */
