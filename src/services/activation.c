/* src/services/activation.c: see activation.h. */
#include "services/activation.h"

#include <sys/stat.h>

void services_units_dir(const char *gen, char *buf, size_t len) {
    struct stat st;
    snprintf(buf, len, "%s/units", gen);
    if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode)) return;
    snprintf(buf, len, "%s/home-files/.config/systemd/user", gen);
}

int services_activation_reload(void *ctx, const char *old_gen, const char *new_gen, bool dry_run) {
    struct services_activation *a = ctx;
    char old_dir[4096], new_dir[4096];
    if (old_gen) services_units_dir(old_gen, old_dir, sizeof old_dir);
    services_units_dir(new_gen, new_dir, sizeof new_dir);
    struct services_switch_opts o = {
        .old_units_dir = old_gen ? old_dir : NULL,
        .new_units_dir = new_dir,
        .timeout_ms = a->timeout_ms,
        .dry_run = dry_run,
        .verbose = a->verbose,
        .out = a->out,
    };
    services_report_free(&a->report);
    int rc = services_systemd_switch(&o, &a->report);
    if (rc < 0 && a->out) fprintf(a->out, "Switching systemd user units: %s\n", a->report.error);
    return rc == 0 ? 0 : 1;
}
