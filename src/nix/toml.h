/* toml: a small, strict TOML 1.0 parser producing a tree, used by builtins.fromTOML.
 * Debian packages no C TOML library, so hearth has its own. It is strict: input that TOML 1.0
 * rejects (invalid UTF-8, redefined keys or tables, appending to inline tables or static
 * arrays, leading zeros, out-of-range integers, malformed dates...) is an error naming the
 * line and column. Dates and times are parsed and validated and kept as their text; deciding
 * what to do with them is the caller's business (Nix refuses them).
 * The tree is malloc-allocated and freed with toml_free. Keys keep their order of definition. */
#ifndef HEARTH_NIX_TOML_H
#define HEARTH_NIX_TOML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum toml_type {
    TOML_STRING,
    TOML_INT,
    TOML_FLOAT,
    TOML_BOOL,
    TOML_DATETIME, /* offset/local date-time, local date or local time; text in `str` */
    TOML_ARRAY,
    TOML_TABLE,
};

struct toml_value;

struct toml_entry {
    char *key;
    size_t key_len;
    struct toml_value *value;
};

struct toml_value {
    enum toml_type type;
    unsigned flags; /* parser bookkeeping (how a table or array was created) */
    size_t at, end; /* byte offsets where it was written (for error messages) */
    union {
        struct {
            char *ptr; /* NUL-terminated; may hold NULs from \u0000, hence len */
            size_t len;
        } str;
        int64_t integer;
        double real;
        bool boolean;
        struct {
            struct toml_value **items;
            size_t len, cap;
        } array;
        struct {
            struct toml_entry *entries;
            size_t len, cap;
        } table;
    };
};

/* Parses src[0..n). On success returns the root table in *out and 0. On error returns -1 and
 * writes "line L, column C: what" into err (NUL-terminated, truncated to errlen). Returns -2
 * when memory runs out. */
int toml_parse(const char *src, size_t n, struct toml_value **out, char *err, size_t errlen);

/* What went wrong, for callers that word errors themselves (fromTOML words the common ones as
 * Nix's TOML library does). */
enum toml_error_kind {
    TOML_ERR_OTHER,     /* see `what` */
    TOML_ERR_DUPLICATE, /* a key given a second value: `key`, first value at `first_at` */
    TOML_ERR_NO_VALUE,  /* nothing after `key =` */
    TOML_ERR_NO_EQUALS, /* a key not followed by '=' (`at` is right after the key) */
};

struct toml_error {
    enum toml_error_kind kind;
    size_t at, end;             /* byte offsets of the error (end: of the second value) */
    size_t first_at, first_end; /* TOML_ERR_DUPLICATE: where the first value is */
    char key[128];              /* TOML_ERR_DUPLICATE: the dotted key (truncated) */
    char what[192];             /* the message, without position */
};

/* As toml_parse, also filling *info (may be NULL) on error. */
int toml_parse_ex(const char *src, size_t n, struct toml_value **out, char *err, size_t errlen,
                  struct toml_error *info);

/* Frees a tree; `root` must be the value toml_parse returned. */
void toml_free(struct toml_value *root);

#endif
