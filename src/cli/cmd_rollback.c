/* src/cli/cmd_rollback.c: `hearth rollback [-b EXT] [-n] [-v]`: activates the generation
 * before the current one and makes it current again (as `nix-env --rollback` moves a profile;
 * no new generation number is made). */
#include "activate/activate.h"
#include "cli/activate_args.h"
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>

int cmd_rollback(const struct cli_invocation *inv) {
    struct activate_options o;
    int npos = 0;
    int rc = activate_args_parse(inv, &o, NULL, 0, &npos);
    if (rc) return rc;
    struct hearth_paths paths;
    char *err = NULL;
    struct profile_gens g;
    if (hearth_paths_init(&paths, &err) != 0 || profile_list(&paths, &g, &err) != 0) {
        fprintf(stderr, "%s: %s\n", inv->program_name, err);
        free(err);
        hearth_paths_free(&paths);
        return 1;
    }
    const struct profile_gen *prev = NULL;
    for (size_t i = 0; i < g.n; i++)
        if (g.items[i].id < g.current) prev = &g.items[i];
    if (!g.current || !prev) {
        fprintf(stderr, "%s: no generation older than the current one to roll back to\n",
                inv->program_name);
        profile_gens_free(&g);
        hearth_paths_free(&paths);
        return 1;
    }
    printf("Rolling back from generation %ld to generation %ld\n", g.current, prev->id);
    o.paths = &paths;
    o.use_id = prev->id;
    struct services_activation sa;
    activate_args_use_services(&o, &sa);
    rc = 0;
    if (activate_generation(&o, prev->path, &err) != 0) {
        fprintf(stderr, "%s\n", err ? err : "activation failed");
        rc = 1;
    }
    free(err);
    services_report_free(&sa.report);
    profile_gens_free(&g);
    hearth_paths_free(&paths);
    return rc;
}
