/* src/cli/cmd_build_generation.c: `hearth build-generation SPEC.json` (internal).
 *
 * Builds the generation a spec describes into the store and prints its path. */
#include "cli/commands.h"
#include "store/generation.h"
#include "store/profile.h"

#include <stdio.h>
#include <stdlib.h>

int cmd_build_generation(const struct cli_invocation *inv) {
    if (inv->argc != 2 || inv->argv[1][0] == '-') {
        fprintf(stderr, "Usage: %s build-generation SPEC.json\n", inv->program_name);
        return 1;
    }
    struct hearth_paths paths;
    char *err = NULL;
    if (hearth_paths_init(&paths, &err) != 0 || hearth_paths_create(&paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", inv->program_name, err);
        free(err);
        hearth_paths_free(&paths);
        return 1;
    }
    /* Shared: builds run together, but gc waits until the generation is complete. */
    int lock = hearth_lock_shared(&paths, &err);
    char *gen = lock >= 0 ? gen_build(paths.store_dir, inv->argv[1], &err) : NULL;
    hearth_unlock(lock);
    int rc = 0;
    if (!gen) {
        fprintf(stderr, "error: %s\n", err ? err : "cannot build the generation");
        rc = 1;
    } else
        printf("%s\n", gen);
    free(gen);
    free(err);
    hearth_paths_free(&paths);
    return rc;
}
