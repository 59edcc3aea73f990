/* src/cli/cmd_gc.c: `hearth gc [-n] [-v]`: deletes the store objects no generation or GC root
 * reaches, and says how many and how much, as nix-collect-garbage does. Takes the activation
 * lock so that it never races a switch. */
#include "cli/commands.h"
#include "store/gc.h"
#include "store/profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_path(void *ctx, const char *path) {
    if (*(bool *)ctx) printf("deleting '%s'\n", path);
}

int cmd_gc(const struct cli_invocation *inv) {
    bool dry_run = false, verbose = false;
    for (int i = 1; i < inv->argc; i++) {
        const char *a = inv->argv[i];
        if (!strcmp(a, "-n") || !strcmp(a, "--dry-run"))
            dry_run = true;
        else if (!strcmp(a, "-v") || !strcmp(a, "--verbose"))
            verbose = true;
        else {
            fprintf(stderr, "%s: unknown option '%s'\nRun '%s --help' for usage help\n",
                    inv->program_name, a, inv->program_name);
            return 1;
        }
    }
    struct hearth_paths paths;
    char *err = NULL;
    if (hearth_paths_init(&paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", inv->program_name, err);
        free(err);
        return 1;
    }
    int lock = hearth_lock(&paths, !dry_run, &err);
    if (lock == -1) {
        fprintf(stderr, "%s: %s\n", inv->program_name, err);
        free(err);
        hearth_paths_free(&paths);
        return 1;
    }
    bool show = verbose || dry_run;
    struct gc_result r;
    int rc = 0;
    if (gc_collect(&paths, dry_run, print_path, &show, &r, &err) != 0) {
        fprintf(stderr, "%s: %s\n", inv->program_name, err);
        free(err);
        rc = 1;
    }
    if (dry_run)
        printf("%zu store paths would be deleted\n", r.deleted);
    else
        printf("%zu store paths deleted, %.2f MiB freed\n", r.deleted,
               (double)r.bytes_freed / (1024.0 * 1024.0));
    hearth_unlock(lock);
    hearth_paths_free(&paths);
    return rc;
}
