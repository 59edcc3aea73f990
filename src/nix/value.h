/* src/nix/value.h: Nix values as the evaluator stores them.
 *
 * Owns: the value layout (24 bytes, GC-allocated), constructors, attribute sets (sorted arrays of
 * (symbol, value*)), lists, strings with their context, and symbols (interned names).
 *
 * Every value lives on the Boehm GC heap (GC_MALLOC; string bytes with GC_MALLOC_ATOMIC), so
 * nothing here is ever freed by hand. A value may be a thunk (an unevaluated expression with its
 * environment): call eval_force() (eval.h) before reading any field. Forcing updates the value in
 * place, so every holder of the pointer sees the result.
 *
 * String context (why: derivations must know which store paths a string refers to) is a
 * NULL-terminated array of C strings in Nix's encoding, or NULL for none:
 *   "/nix/store/HASH-name"              a plain store path
 *   "=/nix/store/HASH-name.drv"         a whole derivation (all its outputs, the .drv closure)
 *   "!OUTPUT!/nix/store/HASH-name.drv"  one output of a derivation */
#ifndef HEARTH_NIX_VALUE_H
#define HEARTH_NIX_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct eval_state;
struct env;
struct expr;
struct expr_lambda;
struct primop;

/* An interned name: symbols compare equal iff their ids are equal (symbol.c). */
typedef uint32_t nix_sym;

enum value_type {
    /* Not yet evaluated: never seen after eval_force(). */
    VT_THUNK,
    VT_BLACKHOLE, /* being evaluated: forcing it again is infinite recursion */
    /* f i with an integer i kept unboxed (genList): no int value per element unless forced. */
    VT_APP_INT,
    VT_APP, /* a delayed function application (used by builtins that map lazily) */
    /* Weak-head normal forms. */
    VT_INT,
    VT_FLOAT,
    VT_BOOL,
    VT_NULL,
    VT_STRING,
    VT_PATH,
    VT_LIST,
    VT_ATTRS,
    VT_LAMBDA,
    VT_PRIMOP,
    VT_PRIMOP_APP,
};

struct attr {
    nix_sym name;
    uint32_t pos; /* index into the position table (eval_pos_get), 0 = none */
    struct value *value;
};

/* Sorted by symbol id (not by name: printing and attrNames sort by name themselves). */
struct attrs {
    uint32_t n, cap;
    uint32_t pos; /* where the set was written (0 = unknown), for messages */
    struct attr a[];
};

/* value.flags */
enum {
    /* Computed early instead of making a thunk (integer arithmetic on integers, eval.c) and not
     * forced yet: lazy printing shows it as unevaluated, as Nix would show the thunk. */
    VF_EAGER = 1,
};

struct value {
    uint8_t type;  /* enum value_type */
    uint8_t flags; /* VF_* (in the padding; constructors leave it alone) */
    union {
        int64_t i;
        double f;
        bool b;
        struct {
            const char *s;    /* NUL-terminated; Nix strings hold no NUL */
            const char **ctx; /* NULL-terminated context, or NULL */
        } str;
        const char *path; /* absolute, canonical */
        struct {
            size_t n;
            struct value **items;
        } list;
        struct attrs *attrs;
        struct {
            struct env *env;
            struct expr_lambda *fun;
        } lambda;
        const struct primop *primop;
        struct {
            struct value *left; /* a primop or another primop-app */
            struct value *right;
        } app; /* VT_PRIMOP_APP and VT_APP (left = function, right = argument) */
        struct {
            struct value *fn;
            int64_t arg;
        } app_int; /* VT_APP_INT */
        struct {
            struct env *env;
            struct expr *expr;
        } thunk;
    };
};

/* ---- allocation (GC) ---- */
struct value *value_alloc(void);
/* `n` fresh, zeroed value pointers (for lists). */
struct value **value_ptrs_alloc(size_t n);
/* A GC copy of `len` bytes plus a NUL, with no pointers inside (GC_MALLOC_ATOMIC). */
char *gc_strndup(const char *s, size_t len);
char *gc_strdup(const char *s);
/* printf into a GC string. */
char *gc_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- constructors: fill an existing value in place ---- */
static inline void mk_int(struct value *v, int64_t i) {
    v->type = VT_INT;
    v->i = i;
}
static inline void mk_float(struct value *v, double f) {
    v->type = VT_FLOAT;
    v->f = f;
}
static inline void mk_bool(struct value *v, bool b) {
    v->type = VT_BOOL;
    v->b = b;
}
static inline void mk_null(struct value *v) {
    v->type = VT_NULL;
}
/* `s` must be GC-allocated or static; it is not copied. */
static inline void mk_string(struct value *v, const char *s, const char **ctx) {
    v->type = VT_STRING;
    v->str.s = s;
    v->str.ctx = ctx;
}
/* `path` must be absolute and canonical (see path_canon in eval.h); it is not copied. */
static inline void mk_path(struct value *v, const char *path) {
    v->type = VT_PATH;
    v->path = path;
}
static inline void mk_attrs(struct value *v, struct attrs *a) {
    v->type = VT_ATTRS;
    v->attrs = a;
}
/* A list of n elements whose items the caller then fills (all must be set). */
void mk_list(struct value *v, size_t n);
/* A delayed application f x, forced like a thunk (lazy map/genList/mapAttrs). */
static inline void mk_app(struct value *v, struct value *f, struct value *x) {
    v->type = VT_APP;
    v->app.left = f;
    v->app.right = x;
}

/* A delayed application f i, for an integer i. */
static inline void mk_app_int(struct value *v, struct value *f, int64_t i) {
    v->type = VT_APP_INT;
    v->app_int.fn = f;
    v->app_int.arg = i;
}

static inline bool value_is_thunk(const struct value *v) {
    return v->type <= VT_APP;
}

/* ---- attribute sets ---- */
/* An empty set with room for `cap` attributes; push then attrs_sort (or push in symbol order). */
struct attrs *attrs_new(size_t cap);
/* Appends without sorting or checking for duplicates; `a` must have room (cap). */
void attrs_push(struct attrs *a, nix_sym name, struct value *v, uint32_t pos);
/* Sorts by symbol id; keeps the first of duplicate names. */
void attrs_sort(struct attrs *a);
/* Binary search; NULL when missing. */
struct attr *attrs_get(const struct attrs *a, nix_sym name);
/* The shared empty set. */
struct attrs *attrs_empty(void);

/* ---- string context ---- */
/* Union of two contexts (either may be NULL); returns one of them when the other adds nothing. */
const char **ctx_merge(const char **a, const char **b);
/* A context holding the single element `elem` (copied). */
const char **ctx_single(const char *elem);
size_t ctx_count(const char **ctx);

/* Collects a context while building a string (string interpolation, concatStringsSep...). */
struct ctx_buf {
    const char **items;
    size_t n, cap;
};
void ctx_buf_add(struct ctx_buf *b, const char **ctx);
/* Sorted, without duplicates, NULL if empty. */
const char **ctx_buf_finish(struct ctx_buf *b);

/* ---- a growable GC string buffer ---- */
struct strbuf {
    char *s;
    size_t len, cap;
};
void sb_init(struct strbuf *b, size_t cap);
void sb_addn(struct strbuf *b, const char *s, size_t n);
void sb_adds(struct strbuf *b, const char *s);
void sb_addc(struct strbuf *b, char c);
void sb_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The NUL-terminated GC string (the buffer stays usable). */
const char *sb_str(struct strbuf *b);

/* ---- symbols ---- */
struct symtab;
struct symtab *symtab_new(void);
nix_sym sym_intern(struct symtab *t, const char *s, size_t len);
const char *sym_name(const struct symtab *t, nix_sym s);

#endif
