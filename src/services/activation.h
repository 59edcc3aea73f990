/* src/services/activation.h: the systemd switch as the activation engine's reloadSystemd step.
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
    FILE *out;                     /* messages, errors included (the callback returns no text) */
    struct services_report report; /* of the last switch; services_report_free it at the end */
};

/* GEN/units when the generation has it, else Home Manager's place for them,
 * GEN/home-files/.config/systemd/user. Writes the path into buf. */
void services_units_dir(const char *gen, char *buf, size_t len);

/* Returns 0 when the switch succeeded or was skipped (no user manager), 1 when units failed
 * or the switch stopped on an error (printed to ctx->out). */
int services_activation_reload(void *ctx, const char *old_gen, const char *new_gen, bool dry_run);

#endif
