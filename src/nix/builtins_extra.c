/* builtins_extra: see builtins_extra.h. */
#include "nix/builtins_extra.h"
#include "nix/builtins_fetch.h"
#include "nix/eval.h"
#include "nix/nixregex.h"

#include <gc.h>
#include <string.h>
#include <sys/stat.h>

void builtins_extra_register(struct eval_state *st) {
    builtins_lists_register(st);
    builtins_attrs_register(st);
    builtins_strings_register(st);
    builtins_regex_register(st);
    builtins_math_register(st);
    builtins_json_register(st);
    builtins_toml_register(st);
    builtins_xml_register(st);
    builtins_fs_register(st);
    builtins_misc_register(st);
    builtins_scoped_register(st);
    builtins_hash_register(st);
    builtins_fetch_register(st);
}

void builtins_extra_release(struct eval_state *st) {
    nix_regex_cache_free(st->regex_cache);
    st->regex_cache = NULL;
}

void builtins_error_add_frame(struct nix_error *e, size_t outer, nix_pos pos, const char *msg) {
    if (outer > e->nframes) outer = e->nframes;
    size_t inner = e->nframes - outer;
    struct trace_frame *f = GC_MALLOC((e->nframes + 1) * sizeof *f);
    if (inner) memcpy(f, e->frames, inner * sizeof *f);
    f[inner] = (struct trace_frame){.pos = pos, .msg = msg};
    if (outer) memcpy(f + inner + 1, e->frames + inner, outer * sizeof *f);
    e->frames = f;
    e->nframes++;
}

void builtins_throw_with_frame(struct eval_state *st, nix_pos pos, const char *msg,
                               nix_pos frame_pos, const char *frame_msg) {
    struct nix_error *e = GC_MALLOC(sizeof *e);
    e->kind = ERR_EVAL;
    e->msg = msg;
    e->pos = pos;
    /* With --show-trace the frames active now follow, innermost first (as eval.c records). */
    size_t n = st->show_trace ? st->ntrace : 0;
    e->frames = GC_MALLOC((n + 1) * sizeof *e->frames);
    e->frames[0] = (struct trace_frame){.pos = frame_pos, .msg = frame_msg};
    for (size_t i = 0; i < n; i++)
        e->frames[i + 1] = st->trace[n - 1 - i];
    e->nframes = n + 1;
    eval_rethrow(st, e);
}

struct realise {
    struct value *v;
    nix_pos pos;
    const char *path;
};

/* A path whose string context names a derivation output that is not in the store: Nix would
 * have to build it first (import from derivation). hearth never builds while evaluating, so it
 * says what nix-instantiate --eval says, which does not write the .drv either: the derivation
 * "is not valid". An output already in the store (built earlier) is read as it is. */
static void check_outputs(struct eval_state *st, const char *path, const char **ctx);

void builtins_check_outputs(struct eval_state *st, struct value *v, const char *path) {
    if (v->type == VT_ATTRS) {
        struct attr *o = attrs_get(v->attrs, st->s_outPath);
        if (!o || o->value->type != VT_STRING) return;
        v = o->value;
    }
    if (v->type == VT_STRING) check_outputs(st, path, v->str.ctx);
}

static void check_outputs(struct eval_state *st, const char *path, const char **ctx) {
    size_t dl = strlen(st->store_dir);
    if (!ctx || strncmp(path, st->store_dir, dl) != 0 || path[dl] != '/') return;
    const char *slash = strchr(path + dl + 1, '/');
    const char *sp = slash ? gc_strndup(path, (size_t)(slash - path)) : path;
    struct stat sb;
    if (lstat(sp, &sb) == 0) return;
    for (size_t i = 0; ctx[i]; i++) {
        if (ctx[i][0] != '!') continue;
        const char *drv = strchr(ctx[i] + 1, '!');
        if (drv) eval_error(st, ERR_EVAL, 0, "path '%s' is not valid", drv + 1);
    }
}

static void realise_cb(struct eval_state *st, void *ud) {
    struct realise *r = ud;
    eval_force(st, r->v, r->pos);
    if (r->v->type == VT_PATH) {
        r->path = r->v->path;
        return;
    }
    struct ctx_buf cb = {0};
    const char *s = eval_coerce_to_string(st, r->v, r->pos, &cb, false, false);
    if (s[0] != '/')
        eval_error(st, ERR_EVAL, r->pos, "string '%s' doesn't represent an absolute path", s);
    check_outputs(st, s, ctx_buf_finish(&cb));
    r->path = s;
}

const char *builtins_realise_path(struct eval_state *st, struct value *v, nix_pos pos) {
    struct realise r = {v, pos, NULL};
    size_t outer = st->show_trace ? st->ntrace : 0;
    struct nix_error *e = eval_try(st, realise_cb, &r);
    if (e) {
        builtins_error_add_frame(e, outer, pos, "while realising the context of a path");
        eval_rethrow(st, e);
    }
    return r.path;
}
