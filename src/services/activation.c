/* src/services/activation.c: see activation.h. */
#include "services/activation.h"

#include "services/launchd.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void services_units_dir(const char *gen, char *buf, size_t len) {
    struct stat st;
    snprintf(buf, len, "%s/units", gen);
    /* A dangling GEN/units is a generation without units, not one to guess about. */
    if (stat(buf, &st) == 0 ? S_ISDIR(st.st_mode) : lstat(buf, &st) == 0) return;
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
        .suggest = a->suggest,
        .verbose = a->verbose,
        .out = a->out,
    };
    services_report_free(&a->report);
    int rc = services_systemd_switch(&o, &a->report);
    if (rc < 0 && a->out) fprintf(a->out, "Switching systemd user units: %s\n", a->report.error);
    int lrc = services_activation_launchd(a, old_gen, new_gen, dry_run);
    return rc == 0 && lrc == 0 ? 0 : 1;
}

bool services_agents_dir(const char *gen, char *buf, size_t len) {
    struct stat st;
    snprintf(buf, len, "%s/LaunchAgents", gen);
    return stat(buf, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The first executable `launchctl` in PATH, into buf; false when there is none. */
static bool find_launchctl(char *buf, size_t len) {
    const char *path = getenv("PATH");
    if (!path) return false;
    for (const char *p = path; *p;) {
        const char *end = strchr(p, ':');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n > 0 && n < len - 12) {
            snprintf(buf, len, "%.*s/launchctl", (int)n, p);
            struct stat st;
            if (stat(buf, &st) == 0 && S_ISREG(st.st_mode) && access(buf, X_OK) == 0) return true;
        }
        p += n;
        if (*p == ':') p++;
    }
    return false;
}

int services_activation_launchd(struct services_activation *a, const char *old_gen,
                                const char *new_gen, bool dry_run) {
    char old_dir[4096], new_dir[4096], launchctl[4096], home_agents[4096];
    bool had = old_gen && services_agents_dir(old_gen, old_dir, sizeof old_dir);
    bool has = services_agents_dir(new_gen, new_dir, sizeof new_dir);
    /* Without agents on either side (every generation built off macOS) there is nothing to do. */
    if (!had && !has) return 0;
    const char *home = getenv("HOME");
    if (!home || home[0] != '/') {
        if (a->out) fprintf(a->out, "Switching launchd agents: HOME is not set\n");
        return 1;
    }
    snprintf(home_agents, sizeof home_agents, "%s/Library", home);
    if (!dry_run && mkdir(home_agents, 0755) < 0 && errno != EEXIST) {
        if (a->out)
            fprintf(a->out, "Switching launchd agents: %s: %s\n", home_agents, strerror(errno));
        return 1;
    }
    snprintf(home_agents, sizeof home_agents, "%s/Library/LaunchAgents", home);
    struct launchd_switch_opts o = {
        .old_agents_dir = had ? old_dir : NULL,
        /* A generation without agents after one with them: every agent is gone. */
        .new_agents_dir = has ? new_dir : NULL,
        .agents_dir = home_agents,
        .launchctl = find_launchctl(launchctl, sizeof launchctl) ? launchctl : NULL,
        .dry_run = dry_run,
        .verbose = a->verbose,
        .out = a->out,
    };
    struct services_report r;
    int rc = services_launchd_switch(&o, &r);
    if (rc < 0 && a->out) fprintf(a->out, "Switching launchd agents: %s\n", r.error);
    services_report_free(&r);
    return rc == 0 ? 0 : 1;
}
