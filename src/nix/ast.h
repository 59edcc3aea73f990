/* src/nix/ast.h: the parsed form of Nix expressions (private to the parser and evaluator).
 *
 * Owns: expression nodes, environments and parse-time scopes.
 * Variables are resolved while parsing: a variable bound by let, rec, a lambda or the base
 * environment becomes (level, index): hop `level` parent links up from the current environment
 * and take slot `index`. A variable bound by none of those but inside `with` is looked up at run
 * time in the `with` environments, innermost first (static bindings always win, as in Nix). */
#ifndef HEARTH_NIX_AST_H
#define HEARTH_NIX_AST_H

#include "nix/eval.h"

enum expr_type {
    E_CONST, /* int, float, string without interpolation, path */
    E_VAR,
    E_SELECT,
    E_HASATTR,
    E_ATTRS,
    E_LIST,
    E_LAMBDA,
    E_CALL,
    E_LET,
    E_WITH,
    E_IF,
    E_ASSERT,
    E_NOT,
    E_NEG,
    E_EQ,
    E_NEQ,
    E_AND,
    E_OR,
    E_IMPL,
    E_UPDATE,
    E_CONCAT_LISTS,
    E_SUB,
    E_MUL,
    E_DIV,
    E_LT,
    E_LE,
    E_GT,
    E_GE,
    E_CONCAT_STRINGS, /* `+`, "a${b}", ./a/${b} */
    E_CURPOS,
};

struct expr {
    uint8_t type;
    nix_pos pos;
};

struct expr_const {
    struct expr e;
    struct value v;
};

struct expr_var {
    struct expr e;
    nix_sym name;
    bool from_with;      /* looked up at run time through the `with` environments */
    bool with_lit;       /* found in a `with` whose set is a literal: slot `index` of that set */
    uint32_t level;      /* from_with: hops to the innermost `with` environment */
    uint32_t first_with; /* with_lit and from_with: hops to the innermost `with` environment */
    uint32_t index;
};

/* One element of an attribute path: a symbol, or an expression giving the name. */
struct attr_name {
    nix_sym sym;
    struct expr *dyn; /* NULL when static */
};

struct expr_select {
    struct expr e;
    struct expr *subject;
    size_t n;
    struct attr_name *path;
    struct expr *def; /* `or` default, or NULL */
};

enum attr_kind {
    AK_PLAIN,          /* name = e; evaluated in the set's own env when rec */
    AK_INHERITED,      /* inherit x; the variable is looked up in the enclosing scope */
    AK_INHERITED_FROM, /* inherit (e) x; e is evaluated in the set's own scope when rec */
};

struct attr_def {
    nix_sym name;
    uint8_t kind;
    nix_pos pos;
    struct expr *e;
};

struct dyn_attr_def {
    struct expr *name;
    struct expr *value;
    nix_pos pos;
};

struct expr_attrs {
    struct expr e;
    bool rec;
    size_t n, cap;
    struct attr_def *attrs; /* sorted by symbol id after parsing */
    size_t ndyn, capdyn;
    struct dyn_attr_def *dyn;
};

struct expr_list {
    struct expr e;
    size_t n;
    struct expr **items;
};

struct formal {
    nix_sym name;
    nix_pos pos;
    struct expr *def; /* default, or NULL */
};

struct expr_lambda {
    struct expr e;
    nix_sym arg; /* 0: none */
    bool has_formals, ellipsis;
    size_t nformals;
    struct formal *formals; /* sorted by symbol id; env slots 0..nformals-1, arg last */
    struct expr *body;
    nix_sym name; /* the name it was bound to (for messages), or 0 */
    uint32_t env_size;
    /* False when evaluating the body can never keep a pointer to the call's environment (no
     * closure, thunk or nested scope is created from it): the environment then lives on the C
     * stack for the duration of the call. */
    bool env_escapes;
};

struct expr_call {
    struct expr e;
    struct expr *fn;
    size_t nargs;
    struct expr **args;
};

struct expr_let {
    struct expr e;
    struct expr_attrs *binds;
    struct expr *body;
};

struct expr_with {
    struct expr e;
    struct expr *attrs; /* when a literal set without dynamic names, evaluated eagerly (pure) */
    struct expr *body;
    uint32_t prev_with; /* hops from this with's env to the enclosing with's env; 0 = none */
};

struct expr_if {
    struct expr e;
    struct expr *cond, *then, *els;
};

struct expr_assert {
    struct expr e;
    struct expr *cond, *body;
};

struct expr_unop {
    struct expr e;
    struct expr *a;
};

struct expr_binop {
    struct expr e;
    struct expr *l, *r;
};

struct expr_concat {
    struct expr e;
    bool force_string;
    size_t n;
    struct expr **parts;
    nix_pos *part_pos;
};

/* A runtime environment: slots `v` for the variables of one scope. A `with` environment has
 * one slot (the attribute set expression, as a thunk) and is_with set. */
struct env {
    struct env *up;
    uint32_t n;
    /* with environments: hops to the enclosing with env (0 = none), and WITH_EVALUATED once a
     * variable lookup went through it (Nix evaluates a with's set at that point; until then
     * a variable from it is passed around as a thunk, which lazy printing shows) */
    uint32_t prev_with;
    struct value *v[];
};

#define WITH_EVALUATED 0x80000000u
#define WITH_HOPS(e) ((e)->prev_with & ~WITH_EVALUATED)

/* Parse-time scope. */
struct scope {
    struct scope *up;
    bool is_with;
    bool sorted;            /* names ascending (binary search) */
    struct expr_attrs *lit; /* with scopes: the set when it is a literal with static names */
    uint32_t prev_with;     /* for with scopes: hops to the next outer with, 0 = none */
    size_t n;
    nix_sym *names; /* slot i holds names[i] */
};

/* The expression as Nix 2.8 shows it in messages (fully parenthesised). */
const char *expr_show(struct eval_state *st, struct expr *e);

/* Parses `text` (from `src`) in the base scope; errors unwind (ERR_PARSE). */
struct expr *parse_source(struct eval_state *st, const struct source *src);
/* Parses in the given scope (eval_register_nix). */
struct expr *parse_source_in(struct eval_state *st, const struct source *src, struct scope *sc);

#endif
