/* src/cli/cmd_build.c: `hearth build`, as `home-manager build`: evaluates the configuration,
 * builds its generation into the store and leaves a `result` link to it in the current
 * directory (none with --no-out-link; nothing is written with -n). */
#include "cli/commands.h"
#include "cli/hm_generation.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Points ./result at gen. Only a link into the store (an older build's) is replaced: like
 * nix-build, a file or directory of the user's named `result` makes the build fail instead. */
static int make_result_link(const char *prog, const char *store_dir, const char *gen) {
    char cwd[PATH_MAX], buf[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) snprintf(cwd, sizeof cwd, ".");
    ssize_t n = readlink("result", buf, sizeof buf - 1);
    int rc = -1;
    if (n < 0 && errno == ENOENT) {
        rc = symlink(gen, "result"); /* never replaces: EEXIST if one appeared */
    } else if (n >= 0) {
        buf[n] = 0;
        size_t sl = strlen(store_dir);
        if (strncmp(buf, store_dir, sl) == 0 && buf[sl] == '/') {
            char tmp[64];
            snprintf(tmp, sizeof tmp, ".result-%ld", (long)getpid());
            rc = symlink(gen, tmp) == 0 ? rename(tmp, "result") : -1;
            if (rc != 0) unlink(tmp);
        } else
            errno = EEXIST;
    } else if (errno == EINVAL)
        errno = EEXIST; /* not a symbolic link */
    if (rc == 0) return 0;
    if (errno == EEXIST)
        fprintf(stderr,
                "error: cannot create symlink '%s/result'; it already exists and is not a link "
                "into the store (move it away, or use --no-out-link)\n",
                cwd);
    else
        fprintf(stderr, "%s: cannot create the link '%s/result': %s\n", prog, cwd, strerror(errno));
    return -1;
}

/* ./result becomes a GC root (an indirect one, as nix-build makes it). */
static int register_root(const struct hearth_paths *paths, char **err) {
    char cwd[PATH_MAX], *link = NULL;
    if (!getcwd(cwd, sizeof cwd) || asprintf(&link, "%s/result", cwd) < 0) {
        *err = strdup("cannot register 'result' as a GC root: cannot name the current directory");
        return -1;
    }
    int rc = hearth_add_indirect_root(paths, link, err);
    free(link);
    return rc;
}

int cmd_build(const struct cli_invocation *inv) {
    struct hm_args a;
    int rc = hm_args_parse(inv, &a);
    if (rc) return rc;
    if (a.npos) {
        fprintf(stderr, "%s: unexpected argument '%s'\nRun '%s --help' for usage help\n", a.prog,
                a.pos[0], a.prog);
        hm_args_free(&a);
        return 1;
    }
    struct hearth_paths paths;
    char *err = NULL;
    if (hearth_paths_init(&paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", a.prog, err);
        free(err);
        hm_args_free(&a);
        return 1;
    }
    struct hm_evaluated ev;
    rc = hm_evaluate(&a, &paths, &ev);
    if (rc == 0 && a.dry_run) {
        printf("This is a dry run; the configuration evaluated and nothing was built.\n");
    } else if (rc == 0) {
        /* Shared lock from the first object to the GC root: gc cannot come in between. */
        int lock = hearth_paths_create(&paths, &err) == 0 ? hearth_lock_shared(&paths, &err) : -1;
        char *gen = lock >= 0 ? hm_build(&a, &paths, ev.spec) : NULL;
        if (lock < 0) {
            fprintf(stderr, "%s: %s\n", a.prog, err ? err : "cannot take the lock");
            free(err);
            err = NULL;
        }
        if (!gen)
            rc = 1;
        else {
            if (!a.no_out_link && make_result_link(a.prog, paths.store_dir, gen) != 0) rc = 1;
            if (!a.no_out_link && rc == 0 && register_root(&paths, &err) != 0) {
                fprintf(stderr, "%s: %s\n", a.prog, err ? err : "cannot register the GC root");
                free(err);
                err = NULL;
                rc = 1;
            }
            /* As nix-build, which home-manager build runs: the output path on stdout. */
            if (rc == 0) printf("%s\n", gen);
            if (rc == 0) hm_news_notice(&a, ev.news);
            free(gen);
        }
        hearth_unlock(lock);
    }
    hm_evaluated_free(&ev);
    hearth_paths_free(&paths);
    hm_args_free(&a);
    return rc;
}
