/* src/cli/cmd_option.c: `hearth option NAME`, as `home-manager option`: the option's value,
 * default, type, example, description, the files that declare it and those that define it
 * (modules/option-info.nix writes the text). A name that is a set of options lists what is
 * under it (no name: the top level); a name that is no option is an error. */
#include "cli/commands.h"
#include "cli/config_eval.h"
#include "store/profile.h"

#include <stdio.h>
#include <stdlib.h>

int cmd_option(const struct cli_invocation *inv) {
    struct hm_args a;
    int rc = hm_args_parse(inv, &a);
    if (rc) return rc;
    if (a.npos > 1) {
        fprintf(stderr, "Usage: %s option OPTION.NAME\n", a.prog);
        hm_args_free(&a);
        return 1;
    }
    struct hearth_paths paths;
    char *err = NULL, *conf = NULL, *out = NULL;
    bool is_null = false;
    if (hearth_paths_init(&paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", a.prog, err);
        free(err);
        hm_args_free(&a);
        return 1;
    }
    conf = hm_config_file(&a, &err);
    if (conf) {
        /* No name lists the top-level options, as nixos-option does. */
        char *name = hm_nix_string(a.npos ? a.pos[0] : "");
        char *what = NULL;
        if (asprintf(&what, "r.optionInfo %s", name) < 0) what = NULL;
        out = what ? hm_eval(&a, conf, paths.store_dir, what, &is_null, &err) : NULL;
        free(what);
        free(name);
    }
    if (out)
        fputs(out, stdout);
    else if (is_null) {
        fprintf(stderr, "error: No option '%s' exists.\n", a.npos ? a.pos[0] : "");
        rc = 1;
    } else {
        fprintf(stderr, "%s%s", err, conf ? "" : "\n");
        rc = 1;
    }
    free(err);
    free(out);
    free(conf);
    hearth_paths_free(&paths);
    hm_args_free(&a);
    return rc;
}
