/* builtins_strings: replaceStrings and the version builtins (compareVersions, splitVersion,
 * parseDrvName; the logic is in versions.c). Semantics and error texts follow Nix. */
#include "nix/builtins_extra.h"
#include "nix/eval.h"
#include "nix/versions.h"

#include <gc.h>
#include <string.h>

static void prim_replaceStrings(struct eval_state *st, struct value **args, struct value *out,
                                nix_pos pos) {
    eval_force_list(st, args[0], pos);
    eval_force_list(st, args[1], pos);
    size_t n = args[0]->list.n;
    if (n != args[1]->list.n)
        eval_error(st, ERR_EVAL, pos,
                   "'from' and 'to' arguments to 'replaceStrings' have different lengths");
    const char **from = GC_MALLOC((n ? n : 1) * sizeof *from);
    size_t *from_len = GC_MALLOC_ATOMIC((n ? n : 1) * sizeof *from_len);
    for (size_t i = 0; i < n; i++) {
        from[i] = eval_force_string(st, args[0]->list.items[i], pos, NULL);
        from_len[i] = strlen(from[i]);
    }
    /* As in current Nix, a replacement is only evaluated when it is used; its context is
     * added once. */
    const char **to = GC_MALLOC((n ? n : 1) * sizeof *to);
    const char **ctx = NULL;
    const char *s = eval_force_string(st, args[2], pos, &ctx);
    size_t len = strlen(s);
    struct strbuf b;
    sb_init(&b, len + 1);
    for (size_t p = 0; p <= len;) {
        size_t i = 0;
        for (; i < n; i++)
            if (from_len[i] <= len - p && memcmp(s + p, from[i], from_len[i]) == 0) break;
        if (i == n) {
            if (p < len) sb_addc(&b, s[p]);
            p++;
            continue;
        }
        if (!to[i]) {
            const char **tctx = NULL;
            to[i] = eval_force_string(st, args[1]->list.items[i], pos, &tctx);
            ctx = ctx_merge(ctx, tctx);
        }
        sb_adds(&b, to[i]);
        if (from_len[i] == 0) {
            /* An empty pattern matches before every character and at the end. */
            if (p < len) sb_addc(&b, s[p]);
            p++;
        } else {
            p += from_len[i];
        }
    }
    mk_string(out, sb_str(&b), ctx);
}

static void prim_compareVersions(struct eval_state *st, struct value **args, struct value *out,
                                 nix_pos pos) {
    const char *a = eval_force_string_noctx(st, args[0], pos);
    const char *b = eval_force_string_noctx(st, args[1], pos);
    mk_int(out, version_compare(a, strlen(a), b, strlen(b)));
}

static void prim_splitVersion(struct eval_state *st, struct value **args, struct value *out,
                              nix_pos pos) {
    const char *s = eval_force_string_noctx(st, args[0], pos);
    size_t len = strlen(s), p = 0, n = 0;
    struct version_component c;
    while (version_next_component(s, len, &p, &c))
        n++;
    mk_list(out, n);
    p = 0;
    for (size_t i = 0; i < n && version_next_component(s, len, &p, &c); i++) {
        struct value *v = value_alloc();
        mk_string(v, gc_strndup(c.start, c.len), NULL);
        out->list.items[i] = v;
    }
}

static void prim_parseDrvName(struct eval_state *st, struct value **args, struct value *out,
                              nix_pos pos) {
    const char *s = eval_force_string_noctx(st, args[0], pos);
    size_t len = strlen(s), name_len, version_off;
    drvname_split(s, len, &name_len, &version_off);
    struct value *name = value_alloc(), *version = value_alloc();
    mk_string(name, gc_strndup(s, name_len), NULL);
    mk_string(version, gc_strdup(s + version_off), NULL);
    struct attrs *a = attrs_new(2);
    attrs_push(a, st->s_name, name, 0);
    attrs_push(a, eval_sym(st, "version"), version, 0);
    attrs_sort(a);
    mk_attrs(out, a);
}

void builtins_strings_register(struct eval_state *st) {
    eval_register_primop(st, "__replaceStrings", 3, prim_replaceStrings);
    eval_register_primop(st, "__compareVersions", 2, prim_compareVersions);
    eval_register_primop(st, "__splitVersion", 1, prim_splitVersion);
    eval_register_primop(st, "__parseDrvName", 1, prim_parseDrvName);
}
