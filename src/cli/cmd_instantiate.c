/* src/cli/cmd_instantiate.c: `hearth instantiate`, as `home-manager instantiate`: evaluates
 * the configuration without building it and prints the store path of what would be built.
 * Home Manager prints the activation package's .drv; hearth's equivalent is the generation
 * spec, written to the store as a text object (`home-manager-generation.json`). */
#include "cli/commands.h"
#include "cli/hm_generation.h"
#include "store/generation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_instantiate(const struct cli_invocation *inv) {
    struct hm_args a;
    int rc = hm_args_parse(inv, &a);
    if (rc) return rc;
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
        char *p = NULL;
        if (hearth_paths_create(&paths, &err) == 0)
            p = gen_import_text(paths.store_dir, ev.spec, strlen(ev.spec),
                                "home-manager-generation.json", false, &err);
        if (!p) {
            fprintf(stderr, "error: %s\n", err ? err : "cannot write the generation spec");
            free(err);
            rc = 1;
        } else
            printf("%s\n", p);
        free(p);
    }
    hm_evaluated_free(&ev);
    hearth_paths_free(&paths);
    hm_args_free(&a);
    return rc;
}
