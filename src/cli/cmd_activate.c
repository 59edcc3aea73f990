/* src/cli/cmd_activate.c: `hearth activate [GENERATION] [-b EXT] [-n] [-v]`.
 *
 * Activates a built generation (a store path, e.g. from `hearth build-generation`) and records
 * it in the profile; without GENERATION, activates the current one again (a repair). */
#include "activate/activate.h"
#include "cli/activate_args.h"
#include "cli/commands.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_activate(const struct cli_invocation *inv) {
    struct activate_options o;
    const char *pos[1];
    int npos = 0;
    int rc = activate_args_parse(inv, &o, pos, 1, &npos);
    if (rc) return rc;
    struct hearth_paths paths;
    char *err = NULL;
    if (hearth_paths_init(&paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", inv->program_name, err);
        free(err);
        return 1;
    }
    o.paths = &paths;
    char *gen = NULL;
    if (npos == 1) {
        gen = realpath(pos[0], NULL);
        if (!gen) {
            fprintf(stderr, "%s: no generation at '%s'\n", inv->program_name, pos[0]);
            hearth_paths_free(&paths);
            return 1;
        }
    } else {
        struct profile_gens g;
        if (profile_list(&paths, &g, &err) == 0) {
            const struct profile_gen *cur = profile_find(&g, g.current);
            if (cur) gen = strdup(cur->path);
            profile_gens_free(&g);
        }
        if (!gen) {
            fprintf(stderr, "%s: no current generation to activate; give one\n", inv->program_name);
            free(err);
            hearth_paths_free(&paths);
            return 1;
        }
    }
    struct services_activation sa;
    activate_args_use_services(&o, &sa);
    rc = 0;
    if (activate_generation(&o, gen, &err) != 0) {
        fprintf(stderr, "%s\n", err ? err : "activation failed");
        rc = 1;
    }
    free(err);
    services_report_free(&sa.report);
    free(gen);
    hearth_paths_free(&paths);
    return rc;
}
