/* src/cli/cmd_packages.c: `hearth packages`, as `home-manager packages`: the packages of the
 * current generation's home-manager-path (what is installed, not what the configuration now
 * says), one name per line without the store hash, sorted ignoring case; none: "No
 * home-manager packages seem to be installed." on stderr, exit 0 (Home Manager's text).
 * Home Manager asks Nix for the path's references; home-manager-path is a tree of links
 * (buildEnv), so its references are the store objects those links lead into. */
#include "cli/commands.h"
#include "cli/config_eval.h"
#include "store/profile.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

struct names {
    char **v;
    size_t n, cap;
};

/* Adds STORE/NAME's NAME for a link target inside the store, once. */
static int add_ref(struct names *ns, const char *store, const char *target, const char *self) {
    size_t sl = strlen(store);
    if (strncmp(target, store, sl) != 0 || target[sl] != '/') return 0;
    const char *name = target + sl + 1;
    size_t len = strcspn(name, "/");
    if (len == strlen(self) && !strncmp(name, self, len)) return 0;
    for (size_t i = 0; i < ns->n; i++)
        if (strlen(ns->v[i]) == len && !strncmp(ns->v[i], name, len)) return 0;
    if (ns->n == ns->cap) {
        size_t cap = ns->cap ? ns->cap * 2 : 16;
        char **v = realloc(ns->v, cap * sizeof *v);
        if (!v) return -1;
        ns->v = v;
        ns->cap = cap;
    }
    ns->v[ns->n] = strndup(name, len);
    return ns->v[ns->n++] ? 0 : -1;
}

/* The store objects the links under `dir` lead into. */
static int scan(struct names *ns, const char *store, const char *dir, const char *self) {
    DIR *d = opendir(dir);
    if (!d) return 0;
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char path[PATH_MAX], target[PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
        struct stat st;
        if (lstat(path, &st) != 0) continue;
        if (S_ISLNK(st.st_mode)) {
            ssize_t n = readlink(path, target, sizeof target - 1);
            if (n <= 0) continue;
            target[n] = 0;
            rc = add_ref(ns, store, target, self);
        } else if (S_ISDIR(st.st_mode)) {
            rc = scan(ns, store, path, self);
        }
    }
    closedir(d);
    return rc;
}

/* The name without its hash ("HASH-bash-5.2" -> "bash-5.2"), as Home Manager's sed. */
static const char *without_hash(const char *s) {
    const char *dash = strchr(s, '-');
    return dash ? dash + 1 : s;
}

static int by_name(const void *a, const void *b) {
    const char *x = without_hash(*(char *const *)a), *y = without_hash(*(char *const *)b);
    int c = strcasecmp(x, y);
    return c ? c : strcmp(x, y);
}

/* The current generation's home-manager-path, from the generation's `references` file. */
static char *current_home_path(const struct hearth_paths *p) {
    char *refs = NULL;
    if (asprintf(&refs, "%s/current-home/references", p->gcroots_dir) < 0) return NULL;
    FILE *f = fopen(refs, "r");
    free(refs);
    if (!f) return NULL;
    char *line = NULL, *found = NULL;
    size_t cap = 0;
    ssize_t n;
    while (!found && (n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] == '\n') line[--n] = 0;
        static const char suffix[] = "-home-manager-path";
        size_t sl = sizeof suffix - 1;
        if ((size_t)n > sl && !strcmp(line + n - sl, suffix)) found = strdup(line);
    }
    free(line);
    fclose(f);
    return found;
}

int cmd_packages(const struct cli_invocation *inv) {
    struct hm_args a;
    int rc = hm_args_parse(inv, &a);
    if (rc) return rc;
    struct hearth_paths paths;
    char *err = NULL;
    if (hearth_paths_init(&paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", a.prog, err);
        free(err);
        hm_args_free(&a);
        return 1;
    }
    struct names ns = {0};
    char *hp = current_home_path(&paths);
    if (hp) {
        const char *self = strrchr(hp, '/') ? strrchr(hp, '/') + 1 : hp;
        rc = scan(&ns, paths.store_dir, hp, self);
    }
    if (rc != 0) {
        fprintf(stderr, "%s: out of memory\n", a.prog);
        rc = 1;
    } else if (ns.n == 0) {
        fputs("No home-manager packages seem to be installed.\n", stderr);
    } else {
        qsort(ns.v, ns.n, sizeof *ns.v, by_name);
        for (size_t i = 0; i < ns.n; i++)
            printf("%s\n", without_hash(ns.v[i]));
    }
    for (size_t i = 0; i < ns.n; i++)
        free(ns.v[i]);
    free(ns.v);
    free(hp);
    hearth_paths_free(&paths);
    hm_args_free(&a);
    return rc;
}
