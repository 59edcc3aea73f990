/* src/nix/builtins_store.c: the builtins that touch the store.
 *
 * Owns: derivationStrict and `derivation` (written in Nix on top of it), toFile, storePath,
 * placeholder, path, filterSource, getContext, hasContext, appendContext,
 * unsafeDiscardStringContext, unsafeDiscardOutputDependency, hashString, hashFile, and the
 * copy_to_store hook (`"${./file}"`). Semantics and error texts follow Nix (2.8, or current Nix
 * where they differ, as noted).
 *
 * The store is opened on first use, so evaluating an expression that never touches it creates
 * nothing on disk. Store code returns malloc'd strings and messages; they are copied to the GC
 * heap and freed before anything here can raise an evaluation error (which unwinds with
 * longjmp). A path filter written in Nix is called from inside the NAR walk under eval_try, so
 * its errors stop the walk cleanly and are re-raised afterwards. */
#include "nix/builtins_store.h"
#include "nix/eval.h"
#include "store/derivation.h"
#include "store/hash.h"
#include "store/nar.h"
#include "store/store.h"
#include "store/storepath.h"

#include <gc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the store builtins keep between calls (st->store_ctx). It lives on the GC heap, as
 * long as the evaluation state, since nothing tears that down explicitly. */
struct store_builtins {
    const char *dir;
    struct store *store; /* NULL until first needed */
    struct drv_hash_cache *drv_hashes;
    /* Sources already copied (file system path -> store path), as Nix's srcToStore: a path is
     * hashed once per evaluation. Open addressing; src NULL = empty. */
    struct copied {
        const char *src, *dst;
    } * copied;
    size_t ncopied, capcopied;
};

static struct store_builtins *sb_of(struct eval_state *st) {
    return st->store_ctx;
}

/* Raises a store error (a malloc'd message) as an evaluation error. Like Nix's store and
 * system errors, it carries no source position (`pos` is only for the trace). */
__attribute__((noreturn)) static void raise_store_error(struct eval_state *st, nix_pos pos,
                                                        char *err) {
    (void)pos;
    const char *msg = gc_strdup(err ? err : "out of memory");
    free(err);
    eval_error(st, ERR_EVAL, 0, "%s", msg);
}

static struct store *open_store(struct eval_state *st, nix_pos pos) {
    struct store_builtins *sb = sb_of(st);
    if (!sb->store) {
        char *err = NULL;
        struct store *opened = store_open(sb->dir, &err);
        if (!opened) raise_store_error(st, pos, err);
        struct store *s = GC_MALLOC(sizeof *s);
        s->dir = (char *)sb->dir;
        store_close(opened);
        sb->store = s;
    }
    return sb->store;
}

/* A GC copy of a malloc'd store path, freeing the original. */
static const char *gc_take(char *s) {
    const char *g = gc_strdup(s);
    free(s);
    return g;
}

static size_t str_hash(const char *s) {
    size_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static struct copied *copied_slot(struct copied *tab, size_t cap, const char *src) {
    size_t i = str_hash(src) & (cap - 1);
    while (tab[i].src && strcmp(tab[i].src, src) != 0)
        i = (i + 1) & (cap - 1);
    return &tab[i];
}

static const char *copied_get(struct store_builtins *sb, const char *src) {
    if (!sb->capcopied) return NULL;
    struct copied *c = copied_slot(sb->copied, sb->capcopied, src);
    return c->src ? c->dst : NULL;
}

static void copied_put(struct store_builtins *sb, const char *src, const char *dst) {
    if ((sb->ncopied + 1) * 2 > sb->capcopied) {
        size_t cap = sb->capcopied ? sb->capcopied * 2 : 64;
        struct copied *tab = GC_MALLOC(cap * sizeof *tab);
        for (size_t i = 0; i < sb->capcopied; i++)
            if (sb->copied[i].src) *copied_slot(tab, cap, sb->copied[i].src) = sb->copied[i];
        sb->copied = tab;
        sb->capcopied = cap;
    }
    struct copied *c = copied_slot(sb->copied, sb->capcopied, src);
    if (c->src) return;
    c->src = gc_strdup(src);
    c->dst = gc_strdup(dst);
    sb->ncopied++;
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* ---- path filters written in Nix ---- */

struct nix_filter {
    struct eval_state *st;
    struct value *fn;
    nix_pos pos;
    const char *path;
    const char *type;
    bool keep;
    struct nix_error *error;
};

static void call_filter(struct eval_state *st, void *ud) {
    struct nix_filter *f = ud;
    struct value *args[2] = {value_alloc(), value_alloc()};
    mk_string(args[0], gc_strdup(f->path), NULL);
    mk_string(args[1], f->type, NULL);
    struct value *res = value_alloc();
    eval_call(st, f->fn, 2, args, res, f->pos);
    f->keep = eval_force_bool(st, res, f->pos);
}

static int filter_cb(void *ud, const char *path, enum nar_type type, char **err) {
    struct nix_filter *f = ud;
    f->path = path;
    f->type = nar_type_name(type);
    struct nix_error *e = eval_try(f->st, call_filter, f);
    if (e) {
        f->error = e;
        *err = strdup("the path filter failed");
        return -1;
    }
    return f->keep ? 1 : 0;
}

/* Adds `path` to the store, raising any error. `filter` (may be NULL) is a Nix function.
 * `traced`: errors get Nix's "while adding path" frame (builtins.path and filterSource). */
static const char *add_path(struct eval_state *st, nix_pos pos, const char *path, const char *name,
                            struct value *filter, bool recursive, const struct hash *expected,
                            bool traced) {
    struct store *s = open_store(st, pos);
    if (traced) eval_trace_push(st, pos, gc_printf("while adding path '%s'", path));
    struct nix_filter f = {.st = st, .fn = filter, .pos = pos};
    struct store_add_source how = {.name = name,
                                   .recursive = recursive,
                                   .filter = filter && recursive ? filter_cb : NULL,
                                   .filter_ud = &f};
    char *err = NULL;
    if (expected) {
        /* Known content: when the path is already there, the source is not even read. */
        char *want = store_make_fixed_output_path(s->dir, recursive, expected, name);
        if (want && store_has_path(s, want)) {
            if (traced) eval_trace_pop(st);
            return gc_take(want);
        }
        free(want);
    }
    char *p = store_add_source(s, path, &how, NULL, &err);
    if (!p) {
        if (f.error) {
            free(err);
            eval_rethrow(st, f.error);
        }
        raise_store_error(st, pos, err);
    }
    const char *added = gc_take(p);
    if (expected) {
        char *want = store_make_fixed_output_path(s->dir, recursive, expected, name);
        bool same = want && strcmp(want, added) == 0;
        free(want);
        if (!same) /* a plain error in Nix: no position */
            eval_error(st, ERR_EVAL, 0,
                       "store path mismatch in (possibly filtered) path added from '%s'", path);
    }
    if (traced) eval_trace_pop(st);
    return added;
}

/* The copy_to_store hook: `"${./file}"`. */
static const char *copy_to_store(struct eval_state *st, const char *path, nix_pos pos) {
    struct store_builtins *sb = sb_of(st);
    const char *known = copied_get(sb, path);
    if (known) return gc_strdup(known);
    if (ends_with(path, ".drv")) /* no position in Nix either */
        eval_error(st, ERR_EVAL, 0, "file names are not allowed to end in '.drv'");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *p = add_path(st, pos, path, base, NULL, true, NULL, false);
    copied_put(sb, path, p);
    return p;
}

/* ---- small helpers ---- */

static struct value *bool_value(bool b) {
    struct value *v = value_alloc();
    mk_bool(v, b);
    return v;
}

static struct value *string_value(const char *s, const char **ctx) {
    struct value *v = value_alloc();
    mk_string(v, s, ctx);
    return v;
}

/* STOREDIR/HASH-NAME without checking the name's characters: what Nix calls a store path
 * when parsing context keys and storePath arguments. */
static bool is_store_path(struct eval_state *st, const char *p) {
    return store_path_is_store_path(sb_of(st)->dir, p);
}

static bool is_drv_path(const char *p) {
    return ends_with(p, ".drv");
}

/* ---- hashes ---- */

static enum hash_algo parse_algo(struct eval_state *st, const char *name, nix_pos pos) {
    enum hash_algo a;
    /* Nix reports this as a usage error, without a position (and adds "Try '... --help'"). */
    (void)pos;
    if (!hash_algo_from_name(name, &a))
        eval_error(st, ERR_USAGE, 0, "unknown hash algorithm '%s'", name);
    return a;
}

static const char *hex_of(const struct hash *h) {
    char *out = GC_MALLOC_ATOMIC(2 * h->len + 1);
    hash_to_base16(h->bytes, h->len, out);
    return out;
}

static void prim_hashString(struct eval_state *st, struct value **args, struct value *out,
                            nix_pos pos) {
    enum hash_algo a = parse_algo(st, eval_force_string_noctx(st, args[0], pos), pos);
    const char *s = eval_force_string(st, args[1], pos, NULL);
    struct hash h = hash_buffer(a, s, strlen(s));
    mk_string(out, hex_of(&h), NULL);
}

static void prim_hashFile(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    enum hash_algo a = parse_algo(st, eval_force_string_noctx(st, args[0], pos), pos);
    const char *path = eval_coerce_to_path(st, args[1], pos);
    struct hash h;
    char *err = NULL;
    if (hash_file(path, a, &h, &err) < 0) raise_store_error(st, pos, err);
    mk_string(out, hex_of(&h), NULL);
}

/* ---- toFile, storePath, placeholder ---- */

static void prim_toFile(struct eval_state *st, struct value **args, struct value *out,
                        nix_pos pos) {
    const char *name = eval_force_string_noctx(st, args[0], pos);
    const char **ctx = NULL;
    const char *contents = eval_force_string(st, args[1], pos, &ctx);
    size_t n = ctx_count(ctx);
    const char **refs = GC_MALLOC((n ? n : 1) * sizeof *refs);
    for (size_t i = 0; i < n; i++) {
        if (ctx[i][0] != '/')
            eval_error(st, ERR_EVAL, pos,
                       "in 'toFile': the file named '%s' must not contain a reference to a "
                       "derivation but contains (%s)",
                       name, ctx[i]);
        refs[i] = ctx[i];
    }
    struct store *s = open_store(st, pos);
    char *err = NULL;
    char *p = store_add_text(s, name, contents, strlen(contents), refs, n, &err);
    if (!p) raise_store_error(st, pos, err);
    const char *path = gc_take(p);
    mk_string(out, path, ctx_single(path));
}

static void prim_storePath(struct eval_state *st, struct value **args, struct value *out,
                           nix_pos pos) {
    const char *path = eval_coerce_to_path(st, args[0], pos);
    const char *dir = sb_of(st)->dir;
    size_t dl = strlen(dir);
    if (strncmp(path, dir, dl) != 0 || path[dl] != '/') {
        /* Nix resolves symlinks first, for paths that lead into the store. */
        char *real = realpath(path, NULL);
        if (real) {
            path = gc_take(real);
        }
    }
    if (strncmp(path, dir, dl) != 0 || path[dl] != '/' || !path[dl + 1])
        eval_error(st, ERR_EVAL, pos, "path '%s' is not in the Nix store", path);
    const char *slash = strchr(path + dl + 1, '/');
    const char *sp = slash ? gc_strndup(path, (size_t)(slash - path)) : path;
    if (!is_store_path(st, sp))
        eval_error(st, ERR_EVAL, pos, "path '%s' is not a valid store path", sp);
    if (!store_has_path(open_store(st, pos), sp))
        eval_error(st, ERR_EVAL, pos, "path '%s' is not valid", sp);
    mk_string(out, path, ctx_single(sp));
}

static void prim_placeholder(struct eval_state *st, struct value **args, struct value *out,
                             nix_pos pos) {
    const char *output = eval_force_string_noctx(st, args[0], pos);
    const char *text = gc_printf("nix-output:%s", output);
    struct hash h = hash_buffer(HASH_SHA256, text, strlen(text));
    char *s = GC_MALLOC_ATOMIC(hash_base32_len(h.len) + 2);
    s[0] = '/';
    hash_to_base32(h.bytes, h.len, s + 1);
    mk_string(out, s, NULL);
}

/* ---- path and filterSource ---- */

static void prim_path(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    struct attrs *a = eval_force_attrs(st, args[0], pos);
    const char *path = NULL, *name = NULL;
    struct value *filter = NULL;
    bool recursive = true, have_hash = false;
    struct hash expected;
    for (uint32_t i = 0; i < a->n; i++) {
        const char *key = sym_name(st->symbols, a->a[i].name);
        struct value *v = a->a[i].value;
        nix_pos apos = a->a[i].pos ? a->a[i].pos : pos;
        if (strcmp(key, "path") == 0) {
            struct ctx_buf ctx = {0};
            path = eval_coerce_to_string(st, v, apos, &ctx, false, false);
            if (ctx_buf_finish(&ctx))
                eval_error(st, ERR_EVAL, apos, "string '%s' cannot refer to other paths", path);
            if (path[0] != '/')
                eval_error(st, ERR_EVAL, apos, "string '%s' doesn't represent an absolute path",
                           path);
            char *canon = path_canon(path);
            if (canon) path = canon;
        } else if (strcmp(key, "name") == 0) {
            name = eval_force_string_noctx(st, v, apos);
        } else if (strcmp(key, "filter") == 0) {
            eval_force_function(st, v, apos);
            filter = v;
        } else if (strcmp(key, "recursive") == 0) {
            recursive = eval_force_bool(st, v, apos);
        } else if (strcmp(key, "sha256") == 0) {
            const char *text = eval_force_string_noctx(st, v, apos);
            enum hash_algo sha = HASH_SHA256;
            char *err = NULL;
            if (hash_parse_any(text, &sha, &expected, &err) < 0) raise_store_error(st, apos, err);
            have_hash = true;
        } else {
            eval_error(st, ERR_EVAL, apos, "unsupported argument '%s' to 'addPath'", key);
        }
    }
    if (!path) eval_error(st, ERR_EVAL, pos, "'path' required");
    if (!name) {
        const char *base = strrchr(path, '/');
        name = base ? base + 1 : path;
    }
    const char *p =
        add_path(st, pos, path, name, filter, recursive, have_hash ? &expected : NULL, true);
    mk_string(out, p, ctx_single(p));
}

static void prim_filterSource(struct eval_state *st, struct value **args, struct value *out,
                              nix_pos pos) {
    const char *path = eval_coerce_to_path(st, args[1], pos);
    eval_force(st, args[0], pos);
    if (args[0]->type != VT_LAMBDA && args[0]->type != VT_PRIMOP && args[0]->type != VT_PRIMOP_APP)
        eval_error(st, ERR_EVAL, pos,
                   "first argument in call to 'filterSource' is not a function but %s",
                   value_type_desc(args[0]));
    const char *base = strrchr(path, '/');
    const char *p = add_path(st, pos, path, base ? base + 1 : path, args[0], true, NULL, true);
    mk_string(out, p, ctx_single(p));
}

/* ---- string context ---- */

static void prim_hasContext(struct eval_state *st, struct value **args, struct value *out,
                            nix_pos pos) {
    const char **ctx = NULL;
    eval_force_string(st, args[0], pos, &ctx);
    mk_bool(out, ctx_count(ctx) > 0);
}

static void prim_unsafeDiscardStringContext(struct eval_state *st, struct value **args,
                                            struct value *out, nix_pos pos) {
    /* Nix coerces (a path is copied to the store, a set gives its outPath) */
    mk_string(out, eval_coerce_to_string(st, args[0], pos, NULL, false, true), NULL);
}

static void prim_unsafeDiscardOutputDependency(struct eval_state *st, struct value **args,
                                               struct value *out, nix_pos pos) {
    struct ctx_buf in = {0};
    const char *s = eval_coerce_to_string(st, args[0], pos, &in, false, true);
    const char **ctx = ctx_buf_finish(&in);
    struct ctx_buf b = {0};
    for (size_t i = 0; ctx && ctx[i]; i++)
        ctx_buf_add(&b, ctx_single(ctx[i][0] == '=' ? ctx[i] + 1 : ctx[i]));
    mk_string(out, s, ctx_buf_finish(&b));
}

/* Current Nix (2.18+), the inverse of unsafeDiscardOutputDependency: the one plain .drv path in
 * the context becomes a whole-derivation (`=`) element; already `=` is kept (idempotent). */
static void prim_addDrvOutputDependencies(struct eval_state *st, struct value **args,
                                          struct value *out, nix_pos pos) {
    struct ctx_buf in = {0};
    const char *s = eval_coerce_to_string(st, args[0], pos, &in, false, true);
    const char **ctx = ctx_buf_finish(&in);
    size_t n = ctx_count(ctx);
    if (n != 1)
        eval_error(st, ERR_EVAL, pos,
                   "context of string '%s' must have exactly one element, but has %zu", s, n);
    const char *c = ctx[0];
    if (c[0] == '!') {
        const char *end = strchr(c + 1, '!');
        eval_error(st, ERR_EVAL, pos,
                   "`addDrvOutputDependencies` can only act on derivations, not on a derivation "
                   "output such as '%.*s'",
                   (int)(end ? end - (c + 1) : 0), c + 1);
    }
    if (c[0] != '=') {
        size_t l = strlen(c);
        if (l < 4 || strcmp(c + l - 4, ".drv") != 0)
            eval_error(st, ERR_EVAL, pos, "path '%s' is not a derivation", c);
        c = gc_printf("=%s", c);
    }
    mk_string(out, s, ctx_single(c));
}

/* One path's entry in getContext's result. */
struct ctx_info {
    const char *path;
    bool plain, all;
    const char **outputs;
    size_t noutputs;
};

static int cmp_ctx_info(const void *a, const void *b) {
    return strcmp(((const struct ctx_info *)a)->path, ((const struct ctx_info *)b)->path);
}

static void prim_getContext(struct eval_state *st, struct value **args, struct value *out,
                            nix_pos pos) {
    const char **ctx = NULL;
    eval_force_string(st, args[0], pos, &ctx);
    size_t n = ctx_count(ctx), ninfo = 0;
    struct ctx_info *info = GC_MALLOC((n ? n : 1) * sizeof *info);
    /* The context is sorted, so the outputs of one derivation come in name order. */
    for (size_t i = 0; i < n; i++) {
        const char *e = ctx[i], *path = e, *output = NULL;
        if (e[0] == '=') {
            path = e + 1;
        } else if (e[0] == '!') {
            const char *bang = strchr(e + 1, '!');
            if (!bang) continue;
            output = gc_strndup(e + 1, (size_t)(bang - e - 1));
            path = bang + 1;
        }
        struct ctx_info *ci = NULL;
        for (size_t j = 0; j < ninfo; j++)
            if (strcmp(info[j].path, path) == 0) ci = &info[j];
        if (!ci) {
            ci = &info[ninfo++];
            ci->path = path;
            ci->outputs = GC_MALLOC((n + 1) * sizeof *ci->outputs);
        }
        if (e[0] == '=') {
            ci->all = true;
        } else if (output) {
            ci->outputs[ci->noutputs++] = output;
        } else {
            ci->plain = true;
        }
    }
    qsort(info, ninfo, sizeof *info, cmp_ctx_info);
    struct attrs *res = attrs_new(ninfo);
    for (size_t i = 0; i < ninfo; i++) {
        struct attrs *one = attrs_new(3);
        if (info[i].plain) attrs_push(one, eval_sym(st, "path"), bool_value(true), 0);
        if (info[i].all) attrs_push(one, eval_sym(st, "allOutputs"), bool_value(true), 0);
        if (info[i].noutputs) {
            struct value *list = value_alloc();
            mk_list(list, info[i].noutputs);
            for (size_t k = 0; k < info[i].noutputs; k++)
                list->list.items[k] = string_value(info[i].outputs[k], NULL);
            attrs_push(one, eval_sym(st, "outputs"), list, 0);
        }
        attrs_sort(one);
        struct value *v = value_alloc();
        mk_attrs(v, one);
        attrs_push(res, eval_sym(st, info[i].path), v, 0);
    }
    attrs_sort(res);
    mk_attrs(out, res);
}

static void prim_appendContext(struct eval_state *st, struct value **args, struct value *out,
                               nix_pos pos) {
    const char **ctx = NULL;
    const char *s = eval_force_string(st, args[0], pos, &ctx);
    struct attrs *a = eval_force_attrs(st, args[1], pos);
    struct ctx_buf b = {0};
    ctx_buf_add(&b, ctx);
    nix_sym s_path = eval_sym(st, "path"), s_all = eval_sym(st, "allOutputs"),
            s_outputs = eval_sym(st, "outputs");
    for (uint32_t i = 0; i < a->n; i++) {
        const char *key = sym_name(st->symbols, a->a[i].name);
        nix_pos apos = a->a[i].pos ? a->a[i].pos : pos;
        if (!is_store_path(st, key)) /* 2.8 prints the key as a quoted symbol. */
            eval_error(st, ERR_EVAL, apos, "Context key '\"%s\"' is not a store path", key);
        struct attrs *info = eval_force_attrs(st, a->a[i].value, apos);
        struct attr *x = attrs_get(info, s_path);
        if (x && eval_force_bool(st, x->value, apos)) ctx_buf_add(&b, ctx_single(key));
        x = attrs_get(info, s_all);
        if (x && eval_force_bool(st, x->value, apos)) {
            if (!is_drv_path(key))
                eval_error(st, ERR_EVAL, apos,
                           "Tried to add all-outputs context of \"%s\", which is not a "
                           "derivation, to a string",
                           key);
            ctx_buf_add(&b, ctx_single(gc_printf("=%s", key)));
        }
        x = attrs_get(info, s_outputs);
        if (x) {
            eval_force_list(st, x->value, apos);
            if (x->value->list.n && !is_drv_path(key))
                eval_error(st, ERR_EVAL, apos,
                           "Tried to add derivation output context of \"%s\", which is not a "
                           "derivation, to a string",
                           key);
            for (size_t k = 0; k < x->value->list.n; k++) {
                const char *o = eval_force_string_noctx(st, x->value->list.items[k], apos);
                ctx_buf_add(&b, ctx_single(gc_printf("!%s!%s", o, key)));
            }
        }
    }
    mk_string(out, s, ctx_buf_finish(&b));
}

/* ---- derivationStrict ---- */

/* What derivationStrict collects from the attributes before touching the store: everything
 * that may raise an evaluation error happens while filling this (GC memory only). */
struct drv_spec {
    const char *name;
    nix_pos name_pos;
    const char **keys, **values; /* the environment, in name order */
    size_t nenv;
    const char **args;
    size_t nargs;
    const char **outputs; /* in the order given */
    size_t noutputs;
    const char *builder, *system;
    const char *hash, *hash_algo;
    bool recursive;
    struct ctx_buf ctx;
};

struct named_attr {
    const char *name;
    struct attr *attr;
};

static int cmp_named_attr(const void *a, const void *b) {
    return strcmp(((const struct named_attr *)a)->name, ((const struct named_attr *)b)->name);
}

static void set_outputs(struct eval_state *st, struct drv_spec *spec, const char *s) {
    size_t len = strlen(s);
    spec->outputs = GC_MALLOC((len / 2 + 2) * sizeof *spec->outputs);
    spec->noutputs = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (!*p) break;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        const char *o = gc_strndup(start, (size_t)(p - start));
        for (size_t i = 0; i < spec->noutputs; i++)
            if (strcmp(spec->outputs[i], o) == 0)
                eval_error(st, ERR_EVAL, spec->name_pos, "duplicate derivation output '%s'", o);
        /* An output named "drv" would clash with the drvPath attribute. */
        if (strcmp(o, "drv") == 0)
            eval_error(st, ERR_EVAL, spec->name_pos, "invalid derivation output name 'drv'");
        spec->outputs[spec->noutputs++] = o;
    }
    if (spec->noutputs == 0)
        eval_error(st, ERR_EVAL, spec->name_pos, "derivation cannot have an empty set of outputs");
}

/* toJSON of `v`, its context added to the derivation's. */
static const char *json_of(struct eval_state *st, struct drv_spec *spec, struct value *to_json,
                           struct value *v, nix_pos pos) {
    struct value *res = value_alloc();
    eval_call(st, to_json, 1, &v, res, pos);
    const char **ctx = NULL;
    const char *s = eval_force_string(st, res, pos, &ctx);
    ctx_buf_add(&spec->ctx, ctx);
    return s;
}

/* One attribute of a structured-attributes derivation: `"key":JSON` in the __json object, and
 * the attributes Nix reads itself, which must then be plain strings (or a list of them). */
static void add_json_attr(struct eval_state *st, struct drv_spec *spec, struct value *to_json,
                          struct strbuf *json, const char *key, struct value *v, nix_pos pos) {
    if (json->len > 1) sb_addc(json, ',');
    sb_adds(json, json_of(st, spec, to_json, string_value(key, NULL), pos));
    sb_addc(json, ':');
    sb_adds(json, json_of(st, spec, to_json, v, pos));
    if (strcmp(key, "builder") == 0) {
        spec->builder = eval_force_string(st, v, pos, NULL);
    } else if (strcmp(key, "system") == 0) {
        spec->system = eval_force_string_noctx(st, v, pos);
    } else if (strcmp(key, "outputHash") == 0) {
        spec->hash = eval_force_string_noctx(st, v, pos);
    } else if (strcmp(key, "outputHashAlgo") == 0) {
        spec->hash_algo = eval_force_string_noctx(st, v, pos);
    } else if (strcmp(key, "outputHashMode") == 0) {
        const char *m = eval_force_string_noctx(st, v, pos);
        if (strcmp(m, "recursive") != 0 && strcmp(m, "flat") != 0)
            eval_error(st, ERR_EVAL, spec->name_pos,
                       "invalid value '%s' for 'outputHashMode' attribute", m);
        spec->recursive = strcmp(m, "recursive") == 0;
    } else if (strcmp(key, "outputs") == 0) {
        eval_force_list(st, v, pos);
        struct strbuf names;
        sb_init(&names, 32);
        for (size_t i = 0; i < v->list.n; i++) {
            if (i) sb_addc(&names, ' ');
            sb_adds(&names, eval_force_string_noctx(st, v->list.items[i], pos));
        }
        set_outputs(st, spec, sb_str(&names));
    }
}

static void collect_spec(struct eval_state *st, struct attrs *a, nix_pos pos,
                         struct drv_spec *spec) {
    struct attr *name = attrs_get(a, st->s_name);
    if (!name) { /* placed at the set, the call as a frame, as Nix does */
        eval_trace_push(st, pos, "while invoking 'derivationStrict'");
        eval_error(st, ERR_EVAL, a->pos ? a->pos : pos,
                   "attribute 'name' missing for call to 'derivationStrict'");
    }
    spec->name_pos = name->pos ? name->pos : pos;
    eval_trace_push(st, spec->name_pos, "while evaluating the derivation attribute 'name'");
    spec->name = eval_force_string_noctx(st, name->value, spec->name_pos);
    eval_trace_pop(st);

    bool ignore_nulls = false;
    struct attr *in = attrs_get(a, eval_sym(st, "__ignoreNulls"));
    if (in) ignore_nulls = eval_force_bool(st, in->value, pos);
    /* With structured attributes, every attribute goes into one JSON object, `__json`, written
     * by builtins.toJSON (which copies paths to the store and keeps contexts, as Nix does). */
    struct attr *sa = attrs_get(a, eval_sym(st, "__structuredAttrs"));
    struct value *to_json = NULL;
    struct strbuf json;
    if (sa && eval_force_bool(st, sa->value, sa->pos ? sa->pos : pos)) {
        struct attr *tj = attrs_get(st->builtins->attrs, eval_sym(st, "toJSON"));
        if (!tj) eval_error(st, ERR_EVAL, pos, "attribute 'toJSON' missing");
        to_json = tj->value;
        sb_init(&json, 256);
        sb_addc(&json, '{');
    }

    struct named_attr *sorted = GC_MALLOC((a->n ? a->n : 1) * sizeof *sorted);
    for (uint32_t i = 0; i < a->n; i++)
        sorted[i] = (struct named_attr){sym_name(st->symbols, a->a[i].name), &a->a[i]};
    qsort(sorted, a->n, sizeof *sorted, cmp_named_attr);

    spec->keys = GC_MALLOC((a->n ? a->n : 1) * sizeof *spec->keys);
    spec->values = GC_MALLOC((a->n ? a->n : 1) * sizeof *spec->values);
    set_outputs(st, spec, "out");
    for (uint32_t i = 0; i < a->n; i++) {
        const char *key = sorted[i].name;
        struct value *v = sorted[i].attr->value;
        nix_pos apos = sorted[i].attr->pos ? sorted[i].attr->pos : pos;
        if (strcmp(key, "__ignoreNulls") == 0) continue;
        eval_trace_push(st, apos,
                        gc_printf("while evaluating the attribute '%s' of the derivation '%s'", key,
                                  spec->name));
        /* Positions as in Nix: the value is forced at the call, coerced at the attribute. */
        eval_force(st, v, pos);
        if (ignore_nulls && v->type == VT_NULL) {
            eval_trace_pop(st);
            continue;
        }
        if (strcmp(key, "__contentAddressed") == 0 || strcmp(key, "__impure") == 0) {
            /* Flags for Nix itself, not passed to the builder. */
            if (eval_force_bool(st, v, apos))
                eval_error(st, ERR_EVAL, apos,
                           "experimental Nix feature 'ca-derivations' is disabled; enable it "
                           "with '--extra-experimental-features ca-derivations'");
            eval_trace_pop(st);
            continue;
        }
        if (strcmp(key, "args") == 0) {
            eval_force_list(st, v, pos);
            spec->nargs = v->list.n;
            spec->args = GC_MALLOC((v->list.n ? v->list.n : 1) * sizeof *spec->args);
            for (size_t k = 0; k < v->list.n; k++)
                spec->args[k] = eval_coerce_to_string(st, v->list.items[k], spec->name_pos,
                                                      &spec->ctx, true, true);
            eval_trace_pop(st);
            continue;
        }
        if (to_json) {
            if (strcmp(key, "__structuredAttrs") != 0)
                add_json_attr(st, spec, to_json, &json, key, v, apos);
            eval_trace_pop(st);
            continue;
        }
        const char *s = eval_coerce_to_string(st, v, apos, &spec->ctx, true, true);
        spec->keys[spec->nenv] = key;
        spec->values[spec->nenv++] = s;
        if (strcmp(key, "builder") == 0) {
            spec->builder = s;
        } else if (strcmp(key, "system") == 0) {
            spec->system = s;
        } else if (strcmp(key, "outputHash") == 0) {
            spec->hash = s;
        } else if (strcmp(key, "outputHashAlgo") == 0) {
            spec->hash_algo = s;
        } else if (strcmp(key, "outputHashMode") == 0) {
            if (strcmp(s, "recursive") == 0) {
                spec->recursive = true;
            } else if (strcmp(s, "flat") == 0) {
                spec->recursive = false;
            } else {
                eval_error(st, ERR_EVAL, spec->name_pos,
                           "invalid value '%s' for 'outputHashMode' attribute", s);
            }
        } else if (strcmp(key, "outputs") == 0) {
            set_outputs(st, spec, s);
        }
        eval_trace_pop(st);
    }
    if (to_json) {
        sb_addc(&json, '}');
        spec->keys[0] = "__json";
        spec->values[0] = sb_str(&json);
        spec->nenv = 1;
    }
    if (!spec->builder || !*spec->builder)
        eval_error(st, ERR_EVAL, spec->name_pos, "required attribute 'builder' missing");
    if (!spec->system || !*spec->system)
        eval_error(st, ERR_EVAL, spec->name_pos, "required attribute 'system' missing");
    if (ends_with(spec->name, ".drv"))
        eval_error(st, ERR_EVAL, spec->name_pos,
                   "derivation names are not allowed to end in '.drv'");
    if (spec->hash && (spec->noutputs != 1 || strcmp(spec->outputs[0], "out") != 0))
        eval_error(st, ERR_EVAL, spec->name_pos,
                   "multiple outputs are not supported in fixed-output derivations");
}

/* Adds a whole derivation (its .drv and everything it refers to, recursively) as inputs, as
 * Nix does for "=" context: every .drv in the closure becomes an input source and an input
 * derivation with all its outputs, every source an input source. Returns 0 or -1 with *err. */
static int add_drv_closure(struct derivation *d, const char *drv_path, char **err) {
    if (derivation_add_src(d, drv_path) < 0) goto oom;
    char *text = NULL;
    size_t len = 0;
    if (store_read_file(drv_path, &text, &len, err) < 0) return -1;
    struct derivation *in = derivation_parse(text, len, "closure", err);
    free(text);
    if (!in) return -1;
    int rc = 0;
    for (size_t i = 0; i < in->noutputs && rc == 0; i++)
        if (derivation_add_input(d, drv_path, in->outputs[i].name) < 0) rc = -1;
    for (size_t i = 0; i < in->nsrcs && rc == 0; i++)
        if (derivation_add_src(d, in->srcs[i]) < 0) rc = -1;
    if (rc < 0) {
        derivation_free(in);
        goto oom;
    }
    for (size_t i = 0; i < in->ninputs && rc == 0; i++) {
        /* Already added: its closure is in too. */
        bool seen = false;
        for (size_t k = 0; k < d->nsrcs && !seen; k++)
            seen = strcmp(d->srcs[k], in->inputs[i].drv_path) == 0;
        if (!seen) rc = add_drv_closure(d, in->inputs[i].drv_path, err);
    }
    derivation_free(in);
    return rc;
oom:
    *err = strdup("out of memory");
    return -1;
}

/* Builds, hashes and writes the derivation; returns the .drv path and fills `out_paths`
 * (GC strings, in the order of spec->outputs). Raises errors only after freeing. */
static const char *make_derivation(struct eval_state *st, struct drv_spec *spec,
                                   const char **out_paths, nix_pos pos) {
    struct store_builtins *sb = sb_of(st);
    struct store *s = open_store(st, pos);
    struct hash fixed;
    if (spec->hash) {
        enum hash_algo algo;
        bool have_algo = spec->hash_algo && hash_algo_from_name(spec->hash_algo, &algo);
        char *err = NULL;
        if (hash_parse_any(spec->hash, have_algo ? &algo : NULL, &fixed, &err) < 0)
            raise_store_error(st, spec->name_pos, err);
    }
    const char **ctx = ctx_buf_finish(&spec->ctx);
    struct derivation *d = derivation_new(spec->name);
    char *err = NULL;
    bool oom = !d || derivation_set_platform(d, spec->system) < 0 ||
               derivation_set_builder(d, spec->builder) < 0;
    for (size_t i = 0; !oom && i < spec->nargs; i++)
        oom = derivation_add_arg(d, spec->args[i]) < 0;
    for (size_t i = 0; !oom && i < spec->nenv; i++)
        oom = derivation_set_env(d, spec->keys[i], spec->values[i]) < 0;
    if (!oom && spec->hash) {
        char algo[16];
        char *hex = GC_MALLOC_ATOMIC(2 * fixed.len + 1);
        hash_to_base16(fixed.bytes, fixed.len, hex);
        snprintf(algo, sizeof algo, "%s%s", spec->recursive ? "r:" : "",
                 hash_algo_name(fixed.algo));
        oom = derivation_set_fixed_output(d, algo, hex) < 0;
    }
    for (size_t i = 0; !oom && !spec->hash && i < spec->noutputs; i++)
        oom = derivation_add_output(d, spec->outputs[i]) < 0;
    int rc = oom ? -1 : 0;
    if (oom) err = strdup("out of memory");
    for (size_t i = 0; rc == 0 && ctx && ctx[i]; i++) {
        const char *e = ctx[i];
        if (e[0] == '=') {
            rc = add_drv_closure(d, e + 1, &err);
        } else if (e[0] == '!') {
            const char *bang = strchr(e + 1, '!');
            char *output = bang ? strndup(e + 1, (size_t)(bang - e - 1)) : NULL;
            rc = output && derivation_add_input(d, bang + 1, output) == 0 ? 0 : -1;
            if (rc < 0) err = strdup("out of memory");
            free(output);
        } else {
            rc = derivation_add_src(d, e);
            if (rc < 0) err = strdup("out of memory");
        }
    }
    if (rc == 0) rc = derivation_compute_outputs(d, s->dir, sb->drv_hashes, &err);
    char *drv_path = rc == 0 ? derivation_write(d, s, true, sb->drv_hashes, &err) : NULL;
    if (drv_path) {
        for (size_t i = 0; i < spec->noutputs; i++) {
            const struct drv_output *o = derivation_find_output(d, spec->outputs[i]);
            out_paths[i] = gc_strdup(o ? o->path : "");
        }
    }
    derivation_free(d);
    if (!drv_path) raise_store_error(st, spec->name_pos, err);
    return gc_take(drv_path);
}

static void prim_derivationStrict(struct eval_state *st, struct value **args, struct value *out,
                                  nix_pos pos) {
    struct attrs *a = eval_force_attrs(st, args[0], pos);
    struct drv_spec spec = {0};
    collect_spec(st, a, pos, &spec);
    const char **paths = GC_MALLOC(spec.noutputs * sizeof *paths);
    const char *drv_path = make_derivation(st, &spec, paths, pos);
    struct attrs *res = attrs_new(spec.noutputs + 1);
    attrs_push(res, st->s_drvPath, string_value(drv_path, ctx_single(gc_printf("=%s", drv_path))),
               0);
    for (size_t i = 0; i < spec.noutputs; i++)
        attrs_push(
            res, eval_sym(st, spec.outputs[i]),
            string_value(paths[i], ctx_single(gc_printf("!%s!%s", spec.outputs[i], drv_path))), 0);
    attrs_sort(res);
    mk_attrs(out, res);
}

static void *gc_zalloc(size_t n) {
    return GC_MALLOC(n); /* zeroed */
}

static void gc_release(void *p) {
    (void)p; /* the collector frees it */
}

/* `derivation`: the attribute set users see, made lazily on top of derivationStrict. Each
 * output is the caller's attributes plus the outputs by name, `all`, `drvAttrs`, and its own
 * outPath, drvPath, type and outputName; the result is the first output given.
 * The text is laid out so that the derivationStrict call and each attribute sit on the line
 * and column Nix 2.8 reports for them (in --xml output and error positions): keep the line
 * numbers and indentation when editing. */
static const char derivation_nix[] =
    "# The set `derivation` returns; laid out so that positions match Nix's (see\n"
    "# builtins_store.c).\n"
    "drvAttrs @ { outputs ? [ \"out\" ], ... }:\n"
    "\n"
    "let\n"
    "\n"
    "  strict =\n"
    "\n"
    "           derivationStrict drvAttrs;\n"
    "\n"
    "  shared = drvAttrs // __listToAttrs perOutput // {\n"
    "      all = map (o: o.value) perOutput;\n"
    "      inherit drvAttrs;\n"
    "  };\n"
    "\n"
    "  forOutput = outputName: {\n"
    "    name = outputName;\n"
    "      value = shared // {\n"
    "        outPath = strict.${outputName};\n"
    "        drvPath = strict.drvPath;\n"
    "        type = \"derivation\";\n"
    "        inherit outputName;\n"
    "      };\n"
    "  };\n"
    "\n"
    "  perOutput = map forOutput outputs;\n"
    "\n"
    "in (__head perOutput).value\n";

void builtins_store_register(struct eval_state *st) {
    struct store_builtins *sb = GC_MALLOC(sizeof *sb);
    char *err = NULL;
    /* The evaluator's store directory made canonical the way the store module does it. */
    char *dir = store_resolve_dir(st->store_dir, &err);
    sb->drv_hashes = drv_hash_cache_new_with(gc_zalloc, gc_release);
    if (!dir || !sb->drv_hashes) {
        free(err);
        abort(); /* out of memory while starting up */
    }
    sb->dir = gc_take(dir);
    st->store_dir = sb->dir;
    st->store_ctx = sb;
    st->copy_to_store = copy_to_store;
    eval_register_value(st, "__storeDir", string_value(st->store_dir, NULL));

    eval_register_primop(st, "derivationStrict", 1, prim_derivationStrict);
    eval_register_primop(st, "__toFile", 2, prim_toFile);
    eval_register_primop(st, "__storePath", 1, prim_storePath);
    eval_register_primop(st, "placeholder", 1, prim_placeholder);
    eval_register_primop(st, "__path", 1, prim_path);
    eval_register_primop(st, "__filterSource", 2, prim_filterSource);
    eval_register_primop(st, "__getContext", 1, prim_getContext);
    eval_register_primop(st, "__hasContext", 1, prim_hasContext);
    eval_register_primop(st, "__appendContext", 2, prim_appendContext);
    eval_register_primop(st, "__unsafeDiscardStringContext", 1, prim_unsafeDiscardStringContext);
    eval_register_primop(st, "__addDrvOutputDependencies", 1, prim_addDrvOutputDependencies);
    eval_register_primop(st, "__unsafeDiscardOutputDependency", 1,
                         prim_unsafeDiscardOutputDependency);
    eval_register_primop(st, "__hashString", 2, prim_hashString);
    eval_register_primop(st, "__hashFile", 2, prim_hashFile);
    eval_register_nix(st, "derivation", derivation_nix);
}
