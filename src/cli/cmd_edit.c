/* src/cli/cmd_edit.c: `hearth edit`, as `home-manager edit`: opens the configuration file in
 * $VISUAL or $EDITOR (the value may hold arguments, so it goes through /bin/sh). */
#include "cli/commands.h"
#include "cli/config_eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_edit(const struct cli_invocation *inv) {
    struct hm_args a;
    int rc = hm_args_parse(inv, &a);
    if (rc) return rc;
    char *err = NULL;
    char *conf = hm_config_file(&a, &err);
    hm_args_free(&a);
    if (!conf) {
        fprintf(stderr, "%s\n", err);
        free(err);
        return 1;
    }
    const char *editor = getenv("VISUAL");
    if (!editor || !editor[0]) editor = getenv("EDITOR");
    if (!editor || !editor[0]) {
        fprintf(stderr, "Please set the $EDITOR or $VISUAL environment variable\n");
        free(conf);
        return 1;
    }
    fflush(stdout);
    execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", editor, conf, (char *)NULL);
    perror("/bin/sh");
    free(conf);
    return 1;
}
