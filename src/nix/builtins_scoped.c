/* builtins_scoped: builtins.scopedImport: evaluates a file (or DIR/default.nix) with the
 * attributes of a set as extra variables in front of the builtins, as Nix does. Unlike import,
 * the result is not cached (the same file may be imported with different scopes). */
#include "nix/ast.h"
#include "nix/builtins_extra.h"
#include "nix/eval.h"

#include <errno.h>
#include <gc.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *read_source(struct eval_state *st, const char *path, nix_pos pos) {
    FILE *f = fopen(path, "rb");
    if (!f) eval_error(st, ERR_IO, pos, "opening file '%s': %s", path, strerror(errno));
    struct strbuf sb;
    sb_init(&sb, 4096);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_addn(&sb, buf, n);
    fclose(f);
    const char *text = sb_str(&sb);
    if (strlen(text) != sb.len)
        eval_error(st, ERR_PARSE, pos, "file '%s' contains a NUL byte", path);
    return text;
}

static void prim_scopedImport(struct eval_state *st, struct value **args, struct value *out,
                              nix_pos pos) {
    struct attrs *a = eval_force_attrs(st, args[0], pos);
    const char *path = path_canon(builtins_realise_path(st, args[1], pos));
    struct stat sb;
    if (stat(path, &sb) != 0)
        eval_error(st, ERR_IO, 0, "getting status of '%s': %s", path, strerror(errno));
    if (S_ISDIR(sb.st_mode)) path = path_canon(gc_printf("%s/default.nix", path));

    /* A scope and an environment over the base ones, one slot per attribute. */
    struct scope *sc = GC_MALLOC(sizeof *sc);
    sc->up = st->base_scope;
    sc->n = a->n;
    sc->names = GC_MALLOC_ATOMIC((a->n ? a->n : 1) * sizeof *sc->names);
    struct env *env = GC_MALLOC(sizeof *env + (a->n ? a->n : 1) * sizeof env->v[0]);
    env->up = st->base_env;
    env->n = a->n;
    for (uint32_t i = 0; i < a->n; i++) {
        sc->names[i] = a->a[i].name;
        env->v[i] = a->a[i].value;
    }
    struct source *src = GC_MALLOC(sizeof *src);
    src->path = path;
    src->text = read_source(st, path, pos);
    const char *slash = strrchr(path, '/');
    src->dir = slash && slash != path ? gc_strndup(path, (size_t)(slash - path)) : "/";
    struct expr *e = parse_source_in(st, src, sc);
    struct value *v = value_alloc();
    v->type = VT_THUNK;
    v->thunk.env = env;
    v->thunk.expr = e;
    eval_force(st, v, pos);
    *out = *v;
}

void builtins_scoped_register(struct eval_state *st) {
    eval_register_primop(st, "scopedImport", 2, prim_scopedImport);
}
