/* src/nix/eval.c: the evaluator: forcing thunks, evaluating expressions, calling functions,
 * equality, comparison, coercions, import and the evaluation state.
 *
 * Values are updated in place when forced. A thunk being forced is marked VT_BLACKHOLE; forcing
 * it again is "infinite recursion encountered". Every forced thunk is recorded on a small stack
 * (st->forcing) so that when an error unwinds past it (longjmp to eval_try) it is restored to its
 * unevaluated state, and forcing it again repeats the error, as in Nix.
 *
 * Deep recursion: eval_run_big_stack runs the evaluator on a thread with a large stack and
 * st->stack_limit is checked on every call, so exhaustion is a Nix error, not a crash. */
#define GC_THREADS
#include "nix/ast.h"

#include <gc.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct catch_frame {
    jmp_buf jb;
    struct catch_frame *prev;
    size_t nforcing, ntrace;
};

struct forcing_frame {
    struct value *v;
    struct value saved;
};

struct file_cache {
    const char **keys;
    struct value **vals;
    size_t n, cap; /* open addressing, cap a power of two */
};

static void eval_expr(struct eval_state *st, struct expr *e, struct env *env, struct value *out);
static inline struct value *eval_ptr(struct eval_state *st, struct expr *e, struct env *env,
                                     struct value *tmp);

/* ------------------------------------------------------------------ positions and errors */

nix_pos eval_pos_new(struct eval_state *st, const struct source *src, uint32_t line, uint32_t col) {
    if (st->npositions == st->cap_positions) {
        size_t nc = st->cap_positions ? st->cap_positions * 2 : 1024;
        struct pos_info *np = GC_MALLOC(nc * sizeof *np);
        if (st->npositions) memcpy(np, st->positions, st->npositions * sizeof *np);
        st->positions = np;
        st->cap_positions = nc;
    }
    st->positions[st->npositions] = (struct pos_info){src, line, col};
    return (nix_pos)st->npositions++;
}

const struct pos_info *eval_pos_get(const struct eval_state *st, nix_pos pos) {
    if (pos == 0 || pos >= st->npositions) return NULL;
    return &st->positions[pos];
}

static const char *select_path_text(struct eval_state *st, const void *sel) {
    const struct expr_select *s = sel;
    struct strbuf sb;
    sb_init(&sb, 32);
    for (size_t i = 0; i < s->n; i++) {
        if (i) sb_addc(&sb, '.');
        if (s->path[i].dyn)
            sb_adds(&sb, "\"${...}\"");
        else
            sb_adds(&sb, sym_name(st->symbols, s->path[i].sym));
    }
    return sb_str(&sb);
}

static struct nix_error *make_error(struct eval_state *st, enum error_kind kind, nix_pos pos,
                                    const char *msg) {
    struct nix_error *e = GC_MALLOC(sizeof *e);
    e->kind = kind;
    e->msg = msg;
    e->pos = pos;
    if (st->ntrace) {
        e->nframes = st->ntrace;
        e->frames = GC_MALLOC(st->ntrace * sizeof *e->frames);
        for (size_t i = 0; i < st->ntrace; i++) {
            struct trace_frame f = st->trace[st->ntrace - 1 - i];
            if (!f.msg && f.select)
                f.msg = gc_printf("while evaluating the attribute '%s'",
                                  select_path_text(st, f.select));
            else if (!f.msg)
                f.msg =
                    gc_printf("while evaluating the attribute '%s'", sym_name(st->symbols, f.sym));
            e->frames[i] = f;
            (void)0;
        }
    }
    return e;
}

void eval_rethrow(struct eval_state *st, struct nix_error *e) {
    st->pending = e;
    if (!st->catcher) {
        fprintf(stderr, "error: %s (no catch point)\n", e->msg);
        abort();
    }
    longjmp(st->catcher->jb, 1);
}

void eval_error(struct eval_state *st, enum error_kind kind, nix_pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = GC_MALLOC_ATOMIC((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    eval_rethrow(st, make_error(st, kind, pos, msg));
}

static void error_hint(struct eval_state *st, enum error_kind kind, nix_pos pos, const char *hint,
                       const char *msg) __attribute__((noreturn));
static void error_hint(struct eval_state *st, enum error_kind kind, nix_pos pos, const char *hint,
                       const char *msg) {
    struct nix_error *e = make_error(st, kind, pos, msg);
    e->hint = hint;
    eval_rethrow(st, e);
}

void eval_trace_push(struct eval_state *st, nix_pos pos, const char *msg) {
    if (st->ntrace == st->cap_trace) {
        size_t nc = st->cap_trace ? st->cap_trace * 2 : 64;
        struct trace_frame *nt = GC_MALLOC(nc * sizeof *nt);
        if (st->ntrace) memcpy(nt, st->trace, st->ntrace * sizeof *nt);
        st->trace = nt;
        st->cap_trace = nc;
    }
    st->trace[st->ntrace++] = (struct trace_frame){pos, msg, 0, NULL};
}

void eval_trace_pop(struct eval_state *st) {
    if (st->ntrace) st->ntrace--;
}

struct nix_error *eval_try(struct eval_state *st, void (*fn)(struct eval_state *, void *),
                           void *ud) {
    struct catch_frame cf;
    cf.prev = st->catcher;
    cf.nforcing = st->nforcing;
    cf.ntrace = st->ntrace;
    st->catcher = &cf;
    if (setjmp(cf.jb) == 0) {
        fn(st, ud);
        st->catcher = cf.prev;
        return NULL;
    }
    /* Unwound: restore thunks that were under evaluation, newest first. */
    while (st->nforcing > cf.nforcing) {
        struct forcing_frame *f = &st->forcing[--st->nforcing];
        *f->v = f->saved;
    }
    st->ntrace = cf.ntrace;
    st->catcher = cf.prev;
    struct nix_error *e = st->pending;
    st->pending = NULL;
    return e;
}

nix_pos value_pos(const struct value *v, nix_pos fallback) {
    if (v->type == VT_ATTRS && v->attrs->pos) return v->attrs->pos;
    if (v->type == VT_LAMBDA) return v->lambda.fun->e.pos;
    return fallback;
}

const char *value_type_desc(const struct value *v) {
    switch (v->type) {
    case VT_INT: return "an integer";
    case VT_FLOAT: return "a float";
    case VT_BOOL: return "a Boolean";
    case VT_NULL: return "null";
    case VT_STRING: return v->str.ctx ? "a string with context" : "a string";
    case VT_PATH: return "a path";
    case VT_LIST: return "a list";
    case VT_ATTRS: return "a set";
    case VT_LAMBDA: return "a function";
    case VT_PRIMOP: return gc_printf("the built-in function '%s'", v->primop->name);
    case VT_PRIMOP_APP: {
        const struct value *p = v;
        while (p->type == VT_PRIMOP_APP)
            p = p->app.left;
        return gc_printf("the partially applied built-in function '%s'", p->primop->name);
    }
    default: return "a thunk";
    }
}

const char *value_type_name(const struct value *v) {
    switch (v->type) {
    case VT_INT: return "int";
    case VT_FLOAT: return "float";
    case VT_BOOL: return "bool";
    case VT_NULL: return "null";
    case VT_STRING: return "string";
    case VT_PATH: return "path";
    case VT_LIST: return "list";
    case VT_ATTRS: return "set";
    case VT_LAMBDA:
    case VT_PRIMOP:
    case VT_PRIMOP_APP: return "lambda";
    default: return "thunk";
    }
}

void eval_type_error(struct eval_state *st, struct value *v, const char *expected, nix_pos pos) {
    eval_error(st, ERR_EVAL, pos, "value is %s while %s was expected", value_type_desc(v),
               expected);
}

nix_sym eval_sym(struct eval_state *st, const char *name) {
    return sym_intern(st->symbols, name, strlen(name));
}

/* ------------------------------------------------------------------ environments */

/* Small objects come from per-state free lists filled by GC_malloc_many (cleared memory
 * except the link word): cheaper than one GC_MALLOC each. */
static inline void *alloc32(struct eval_state *st) {
    void *p = st->free32;
    if (__builtin_expect(!p, 0)) {
        p = GC_malloc_many(32);
        if (!p) return GC_MALLOC(32);
    }
    st->free32 = GC_NEXT(p);
    GC_NEXT(p) = NULL;
    return p;
}

static inline void *alloc48(struct eval_state *st) {
    void *p = st->free48;
    if (__builtin_expect(!p, 0)) {
        p = GC_malloc_many(48);
        if (!p) return GC_MALLOC(48);
    }
    st->free48 = GC_NEXT(p);
    GC_NEXT(p) = NULL;
    return p;
}

struct value *eval_value_new(struct eval_state *st) {
    return alloc32(st);
}

static inline struct env *env_alloc_st(struct eval_state *st, uint32_t n) {
    size_t size = sizeof(struct env) + n * sizeof(struct value *);
    struct env *e = size <= 32 ? alloc32(st) : size <= 48 ? alloc48(st) : GC_MALLOC(size);
    e->n = n;
    return e;
}

static inline struct env *env_alloc(uint32_t n) {
    struct env *e = GC_MALLOC(sizeof(struct env) + n * sizeof(struct value *));
    e->n = n;
    return e;
}

static inline void check_stack(struct eval_state *st, nix_pos pos) {
    (void)pos;
    if ((uintptr_t)__builtin_frame_address(0) < st->stack_limit)
        eval_error(st, ERR_STACK, 0, "stack overflow (possible infinite recursion)");
}

__attribute__((noinline)) void eval_check_stack(struct eval_state *st) {
    check_stack(st, 0);
}

/* A variable from `with` as Nix's lookup without evaluation finds it: only through `with`
 * environments already evaluated (WITH_EVALUATED); NULL otherwise. */
static inline struct value *with_ready(const struct expr_var *v, struct env *env) {
    struct env *e = env;
    for (uint32_t l = v->first_with; l; l--)
        e = e->up;
    for (;;) {
        if (!(e->prev_with & WITH_EVALUATED)) return NULL;
        struct attr *x = attrs_get(e->v[0]->attrs, v->name);
        if (x) return x->value;
        uint32_t h = WITH_HOPS(e);
        if (!h) return NULL;
        for (; h; h--)
            e = e->up;
    }
}

/* The integer value of a constant or of a bound variable already evaluated to an integer. */
static inline bool ready_int(struct expr *e, struct env *env, int64_t *out) {
    struct value *v;
    if (e->type == E_CONST) {
        v = &((struct expr_const *)e)->v;
    } else if (e->type == E_VAR && !((struct expr_var *)e)->from_with &&
               !((struct expr_var *)e)->with_lit) {
        struct expr_var *var = (struct expr_var *)e;
        struct env *x = env;
        for (uint32_t l = var->level; l; l--)
            x = x->up;
        v = x->v[var->index];
        if (!v) return false;
    } else {
        return false;
    }
    if (v->type != VT_INT) return false;
    *out = v->i;
    return true;
}

/* Integer arithmetic and comparisons on operands that are already integers cannot fail, loop
 * or have effects, so computing them now instead of making a thunk is invisible to the program
 * (and saves forcing the thunk later). Returns false when that does not apply. */
static bool try_eager_int(struct expr *e, struct env *env, struct value *out) {
    struct expr *l, *r;
    if (e->type == E_CONCAT_STRINGS) {
        struct expr_concat *c = (struct expr_concat *)e;
        if (c->force_string || c->n != 2) return false;
        l = c->parts[0];
        r = c->parts[1];
    } else if (e->type >= E_SUB && e->type <= E_GE && e->type != E_DIV) {
        l = ((struct expr_binop *)e)->l;
        r = ((struct expr_binop *)e)->r;
    } else if (e->type == E_EQ || e->type == E_NEQ) {
        l = ((struct expr_binop *)e)->l;
        r = ((struct expr_binop *)e)->r;
    } else {
        return false;
    }
    int64_t a, b, res;
    if (!ready_int(l, env, &a) || !ready_int(r, env, &b)) return false;
    out->flags = VF_EAGER;
    switch (e->type) {
    case E_CONCAT_STRINGS:
        if (__builtin_add_overflow(a, b, &res)) return false;
        mk_int(out, res);
        return true;
    case E_SUB:
        if (__builtin_sub_overflow(a, b, &res)) return false;
        mk_int(out, res);
        return true;
    case E_MUL:
        if (__builtin_mul_overflow(a, b, &res)) return false;
        mk_int(out, res);
        return true;
    case E_LT: mk_bool(out, a < b); return true;
    case E_LE: mk_bool(out, a <= b); return true;
    case E_GT: mk_bool(out, a > b); return true;
    case E_GE: mk_bool(out, a >= b); return true;
    case E_EQ: mk_bool(out, a == b); return true;
    case E_NEQ: mk_bool(out, a != b); return true;
    default: return false;
    }
}

/* A value for `e` without evaluating it: constants and variables need no thunk. */
static inline struct value *maybe_thunk(struct eval_state *st, struct expr *e, struct env *env) {
    if (e->type == E_CONST) return &((struct expr_const *)e)->v;
    if (e->type == E_VAR) {
        struct expr_var *v = (struct expr_var *)e;
        if (v->from_with || v->with_lit) {
            struct value *p = with_ready(v, env);
            if (p) return p;
        } else {
            struct env *x = env;
            for (uint32_t l = v->level; l; l--)
                x = x->up;
            /* NULL: a slot of a let/rec env not filled yet (`let x = x;`) */
            if (x->v[v->index]) return x->v[v->index];
        }
    }
    struct value *t = alloc32(st);
    if (try_eager_int(e, env, t)) return t;
    t->type = VT_THUNK;
    t->thunk.env = env;
    t->thunk.expr = e;
    return t;
}

/* ------------------------------------------------------------------ forcing */

static void force_slow(struct eval_state *st, struct value *v, nix_pos pos) {
    if (v->type == VT_BLACKHOLE) eval_error(st, ERR_INFREC, pos, "infinite recursion encountered");
    check_stack(st, pos);
    if (st->nforcing == st->cap_forcing) {
        size_t nc = st->cap_forcing ? st->cap_forcing * 2 : 256;
        struct forcing_frame *nf = GC_MALLOC(nc * sizeof *nf);
        if (st->nforcing) memcpy(nf, st->forcing, st->nforcing * sizeof *nf);
        st->forcing = nf;
        st->cap_forcing = nc;
    }
    struct forcing_frame *f = &st->forcing[st->nforcing++];
    f->v = v;
    f->saved = *v;
    if (v->type == VT_THUNK) {
        struct env *env = v->thunk.env;
        struct expr *e = v->thunk.expr;
        v->type = VT_BLACKHOLE;
        eval_expr(st, e, env, v);
    } else if (v->type == VT_APP_INT) {
        /* The argument gets its own value only now: the function may keep it. */
        struct value *fn = v->app_int.fn, *arg = alloc32(st);
        mk_int(arg, v->app_int.arg);
        v->type = VT_BLACKHOLE;
        eval_call(st, fn, 1, &arg, v, 0);
    } else {
        struct value *fn = v->app.left, *arg = v->app.right;
        v->type = VT_BLACKHOLE;
        eval_call(st, fn, 1, &arg, v, 0); /* Nix has no position for delayed calls */
    }
    st->nforcing--;
}

static inline void force(struct eval_state *st, struct value *v, nix_pos pos) {
    if (v->type <= VT_APP) force_slow(st, v, pos);
    v->flags = 0; /* forced: an eagerly computed value now counts as evaluated */
}

void eval_force(struct eval_state *st, struct value *v, nix_pos pos) {
    force(st, v, pos);
}

struct seen_set {
    const void **slots;
    size_t n, cap;
};

static size_t ptr_hash(const void *p, size_t cap) {
    return (size_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ULL >> 20) & (cap - 1);
}

static bool seen_insert(struct seen_set *s, const void *p) {
    if ((s->n + 1) * 2 > s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 64;
        const void **ns = GC_MALLOC(nc * sizeof *ns);
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->slots[i]) continue;
            size_t h = ptr_hash(s->slots[i], nc);
            while (ns[h])
                h = (h + 1) & (nc - 1);
            ns[h] = s->slots[i];
        }
        s->slots = ns;
        s->cap = nc;
    }
    size_t h = ptr_hash(p, s->cap);
    while (s->slots[h]) {
        if (s->slots[h] == p) return false;
        h = (h + 1) & (s->cap - 1);
    }
    s->slots[h] = p;
    s->n++;
    return true;
}

static void force_deep_rec(struct eval_state *st, struct value *v, nix_pos pos,
                           struct seen_set *seen) {
    if (!seen_insert(seen, v)) return;
    force(st, v, pos);
    check_stack(st, pos);
    if (v->type == VT_LIST) {
        for (size_t i = 0; i < v->list.n; i++)
            force_deep_rec(st, v->list.items[i], pos, seen);
    } else if (v->type == VT_ATTRS) {
        struct attrs *a = v->attrs;
        for (uint32_t i = 0; i < a->n; i++) {
            struct value *x = a->a[i].value;
            /* Already-forced leaves need no recursion. */
            if (x->type != VT_LIST && x->type != VT_ATTRS && !value_is_thunk(x)) continue;
            eval_trace_push(st, a->a[i].pos, NULL);
            st->trace[st->ntrace - 1].sym = a->a[i].name;
            force_deep_rec(st, x, a->a[i].pos ? a->a[i].pos : pos, seen);
            eval_trace_pop(st);
        }
    }
}

void eval_force_deep(struct eval_state *st, struct value *v, nix_pos pos) {
    struct seen_set seen = {0};
    force_deep_rec(st, v, pos, &seen);
}

int64_t eval_force_int(struct eval_state *st, struct value *v, nix_pos pos) {
    force(st, v, pos);
    if (v->type != VT_INT) eval_type_error(st, v, "an integer", pos);
    return v->i;
}

double eval_force_float(struct eval_state *st, struct value *v, nix_pos pos) {
    force(st, v, pos);
    if (v->type == VT_INT) return (double)v->i;
    if (v->type != VT_FLOAT) eval_type_error(st, v, "a float", pos);
    return v->f;
}

bool eval_force_bool(struct eval_state *st, struct value *v, nix_pos pos) {
    force(st, v, pos);
    if (v->type != VT_BOOL) eval_type_error(st, v, "a Boolean", pos);
    return v->b;
}

struct attrs *eval_force_attrs(struct eval_state *st, struct value *v, nix_pos pos) {
    force(st, v, pos);
    if (v->type != VT_ATTRS) eval_type_error(st, v, "a set", pos);
    return v->attrs;
}

void eval_force_list(struct eval_state *st, struct value *v, nix_pos pos) {
    force(st, v, pos);
    if (v->type != VT_LIST) eval_type_error(st, v, "a list", pos);
}

void eval_force_function(struct eval_state *st, struct value *v, nix_pos pos) {
    force(st, v, pos);
    if (v->type == VT_LAMBDA || v->type == VT_PRIMOP || v->type == VT_PRIMOP_APP) return;
    if (v->type == VT_ATTRS && attrs_get(v->attrs, st->s_functor)) return;
    eval_type_error(st, v, "a function", pos);
}

const char *eval_force_string(struct eval_state *st, struct value *v, nix_pos pos,
                              const char ***ctx) {
    force(st, v, pos);
    if (v->type != VT_STRING) eval_type_error(st, v, "a string", pos);
    if (ctx) *ctx = v->str.ctx;
    return v->str.s;
}

const char *eval_force_string_noctx(struct eval_state *st, struct value *v, nix_pos pos) {
    force(st, v, pos);
    if (v->type != VT_STRING) eval_type_error(st, v, "a string", pos);
    if (v->str.ctx && v->str.ctx[0])
        eval_error(st, ERR_EVAL, pos,
                   "the string '%s' is not allowed to refer to a store path (such as '%s')",
                   v->str.s, v->str.ctx[0]);
    return v->str.s;
}

bool eval_is_derivation(struct eval_state *st, struct value *v) {
    if (v->type != VT_ATTRS) return false;
    struct attr *t = attrs_get(v->attrs, st->s_type);
    if (!t) return false;
    force(st, t->value, t->pos);
    return t->value->type == VT_STRING && strcmp(t->value->str.s, "derivation") == 0;
}

/* ------------------------------------------------------------------ coercions */

__attribute__((noinline)) static void coerce_rec(struct eval_state *st, struct value *v,
                                                 nix_pos pos, struct ctx_buf *ctx, bool more,
                                                 bool copy, struct strbuf *out) {
    check_stack(st, pos);
    force(st, v, pos);
    switch (v->type) {
    case VT_STRING:
        sb_adds(out, v->str.s);
        if (ctx) ctx_buf_add(ctx, v->str.ctx);
        return;
    case VT_PATH:
        if (copy && st->copy_to_store) {
            const char *p = st->copy_to_store(st, v->path, pos);
            sb_adds(out, p);
            if (ctx) {
                const char *one[2] = {p, NULL};
                ctx_buf_add(ctx, ctx_single(one[0]));
            }
        } else {
            sb_adds(out, v->path);
        }
        return;
    case VT_ATTRS: {
        struct attr *ts = attrs_get(v->attrs, st->s_toString);
        if (ts) {
            struct value r;
            struct value *self = v;
            eval_call(st, ts->value, 1, &self, &r, pos);
            struct value *rp = value_alloc();
            *rp = r;
            coerce_rec(st, rp, pos, ctx, more, copy, out);
            return;
        }
        struct attr *op = attrs_get(v->attrs, st->s_outPath);
        if (op) {
            coerce_rec(st, op->value, pos, ctx, more, copy, out);
            return;
        }
        break;
    }
    default: break;
    }
    if (more) {
        char buf[64];
        switch (v->type) {
        case VT_BOOL:
            if (v->b) sb_addc(out, '1');
            return;
        case VT_NULL: return;
        case VT_INT:
            snprintf(buf, sizeof buf, "%lld", (long long)v->i);
            sb_adds(out, buf);
            return;
        case VT_FLOAT:
            /* std::to_string's "%f": 1.0e308 has 309 digits before the point, so no fixed buffer */
            sb_printf(out, "%f", v->f);
            return;
        case VT_LIST:
            for (size_t i = 0; i < v->list.n; i++) {
                struct value *x = v->list.items[i];
                coerce_rec(st, x, pos, ctx, more, copy, out);
                if (i + 1 < v->list.n && !(x->type == VT_LIST && x->list.n == 0)) sb_addc(out, ' ');
            }
            return;
        default: break;
        }
    }
    eval_error(st, ERR_EVAL, pos, "cannot coerce %s to a string", value_type_desc(v));
}

const char *eval_coerce_to_string(struct eval_state *st, struct value *v, nix_pos pos,
                                  struct ctx_buf *ctx, bool coerce_more, bool copy_to_store) {
    force(st, v, pos);
    if (v->type == VT_STRING) {
        if (ctx) ctx_buf_add(ctx, v->str.ctx);
        return v->str.s;
    }
    struct strbuf sb;
    sb_init(&sb, 32);
    coerce_rec(st, v, pos, ctx, coerce_more, copy_to_store, &sb);
    return sb_str(&sb);
}

const char *eval_coerce_to_path(struct eval_state *st, struct value *v, nix_pos pos) {
    force(st, v, pos);
    if (v->type == VT_PATH) return v->path;
    const char *s = eval_coerce_to_string(st, v, pos, NULL, false, false);
    if (s[0] != '/')
        eval_error(st, ERR_EVAL, pos, "string '%s' doesn't represent an absolute path", s);
    return s;
}

char *path_canon(const char *path) {
    size_t n = strlen(path);
    char *out = GC_MALLOC_ATOMIC(n + 2);
    size_t o = 0;
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        if (!*p) break;
        const char *s = p;
        while (*p && *p != '/')
            p++;
        size_t l = (size_t)(p - s);
        if (l == 1 && s[0] == '.') continue;
        if (l == 2 && s[0] == '.' && s[1] == '.') {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0) o--;
            continue;
        }
        out[o++] = '/';
        memcpy(out + o, s, l);
        o += l;
    }
    if (o == 0) out[o++] = '/';
    out[o] = 0;
    return out;
}

/* ------------------------------------------------------------------ attribute selection */

static nix_sym attr_name_sym(struct eval_state *st, struct attr_name *an, struct env *env) {
    if (!an->dyn) return an->sym;
    struct value tmp;
    eval_expr(st, an->dyn, env, &tmp);
    struct value *p = value_alloc();
    *p = tmp;
    const char *s = eval_force_string_noctx(st, p, 0);
    return sym_intern(st->symbols, s, strlen(s));
}

const char *eval_suggest(struct eval_state *st, struct attrs *a, nix_sym missing) {
    /* "Did you mean ...?" with names at Levenshtein distance <= 2, as Nix does. */
    const char *m = sym_name(st->symbols, missing);
    size_t ml = strlen(m);
    struct strbuf sb;
    sb_init(&sb, 32);
    const char *found[8];
    size_t nf = 0;
    for (uint32_t i = 0; i < a->n && nf < 8; i++) {
        const char *c = sym_name(st->symbols, a->a[i].name);
        size_t cl = strlen(c);
        if (cl > ml + 2 || ml > cl + 2) continue;
        /* Levenshtein distance */
        size_t prev[256], curr[256];
        if (cl >= 255 || ml >= 255) continue;
        for (size_t j = 0; j <= cl; j++)
            prev[j] = j;
        for (size_t i2 = 1; i2 <= ml; i2++) {
            curr[0] = i2;
            for (size_t j = 1; j <= cl; j++) {
                size_t cost = m[i2 - 1] == c[j - 1] ? 0 : 1;
                size_t x = prev[j] + 1, y = curr[j - 1] + 1, z = prev[j - 1] + cost;
                curr[j] = x < y ? (x < z ? x : z) : (y < z ? y : z);
            }
            memcpy(prev, curr, (cl + 1) * sizeof prev[0]);
        }
        if (prev[cl] <= 2) found[nf++] = c;
    }
    if (nf == 0) return NULL;
    /* sort names */
    for (size_t i = 1; i < nf; i++)
        for (size_t j = i; j > 0 && strcmp(found[j - 1], found[j]) > 0; j--) {
            const char *t = found[j];
            found[j] = found[j - 1];
            found[j - 1] = t;
        }
    sb_adds(&sb, nf == 1 ? "Did you mean " : "Did you mean one of ");
    for (size_t i = 0; i < nf; i++) {
        if (i) sb_adds(&sb, i + 1 == nf ? " or " : ", ");
        sb_adds(&sb, found[i]);
    }
    sb_addc(&sb, '?');
    return sb_str(&sb);
}

/* set.NAME for a name the set lacks: when the set has `__hearthMissingAttr` (a function),
 * a thunk of that function applied to NAME; else NULL. Only plain selection and `with` ask:
 * `?`, `or`, hasAttr and attrNames see the set as it is, so code can still test for a name. */
static struct value *missing_attr(struct eval_state *st, struct attrs *set, nix_sym name,
                                  nix_pos pos) {
    struct attr *f = attrs_get(set, st->s_missingAttr);
    if (!f) return NULL;
    struct value *arg = value_alloc();
    mk_string(arg, sym_name(st->symbols, name), NULL);
    struct value *out = value_alloc();
    eval_call(st, f->value, 1, &arg, out, pos);
    return out;
}

__attribute__((noinline)) static void eval_select(struct eval_state *st, struct expr_select *s,
                                                  struct env *env, struct value *out) {
    struct value tmp;
    struct value *v;
    struct expr *subj = s->subject;
    v = eval_ptr(st, subj, env, &tmp);
    nix_pos pos = s->e.pos;
    nix_pos apos = 0;
    /* Once an attribute is found, Nix adds "while evaluating the attribute 'PATH'" (at that
     * attribute's definition) to any error raised by the rest of the selection. */
    size_t base = st->ntrace;
    for (size_t i = 0; i < s->n; i++) {
        nix_sym name = attr_name_sym(st, &s->path[i], env);
        if (s->def) {
            if (v->type != VT_ATTRS) {
                st->ntrace = base;
                eval_expr(st, s->def, env, out);
                return;
            }
            struct attr *a = attrs_get(v->attrs, name);
            if (!a) {
                st->ntrace = base;
                eval_expr(st, s->def, env, out);
                return;
            }
            v = a->value;
            apos = a->pos;
        } else {
            if (v->type != VT_ATTRS) eval_type_error(st, v, "a set", pos);
            struct attr *a = attrs_get(v->attrs, name);
            if (!a) {
                struct attrs *set = v->attrs;
                v = missing_attr(st, set, name, pos);
                if (!v)
                    error_hint(st, ERR_EVAL, pos, eval_suggest(st, set, name),
                               gc_printf("attribute '%s' missing", sym_name(st->symbols, name)));
                apos = 0;
            } else {
                v = a->value;
                apos = a->pos;
            }
        }
        if (apos) {
            if (st->ntrace == base) {
                eval_trace_push(st, apos, NULL);
                st->trace[st->ntrace - 1].select = s;
            } else {
                st->trace[st->ntrace - 1].pos = apos;
            }
        }
        force(st, v, apos ? apos : pos);
    }
    st->ntrace = base;
    *out = *v;
}

__attribute__((noinline)) static bool eval_hasattr(struct eval_state *st, struct expr_select *s,
                                                   struct env *env) {
    struct value tmp;
    eval_expr(st, s->subject, env, &tmp);
    struct value *v = &tmp;
    for (size_t i = 0; i < s->n; i++) {
        nix_sym name = attr_name_sym(st, &s->path[i], env);
        if (v->type != VT_ATTRS) return false;
        struct attr *a = attrs_get(v->attrs, name);
        if (!a) return false;
        if (i + 1 < s->n) {
            v = a->value;
            force(st, v, s->e.pos);
        }
    }
    return true;
}

/* ------------------------------------------------------------------ attribute sets */

static const char *pos_text(struct eval_state *st, nix_pos pos) {
    const struct pos_info *pi = eval_pos_get(st, pos);
    if (!pi || !pi->src) return "undefined position";
    return gc_printf("%s:%u:%u", pi->src->path ? pi->src->path : "(string)", pi->line, pi->col);
}

/* The value of a constant or of a variable already bound, without allocating; NULL when the
 * expression needs a thunk. */
static inline struct value *value_if_ready(struct expr *e, struct env *env) {
    if (e->type == E_CONST) return &((struct expr_const *)e)->v;
    if (e->type == E_VAR) {
        struct expr_var *v = (struct expr_var *)e;
        if (v->from_with || v->with_lit) return with_ready(v, env);
        struct env *x = env;
        for (uint32_t l = v->level; l; l--)
            x = x->up;
        return x->v[v->index];
    }
    return NULL;
}

static inline void init_thunk(struct value *t, struct expr *e, struct env *env) {
    t->type = VT_THUNK;
    t->thunk.env = env;
    t->thunk.expr = e;
}

__attribute__((noinline)) static void eval_attrs(struct eval_state *st, struct expr_attrs *a,
                                                 struct env *env, struct value *out) {
    size_t cap = a->n + a->ndyn;
    size_t size = sizeof(struct attrs) + cap * sizeof(struct attr);
    struct attrs *r = size <= 32 ? alloc32(st) : size <= 48 ? alloc48(st) : attrs_new(cap);
    r->cap = (uint32_t)cap;
    r->pos = a->e.pos;
    struct env *inner = env;
    if (a->rec) {
        inner = env_alloc_st(st, (uint32_t)a->n);
        inner->up = env;
    }
    /* Constants and bound variables are shared; the thunks of the other values come from one
     * block (sized for every non-constant; variables found bound leave their room unused). */
    size_t need = 0;
    for (size_t i = 0; i < a->n; i++)
        need += a->attrs[i].e->type != E_CONST;
    struct value *block = NULL;
    if (need) block = need == 1 ? alloc32(st) : GC_MALLOC(need * sizeof *block);
    size_t k = 0;
    for (size_t i = 0; i < a->n; i++) {
        struct attr_def *d = &a->attrs[i];
        struct env *de = d->kind == AK_INHERITED ? env : inner;
        struct value *v = value_if_ready(d->e, de);
        if (!v) {
            v = &block[k++];
            init_thunk(v, d->e, de);
        }
        r->a[i].name = d->name;
        r->a[i].pos = d->pos;
        r->a[i].value = v;
        if (a->rec) inner->v[i] = v;
    }
    r->n = (uint32_t)a->n;
    if (a->ndyn) {
        for (size_t i = 0; i < a->ndyn; i++) {
            struct dyn_attr_def *d = &a->dyn[i];
            struct value tmp;
            eval_expr(st, d->name, inner, &tmp);
            if (tmp.type == VT_NULL) continue;
            struct value *np = value_alloc();
            *np = tmp;
            const char *s = eval_force_string_noctx(st, np, 0);
            nix_sym name = sym_intern(st->symbols, s, strlen(s));
            for (uint32_t k = 0; k < r->n; k++)
                if (r->a[k].name == name)
                    eval_error(st, ERR_EVAL, d->pos, "dynamic attribute '%s' already defined at %s",
                               s, pos_text(st, r->a[k].pos));
            attrs_push(r, name, maybe_thunk(st, d->value, inner), d->pos);
        }
        attrs_sort(r);
    }
    mk_attrs(out, r);
}

__attribute__((noinline)) static void update_attrs(struct eval_state *st, struct value *l,
                                                   struct value *r, nix_pos pos,
                                                   struct value *out) {
    (void)pos; /* Nix 2.8 reports `//` type errors without a position */
    struct attrs *a = eval_force_attrs(st, l, 0);
    struct attrs *b = eval_force_attrs(st, r, 0);
    if (a->n == 0) {
        mk_attrs(out, b);
        return;
    }
    if (b->n == 0) {
        mk_attrs(out, a);
        return;
    }
    struct attrs *m = attrs_new(a->n + b->n);
    uint32_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->a[i].name < b->a[j].name)
            m->a[m->n++] = a->a[i++];
        else if (a->a[i].name > b->a[j].name)
            m->a[m->n++] = b->a[j++];
        else {
            m->a[m->n++] = b->a[j++];
            i++;
        }
    }
    while (i < a->n)
        m->a[m->n++] = a->a[i++];
    while (j < b->n)
        m->a[m->n++] = b->a[j++];
    mk_attrs(out, m);
}

/* ------------------------------------------------------------------ calls */

static const char *lambda_desc(struct eval_state *st, struct expr_lambda *l) {
    if (l->name)
        return gc_printf("'%s' at %s", sym_name(st->symbols, l->name), pos_text(st, l->e.pos));
    return gc_printf("anonymous function at %s", pos_text(st, l->e.pos));
}

/* Fills a lambda's environment from its argument (formals matching, defaults). */
static void bind_args(struct eval_state *st, struct expr_lambda *l, struct env *env,
                      struct value *arg, nix_pos pos) {
    if (!l->has_formals) {
        env->v[0] = arg;
        return;
    }
    force(st, arg, pos);
    if (arg->type != VT_ATTRS) eval_type_error(st, arg, "a set", pos);
    struct attrs *a = arg->attrs;
    uint32_t used = 0;
    for (size_t i = 0; i < l->nformals; i++) {
        struct formal *f = &l->formals[i];
        struct attr *x = attrs_get(a, f->name);
        if (x) {
            env->v[i] = x->value;
            used++;
        } else if (f->def) {
            env->v[i] = maybe_thunk(st, f->def, env);
        } else {
            eval_error(st, ERR_EVAL, pos, "%s called without required argument '%s'",
                       lambda_desc(st, l), sym_name(st->symbols, f->name));
        }
    }
    if (!l->ellipsis && used != a->n) {
        for (uint32_t k = 0; k < a->n; k++) {
            bool known = false;
            for (size_t i = 0; i < l->nformals && !known; i++)
                known = l->formals[i].name == a->a[k].name;
            if (!known) {
                struct attrs *fa = attrs_new(l->nformals);
                for (size_t i = 0; i < l->nformals; i++)
                    attrs_push(fa, l->formals[i].name, NULL, 0);
                error_hint(st, ERR_EVAL, pos, eval_suggest(st, fa, a->a[k].name),
                           gc_printf("%s called with unexpected argument '%s'", lambda_desc(st, l),
                                     sym_name(st->symbols, a->a[k].name)));
            }
        }
    }
    if (l->arg) env->v[l->nformals] = arg;
}

static void eval_body(struct eval_state *st, struct expr_lambda *l, struct env *env,
                      struct value *out, nix_pos pos) {
    check_stack(st, pos);
    if (st->show_trace) {
        eval_trace_push(st, pos, "from call site");
        eval_trace_push(st, l->e.pos,
                        l->name ? gc_printf("while evaluating '%s'", sym_name(st->symbols, l->name))
                                : "while evaluating anonymous lambda");
        eval_expr(st, l->body, env, out);
        st->ntrace -= 2;
    } else {
        eval_expr(st, l->body, env, out);
    }
}

#define STACK_ENV_SLOTS 6

static void call_lambda(struct eval_state *st, struct value *fn, struct value *arg,
                        struct value *out, nix_pos pos) {
    struct expr_lambda *l = fn->lambda.fun;
    struct env *env;
    void *stack_env[2 + STACK_ENV_SLOTS];
    if (!l->env_escapes && l->env_size <= STACK_ENV_SLOTS) {
        env = (struct env *)stack_env;
        env->n = l->env_size;
        env->prev_with = 0;
    } else {
        env = env_alloc_st(st, l->env_size);
    }
    env->up = fn->lambda.env;
    bind_args(st, l, env, arg, pos);
    eval_body(st, l, env, out, pos);
}

/* `f a b` where f is `x: y: body` and the inner function's environment does not escape: the
 * outer environment is then only reachable from the inner one, so both live on the C stack and
 * the intermediate closure is never built. */
__attribute__((noinline)) static bool call_lambda2(struct eval_state *st, struct value *fn,
                                                   struct value *a1, struct value *a2,
                                                   struct value *out, nix_pos pos) {
    struct expr_lambda *l1 = fn->lambda.fun;
    if (l1->body->type != E_LAMBDA || l1->env_size > STACK_ENV_SLOTS) return false;
    for (size_t i = 0; i < l1->nformals; i++)
        if (l1->formals[i].def) return false;
    struct expr_lambda *l2 = (struct expr_lambda *)l1->body;
    if (l2->env_escapes || l2->env_size > STACK_ENV_SLOTS) return false;
    void *e1buf[2 + STACK_ENV_SLOTS], *e2buf[2 + STACK_ENV_SLOTS];
    struct env *e1 = (struct env *)e1buf, *e2 = (struct env *)e2buf;
    e1->up = fn->lambda.env;
    e1->n = l1->env_size;
    e1->prev_with = 0;
    bind_args(st, l1, e1, a1, pos);
    e2->up = e1;
    e2->n = l2->env_size;
    e2->prev_with = 0;
    bind_args(st, l2, e2, a2, pos);
    /* the outer call has returned the inner function by now, as far as traces go */
    eval_body(st, l2, e2, out, pos);
    return true;
}

void eval_call(struct eval_state *st, struct value *fnv, size_t nargs, struct value **args,
               struct value *out, nix_pos pos) {
    struct value cur;
    force(st, fnv, pos);
    cur = *fnv;
    struct value *curp = fnv; /* a stable pointer to `cur` when it is still fnv */
    size_t i = 0;
    while (i < nargs) {
        struct value *dst = (i + 1 == nargs) ? out : NULL;
        struct value tmp;
        if (cur.type == VT_LAMBDA) {
            if (i + 1 < nargs &&
                call_lambda2(st, &cur, args[i], args[i + 1], i + 2 == nargs ? out : &tmp, pos)) {
                i += 2;
                dst = i == nargs ? out : NULL;
            } else {
                call_lambda(st, &cur, args[i], dst ? dst : &tmp, pos);
                i++;
            }
        } else if (cur.type == VT_PRIMOP || cur.type == VT_PRIMOP_APP) {
            /* Collect the arguments already applied. */
            size_t have = 0;
            struct value *p = &cur;
            while (p->type == VT_PRIMOP_APP) {
                have++;
                p = p->app.left;
            }
            const struct primop *op = p->primop;
            size_t need = op->arity - have;
            if (nargs - i >= need) {
                struct value *argv[16];
                struct value **av = op->arity <= 16 ? argv : GC_MALLOC(op->arity * sizeof *av);
                size_t k = have;
                for (p = &cur; p->type == VT_PRIMOP_APP; p = p->app.left)
                    av[--k] = p->app.right;
                for (k = 0; k < need; k++)
                    av[have + k] = args[i + k];
                i += need;
                dst = (i == nargs) ? out : NULL;
                op->fn(st, av, dst ? dst : &tmp, pos);
            } else {
                /* Partial application: chain the new arguments. */
                for (; i < nargs; i++) {
                    struct value *left = value_alloc();
                    *left = cur;
                    cur.type = VT_PRIMOP_APP;
                    cur.app.left = left;
                    cur.app.right = args[i];
                }
                *out = cur;
                return;
            }
        } else if (cur.type == VT_ATTRS && attrs_get(cur.attrs, st->s_functor)) {
            struct attr *f = attrs_get(cur.attrs, st->s_functor);
            struct value *self = curp;
            if (self != fnv) {
                self = value_alloc();
                *self = cur;
            }
            struct value *fa[2] = {self, args[i]};
            eval_call(st, f->value, 2, fa, dst ? dst : &tmp, pos);
            i++;
        } else {
            eval_error(st, ERR_EVAL, pos,
                       "attempt to call something which is not a function but %s",
                       value_type_desc(&cur));
        }
        if (i < nargs) {
            cur = tmp;
            curp = NULL;
        }
    }
}

/* ------------------------------------------------------------------ equality and ordering */

bool eval_equal(struct eval_state *st, struct value *a, struct value *b, nix_pos pos) {
    if (a == b) return true;
    check_stack(st, pos);
    force(st, a, pos);
    force(st, b, pos);
    if (a->type == VT_INT && b->type == VT_FLOAT) return (double)a->i == b->f;
    if (a->type == VT_FLOAT && b->type == VT_INT) return a->f == (double)b->i;
    if (a->type != b->type) return false;
    switch (a->type) {
    case VT_INT: return a->i == b->i;
    case VT_FLOAT: return a->f == b->f;
    case VT_BOOL: return a->b == b->b;
    case VT_NULL: return true;
    case VT_STRING: return strcmp(a->str.s, b->str.s) == 0;
    case VT_PATH: return strcmp(a->path, b->path) == 0;
    case VT_LIST:
        if (a->list.n != b->list.n) return false;
        for (size_t i = 0; i < a->list.n; i++)
            if (!eval_equal(st, a->list.items[i], b->list.items[i], pos)) return false;
        return true;
    case VT_ATTRS: {
        if (a->attrs == b->attrs) return true;
        if (eval_is_derivation(st, a) && eval_is_derivation(st, b)) {
            struct attr *x = attrs_get(a->attrs, st->s_outPath);
            struct attr *y = attrs_get(b->attrs, st->s_outPath);
            if (x && y) return eval_equal(st, x->value, y->value, pos);
        }
        if (a->attrs->n != b->attrs->n) return false;
        for (uint32_t i = 0; i < a->attrs->n; i++) {
            if (a->attrs->a[i].name != b->attrs->a[i].name) return false;
            if (!eval_equal(st, a->attrs->a[i].value, b->attrs->a[i].value, pos)) return false;
        }
        return true;
    }
    default: return false;
    }
}

int eval_compare(struct eval_state *st, struct value *a, struct value *b, nix_pos pos) {
    check_stack(st, pos);
    force(st, a, pos);
    force(st, b, pos);
    if (a->type == VT_INT && b->type == VT_INT) return a->i < b->i ? -1 : a->i > b->i;
    if ((a->type == VT_INT || a->type == VT_FLOAT) && (b->type == VT_INT || b->type == VT_FLOAT)) {
        double x = a->type == VT_INT ? (double)a->i : a->f;
        double y = b->type == VT_INT ? (double)b->i : b->f;
        return x < y ? -1 : x > y;
    }
    if (a->type == VT_STRING && b->type == VT_STRING) {
        int c = strcmp(a->str.s, b->str.s);
        return c < 0 ? -1 : c > 0;
    }
    if (a->type == VT_PATH && b->type == VT_PATH) {
        int c = strcmp(a->path, b->path);
        return c < 0 ? -1 : c > 0;
    }
    if (a->type == VT_LIST && b->type == VT_LIST) {
        for (size_t i = 0;; i++) {
            if (i == b->list.n) return i == a->list.n ? 0 : 1;
            if (i == a->list.n) return -1;
            if (!eval_equal(st, a->list.items[i], b->list.items[i], pos))
                return eval_compare(st, a->list.items[i], b->list.items[i], pos);
        }
    }
    (void)pos;
    eval_error(st, ERR_EVAL, 0, "cannot compare %s with %s", value_type_desc(a),
               value_type_desc(b));
}

/* ------------------------------------------------------------------ arithmetic */

static void arith(struct eval_state *st, int op, struct value *a, struct value *b,
                  struct value *out, nix_pos pos) {
    force(st, a, pos);
    force(st, b, pos);
    /* Type errors as Nix's __add/__sub/__mul/__div raise them: the divisor is checked first
     * (as a float); then floats if either side is a float, else integers. */
    if (op == '/') {
        if (b->type != VT_INT && b->type != VT_FLOAT) eval_type_error(st, b, "a float", pos);
        if ((b->type == VT_INT ? (double)b->i : b->f) == 0)
            eval_error(st, ERR_EVAL, pos, "division by zero");
    }
    if (a->type == VT_FLOAT || b->type == VT_FLOAT) {
        if (a->type != VT_INT && a->type != VT_FLOAT) eval_type_error(st, a, "a float", pos);
        if (b->type != VT_INT && b->type != VT_FLOAT) eval_type_error(st, b, "a float", pos);
    } else {
        if (a->type != VT_INT) eval_type_error(st, a, "an integer", pos);
        if (b->type != VT_INT) eval_type_error(st, b, "an integer", pos);
    }
    if (a->type == VT_INT && b->type == VT_INT) {
        int64_t x = a->i, y = b->i, r;
        switch (op) {
        /* Nix 2.8 wrapped around; current Nix reports overflow (we follow current Nix). */
        case '+':
            if (__builtin_add_overflow(x, y, &r))
                eval_error(st, ERR_EVAL, pos, "integer overflow in adding %lld + %lld",
                           (long long)x, (long long)y);
            break;
        case '-':
            if (__builtin_sub_overflow(x, y, &r))
                eval_error(st, ERR_EVAL, pos, "integer overflow in subtracting %lld - %lld",
                           (long long)x, (long long)y);
            break;
        case '*':
            if (__builtin_mul_overflow(x, y, &r))
                eval_error(st, ERR_EVAL, pos, "integer overflow in multiplying %lld * %lld",
                           (long long)x, (long long)y);
            break;
        default:
            if (y == 0) eval_error(st, ERR_EVAL, pos, "division by zero");
            if (x == INT64_MIN && y == -1)
                eval_error(st, ERR_EVAL, pos, "integer overflow in dividing %lld / %lld",
                           (long long)x, (long long)y);
            r = x / y;
            break;
        }
        mk_int(out, r);
        return;
    }
    double x = a->type == VT_INT ? (double)a->i : a->f;
    double y = b->type == VT_INT ? (double)b->i : b->f;
    double r;
    switch (op) {
    case '+': r = x + y; break;
    case '-': r = x - y; break;
    case '*': r = x * y; break;
    default:
        if (y == 0) eval_error(st, ERR_EVAL, pos, "division by zero");
        r = x / y;
        break;
    }
    mk_float(out, r);
}

void eval_arith(struct eval_state *st, int op, struct value *a, struct value *b, struct value *out,
                nix_pos pos);
void eval_arith(struct eval_state *st, int op, struct value *a, struct value *b, struct value *out,
                nix_pos pos) {
    arith(st, op, a, b, out, pos);
}

/* `+` and interpolation. */
__attribute__((noinline)) static void eval_concat(struct eval_state *st, struct expr_concat *c,
                                                  struct env *env, struct value *out) {
    struct value first;
    eval_expr(st, c->parts[0], env, &first);
    if (!c->force_string && (first.type == VT_INT || first.type == VT_FLOAT)) {
        struct value acc = first;
        for (size_t i = 1; i < c->n; i++) {
            struct value x;
            eval_expr(st, c->parts[i], env, &x);
            if (x.type != VT_INT && x.type != VT_FLOAT)
                eval_error(st, ERR_EVAL, c->part_pos[i], "cannot add %s to %s", value_type_desc(&x),
                           acc.type == VT_INT ? "an integer" : "a float");
            arith(st, '+', &acc, &x, &acc, c->part_pos[i]);
        }
        *out = acc;
        return;
    }
    bool path_mode = !c->force_string && first.type == VT_PATH;
    /* Collect the pieces first, then copy them once into a string of the exact size. */
    const char *small_s[16];
    size_t small_l[16];
    const char **ps = c->n <= 16 ? small_s : GC_MALLOC(c->n * sizeof *ps);
    size_t *pl = c->n <= 16 ? small_l : GC_MALLOC_ATOMIC(c->n * sizeof *pl);
    struct ctx_buf ctx = {0};
    size_t total = 0;
    for (size_t i = 0; i < c->n; i++) {
        struct expr *pe = c->parts[i];
        const char *piece;
        if (i == 0 && path_mode) {
            piece = first.path;
        } else if (pe->type == E_CONST && ((struct expr_const *)pe)->v.type == VT_STRING) {
            piece = ((struct expr_const *)pe)->v.str.s;
        } else {
            struct value tmp;
            struct value *x;
            if (i == 0) {
                tmp = first;
                x = &tmp;
            } else if (pe->type == E_VAR) {
                x = eval_ptr(st, pe, env, &tmp);
            } else {
                eval_expr(st, pe, env, &tmp);
                x = &tmp;
            }
            if (x->type == VT_STRING) {
                piece = x->str.s;
                ctx_buf_add(&ctx, x->str.ctx);
            } else {
                if (x == &tmp) {
                    x = value_alloc(); /* coercion may call __toString with it */
                    *x = tmp;
                }
                struct strbuf sb;
                sb_init(&sb, 32);
                coerce_rec(st, x, c->part_pos[i], &ctx, false, !path_mode, &sb);
                piece = sb_str(&sb);
            }
        }
        ps[i] = piece;
        pl[i] = strlen(piece);
        total += pl[i];
    }
    char *buf = GC_MALLOC_ATOMIC(total + 1);
    size_t off = 0;
    for (size_t i = 0; i < c->n; i++) {
        memcpy(buf + off, ps[i], pl[i]);
        off += pl[i];
    }
    buf[total] = 0;
    if (path_mode) {
        if (ctx.n)
            eval_error(st, ERR_EVAL, c->e.pos,
                       "a string that refers to a store path cannot be appended to a path");
        mk_path(out, path_canon(buf));
    } else {
        mk_string(out, buf, ctx_buf_finish(&ctx));
    }
}

__attribute__((noinline)) static void concat_lists(struct eval_state *st, struct value *a,
                                                   struct value *b, nix_pos pos,
                                                   struct value *out) {
    eval_force_list(st, a, pos);
    eval_force_list(st, b, pos);
    if (a->list.n == 0) {
        *out = *b;
        return;
    }
    if (b->list.n == 0) {
        *out = *a;
        return;
    }
    size_t n = a->list.n + b->list.n;
    struct value **items = value_ptrs_alloc(n);
    memcpy(items, a->list.items, a->list.n * sizeof *items);
    memcpy(items + a->list.n, b->list.items, b->list.n * sizeof *items);
    out->type = VT_LIST;
    out->list.n = n;
    out->list.items = items;
}

/* ------------------------------------------------------------------ variables */

__attribute__((noinline)) static struct value *lookup_with(struct eval_state *st,
                                                           struct expr_var *v, struct env *env) {
    struct env *e = env;
    for (uint32_t l = v->level; l; l--)
        e = e->up;
    for (;;) {
        struct value *a = e->v[0];
        force(st, a, v->e.pos);
        if (a->type != VT_ATTRS) eval_type_error(st, a, "a set", 0);
        e->prev_with |= WITH_EVALUATED;
        struct attr *x = attrs_get(a->attrs, v->name);
        if (x) return x->value;
        if (!WITH_HOPS(e)) break;
        for (uint32_t l = WITH_HOPS(e); l; l--)
            e = e->up;
    }
    /* Only when no scope has the name does a catch-all answer (innermost first), so that
     * `with lib; with pkgs; mkIf` still finds lib's mkIf. */
    e = env;
    for (uint32_t l = v->level; l; l--)
        e = e->up;
    for (;;) {
        struct value *m = missing_attr(st, e->v[0]->attrs, v->name, v->e.pos);
        if (m) return m;
        if (!WITH_HOPS(e)) break;
        for (uint32_t l = WITH_HOPS(e); l; l--)
            e = e->up;
    }
    eval_error(st, ERR_EVAL, v->e.pos, "undefined variable '%s'", sym_name(st->symbols, v->name));
}

/* Evaluates e and returns a pointer to its forced value: for variables, the variable's own value
 * (no copy); otherwise `tmp`. */
static inline struct value *eval_ptr(struct eval_state *st, struct expr *e, struct env *env,
                                     struct value *tmp) {
    if (e->type == E_VAR) {
        struct expr_var *v = (struct expr_var *)e;
        struct value *p;
        if (!v->from_with) {
            struct env *x = env;
            if (v->with_lit) {
                /* Nix evaluates the innermost with's set here (see WITH_EVALUATED); the sets
                 * of literal withs are already built */
                uint32_t l = 0;
                for (; l < v->first_with; l++)
                    x = x->up;
                x->prev_with |= WITH_EVALUATED;
                for (; l < v->level; l++)
                    x = x->up;
                p = x->v[0]->attrs->a[v->index].value;
            } else {
                for (uint32_t l = v->level; l; l--)
                    x = x->up;
                p = x->v[v->index];
            }
        } else {
            p = lookup_with(st, v, env);
        }
        force(st, p, e->pos);
        return p;
    }
    if (e->type == E_CONST) return &((struct expr_const *)e)->v;
    eval_expr(st, e, env, tmp);
    return tmp;
}

/* ------------------------------------------------------------------ the evaluator */

static void eval_expr(struct eval_state *st, struct expr *e, struct env *env, struct value *out) {
    switch (e->type) {
    case E_CONST: *out = ((struct expr_const *)e)->v; return;
    case E_VAR: {
        struct value tmp;
        struct value *p = eval_ptr(st, e, env, &tmp);
        *out = *p;
        return;
    }
    case E_SELECT: eval_select(st, (struct expr_select *)e, env, out); return;
    case E_HASATTR: mk_bool(out, eval_hasattr(st, (struct expr_select *)e, env)); return;
    case E_ATTRS: eval_attrs(st, (struct expr_attrs *)e, env, out); return;
    case E_LIST: {
        struct expr_list *l = (struct expr_list *)e;
        struct value **items = l->n ? value_ptrs_alloc(l->n) : NULL;
        for (size_t i = 0; i < l->n; i++)
            items[i] = maybe_thunk(st, l->items[i], env);
        out->type = VT_LIST;
        out->list.n = l->n;
        out->list.items = items;
        return;
    }
    case E_LAMBDA:
        out->type = VT_LAMBDA;
        out->lambda.env = env;
        out->lambda.fun = (struct expr_lambda *)e;
        return;
    case E_CALL: {
        struct expr_call *c = (struct expr_call *)e;
        check_stack(st, e->pos);
        struct value ftmp;
        struct value *f = eval_ptr(st, c->fn, env, &ftmp);
        struct value *argv[8];
        struct value **av = c->nargs <= 8 ? argv : GC_MALLOC(c->nargs * sizeof *av);
        for (size_t i = 0; i < c->nargs; i++)
            av[i] = maybe_thunk(st, c->args[i], env);
        if (f == &ftmp) {
            /* eval_call may keep a pointer to the function (functor self): give it a heap
             * copy. */
            if (ftmp.type == VT_ATTRS) {
                f = value_alloc();
                *f = ftmp;
            }
        }
        eval_call(st, f, c->nargs, av, out, e->pos);
        return;
    }
    case E_LET: {
        struct expr_let *l = (struct expr_let *)e;
        struct expr_attrs *a = l->binds;
        /* The environment and the thunks of its bindings in one allocation: the slots come
         * first, then room for one value per binding. */
        uint32_t n = (uint32_t)a->n;
        size_t size = sizeof(struct env) + n * (sizeof(struct value *) + sizeof(struct value));
        struct env *inner = size <= 48 ? alloc48(st) : GC_MALLOC(size);
        inner->n = n;
        inner->up = env;
        struct value *block = (struct value *)&inner->v[n];
        for (size_t i = 0; i < n; i++) {
            struct attr_def *d = &a->attrs[i];
            struct env *de = d->kind == AK_INHERITED ? env : inner;
            struct value *v = value_if_ready(d->e, de);
            if (!v) {
                v = &block[i];
                init_thunk(v, d->e, de);
            }
            inner->v[i] = v;
        }
        eval_expr(st, l->body, inner, out);
        return;
    }
    case E_WITH: {
        struct expr_with *w = (struct expr_with *)e;
        /* the environment (one slot) and room for the set's value in one allocation */
        struct env *inner = alloc48(st);
        inner->n = 1;
        inner->up = env;
        inner->prev_with = w->prev_with;
        if (w->attrs->type == E_ATTRS && ((struct expr_attrs *)w->attrs)->ndyn == 0) {
            /* a literal set: building it cannot fail, so it is built now (variables found in
             * it were resolved to its slots by the parser) */
            struct value *a = (struct value *)&inner->v[1];
            eval_attrs(st, (struct expr_attrs *)w->attrs, env, a);
            inner->v[0] = a;
        } else {
            inner->v[0] = maybe_thunk(st, w->attrs, env);
        }
        eval_expr(st, w->body, inner, out);
        return;
    }
    case E_IF: {
        struct expr_if *i = (struct expr_if *)e;
        struct value tmp;
        struct value *c = eval_ptr(st, i->cond, env, &tmp);
        if (c->type != VT_BOOL) eval_type_error(st, c, "a Boolean", e->pos);
        eval_expr(st, c->b ? i->then : i->els, env, out);
        return;
    }
    case E_ASSERT: {
        struct expr_assert *a = (struct expr_assert *)e;
        struct value tmp;
        struct value *c = eval_ptr(st, a->cond, env, &tmp);
        if (c->type != VT_BOOL) eval_type_error(st, c, "a Boolean", e->pos);
        if (!c->b)
            eval_error(st, ERR_ASSERT, e->pos, "assertion '%s' failed", expr_show(st, a->cond));
        eval_expr(st, a->body, env, out);
        return;
    }
    case E_NOT: {
        struct value tmp;
        struct value *c = eval_ptr(st, ((struct expr_unop *)e)->a, env, &tmp);
        if (c->type != VT_BOOL) eval_type_error(st, c, "a Boolean", 0);
        mk_bool(out, !c->b);
        return;
    }
    case E_NEG: {
        struct value tmp;
        struct value *c = eval_ptr(st, ((struct expr_unop *)e)->a, env, &tmp);
        struct value zero;
        mk_int(&zero, 0);
        arith(st, '-', &zero, c, out, e->pos);
        return;
    }
    default: break;
    }
    /* binary operators */
    struct expr_binop *b = (struct expr_binop *)e;
    struct value lt, rt;
    switch (e->type) {
    case E_EQ:
    case E_NEQ: {
        /* Compared as copies: top-level values are never pointer-equal (so `f == f` is
         * false for a function, as in Nix), while list items and attribute values are. */
        eval_expr(st, b->l, env, &lt);
        eval_expr(st, b->r, env, &rt);
        bool eq = eval_equal(st, &lt, &rt, e->pos);
        mk_bool(out, e->type == E_EQ ? eq : !eq);
        return;
    }
    case E_AND: {
        struct value *l = eval_ptr(st, b->l, env, &lt);
        if (l->type != VT_BOOL) eval_type_error(st, l, "a Boolean", e->pos);
        if (!l->b) {
            mk_bool(out, false);
            return;
        }
        struct value *r = eval_ptr(st, b->r, env, &rt);
        if (r->type != VT_BOOL) eval_type_error(st, r, "a Boolean", e->pos);
        mk_bool(out, r->b);
        return;
    }
    case E_OR: {
        struct value *l = eval_ptr(st, b->l, env, &lt);
        if (l->type != VT_BOOL) eval_type_error(st, l, "a Boolean", e->pos);
        if (l->b) {
            mk_bool(out, true);
            return;
        }
        struct value *r = eval_ptr(st, b->r, env, &rt);
        if (r->type != VT_BOOL) eval_type_error(st, r, "a Boolean", e->pos);
        mk_bool(out, r->b);
        return;
    }
    case E_IMPL: {
        struct value *l = eval_ptr(st, b->l, env, &lt);
        if (l->type != VT_BOOL) eval_type_error(st, l, "a Boolean", e->pos);
        if (!l->b) {
            mk_bool(out, true);
            return;
        }
        struct value *r = eval_ptr(st, b->r, env, &rt);
        if (r->type != VT_BOOL) eval_type_error(st, r, "a Boolean", e->pos);
        mk_bool(out, r->b);
        return;
    }
    case E_UPDATE: {
        /* the left side is checked before the right one is evaluated, as in Nix */
        struct value *l = eval_ptr(st, b->l, env, &lt);
        if (l->type != VT_ATTRS) eval_type_error(st, l, "a set", 0);
        struct value *r = eval_ptr(st, b->r, env, &rt);
        update_attrs(st, l, r, e->pos, out);
        return;
    }
    case E_CONCAT_LISTS: {
        struct value *l = eval_ptr(st, b->l, env, &lt);
        struct value *r = eval_ptr(st, b->r, env, &rt);
        concat_lists(st, l, r, e->pos, out);
        return;
    }
    case E_SUB:
    case E_MUL:
    case E_DIV: {
        struct value *l = eval_ptr(st, b->l, env, &lt);
        struct value *r = eval_ptr(st, b->r, env, &rt);
        if (l->type == VT_INT && r->type == VT_INT && e->type == E_SUB) {
            int64_t res;
            if (!__builtin_sub_overflow(l->i, r->i, &res)) {
                mk_int(out, res);
                return;
            }
        }
        arith(st, e->type == E_SUB ? '-' : e->type == E_MUL ? '*' : '/', l, r, out, e->pos);
        return;
    }
    case E_LT:
    case E_LE:
    case E_GT:
    case E_GE: {
        struct value *l = eval_ptr(st, b->l, env, &lt);
        struct value *r = eval_ptr(st, b->r, env, &rt);
        int c;
        if (l->type == VT_INT && r->type == VT_INT)
            c = l->i < r->i ? -1 : l->i > r->i;
        else
            c = eval_compare(st, l, r, e->pos);
        bool res = e->type == E_LT   ? c < 0
                   : e->type == E_LE ? c <= 0
                   : e->type == E_GT ? c > 0
                                     : c >= 0;
        mk_bool(out, res);
        return;
    }
    case E_CONCAT_STRINGS: {
        struct expr_concat *c = (struct expr_concat *)e;
        if (c->n == 2 && !c->force_string) {
            /* fast path: int + int */
            struct value *l = eval_ptr(st, c->parts[0], env, &lt);
            if (l->type == VT_INT) {
                struct value *r = eval_ptr(st, c->parts[1], env, &rt);
                int64_t res;
                if (r->type == VT_INT && !__builtin_add_overflow(l->i, r->i, &res)) {
                    mk_int(out, res);
                    return;
                }
            }
        }
        eval_concat(st, c, env, out);
        return;
    }
    case E_CURPOS: {
        const struct pos_info *pi = eval_pos_get(st, e->pos);
        struct attrs *a = attrs_new(3);
        struct value *f = value_alloc(), *l = value_alloc(), *co = value_alloc();
        /* 2.8, as for unsafeGetAttrPos: an expression given with -E is its own "file" */
        if (pi && pi->src && (pi->src->path || pi->src->text))
            mk_string(f, pi->src->path ? pi->src->path : pi->src->text, NULL);
        else
            mk_null(f);
        mk_int(l, pi ? pi->line : 0);
        mk_int(co, pi ? pi->col : 0);
        attrs_push(a, st->s_file, f, 0);
        attrs_push(a, st->s_line, l, 0);
        attrs_push(a, st->s_column, co, 0);
        attrs_sort(a);
        mk_attrs(out, a);
        return;
    }
    default: break;
    }
    eval_error(st, ERR_EVAL, e->pos, "internal error: unknown expression %d", e->type);
}

/* ------------------------------------------------------------------ files and import */

static uint64_t hash_str(const char *s) {
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static struct value **cache_slot(struct file_cache *c, const char *key) {
    if ((c->n + 1) * 2 > c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 64;
        const char **nk = GC_MALLOC(nc * sizeof *nk);
        struct value **nv = GC_MALLOC(nc * sizeof *nv);
        for (size_t i = 0; i < c->cap; i++) {
            if (!c->keys[i]) continue;
            size_t h = hash_str(c->keys[i]) & (nc - 1);
            while (nk[h])
                h = (h + 1) & (nc - 1);
            nk[h] = c->keys[i];
            nv[h] = c->vals[i];
        }
        c->keys = nk;
        c->vals = nv;
        c->cap = nc;
    }
    size_t h = hash_str(key) & (c->cap - 1);
    while (c->keys[h] && strcmp(c->keys[h], key) != 0)
        h = (h + 1) & (c->cap - 1);
    if (!c->keys[h]) {
        c->keys[h] = key;
        c->vals[h] = NULL;
        c->n++;
    }
    return &c->vals[h];
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    struct strbuf sb;
    sb_init(&sb, 4096);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_addn(&sb, buf, n);
    fclose(f);
    if (len) *len = sb.len;
    return (char *)sb_str(&sb);
}

static char *dir_of(const char *path) {
    const char *s = strrchr(path, '/');
    if (!s || s == path) return gc_strdup("/");
    return gc_strndup(path, (size_t)(s - path));
}

/* Parses a file into an expression (not evaluated). */
static struct expr *parse_file(struct eval_state *st, const char *path, nix_pos pos) {
    size_t len;
    char *text = read_file(path, &len);
    (void)pos;
    if (!text) eval_error(st, ERR_IO, 0, "opening file '%s': %s", path, strerror(errno));
    if (strlen(text) != len) eval_error(st, ERR_PARSE, pos, "file '%s' contains a NUL byte", path);
    struct source *src = GC_MALLOC(sizeof *src);
    src->path = path;
    src->text = text;
    src->dir = dir_of(path);
    return parse_source(st, src);
}

void eval_import(struct eval_state *st, const char *path, struct value *out, nix_pos pos) {
    const char *p = path_canon(path);
    struct stat sb;
    if (stat(p, &sb) != 0)
        eval_error(st, ERR_IO, 0, "getting status of '%s': %s", p, strerror(errno));
    if (S_ISDIR(sb.st_mode)) p = path_canon(gc_printf("%s/default.nix", p));
    struct value **slot = cache_slot(st->files, p);
    if (!*slot) {
        struct expr *e = parse_file(st, p, pos);
        struct value *v = value_alloc();
        v->type = VT_THUNK;
        v->thunk.env = st->base_env;
        v->thunk.expr = e;
        *slot = v;
    }
    force(st, *slot, pos);
    *out = **slot;
}

/* ------------------------------------------------------------------ state and registration */

static void base_add(struct eval_state *st, const char *name, struct value *v) {
    if (st->base_n == st->base_cap) {
        /* The base env is allocated once with a fixed capacity (its address is captured by
         * every closure). */
        fprintf(stderr, "hearth: too many builtins\n");
        abort();
    }
    nix_sym s = eval_sym(st, name);
    for (size_t i = 0; i < st->base_n; i++) {
        if (st->base_scope->names[i] == s) {
            st->base_env->v[i] = v;
            return;
        }
    }
    st->base_scope->names[st->base_n] = s;
    st->base_env->v[st->base_n] = v;
    st->base_n++;
    st->base_scope->n = st->base_n;
    st->base_env->n = (uint32_t)st->base_n;
}

static void register_named(struct eval_state *st, const char *name, struct value *v) {
    const char *bare = strncmp(name, "__", 2) == 0 ? name + 2 : name;
    struct attrs *a = st->builtins->attrs;
    nix_sym s = eval_sym(st, bare);
    struct attr *x = attrs_get(a, s);
    if (x) {
        x->value = v;
    } else {
        if (a->n == a->cap) {
            struct attrs *na = attrs_new(a->cap * 2 + 16);
            memcpy(na->a, a->a, a->n * sizeof *a->a);
            na->n = a->n;
            a = na;
            st->builtins->attrs = a;
        }
        attrs_push(a, s, v, 0);
        attrs_sort(a);
    }
    base_add(st, name, v);
}

void eval_register_primop(struct eval_state *st, const char *name, unsigned arity, primop_fn fn) {
    struct primop *op = GC_MALLOC(sizeof *op);
    op->name = gc_strdup(strncmp(name, "__", 2) == 0 ? name + 2 : name);
    op->arity = arity;
    op->fn = fn;
    struct value *v = value_alloc();
    v->type = VT_PRIMOP;
    v->primop = op;
    register_named(st, name, v);
}

void eval_register_value(struct eval_state *st, const char *name, struct value *v) {
    register_named(st, name, v);
}

void eval_register_nix(struct eval_state *st, const char *name, const char *source) {
    struct source *src = GC_MALLOC(sizeof *src);
    src->path = gc_printf("//builtin/%s.nix", name); /* as Nix names derivation.nix */
    src->text = gc_strdup(source);
    src->dir = "/";
    struct expr *e = NULL;
    struct parse_ud {
        const struct source *src;
        struct expr **out;
    } ud = {src, &e};
    struct nix_error *err = NULL;
    {
        struct catch_frame cf;
        cf.prev = st->catcher;
        cf.nforcing = st->nforcing;
        cf.ntrace = st->ntrace;
        st->catcher = &cf;
        if (setjmp(cf.jb) == 0) {
            e = parse_source(st, ud.src);
            st->catcher = cf.prev;
        } else {
            st->catcher = cf.prev;
            err = st->pending;
            st->pending = NULL;
        }
    }
    if (err) {
        fprintf(stderr, "hearth: internal error in builtin %s: %s\n", name, err->msg);
        abort();
    }
    struct value *v = value_alloc();
    v->type = VT_THUNK;
    v->thunk.env = st->base_env;
    v->thunk.expr = e;
    register_named(st, name, v);
}

static const char *default_store_dir(void) {
    const char *s = getenv("NIX_STORE_DIR");
    if (s && *s) return gc_strdup(s);
    const char *x = getenv("XDG_STATE_HOME");
    if (x && *x) return gc_printf("%s/hearth/store", x);
    const char *h = getenv("HOME");
    return gc_printf("%s/.local/state/hearth/store", h ? h : "");
}

static void gc_ignore_warning(char *msg, GC_word arg) {
    (void)msg;
    (void)arg;
}

static void gc_init_once(void) {
    GC_set_warn_proc(gc_ignore_warning); /* libgc's heuristics warnings are not the user's */
    GC_set_all_interior_pointers(1);
    /* One marker thread: evaluation heaps are small and CPUs are shared. */
    GC_set_markers_count(1);
    GC_INIT();
    /* Start with 20 MB: a configuration evaluation (lib + modules) then finishes before the first
     * collection, whose marking would cost more than the evaluation's own work, while a
     * garbage-heavy evaluation still stays below nix-instantiate's peak memory (bench/lang/run).
     * GC_INITIAL_HEAP_SIZE still adds to it. */
    GC_expand_hp((size_t)20 << 20);
    GC_allow_register_threads();
}

struct eval_state *eval_state_new(const char *store_dir) {
    static pthread_once_t once = PTHREAD_ONCE_INIT; /* one-time library init, not state */
    pthread_once(&once, gc_init_once);
    struct eval_state *st = GC_MALLOC(sizeof *st);
    st->symbols = symtab_new();
    sym_intern(st->symbols, "\x01<none>", 7); /* symbol 0 means "none" */
    st->store_dir = store_dir ? gc_strdup(store_dir) : default_store_dir();
    st->cur_system = "x86_64-linux";
#if defined(__aarch64__)
    st->cur_system = "aarch64-linux";
#endif
    eval_pos_new(st, NULL, 0, 0); /* position 0 = unknown */
    st->files = GC_MALLOC(sizeof *st->files);
    st->s_outPath = eval_sym(st, "outPath");
    st->s_type = eval_sym(st, "type");
    st->s_drvPath = eval_sym(st, "drvPath");
    st->s_toString = eval_sym(st, "__toString");
    st->s_functor = eval_sym(st, "__functor");
    st->s_name = eval_sym(st, "name");
    st->s_value = eval_sym(st, "value");
    st->s_file = eval_sym(st, "file");
    st->s_line = eval_sym(st, "line");
    st->s_column = eval_sym(st, "column");
    st->s_body = eval_sym(st, "body");
    st->s_derivation = eval_sym(st, "derivation");
    st->s_overrides = eval_sym(st, "__overrides");
    st->s_missingAttr = eval_sym(st, "__hearthMissingAttr");
    st->base_cap = 1024;
    st->base_env = env_alloc((uint32_t)st->base_cap);
    st->base_env->n = 0;
    st->base_scope = GC_MALLOC(sizeof *st->base_scope);
    st->base_scope->names = GC_MALLOC_ATOMIC(st->base_cap * sizeof(nix_sym));
    st->builtins = value_alloc();
    mk_attrs(st->builtins, attrs_new(256));
    const char *np = getenv("NIX_PATH");
    (void)np;
    builtins_register_all(st);
    eval_register_value(st, "builtins", st->builtins);
    /* protect whatever thread creates the state; eval_run_big_stack callers call it again */
    eval_set_stack_limit(st);
    return st;
}

void eval_add_search_path(struct eval_state *st, const char *entry) {
    const char **n = GC_MALLOC((st->nsearch_path + 1) * sizeof *n);
    if (st->nsearch_path) memcpy(n, st->search_path, st->nsearch_path * sizeof *n);
    n[st->nsearch_path++] = gc_strdup(entry);
    st->search_path = n;
}

/* ------------------------------------------------------------------ entry points */

struct entry_ud {
    const char *path;
    const char *text;
    const char *base_dir;
    struct value *out;
};

static void do_eval_file(struct eval_state *st, void *p) {
    struct entry_ud *u = p;
    char *abs = u->path[0] == '/' ? gc_strdup(u->path) : NULL;
    if (!abs) {
        char cwd[4096];
        if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
        abs = gc_printf("%s/%s", cwd, u->path);
    }
    eval_import(st, abs, u->out, 0);
}

static void do_eval_string(struct eval_state *st, void *p) {
    struct entry_ud *u = p;
    struct source *src = GC_MALLOC(sizeof *src);
    src->path = NULL;
    src->text = gc_strdup(u->text);
    src->dir = u->base_dir;
    struct expr *e = parse_source(st, src);
    eval_expr(st, e, st->base_env, u->out);
}

struct nix_error *eval_file(struct eval_state *st, const char *path, struct value *out) {
    struct entry_ud u = {path, NULL, NULL, out};
    return eval_try(st, do_eval_file, &u);
}

struct nix_error *eval_string(struct eval_state *st, const char *text, const char *base_dir,
                              struct value *out) {
    struct entry_ud u = {NULL, text, base_dir, out};
    return eval_try(st, do_eval_string, &u);
}

/* ------------------------------------------------------------------ big stack */

struct big_stack_ud {
    int (*fn)(void *);
    void *ud;
    int rc;
};

static void *big_stack_main(void *p) {
    struct big_stack_ud *u = p;
    u->rc = u->fn(u->ud);
    return NULL;
}

#define BIG_STACK_SIZE ((size_t)128 << 20) /* ~125,000 nested calls (Nix 2.8: ~60,000) */

int eval_run_big_stack(int (*fn)(void *), void *ud) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, gc_init_once);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    size_t size = BIG_STACK_SIZE;
    struct big_stack_ud u = {fn, ud, 1};
    pthread_t th;
    int err = -1;
    for (; size >= ((size_t)8 << 20); size /= 2) {
        pthread_attr_setstacksize(&attr, size);
        err = GC_pthread_create(&th, &attr, big_stack_main, &u);
        if (err == 0) break;
    }
    pthread_attr_destroy(&attr);
    if (err != 0) return fn(ud);
    GC_pthread_join(th, NULL);
    return u.rc;
}

/* Called at the start of the big-stack thread: where evaluation must stop recursing. */
void eval_set_stack_limit(struct eval_state *st);
void eval_set_stack_limit(struct eval_state *st) {
    pthread_attr_t attr;
    void *addr;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstack(&attr, &addr, &size);
        pthread_attr_destroy(&attr);
        size_t margin = size / 16 > ((size_t)1 << 20) ? ((size_t)1 << 20) : size / 16;
        if (margin < 256 * 1024) margin = 256 * 1024;
        st->stack_limit = (uintptr_t)addr + margin;
    }
}
