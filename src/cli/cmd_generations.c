/* src/cli/cmd_generations.c: `hearth generations`, as `home-manager generations`:
 * one line per generation, newest first, `YYYY-MM-DD HH:MM : id N -> PATH`, the time being
 * when the generation's profile link was made, in local time; the current one ends with
 * ` (current)`, as current Home Manager marks it. */
#include "cli/commands.h"
#include "store/profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int newest_first(const void *a, const void *b) {
    const struct profile_gen *x = a, *y = b;
    if (x->mtime != y->mtime) return x->mtime < y->mtime ? 1 : -1;
    return x->id < y->id ? 1 : (x->id > y->id ? -1 : 0);
}

int cmd_generations(const struct cli_invocation *inv) {
    if (inv->argc > 1) {
        fprintf(stderr, "%s: unknown option '%s'\nRun '%s --help' for usage help\n",
                inv->program_name, inv->argv[1], inv->program_name);
        return 1;
    }
    struct hearth_paths paths;
    char *err = NULL;
    struct profile_gens g;
    if (hearth_paths_init(&paths, &err) != 0 || profile_list(&paths, &g, &err) != 0) {
        fprintf(stderr, "%s: %s\n", inv->program_name, err);
        free(err);
        hearth_paths_free(&paths);
        return 1;
    }
    if (g.n) qsort(g.items, g.n, sizeof *g.items, newest_first);
    for (size_t i = 0; i < g.n; i++) {
        struct tm tm;
        char when[32];
        localtime_r(&g.items[i].mtime, &tm);
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
        printf("%s : id %ld -> %s%s\n", when, g.items[i].id, g.items[i].path,
               g.items[i].id == g.current ? " (current)" : "");
    }
    profile_gens_free(&g);
    hearth_paths_free(&paths);
    return 0;
}
