/* src/cli/cmd_systemd_switch.c: `hearth systemd-switch`, an internal command that switches the
 * systemd user units from one generation's units directory to another's (what activation does
 * after linking the new files), so that the switch can be run and tested on its own.
 *
 *   hearth systemd-switch [--old DIR] --new DIR [-n] [--suggest] [-v] [--timeout-ms N]
 *
 * Exit codes: 0 done (or skipped: no user manager), 1 some units failed (named in the output),
 * 2 bad usage or an error that stopped the switch. */
#include "cli/commands.h"
#include "services/systemd_switch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void usage(FILE *f, const char *program) {
    fprintf(f,
            "Usage: %s systemd-switch [--old DIR] --new DIR [-n] [--suggest] [-v]\n"
            "          [--timeout-ms N]\n"
            "\n"
            "Switches systemd user units from the units directory DIR of the old generation\n"
            "(omit --old on a first switch) to that of the new one: stops removed units,\n"
            "reloads the manager, restarts or reloads changed ones and starts new ones.\n"
            "\n"
            "  --old DIR         the previous generation's units directory\n"
            "  --new DIR         the new generation's units directory\n"
            "  -n, --dry-run     print what would be done, change nothing\n"
            "  --suggest         print the systemctl commands that would do it, change nothing\n"
            "  -v, --verbose     say how the manager is reached and how each job ends\n"
            "  --timeout-ms N    wait at most N ms for the jobs (0, the default: no limit)\n",
            program);
}

int cmd_systemd_switch(const struct cli_invocation *inv) {
    struct services_switch_opts o = {.out = stdout};
    for (int i = 1; i < inv->argc; i++) {
        const char *a = inv->argv[i];
        bool has_value = i + 1 < inv->argc;
        if (strcmp(a, "--old") == 0 && has_value)
            o.old_units_dir = inv->argv[++i];
        else if (strcmp(a, "--new") == 0 && has_value)
            o.new_units_dir = inv->argv[++i];
        else if (strcmp(a, "-n") == 0 || strcmp(a, "--dry-run") == 0)
            o.dry_run = true;
        else if (strcmp(a, "--suggest") == 0)
            o.suggest = true;
        else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0)
            o.verbose = true;
        else if (strcmp(a, "--timeout-ms") == 0 && has_value) {
            const char *v = inv->argv[++i];
            char *end;
            errno = 0;
            unsigned long n = strtoul(v, &end, 10);
            if (errno || *end || !*v || v[0] == '-' || n > 0xffffffffUL) {
                fprintf(stderr,
                        "%s systemd-switch: --timeout-ms wants a number of milliseconds, "
                        "got '%s'\n",
                        inv->program_name, v);
                return 2;
            }
            o.timeout_ms = (unsigned)n;
        } else if (!has_value && (strcmp(a, "--old") == 0 || strcmp(a, "--new") == 0 ||
                                  strcmp(a, "--timeout-ms") == 0)) {
            fprintf(stderr, "%s systemd-switch: %s needs a value\n", inv->program_name, a);
            return 2;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout, inv->program_name);
            return 0;
        } else {
            fprintf(stderr, "%s systemd-switch: unexpected argument '%s'\n", inv->program_name, a);
            usage(stderr, inv->program_name);
            return 2;
        }
    }
    if (!o.new_units_dir) {
        fprintf(stderr, "%s systemd-switch: --new DIR is required\n", inv->program_name);
        usage(stderr, inv->program_name);
        return 2;
    }
    /* The library takes a missing directory for a generation without units (and would stop
     * every unit of the old one); given on the command line it is more likely a typo. */
    const char *dirs[] = {o.old_units_dir, o.new_units_dir};
    for (size_t i = 0; i < 2; i++) {
        struct stat st;
        if (!dirs[i]) continue;
        const char *why = stat(dirs[i], &st) < 0 ? strerror(errno)
                          : S_ISDIR(st.st_mode)  ? NULL
                                                 : "not a directory";
        if (why) {
            fprintf(stderr, "%s systemd-switch: %s: %s\n", inv->program_name, dirs[i], why);
            return 2;
        }
    }
    struct services_report r;
    int rc = services_systemd_switch(&o, &r);
    fflush(stdout);
    if (rc < 0) {
        fprintf(stderr, "%s systemd-switch: %s\n", inv->program_name, r.error);
        rc = 2;
    } else if (rc > 0) {
        fprintf(stderr, "%s systemd-switch: %zu unit%s failed:", inv->program_name, r.nfailures,
                r.nfailures == 1 ? "" : "s");
        for (size_t i = 0; i < r.nfailures; i++)
            fprintf(stderr, "%s %s", i ? "," : "", r.failures[i].unit);
        fputc('\n', stderr);
        rc = 1;
    }
    services_report_free(&r);
    return rc;
}
