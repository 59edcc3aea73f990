/* builtins_regex: builtins.match and builtins.split on POSIX extended regular expressions
 * (nixregex.c), with compiled patterns cached in the evaluation context (st->regex_cache). */
#include "nix/builtins_extra.h"
#include "nix/eval.h"
#include "nix/nixregex.h"

#include <gc.h>
#include <string.h>

static const struct nix_regex *get_regex(struct eval_state *st, const char *re, nix_pos pos) {
    if (!st->regex_cache && !(st->regex_cache = nix_regex_cache_new()))
        eval_error(st, ERR_EVAL, pos, "out of memory compiling regular expression '%s'", re);
    bool oom;
    const struct nix_regex *r = nix_regex_get(st->regex_cache, re, &oom);
    if (r) return r;
    if (oom) eval_error(st, ERR_EVAL, pos, "memory limit exceeded by regular expression '%s'", re);
    eval_error(st, ERR_EVAL, pos, "invalid regular expression '%s'", re);
}

/* The capture groups of a match as a list: strings, or null for a group that took no part. */
static struct value *groups_list(const char *s, const regmatch_t *g, size_t ngroups) {
    struct value *l = value_alloc();
    mk_list(l, ngroups);
    for (size_t i = 1; i <= ngroups; i++) {
        struct value *v = value_alloc();
        if (g[i].rm_so < 0)
            mk_null(v);
        else
            mk_string(v, gc_strndup(s + g[i].rm_so, (size_t)(g[i].rm_eo - g[i].rm_so)), NULL);
        l->list.items[i - 1] = v;
    }
    return l;
}

static void prim_match(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    const char *re = eval_force_string_noctx(st, args[0], pos);
    const struct nix_regex *r = get_regex(st, re, pos);
    const char *s = eval_force_string(st, args[1], pos, NULL);
    regmatch_t *g = GC_MALLOC_ATOMIC((r->ngroups + 1) * sizeof *g);
    if (!nix_regex_match_full(r, s, strlen(s), g)) {
        mk_null(out);
        return;
    }
    *out = *groups_list(s, g, r->ngroups);
}

static void prim_split(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    const char *re = eval_force_string_noctx(st, args[0], pos);
    const struct nix_regex *r = get_regex(st, re, pos);
    const char *s = eval_force_string(st, args[1], pos, NULL);
    size_t len = strlen(s);
    regmatch_t *g = GC_MALLOC_ATOMIC((r->ngroups + 1) * sizeof *g);
    /* Strings between matches alternate with the lists of each match's groups. */
    struct value **items = NULL;
    size_t n = 0, cap = 0, at = 0, prev_end = 0;
    bool last_empty = false;
    for (;;) {
        bool more = nix_regex_next(r, s, len, &at, &last_empty, g);
        if (n + 2 > cap) {
            size_t ncap = cap ? cap * 2 : 8;
            struct value **ni = value_ptrs_alloc(ncap);
            if (n) memcpy(ni, items, n * sizeof *ni);
            items = ni;
            cap = ncap;
        }
        struct value *text = value_alloc();
        size_t end = more ? (size_t)g[0].rm_so : len;
        mk_string(text, gc_strndup(s + prev_end, end - prev_end), NULL);
        items[n++] = text;
        if (!more) break;
        items[n++] = groups_list(s, g, r->ngroups);
        prev_end = (size_t)g[0].rm_eo;
    }
    mk_list(out, n);
    memcpy(out->list.items, items, n * sizeof *items);
}

void builtins_regex_register(struct eval_state *st) {
    eval_register_primop(st, "__match", 2, prim_match);
    eval_register_primop(st, "__split", 2, prim_split);
}
