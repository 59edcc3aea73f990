/* src/cli/activate_args.h: the options the commands that activate share (activate, rollback).
 *
 * Owns: parsing -b EXT / --backup EXT, -n / --dry-run, -v / --verbose (and reading
 * HOME_MANAGER_BACKUP_EXT, HOME_MANAGER_BACKUP_OVERWRITE and HEARTH_FAULT_AFTER from the
 * environment), and printing an activation's error the way the CLI does. */
#ifndef HEARTH_CLI_ACTIVATE_ARGS_H
#define HEARTH_CLI_ACTIVATE_ARGS_H

#include "activate/activate.h"
#include "cli/commands.h"
#include "services/activation.h"

/* Fills `o` (paths not set) from argv; positional arguments go to pos[] (at most npos_max).
 * Returns 0, or prints a message and returns the exit code to use (1). */
int activate_args_parse(const struct cli_invocation *inv, struct activate_options *o,
                        const char **pos, int npos_max, int *npos);

/* Makes the activation switch systemd user units (src/services) as `switch` does, reporting
 * through `sa`, which must outlive the activation; free sa->report afterwards. Generations
 * activated again (activate, rollback) keep no servicesStartTimeoutMs, so the wait is
 * systemd's own (0: no extra limit), as Home Manager's default. */
void activate_args_use_services(struct activate_options *o, struct services_activation *sa);

#endif
