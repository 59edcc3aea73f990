/* src/nix/builtins_core.c: the core builtins (issue 2): import, map, toString, throw, abort,
 * the is* family, list and attribute set basics, string basics, seq/deepSeq, trace, tryEval,
 * functionArgs, arithmetic, the search path (<name>) and the constants.
 *
 * Owns: only these builtins; other builtins_*.c files register theirs the same way. */
#include "nix/ast.h"
#include "nix/builtins_extra.h"

#include <gc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void eval_arith(struct eval_state *st, int op, struct value *a, struct value *b, struct value *out,
                nix_pos pos);

static struct value *str_value(const char *s) {
    struct value *v = value_alloc();
    mk_string(v, s, NULL);
    return v;
}

/* ---- control ---- */

static void prim_import(struct eval_state *st, struct value **args, struct value *out,
                        nix_pos pos) {
    /* Nix attaches a trace to errors in the path argument (hence the "--show-trace" hint) */
    eval_trace_push(st, pos, "while importing a file");
    const char *p = eval_coerce_to_path(st, args[0], pos);
    builtins_check_outputs(st, args[0], p);
    eval_trace_pop(st);
    eval_import(st, p, out, pos);
}

static void prim_throw(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    (void)out;
    const char *s = eval_coerce_to_string(st, args[0], pos, NULL, false, false);
    eval_error(st, ERR_THROWN, 0, "%s", s);
}

static void prim_abort(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    (void)out;
    const char *s = eval_coerce_to_string(st, args[0], pos, NULL, false, false);
    eval_error(st, ERR_ABORT, 0, "evaluation aborted with the following error message: '%s'", s);
}

static void prim_seq(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_force(st, args[0], pos);
    eval_force(st, args[1], pos);
    *out = *args[1];
}

static void prim_deepSeq(struct eval_state *st, struct value **args, struct value *out,
                         nix_pos pos) {
    eval_force_deep(st, args[0], pos);
    eval_force(st, args[1], pos);
    *out = *args[1];
}

static void prim_trace(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_force(st, args[0], pos);
    struct strbuf sb;
    sb_init(&sb, 64);
    if (args[0]->type == VT_STRING)
        sb_adds(&sb, args[0]->str.s);
    else
        value_print(st, args[0], false, &sb);
    fprintf(stderr, "trace: %s\n", sb_str(&sb));
    eval_force(st, args[1], pos);
    *out = *args[1];
}

struct try_ud {
    struct value *v;
    nix_pos pos;
};

static void try_force(struct eval_state *st, void *p) {
    struct try_ud *u = p;
    eval_force(st, u->v, u->pos);
}

static void prim_tryEval(struct eval_state *st, struct value **args, struct value *out,
                         nix_pos pos) {
    struct try_ud u = {args[0], pos};
    struct nix_error *e = eval_try(st, try_force, &u);
    struct attrs *a = attrs_new(2);
    struct value *ok = value_alloc();
    struct value *val;
    if (e) {
        if (e->kind != ERR_THROWN && e->kind != ERR_ASSERT) eval_rethrow(st, e);
        mk_bool(ok, false);
        val = value_alloc();
        mk_bool(val, false);
    } else {
        mk_bool(ok, true);
        val = args[0];
    }
    attrs_push(a, eval_sym(st, "success"), ok, 0);
    attrs_push(a, st->s_value, val, 0);
    attrs_sort(a);
    mk_attrs(out, a);
}

/* ---- types ---- */

#define TYPE_PRED(name, cond)                                                                      \
    static void prim_##name(struct eval_state *st, struct value **args, struct value *out,         \
                            nix_pos pos) {                                                         \
        struct value *v = args[0];                                                                 \
        eval_force(st, v, pos);                                                                    \
        mk_bool(out, cond);                                                                        \
    }
TYPE_PRED(isNull, v->type == VT_NULL)
TYPE_PRED(isInt, v->type == VT_INT)
TYPE_PRED(isFloat, v->type == VT_FLOAT)
TYPE_PRED(isBool, v->type == VT_BOOL)
TYPE_PRED(isString, v->type == VT_STRING)
TYPE_PRED(isPath, v->type == VT_PATH)
TYPE_PRED(isList, v->type == VT_LIST)
TYPE_PRED(isAttrs, v->type == VT_ATTRS)
TYPE_PRED(isFunction, v->type == VT_LAMBDA || v->type == VT_PRIMOP || v->type == VT_PRIMOP_APP)

static void prim_typeOf(struct eval_state *st, struct value **args, struct value *out,
                        nix_pos pos) {
    eval_force(st, args[0], pos);
    mk_string(out, value_type_name(args[0]), NULL);
}

/* ---- lists ---- */

static void prim_length(struct eval_state *st, struct value **args, struct value *out,
                        nix_pos pos) {
    eval_force_list(st, args[0], pos);
    mk_int(out, (int64_t)args[0]->list.n);
}

static void elem_at(struct eval_state *st, struct value *l, int64_t i, struct value *out,
                    nix_pos pos) {
    eval_force_list(st, l, pos);
    if (i < 0 || (uint64_t)i >= l->list.n)
        eval_error(st, ERR_EVAL, pos, "list index %lld is out of bounds", (long long)i);
    struct value *x = l->list.items[i];
    eval_force(st, x, pos);
    *out = *x;
}

static void prim_head(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    elem_at(st, args[0], 0, out, pos);
}

static void prim_elemAt(struct eval_state *st, struct value **args, struct value *out,
                        nix_pos pos) {
    int64_t i = eval_force_int(st, args[1], pos);
    elem_at(st, args[0], i, out, pos);
}

static void prim_tail(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_force_list(st, args[0], pos);
    if (args[0]->list.n == 0) eval_error(st, ERR_EVAL, pos, "'tail' called on an empty list");
    size_t n = args[0]->list.n - 1;
    mk_list(out, n);
    if (n) memcpy(out->list.items, args[0]->list.items + 1, n * sizeof(struct value *));
}

/* Room for up to `want` delayed applications in one allocation, cheaper than one each. The
 * blocks stay small objects (libgc's limit is half a 4 KB heap block, with one extra byte for
 * interior pointers): libgc finds the start of a large object from a pointer into its middle
 * only by hopping back block by block, and the list items all point into these blocks, so one
 * block for the whole list made every collection slow; small blocks also die independently. */
static struct value *app_block(size_t want, size_t *room) {
    /* a multiple of 3 values (mapAttrs takes three per attribute) */
    enum { APPS_PER_BLOCK = 2040 / sizeof(struct value) / 3 * 3 };
    *room = want < APPS_PER_BLOCK ? want : APPS_PER_BLOCK;
    return GC_MALLOC(*room * sizeof(struct value));
}

static void prim_map(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_force_list(st, args[1], pos);
    size_t n = args[1]->list.n;
    struct value **src = args[1]->list.items;
    struct value l;
    mk_list(&l, n);
    struct value *apps = NULL;
    size_t room = 0;
    for (size_t i = 0; i < n; i++) {
        if (!room) apps = app_block(n - i, &room);
        mk_app(apps, args[0], src[i]);
        l.list.items[i] = apps++;
        room--;
    }
    *out = l;
}

static void prim_filter(struct eval_state *st, struct value **args, struct value *out,
                        nix_pos pos) {
    eval_force_function(st, args[0], pos);
    eval_force_list(st, args[1], pos);
    size_t n = args[1]->list.n;
    struct value **src = args[1]->list.items;
    struct value **keep = value_ptrs_alloc(n);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        struct value r;
        eval_call(st, args[0], 1, &src[i], &r, pos);
        if (r.type != VT_BOOL) {
            struct value *rp = value_alloc();
            *rp = r;
            eval_force_bool(st, rp, pos);
        }
        if (r.b) keep[k++] = src[i];
    }
    out->type = VT_LIST;
    out->list.n = k;
    out->list.items = k ? keep : NULL;
}

static void prim_foldl(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_force_list(st, args[2], pos);
    size_t n = args[2]->list.n;
    struct value **src = args[2]->list.items;
    if (n == 0) {
        eval_force(st, args[1], pos);
        *out = *args[1];
        return;
    }
    eval_force_function(st, args[0], pos);
    struct value *acc = args[1];
    for (size_t i = 0; i < n; i++) {
        struct value *fa[2] = {acc, src[i]};
        struct value *r = eval_value_new(st);
        eval_call(st, args[0], 2, fa, r, pos);
        eval_force(st, r, pos);
        acc = r;
    }
    *out = *acc;
}

static void prim_genList(struct eval_state *st, struct value **args, struct value *out,
                         nix_pos pos) {
    int64_t n = eval_force_int(st, args[1], pos);
    if (n < 0) eval_error(st, ERR_EVAL, pos, "cannot create list of size %lld", (long long)n);
    struct value l;
    mk_list(&l, (size_t)n);
    /* Each application holds its index unboxed: the index value is made only when the element
     * is forced. */
    struct value *apps = NULL;
    size_t room = 0;
    for (int64_t i = 0; i < n; i++) {
        if (!room) apps = app_block((size_t)(n - i), &room);
        mk_app_int(apps, args[0], i);
        l.list.items[i] = apps++;
        room--;
    }
    *out = l;
}

static void prim_elem(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_force_list(st, args[1], pos);
    bool found = false;
    for (size_t i = 0; i < args[1]->list.n && !found; i++)
        found = eval_equal(st, args[0], args[1]->list.items[i], pos);
    mk_bool(out, found);
}

static void concat_lists_of(struct eval_state *st, struct value **lists, size_t n,
                            struct value *out, nix_pos pos) {
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        eval_force_list(st, lists[i], pos);
        total += lists[i]->list.n;
    }
    struct value l;
    mk_list(&l, total);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (lists[i]->list.n)
            memcpy(l.list.items + k, lists[i]->list.items,
                   lists[i]->list.n * sizeof(struct value *));
        k += lists[i]->list.n;
    }
    *out = l;
}

static void prim_concatLists(struct eval_state *st, struct value **args, struct value *out,
                             nix_pos pos) {
    eval_force_list(st, args[0], pos);
    concat_lists_of(st, args[0]->list.items, args[0]->list.n, out, pos);
}

static void prim_concatMap(struct eval_state *st, struct value **args, struct value *out,
                           nix_pos pos) {
    eval_force_function(st, args[0], pos);
    eval_force_list(st, args[1], pos);
    size_t n = args[1]->list.n;
    struct value **rs = value_ptrs_alloc(n);
    for (size_t i = 0; i < n; i++) {
        rs[i] = value_alloc();
        eval_call(st, args[0], 1, &args[1]->list.items[i], rs[i], pos);
        eval_force(st, rs[i], pos);
        if (rs[i]->type != VT_LIST) {
            eval_trace_push(st, pos, "while evaluating the result of 'concatMap'");
            eval_type_error(st, rs[i], "a list", value_pos(rs[i], value_pos(args[0], pos)));
        }
    }
    concat_lists_of(st, rs, n, out, pos);
}

/* ---- attribute sets ---- */

struct attr **attrs_sorted_by_name(struct eval_state *st, struct attrs *a);

static void prim_attrNames(struct eval_state *st, struct value **args, struct value *out,
                           nix_pos pos) {
    struct attrs *a = eval_force_attrs(st, args[0], pos);
    struct attr **s = attrs_sorted_by_name(st, a);
    struct value l;
    mk_list(&l, a->n);
    for (uint32_t i = 0; i < a->n; i++)
        l.list.items[i] = str_value(sym_name(st->symbols, s[i]->name));
    *out = l;
}

static void prim_attrValues(struct eval_state *st, struct value **args, struct value *out,
                            nix_pos pos) {
    struct attrs *a = eval_force_attrs(st, args[0], pos);
    struct attr **s = attrs_sorted_by_name(st, a);
    struct value l;
    mk_list(&l, a->n);
    for (uint32_t i = 0; i < a->n; i++)
        l.list.items[i] = s[i]->value;
    *out = l;
}

static void prim_getAttr(struct eval_state *st, struct value **args, struct value *out,
                         nix_pos pos) {
    const char *name = eval_force_string_noctx(st, args[0], pos);
    struct attrs *a = eval_force_attrs(st, args[1], pos);
    struct attr *x = attrs_get(a, eval_sym(st, name));
    if (!x) eval_trace_push(st, pos, "while evaluating the 'getAttr' builtin");
    if (!x)
        eval_error(st, ERR_EVAL, value_pos(args[1], pos),
                   "attribute '%s' missing for call to 'getAttr'", name);
    eval_force(st, x->value, pos);
    *out = *x->value;
}

static void prim_hasAttr(struct eval_state *st, struct value **args, struct value *out,
                         nix_pos pos) {
    const char *name = eval_force_string_noctx(st, args[0], pos);
    struct attrs *a = eval_force_attrs(st, args[1], pos);
    mk_bool(out, attrs_get(a, eval_sym(st, name)) != NULL);
}

static void prim_removeAttrs(struct eval_state *st, struct value **args, struct value *out,
                             nix_pos pos) {
    struct attrs *a = eval_force_attrs(st, args[0], pos);
    eval_force_list(st, args[1], pos);
    size_t n = args[1]->list.n;
    nix_sym *rm = GC_MALLOC_ATOMIC((n ? n : 1) * sizeof *rm);
    for (size_t i = 0; i < n; i++)
        rm[i] = eval_sym(st, eval_force_string_noctx(st, args[1]->list.items[i], pos));
    struct attrs *r = attrs_new(a->n);
    for (uint32_t i = 0; i < a->n; i++) {
        bool drop = false;
        for (size_t k = 0; k < n && !drop; k++)
            drop = rm[k] == a->a[i].name;
        if (!drop) r->a[r->n++] = a->a[i];
    }
    mk_attrs(out, r);
}

static void prim_listToAttrs(struct eval_state *st, struct value **args, struct value *out,
                             nix_pos pos) {
    eval_force_list(st, args[0], pos);
    size_t n = args[0]->list.n;
    struct attrs *r = attrs_new(n);
    for (size_t i = 0; i < n; i++) {
        struct attrs *e = eval_force_attrs(st, args[0]->list.items[i], pos);
        struct attr *nm = attrs_get(e, st->s_name);
        if (!nm) eval_trace_push(st, pos, "while evaluating the 'listToAttrs' builtin");
        if (!nm)
            eval_error(st, ERR_EVAL, value_pos(args[0]->list.items[i], pos),
                       "attribute 'name' missing for call to 'listToAttrs'");
        const char *name = eval_force_string_noctx(st, nm->value, nm->pos ? nm->pos : pos);
        struct attr *val = attrs_get(e, st->s_value);
        if (!val) eval_trace_push(st, pos, "while evaluating the 'listToAttrs' builtin");
        if (!val)
            eval_error(st, ERR_EVAL, value_pos(args[0]->list.items[i], pos),
                       "attribute 'value' missing for call to 'listToAttrs'");
        attrs_push(r, eval_sym(st, name), val->value, val->pos);
    }
    attrs_sort(r); /* stable: the first of duplicate names wins */
    mk_attrs(out, r);
}

static void prim_mapAttrs(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    struct attrs *a = eval_force_attrs(st, args[1], pos);
    struct attrs *r = attrs_new(a->n);
    /* the name strings and the two delayed applications per attribute, in small blocks (see
     * app_block) */
    struct value *block = NULL;
    size_t room = 0;
    for (uint32_t i = 0; i < a->n; i++) {
        if (!room) block = app_block(3 * (size_t)(a->n - i), &room);
        struct value *nm = block, *inner = block + 1, *outer = block + 2;
        block += 3;
        room -= 3;
        mk_string(nm, sym_name(st->symbols, a->a[i].name), NULL);
        mk_app(inner, args[0], nm);
        mk_app(outer, inner, a->a[i].value);
        attrs_push(r, a->a[i].name, outer, a->a[i].pos);
    }
    mk_attrs(out, r);
}

static void prim_functionArgs(struct eval_state *st, struct value **args, struct value *out,
                              nix_pos pos) {
    eval_force(st, args[0], pos);
    struct value *f = args[0];
    if (f->type == VT_PRIMOP || f->type == VT_PRIMOP_APP) {
        mk_attrs(out, attrs_empty());
        return;
    }
    if (f->type != VT_LAMBDA) eval_error(st, ERR_EVAL, pos, "'functionArgs' requires a function");
    struct expr_lambda *l = f->lambda.fun;
    if (!l->has_formals) {
        mk_attrs(out, attrs_empty());
        return;
    }
    struct attrs *r = attrs_new(l->nformals);
    for (size_t i = 0; i < l->nformals; i++) {
        struct value *b = value_alloc();
        mk_bool(b, l->formals[i].def != NULL);
        attrs_push(r, l->formals[i].name, b, l->formals[i].pos);
    }
    mk_attrs(out, r);
}

/* ---- strings and paths ---- */

static void prim_toString(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    struct ctx_buf ctx = {0};
    const char *s = eval_coerce_to_string(st, args[0], pos, &ctx, true, false);
    mk_string(out, s, ctx_buf_finish(&ctx));
}

static void prim_baseNameOf(struct eval_state *st, struct value **args, struct value *out,
                            nix_pos pos) {
    struct ctx_buf ctx = {0};
    const char *s = eval_coerce_to_string(st, args[0], pos, &ctx, false, false);
    size_t len = strlen(s);
    if (len && s[len - 1] == '/') len--;
    size_t start = len;
    while (start > 0 && s[start - 1] != '/')
        start--;
    mk_string(out, gc_strndup(s + start, len - start), ctx_buf_finish(&ctx));
}

static void prim_dirOf(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_force(st, args[0], pos);
    bool is_path = args[0]->type == VT_PATH;
    struct ctx_buf ctx = {0};
    const char *s = eval_coerce_to_string(st, args[0], pos, &ctx, false, false);
    const char *slash = strrchr(s, '/');
    const char *d;
    if (!slash)
        d = ".";
    else if (slash == s)
        d = "/";
    else
        d = gc_strndup(s, (size_t)(slash - s));
    if (is_path)
        mk_path(out, d);
    else
        mk_string(out, d, ctx_buf_finish(&ctx));
}

static void prim_stringLength(struct eval_state *st, struct value **args, struct value *out,
                              nix_pos pos) {
    const char *s = eval_coerce_to_string(st, args[0], pos, NULL, false, false);
    mk_int(out, (int64_t)strlen(s));
}

static void prim_substring(struct eval_state *st, struct value **args, struct value *out,
                           nix_pos pos) {
    int64_t start = eval_force_int(st, args[0], pos);
    int64_t len = eval_force_int(st, args[1], pos);
    struct ctx_buf ctx = {0};
    const char *s = eval_coerce_to_string(st, args[2], pos, &ctx, false, false);
    if (start < 0) eval_error(st, ERR_EVAL, pos, "negative start position in 'substring'");
    size_t sl = strlen(s);
    if ((uint64_t)start >= sl) {
        mk_string(out, "", ctx_buf_finish(&ctx));
        return;
    }
    size_t n = sl - (size_t)start;
    if (len >= 0 && (uint64_t)len < n) n = (size_t)len;
    mk_string(out, gc_strndup(s + start, n), ctx_buf_finish(&ctx));
}

static void prim_concatStringsSep(struct eval_state *st, struct value **args, struct value *out,
                                  nix_pos pos) {
    struct ctx_buf ctx = {0};
    const char **sepctx = NULL;
    const char *sep = eval_force_string(st, args[0], pos, &sepctx);
    ctx_buf_add(&ctx, sepctx);
    eval_force_list(st, args[1], pos);
    struct strbuf sb;
    sb_init(&sb, 64);
    size_t sepl = strlen(sep);
    for (size_t i = 0; i < args[1]->list.n; i++) {
        if (i) sb_addn(&sb, sep, sepl);
        sb_adds(&sb, eval_coerce_to_string(st, args[1]->list.items[i], pos, &ctx, false, true));
    }
    mk_string(out, sb_str(&sb), ctx_buf_finish(&ctx));
}

static void prim_getEnv(struct eval_state *st, struct value **args, struct value *out,
                        nix_pos pos) {
    const char *name = eval_force_string_noctx(st, args[0], pos);
    const char *v = getenv(name);
    mk_string(out, v ? gc_strdup(v) : "", NULL);
}

/* ---- arithmetic ---- */

static void prim_add(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_arith(st, '+', args[0], args[1], out, pos);
}
static void prim_sub(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_arith(st, '-', args[0], args[1], out, pos);
}
static void prim_mul(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_arith(st, '*', args[0], args[1], out, pos);
}
static void prim_div(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_arith(st, '/', args[0], args[1], out, pos);
}
static void prim_lessThan(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    mk_bool(out, eval_compare(st, args[0], args[1], pos) < 0);
}

/* ---- search path ---- */

static bool path_exists(const char *p) {
    struct stat sb;
    return stat(p, &sb) == 0;
}

static void prim_findFile(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    eval_force_list(st, args[0], pos);
    const char *name = eval_force_string_noctx(st, args[1], pos);
    size_t nl = strlen(name);
    nix_sym s_prefix = eval_sym(st, "prefix"), s_path = eval_sym(st, "path");
    for (size_t i = 0; i < args[0]->list.n; i++) {
        struct attrs *e = eval_force_attrs(st, args[0]->list.items[i], pos);
        struct attr *pa = attrs_get(e, s_path);
        if (!pa) eval_error(st, ERR_EVAL, pos, "attribute 'path' missing");
        struct attr *pr = attrs_get(e, s_prefix);
        const char *prefix = pr ? eval_force_string_noctx(st, pr->value, pos) : "";
        const char *path = eval_coerce_to_string(st, pa->value, pos, NULL, false, false);
        if (path[0] != '/') {
            /* relative -I entries are relative to the working directory */
            char cwd[4096];
            if (getcwd(cwd, sizeof cwd)) path = gc_printf("%s/%s", cwd, path);
        }
        size_t pl = strlen(prefix);
        const char *rest;
        if (pl == 0)
            rest = name;
        else if (strncmp(name, prefix, pl) == 0 && (nl == pl || name[pl] == '/'))
            rest = name + pl + (nl == pl ? 0 : 1);
        else
            continue;
        const char *cand = *rest ? gc_printf("%s/%s", path, rest) : path;
        if (path_exists(cand)) {
            mk_path(out, path_canon(cand));
            return;
        }
    }
    eval_error(st, ERR_EVAL, pos,
               "file '%s' was not found in the Nix search path (add it using $NIX_PATH or -I)",
               name);
}

static struct value *make_nix_path(struct eval_state *st) {
    /* -I entries first, then NIX_PATH. */
    const char **entries = NULL;
    size_t n = 0, cap = 0;
    const char *env = getenv("NIX_PATH");
    size_t total = st->nsearch_path;
    char *envcopy = env ? gc_strdup(env) : NULL;
    cap = total + 16;
    entries = GC_MALLOC(cap * sizeof *entries);
    for (size_t i = 0; i < st->nsearch_path; i++)
        entries[n++] = st->search_path[i];
    if (envcopy) {
        for (char *tok = strtok(envcopy, ":"); tok; tok = strtok(NULL, ":")) {
            if (n == cap) {
                cap *= 2;
                const char **ne = GC_MALLOC(cap * sizeof *ne);
                memcpy(ne, entries, n * sizeof *ne);
                entries = ne;
            }
            entries[n++] = tok;
        }
    }
    struct value *l = value_alloc();
    mk_list(l, n);
    nix_sym s_prefix = eval_sym(st, "prefix"), s_path = eval_sym(st, "path");
    for (size_t i = 0; i < n; i++) {
        const char *e = entries[i];
        const char *eq = strchr(e, '=');
        struct attrs *a = attrs_new(2);
        attrs_push(a, s_prefix, str_value(eq ? gc_strndup(e, (size_t)(eq - e)) : ""), 0);
        attrs_push(a, s_path, str_value(eq ? eq + 1 : e), 0);
        attrs_sort(a);
        struct value *v = value_alloc();
        mk_attrs(v, a);
        l->list.items[i] = v;
    }
    return l;
}

static void prim_nixPath_thunk(struct eval_state *st, struct value **args, struct value *out,
                               nix_pos pos) {
    (void)args;
    (void)pos;
    *out = *make_nix_path(st);
}

void builtins_core_register(struct eval_state *st) {
    eval_register_primop(st, "import", 1, prim_import);
    eval_register_primop(st, "throw", 1, prim_throw);
    eval_register_primop(st, "abort", 1, prim_abort);
    eval_register_primop(st, "__seq", 2, prim_seq);
    eval_register_primop(st, "__deepSeq", 2, prim_deepSeq);
    eval_register_primop(st, "__trace", 2, prim_trace);
    eval_register_primop(st, "__tryEval", 1, prim_tryEval);
    eval_register_primop(st, "isNull", 1, prim_isNull);
    eval_register_primop(st, "__isInt", 1, prim_isInt);
    eval_register_primop(st, "__isFloat", 1, prim_isFloat);
    eval_register_primop(st, "__isBool", 1, prim_isBool);
    eval_register_primop(st, "__isString", 1, prim_isString);
    eval_register_primop(st, "__isPath", 1, prim_isPath);
    eval_register_primop(st, "__isList", 1, prim_isList);
    eval_register_primop(st, "__isAttrs", 1, prim_isAttrs);
    eval_register_primop(st, "__isFunction", 1, prim_isFunction);
    eval_register_primop(st, "__typeOf", 1, prim_typeOf);
    eval_register_primop(st, "__length", 1, prim_length);
    eval_register_primop(st, "__head", 1, prim_head);
    eval_register_primop(st, "__tail", 1, prim_tail);
    eval_register_primop(st, "__elemAt", 2, prim_elemAt);
    eval_register_primop(st, "map", 2, prim_map);
    eval_register_primop(st, "__filter", 2, prim_filter);
    eval_register_primop(st, "__foldl'", 3, prim_foldl);
    eval_register_primop(st, "__genList", 2, prim_genList);
    eval_register_primop(st, "__elem", 2, prim_elem);
    eval_register_primop(st, "__concatLists", 1, prim_concatLists);
    eval_register_primop(st, "__concatMap", 2, prim_concatMap);
    eval_register_primop(st, "__attrNames", 1, prim_attrNames);
    eval_register_primop(st, "__attrValues", 1, prim_attrValues);
    eval_register_primop(st, "__getAttr", 2, prim_getAttr);
    eval_register_primop(st, "__hasAttr", 2, prim_hasAttr);
    eval_register_primop(st, "removeAttrs", 2, prim_removeAttrs);
    eval_register_primop(st, "__listToAttrs", 1, prim_listToAttrs);
    eval_register_primop(st, "__mapAttrs", 2, prim_mapAttrs);
    eval_register_primop(st, "__functionArgs", 1, prim_functionArgs);
    eval_register_primop(st, "toString", 1, prim_toString);
    eval_register_primop(st, "baseNameOf", 1, prim_baseNameOf);
    eval_register_primop(st, "dirOf", 1, prim_dirOf);
    eval_register_primop(st, "__stringLength", 1, prim_stringLength);
    eval_register_primop(st, "__substring", 3, prim_substring);
    eval_register_primop(st, "__concatStringsSep", 2, prim_concatStringsSep);
    eval_register_primop(st, "__getEnv", 1, prim_getEnv);
    eval_register_primop(st, "__add", 2, prim_add);
    eval_register_primop(st, "__sub", 2, prim_sub);
    eval_register_primop(st, "__mul", 2, prim_mul);
    eval_register_primop(st, "__div", 2, prim_div);
    eval_register_primop(st, "__lessThan", 2, prim_lessThan);
    eval_register_primop(st, "__findFile", 2, prim_findFile);

    struct value *v;
    v = value_alloc();
    mk_bool(v, true);
    eval_register_value(st, "true", v);
    v = value_alloc();
    mk_bool(v, false);
    eval_register_value(st, "false", v);
    v = value_alloc();
    mk_null(v);
    eval_register_value(st, "null", v);
    eval_register_value(st, "__currentSystem", str_value(st->cur_system));
    eval_register_value(st, "__storeDir", str_value(st->store_dir));
    eval_register_value(st, "__nixVersion", str_value("2.8.0"));
    v = value_alloc();
    mk_int(v, 6);
    eval_register_value(st, "__langVersion", v);
    /* __nixPath is computed when first used (after -I options are known). */
    struct primop *op = GC_MALLOC(sizeof *op);
    op->name = "nixPath";
    op->arity = 1;
    op->fn = prim_nixPath_thunk;
    struct value *fn = value_alloc();
    fn->type = VT_PRIMOP;
    fn->primop = op;
    v = value_alloc();
    mk_app(v, fn, str_value(""));
    eval_register_value(st, "__nixPath", v);
}
