/* src/nix/builtins_pkgs.c: what pkgs/host.nix asks of the machine, fast.
 *
 * Owns: `builtins.hearthHostNames`, the names host packages can have (pkgs/host.nix): every
 * entry of the directories on PATH, then every package the host package database lists
 * (HEARTH_DPKG_INFO, else /var/lib/dpkg/info: NAME.list or NAME:ARCH.list), in that order,
 * duplicates kept (listToAttrs keeps the first). Reading them in Nix with readDir and match
 * took a tenth of a second per evaluation; this takes a few milliseconds. Nix lacks it, so
 * pkgs/host.nix falls back to readDir there. The names are not recorded by the evaluation
 * cache: a configuration that names a new package changes, and so is evaluated again. */
#include "nix/builtins_pkgs.h"
#include "nix/eval.h"

#include <dirent.h>
#include <gc.h>
#include <stdlib.h>
#include <string.h>

struct names {
    const char **v;
    size_t n, cap;
};

static void add_name(struct names *ns, const char *s, size_t len) {
    if (ns->n == ns->cap) {
        size_t cap = ns->cap ? ns->cap * 2 : 1024;
        const char **v = GC_MALLOC(cap * sizeof *v);
        if (ns->n) memcpy(v, ns->v, ns->n * sizeof *v);
        ns->v = v;
        ns->cap = cap;
    }
    ns->v[ns->n++] = gc_strndup(s, len);
}

static void add_dir(struct names *ns, const char *dir, bool dpkg) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *name = e->d_name;
        if (name[0] == '.') continue;
        size_t len = strlen(name);
        if (dpkg) {
            if (len <= 5 || strcmp(name + len - 5, ".list") != 0) continue;
            const char *colon = memchr(name, ':', len - 5);
            len = colon ? (size_t)(colon - name) : len - 5;
        }
        add_name(ns, name, len);
    }
    closedir(d);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void prim_hearthHostNames(struct eval_state *st, struct value **args, struct value *out,
                                 nix_pos pos) {
    (void)st;
    (void)args;
    (void)pos;
    struct names ns = {0};
    const char *path = getenv("PATH");
    for (const char *p = path; p && *p;) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        if (n && p[0] == '/') {
            size_t first = ns.n;
            add_dir(&ns, gc_strndup(p, n), false);
            /* Sorted within a directory, so the result does not depend on readdir's order
             * (an empty or missing directory adds nothing, and ns.v may still be NULL). */
            if (ns.n > first) qsort(ns.v + first, ns.n - first, sizeof *ns.v, cmp_str);
        }
        p = colon ? colon + 1 : NULL;
    }
    const char *info = getenv("HEARTH_DPKG_INFO");
    size_t first = ns.n;
    add_dir(&ns, info && info[0] ? info : "/var/lib/dpkg/info", true);
    if (ns.n > first) qsort(ns.v + first, ns.n - first, sizeof *ns.v, cmp_str);
    mk_list(out, ns.n);
    for (size_t i = 0; i < ns.n; i++) {
        struct value *v = value_alloc();
        mk_string(v, ns.v[i], NULL);
        out->list.items[i] = v;
    }
}

void builtins_pkgs_register(struct eval_state *st) {
    /* Takes one argument (ignored) so that it is called, not evaluated once per state. */
    eval_register_primop(st, "__hearthHostNames", 1, prim_hearthHostNames);
}
