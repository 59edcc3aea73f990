/* src/cli/cmd_remove_generations.c: `hearth remove-generations ID...`, as home-manager: each
 * ID is removed from the profile unless it is missing or current (told on stderr, and the
 * others are still removed). The store objects go at the next `hearth gc`. */
#include "cli/commands.h"
#include "store/profile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shared with expire-generations. */
int remove_generations_ids(const char *program, const struct hearth_paths *paths, const long *ids,
                           size_t n, bool verbose, bool dry_run);

int remove_generations_ids(const char *program, const struct hearth_paths *paths, const long *ids,
                           size_t n, bool verbose, bool dry_run) {
    char *err = NULL;
    int lock = hearth_lock(paths, !dry_run, &err);
    if (lock == -1) {
        fprintf(stderr, "%s: %s\n", program, err);
        free(err);
        return 1;
    }
    struct profile_gens g;
    if (profile_list(paths, &g, &err) != 0) {
        fprintf(stderr, "%s: %s\n", program, err);
        free(err);
        hearth_unlock(lock);
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (!profile_find(&g, ids[i])) {
            fprintf(stderr, "No generation with ID %ld\n", ids[i]);
        } else if (ids[i] == g.current) {
            fprintf(stderr, "Cannot remove the current generation %ld\n", ids[i]);
        } else {
            printf("Removing generation %ld\n", ids[i]);
            if (dry_run) {
                printf("rm %s/home-manager-%ld-link\n", paths->profiles_dir, ids[i]);
            } else if (profile_remove(paths, ids[i], &err) != 0) {
                fprintf(stderr, "%s: %s\n", program, err);
                free(err);
                err = NULL;
            } else if (verbose) {
                printf("removed '%s/home-manager-%ld-link'\n", paths->profiles_dir, ids[i]);
            }
        }
    }
    profile_gens_free(&g);
    hearth_unlock(lock);
    return 0;
}

int cmd_remove_generations(const struct cli_invocation *inv) {
    long *ids = calloc((size_t)inv->argc, sizeof *ids);
    size_t n = 0;
    bool verbose = false, dry_run = false;
    for (int i = 1; i < inv->argc; i++) {
        const char *a = inv->argv[i];
        if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            verbose = true;
            continue;
        }
        if (!strcmp(a, "-n") || !strcmp(a, "--dry-run")) {
            dry_run = true;
            continue;
        }
        char *end;
        errno = 0;
        long id = strtol(a, &end, 10);
        if (errno || end == a || *end || id <= 0) {
            /* home-manager looks for the link and finds none. */
            fprintf(stderr, "No generation with ID %s\n", a);
            continue;
        }
        ids[n++] = id;
    }
    struct hearth_paths paths;
    char *err = NULL;
    if (hearth_paths_init(&paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", inv->program_name, err);
        free(err);
        free(ids);
        return 1;
    }
    int rc = remove_generations_ids(inv->program_name, &paths, ids, n, verbose, dry_run);
    free(ids);
    hearth_paths_free(&paths);
    return rc;
}
