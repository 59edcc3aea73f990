/* src/cli/cmd_switch.c: `hearth switch`, as `home-manager switch`: evaluate, build, activate
 * (linking files, running the activation snippets, switching systemd user units) and record
 * the new generation; then the news notice. -n shows what activation would do and changes
 * nothing in HOME; -b EXT moves files in the way to NAME.EXT. `switch --rollback` is
 * `rollback` (Home Manager's spelling of it). */
#include "cli/commands.h"
#include "cli/hm_generation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_switch(const struct cli_invocation *inv) {
    for (int i = 1; i < inv->argc; i++) {
        if (strcmp(inv->argv[i], "--rollback") != 0) continue;
        /* The other arguments are rollback's (-b, -n, -v); it rejects the rest. */
        char *argv[inv->argc];
        int n = 0;
        for (int k = 0; k < inv->argc; k++)
            if (k != i) argv[n++] = inv->argv[k];
        argv[n] = NULL;
        struct cli_invocation r = {inv->program_name, n, argv};
        return cmd_rollback(&r);
    }
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
    if (rc == 0) {
        rc = hm_build_and_activate(&a, &paths, ev.spec, &ev);
        if (rc == 0) hm_news_notice(&a, ev.news);
    }
    hm_evaluated_free(&ev);
    hearth_paths_free(&paths);
    hm_args_free(&a);
    return rc;
}
