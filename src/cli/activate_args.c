/* src/cli/activate_args.c: see activate_args.h. */
#include "cli/activate_args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int activate_args_parse(const struct cli_invocation *inv, struct activate_options *o,
                        const char **pos, int npos_max, int *npos) {
    memset(o, 0, sizeof *o);
    o->out = stdout;
    o->log = stderr;
    const char *ext = getenv("HOME_MANAGER_BACKUP_EXT");
    if (ext && ext[0]) o->backup_ext = ext;
    const char *ow = getenv("HOME_MANAGER_BACKUP_OVERWRITE");
    o->backup_overwrite = ow && ow[0];
    const char *fault = getenv("HEARTH_FAULT_AFTER");
    if (fault && fault[0]) o->fault_after = strtol(fault, NULL, 10);
    *npos = 0;
    for (int i = 1; i < inv->argc; i++) {
        const char *a = inv->argv[i];
        if (!strcmp(a, "-b") || !strcmp(a, "--backup")) {
            if (i + 1 >= inv->argc) {
                fprintf(stderr, "%s: missing argument for %s\n", inv->program_name, a);
                return 1;
            }
            o->backup_ext = inv->argv[++i];
        } else if (!strcmp(a, "-n") || !strcmp(a, "--dry-run")) {
            o->dry_run = true;
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            o->verbose = true;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "%s: unknown option '%s'\nRun '%s --help' for usage help\n",
                    inv->program_name, a, inv->program_name);
            return 1;
        } else {
            if (*npos >= npos_max) {
                fprintf(stderr, "%s: unexpected argument '%s'\n", inv->program_name, a);
                return 1;
            }
            pos[(*npos)++] = a;
        }
    }
    if (o->backup_ext && (!o->backup_ext[0] || strchr(o->backup_ext, '/'))) {
        fprintf(stderr, "%s: backup extension '%s' must be a non-empty name without '/'\n",
                inv->program_name, o->backup_ext);
        return 1;
    }
    return 0;
}

void activate_args_use_services(struct activate_options *o, struct services_activation *sa) {
    *sa = (struct services_activation){0};
    sa->verbose = o->verbose;
    sa->out = o->out ? o->out : stdout;
    o->reload_services = services_activation_reload;
    o->reload_ctx = sa;
}
