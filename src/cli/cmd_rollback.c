/* src/cli/cmd_rollback.c: `hearth rollback [-b EXT] [-n] [-v]` (also `switch --rollback`):
 * activates the generation before the current one and makes it current again (as
 * `nix-env --rollback` moves a profile; no new generation number is made).
 *
 * "The one before the current one" is only meaningful once no activation is half done: an
 * interrupted rollback may already have moved the profile back, and rolling back from there
 * would skip a generation. So when the journal says an activation was interrupted, rollback
 * finishes that activation (a rollback as the same rollback) and stops there. */
#include "activate/activate.h"
#include "activate/journal.h"
#include "cli/activate_args.h"
#include "cli/commands.h"

#include <stdio.h>
#include <stdlib.h>

static int finish(struct activate_options *o, const char *gen) {
    struct services_activation sa;
    activate_args_use_services(o, &sa);
    char *err = NULL;
    int rc = 0;
    if (activate_generation(o, gen, &err) != 0) {
        fprintf(stderr, "%s\n", err ? err : "activation failed");
        rc = 1;
    }
    free(err);
    services_report_free(&sa.report);
    return rc;
}

int cmd_rollback(const struct cli_invocation *inv) {
    struct activate_options o;
    int npos = 0;
    int rc = activate_args_parse(inv, &o, NULL, 0, &npos);
    if (rc) return rc;
    struct hearth_paths paths;
    char *err = NULL;
    if (hearth_paths_init(&paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", inv->program_name, err);
        free(err);
        return 1;
    }
    o.paths = &paths;
    /* Decided under the lock, so that the profile and journal read are those activated. */
    if (!o.dry_run && hearth_paths_create(&paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", inv->program_name, err);
        free(err);
        hearth_paths_free(&paths);
        return 1;
    }
    int lock = hearth_lock(&paths, !o.dry_run, &err);
    if (lock == -1) {
        fprintf(stderr, "%s\n", err);
        free(err);
        hearth_paths_free(&paths);
        return 1;
    }
    o.lock_held = lock >= 0;
    struct journal_state js;
    struct profile_gens g = {0};
    if (journal_read(paths.journal_path, &js) != 0) {
        fprintf(stderr, "%s: cannot read the journal '%s'\n", inv->program_name,
                paths.journal_path);
        rc = 1;
    } else if (js.found && js.new_gen) {
        if (js.use_id > 0) {
            printf("Finishing the interrupted rollback to generation %ld (not rolling back "
                   "further)\n",
                   js.use_id);
            o.use_id = js.use_id;
        } else
            printf("Finishing the interrupted activation of %s first; run rollback again to go "
                   "back from it\n",
                   js.new_gen);
        rc = finish(&o, js.new_gen);
    } else if (profile_list(&paths, &g, &err) != 0) {
        fprintf(stderr, "%s: %s\n", inv->program_name, err);
        free(err);
        rc = 1;
    } else {
        const struct profile_gen *prev = NULL;
        for (size_t i = 0; i < g.n; i++)
            if (g.items[i].id < g.current) prev = &g.items[i];
        if (!g.current || !prev) {
            fprintf(stderr, "%s: no generation older than the current one to roll back to\n",
                    inv->program_name);
            rc = 1;
        } else {
            printf("Rolling back from generation %ld to generation %ld\n", g.current, prev->id);
            o.use_id = prev->id;
            rc = finish(&o, prev->path);
        }
    }
    journal_state_free(&js);
    profile_gens_free(&g);
    hearth_unlock(lock);
    hearth_paths_free(&paths);
    return rc;
}
