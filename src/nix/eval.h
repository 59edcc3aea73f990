/* src/nix/eval.h: the evaluator's public API: the evaluation context, forcing and calling
 * values, coercions, errors, and registering builtins.
 *
 * Owns: struct eval_state (everything the evaluator needs; there is no global mutable state),
 * the entry points (parse and evaluate a file or a string), the error object returned by them,
 * and the interface builtins are written against. See docs/design/evaluator.md.
 *
 * Errors inside the evaluator unwind with longjmp to the nearest catch point (eval_try, used by
 * tryEval and by every public entry point); a builtin simply calls eval_error() and never
 * returns. So builtins must not hold malloc'd memory or locks across calls that may fail:
 * allocate with the GC instead. */
#ifndef HEARTH_NIX_EVAL_H
#define HEARTH_NIX_EVAL_H

#include "nix/value.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A source position: index into the state's position table; 0 = unknown. */
typedef uint32_t nix_pos;

/* A parsed source (file or string), kept for error excerpts. */
struct source {
    const char *path; /* file path, or NULL for an expression given on the command line */
    const char *text;
    const char *dir; /* directory relative paths resolve against */
};

struct pos_info {
    const struct source *src;
    uint32_t line, col; /* 1-based */
};

enum error_kind {
    ERR_EVAL,   /* type errors, missing attributes, ... */
    ERR_THROWN, /* builtins.throw: caught by tryEval */
    ERR_ASSERT, /* failed assert: caught by tryEval */
    ERR_ABORT,  /* builtins.abort */
    ERR_INFREC, /* infinite recursion encountered */
    ERR_STACK,  /* stack overflow */
    ERR_PARSE,  /* syntax error, undefined variable */
    ERR_IO,     /* a file that cannot be read */
    ERR_USAGE,  /* a bad argument Nix calls a usage error: the command line adds "Try ..." */
};

struct trace_frame {
    nix_pos pos;
    const char *msg; /* "while evaluating ..."; NULL: "while evaluating the attribute 'sym'" */
    nix_sym sym;
    const void *select; /* an attribute selection expression: its path is the message */
};

/* What the public entry points return on failure; printed by error_print (error.c). */
struct nix_error {
    enum error_kind kind;
    const char *msg; /* without the "error: " prefix */
    nix_pos pos;
    const char *hint;           /* extra line such as "Did you mean a?", or NULL */
    struct trace_frame *frames; /* innermost first (only with show_trace) */
    size_t nframes;
};

/* A C function implementing a builtin: receives exactly `arity` arguments (not forced). */
typedef void (*primop_fn)(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos);

struct primop {
    const char *name; /* without "__" */
    unsigned arity;
    primop_fn fn;
};

/* A hook the store code installs: copy `path` to the store (as `"${./p}"` does) and return the
 * store path; the result's context is that store path. NULL hook: the path string is used as is
 * with no context. */
typedef const char *(*copy_to_store_fn)(struct eval_state *st, const char *path, nix_pos pos);

struct catch_frame; /* internal */
struct forcing_frame;
struct file_cache;
struct scope;

/* Experimental features hearth knows (Nix's names: flakes, fetch-tree, ca-derivations);
 * flakes implies fetch-tree, as in current Nix. */
enum xp_feature { XP_FLAKES = 1u << 0, XP_FETCH_TREE = 1u << 1, XP_CA_DERIVATIONS = 1u << 2 };

struct eval_state {
    struct symtab *symbols;
    /* Options. */
    bool show_trace;
    const char *store_dir;    /* builtins.storeDir */
    const char *cur_system;   /* builtins.currentSystem */
    const char **search_path; /* "-I" and NIX_PATH entries: "prefix=path" or "path" */
    size_t nsearch_path;
    /* Experimental features turned on (XP_* bits): builtins they gate refuse to run without. */
    unsigned xp_features;
    /* Hooks for other modules. */
    copy_to_store_fn copy_to_store;
    void *store_ctx; /* owned by the store module */
    /* Compiled regular expressions of builtins.match/split (nixregex.h), NULL until used. */
    struct nix_regex_cache *regex_cache;
    /* Positions: table of (source, line, column). */
    struct pos_info *positions;
    size_t npositions, cap_positions;
    /* The builtins set and the base environment every file is evaluated in. */
    struct value *builtins;
    struct env *base_env;
    struct scope *base_scope;
    size_t base_n, base_cap;
    /* import cache: absolute file path -> value. */
    struct file_cache *files;
    /* Control: error unwinding, thunks under evaluation, trace frames, stack limit. */
    struct catch_frame *catcher;
    struct forcing_frame *forcing;
    size_t nforcing, cap_forcing;
    struct trace_frame *trace;
    size_t ntrace, cap_trace;
    uintptr_t stack_limit;
    struct nix_error *pending; /* the error being unwound */
    /* Free lists of small GC objects (GC_malloc_many), for the hot allocations. */
    void *free32, *free48;
    /* Frequently used symbols. */
    nix_sym s_outPath, s_type, s_drvPath, s_toString, s_functor, s_name, s_value, s_file, s_line,
        s_column, s_body, s_derivation, s_overrides;
    /* `__hearthMissingAttr`: a set holding it answers `set.NAME` (and `with set; NAME`) for
     * names it lacks with its value applied to NAME (hearth's pkgs, docs/design/pkgs.md). */
    nix_sym s_missingAttr;
};

/* ---- lifecycle and entry points ---- */
/* A new state with every builtin registered. store_dir NULL: $NIX_STORE_DIR or the default
 * ($XDG_STATE_HOME/hearth/store). */
struct eval_state *eval_state_new(const char *store_dir);
/* Adds a search path entry ("prefix=path" or "path"), as -I does. Call before evaluating. */
void eval_add_search_path(struct eval_state *st, const char *entry);

/* Runs fn(st, ud) with a catch point: returns NULL, or the error that escaped. Thunks left
 * under evaluation by the error are reset so that forcing them again repeats the error. */
struct nix_error *eval_try(struct eval_state *st, void (*fn)(struct eval_state *, void *),
                           void *ud);

/* Parse and evaluate (to weak head normal form) a file or a string. `base_dir` is the directory
 * relative paths in the string resolve against. Return NULL on success, with *out set. */
struct nix_error *eval_file(struct eval_state *st, const char *path, struct value *out);
struct nix_error *eval_string(struct eval_state *st, const char *text, const char *base_dir,
                              struct value *out);
/* Records where the current thread's stack must stop growing (eval_state_new does it for the
 * creating thread; call it again when evaluating on another thread). */
void eval_set_stack_limit(struct eval_state *st);
/* Raises ERR_STACK when the stack is nearly used up. Every recursive walker over values or
 * syntax calls it, since any of them can meet a structure nested millions deep. */
void eval_check_stack(struct eval_state *st);
/* Runs `fn` on a thread with a big stack (so deep recursion ends in ERR_STACK, not SIGSEGV). */
int eval_run_big_stack(int (*fn)(void *), void *ud);

/* A new (zeroed) value, allocated faster than value_alloc() through the state's free list. */
struct value *eval_value_new(struct eval_state *st);

/* ---- inside the evaluator (may unwind; call only under eval_try or from a builtin) ---- */
void eval_force(struct eval_state *st, struct value *v, nix_pos pos);
/* Forces recursively (lists and attribute sets; not functions). */
void eval_force_deep(struct eval_state *st, struct value *v, nix_pos pos);
/* Force and check the type, or throw "value is X while Y was expected". */
int64_t eval_force_int(struct eval_state *st, struct value *v, nix_pos pos);
double eval_force_float(struct eval_state *st, struct value *v, nix_pos pos); /* int or float */
bool eval_force_bool(struct eval_state *st, struct value *v, nix_pos pos);
struct attrs *eval_force_attrs(struct eval_state *st, struct value *v, nix_pos pos);
void eval_force_list(struct eval_state *st, struct value *v, nix_pos pos);
void eval_force_function(struct eval_state *st, struct value *v, nix_pos pos);
/* A string value's text (no coercion); its context into *ctx when ctx is not NULL. */
const char *eval_force_string(struct eval_state *st, struct value *v, nix_pos pos,
                              const char ***ctx);
/* A string without context, or throw "the string '...' is not allowed to refer to a store
 * path". */
const char *eval_force_string_noctx(struct eval_state *st, struct value *v, nix_pos pos);

/* Coerce to a string as string interpolation does (coerce_more=false) or as toString does
 * (coerce_more=true: also bools, null, numbers, lists). Paths are copied to the store through
 * the copy_to_store hook when copy_to_store is set. The context goes into *ctx (may be NULL). */
const char *eval_coerce_to_string(struct eval_state *st, struct value *v, nix_pos pos,
                                  struct ctx_buf *ctx, bool coerce_more, bool copy_to_store);
/* Coerce to an absolute path (a path, or a string starting with '/'). */
const char *eval_coerce_to_path(struct eval_state *st, struct value *v, nix_pos pos);

/* Apply `fn` to `nargs` arguments; the result in *out. */
void eval_call(struct eval_state *st, struct value *fn, size_t nargs, struct value **args,
               struct value *out, nix_pos pos);
/* Deep equality as `==`. */
bool eval_equal(struct eval_state *st, struct value *a, struct value *b, nix_pos pos);
/* -1, 0, 1 as `<` orders; throws for values that do not compare. */
int eval_compare(struct eval_state *st, struct value *a, struct value *b, nix_pos pos);
/* `import path`: parse and evaluate a file (or DIR/default.nix), cached per file. */
void eval_import(struct eval_state *st, const char *path, struct value *out, nix_pos pos);
/* A derivation is an attribute set whose `type` is "derivation". */
bool eval_is_derivation(struct eval_state *st, struct value *v);
/* Where a value was written (a set's `{`, a lambda), else `fallback` (Nix's determinePos). */
nix_pos value_pos(const struct value *v, nix_pos fallback);
/* "an integer", "a set", ... for messages; and builtins.typeOf's name ("int", "set"). */
const char *value_type_desc(const struct value *v);
const char *value_type_name(const struct value *v);

/* ---- errors ---- */
/* Throw an error at `pos` (0 for none). Never returns. */
__attribute__((noreturn, format(printf, 4, 5))) void
eval_error(struct eval_state *st, enum error_kind kind, nix_pos pos, const char *fmt, ...);
/* Throw a prepared error (rethrow). */
__attribute__((noreturn)) void eval_rethrow(struct eval_state *st, struct nix_error *e);
/* "value is X while Y was expected". */
__attribute__((noreturn)) void eval_type_error(struct eval_state *st, struct value *v,
                                               const char *expected, nix_pos pos);
/* "Did you mean a or b?" for a missing name, or NULL. */
const char *eval_suggest(struct eval_state *st, struct attrs *a, nix_sym missing);
/* Push/pop a "while evaluating ..." frame, recorded into errors when show_trace is on. */
void eval_trace_push(struct eval_state *st, nix_pos pos, const char *msg);
void eval_trace_pop(struct eval_state *st);

/* ---- positions ---- */
nix_pos eval_pos_new(struct eval_state *st, const struct source *src, uint32_t line, uint32_t col);
const struct pos_info *eval_pos_get(const struct eval_state *st, nix_pos pos);

/* ---- registering builtins (call from builtins_X_register) ---- */
/* `name` "foo" is global and builtins.foo; "__foo" is builtins.foo and the global __foo
 * (as in Nix: only some builtins are global without the prefix). */
void eval_register_primop(struct eval_state *st, const char *name, unsigned arity, primop_fn fn);
/* A constant such as builtins.storeDir (same naming rule). */
void eval_register_value(struct eval_state *st, const char *name, struct value *v);
/* A builtin written in Nix (e.g. `derivation` on top of derivationStrict): parsed with the
 * builtins registered so far in scope, evaluated lazily. Same naming rule. */
void eval_register_nix(struct eval_state *st, const char *name, const char *source);
/* Called once by eval_state_new: each builtins_X.c file exposes one of these. */
void builtins_register_all(struct eval_state *st);
void builtins_core_register(struct eval_state *st);

/* ---- paths ---- */
/* Canonical absolute path: resolves "." and "..", removes duplicate slashes (no symlinks). */
char *path_canon(const char *path);
/* A symbol from a C string. */
nix_sym eval_sym(struct eval_state *st, const char *name);

/* ---- printing (print.c) ---- */
struct strbuf;
/* nix-instantiate --eval output; `strict` prints nested values forced (else <CODE>). */
void value_print(struct eval_state *st, struct value *v, bool strict, struct strbuf *out);
/* --json (the value is forced deeply, sets with outPath print it). */
void value_print_json(struct eval_state *st, struct value *v, struct strbuf *out, nix_pos pos);
/* --json without --strict: nested unevaluated values are an error, as in nix-instantiate. */
void value_print_json_lazy(struct eval_state *st, struct value *v, bool strict, struct strbuf *out,
                           nix_pos pos);
/* Attributes of `a` in name order (printing, attrNames, attrValues). */
struct attr **attrs_sorted_by_name(struct eval_state *st, struct attrs *a);
/* --xml */
void value_print_xml(struct eval_state *st, struct value *v, bool strict, struct strbuf *out);
/* Nix string literal syntax with escapes. */
void print_string_literal(struct strbuf *out, const char *s);

/* Formats an error as Nix prints it ("error: ...", position, code excerpt, trace). */
void error_format(struct eval_state *st, const struct nix_error *e, struct strbuf *out);

#endif
