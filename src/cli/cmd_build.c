/* src/cli/cmd_build.c: `hearth build`, as `home-manager build`: evaluates the configuration,
 * builds its generation into the store and leaves a `result` link to it in the current
 * directory (none with --no-out-link; nothing is written with -n). */
#include "cli/commands.h"
#include "cli/hm_generation.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
        char *gen = hm_build(&a, &paths, ev.spec);
        if (!gen)
            rc = 1;
        else {
            if (!a.no_out_link) {
                /* Replace an old `result` link, never a file of the user's. */
                char tmp[64];
                snprintf(tmp, sizeof tmp, ".result-%ld", (long)getpid());
                if (symlink(gen, tmp) != 0 || rename(tmp, "result") != 0) {
                    fprintf(stderr, "%s: cannot create the link 'result': %s\n", a.prog,
                            strerror(errno));
                    unlink(tmp);
                    rc = 1;
                }
            }
            if (a.verbose || a.no_out_link) printf("%s\n", gen);
            if (rc == 0) hm_news_notice(&a, ev.news);
            free(gen);
        }
    }
    hm_evaluated_free(&ev);
    hearth_paths_free(&paths);
    hm_args_free(&a);
    return rc;
}
