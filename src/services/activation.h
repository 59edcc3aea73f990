/* src/services/activation.h: the systemd switch (and, on macOS, the launchd agents' switch) as
 * the activation engine's reloadSystemd step.
 *
 * Owns: finding a generation's units directory and adapting services_systemd_switch to the
 * engine's callback, `int (*)(void *ctx, const char *old_gen, const char *new_gen, bool
 * dry_run)` (activate_reload_fn in src/activate/activate.h): pass
 * services_activation_reload as the function and a struct services_activation as ctx. */
#ifndef HEARTH_SERVICES_ACTIVATION_H
#define HEARTH_SERVICES_ACTIVATION_H

#include "services/systemd_switch.h"

#include <stdbool.h>
#include <stdio.h>

struct services_activation {
    unsigned timeout_ms; /* systemd.user.servicesStartTimeoutMs */
    bool verbose;
    bool suggest; /* startServices = "suggest": print systemctl commands instead of switching */
    FILE *out;    /* messages, errors included (the callback returns no text) */
    struct services_report report; /* of the last switch; services_report_free it at the end */
};

/* GEN/units when the generation has it (a link to the units inside home-files, at
 * xdg.configHome's place, or units a spec's unitsDir gave), else Home Manager's default place
 * for them, GEN/home-files/.config/systemd/user (generations built before GEN/units was
 * recorded). Writes the path into buf. */
void services_units_dir(const char *gen, char *buf, size_t len);

/* GEN/LaunchAgents into buf; true when the generation has it (agents on macOS). */
bool services_agents_dir(const char *gen, char *buf, size_t len);

/* The launchd agents' switch (src/services/launchd.h) between the two generations'
 * LaunchAgents into ~/Library/LaunchAgents; nothing when neither has agents. launchctl is the
 * first on PATH (on macOS /bin/launchctl otherwise; elsewhere without one it skips). Returns
 * 0 or 1 as below. */
int services_activation_launchd(struct services_activation *a, const char *old_gen,
                                const char *new_gen, bool dry_run);

/* The systemd switch, then the launchd one. Returns 0 when the switches succeeded or were
 * skipped (no user manager, not on macOS), 1 when units or agents failed or a switch stopped
 * on an error (printed to ctx->out). */
int services_activation_reload(void *ctx, const char *old_gen, const char *new_gen, bool dry_run);

#endif
