/* src/cli/cmd_packages.c: `hearth packages`, as `home-manager packages`: the packages of
 * `home.packages`, one name per line, sorted (Home Manager lists its home-path's references,
 * which are those packages, by name without the store hash). */
#include "cli/commands.h"
#include "cli/config_eval.h"
#include "store/profile.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const WHAT =
    "builtins.concatStringsSep \"\" (map (n: n + \"\\n\") (builtins.sort builtins.lessThan"
    " (map (p: p.name or (let b = baseNameOf (toString p); m = builtins.match "
    "\"[0-9a-z]{32}-(.*)\" b; in if m == null then b else builtins.head m))"
    " r.config.home.packages)))";

int cmd_packages(const struct cli_invocation *inv) {
    struct hm_args a;
    int rc = hm_args_parse(inv, &a);
    if (rc) return rc;
    struct hearth_paths paths;
    char *err = NULL;
    char *conf = NULL, *out = NULL;
    if (hearth_paths_init(&paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", a.prog, err);
        free(err);
        hm_args_free(&a);
        return 1;
    }
    conf = hm_config_file(&a, &err);
    if (conf) out = hm_eval(&a, conf, paths.store_dir, WHAT, NULL, &err);
    if (!out) {
        fprintf(stderr, "%s%s", err, conf ? "" : "\n");
        rc = 1;
    } else
        fputs(out, stdout);
    free(err);
    free(out);
    free(conf);
    hearth_paths_free(&paths);
    hm_args_free(&a);
    return rc;
}
