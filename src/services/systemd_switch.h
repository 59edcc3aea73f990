/* src/services/systemd_switch.h: switching systemd user units from one generation to the next,
 * what Home Manager does with sd-switch. This is the module's entry point.
 *
 * Owns: the order of a switch. With the new generation's unit files already linked into
 * ~/.config/systemd/user by activation:
 *   1. read both generations' units directories and ask the manager what runs;
 *   2. compute the plan (plan.h);
 *   3. stop the units that are gone and the changed stop-start ones, with their old definitions
 *      (the manager still has them), and wait for those jobs;
 *   4. daemon-reload;
 *   5. reload, restart and start, and wait for those jobs up to the timeout;
 *   6. report every unit whose job did not end "done" or that is left failed, by name.
 * With no user manager running it says so and skips, returning success: the rest of the
 * activation goes on. A dry run connects (to see what runs) and prints the plan only; a
 * suggestion run prints the plan as systemctl commands. */
#ifndef HEARTH_SERVICES_SYSTEMD_SWITCH_H
#define HEARTH_SERVICES_SYSTEMD_SWITCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct services_switch_opts {
    const char *old_units_dir; /* the previous generation's units; NULL on the first switch */
    const char *new_units_dir; /* the new generation's units */
    unsigned timeout_ms;       /* systemd.user.servicesStartTimeoutMs; 0 waits without limit */
    bool dry_run;              /* print the plan, change nothing */
    /* systemd.user.startServices = "suggest": change nothing either, but print the systemctl
     * commands that would carry the plan out, for the user to run. */
    bool suggest;
    bool verbose; /* also say how the manager was reached and how each job ended */
    FILE *out;    /* where messages go; NULL for none */
};

struct services_failure {
    char *unit;
    char *why;
};

struct services_report {
    bool skipped; /* no user manager: nothing was done */
    size_t stopped, started, restarted, reloaded, kept;
    struct services_failure *failures;
    size_t nfailures, capfailures;
    char error[1024]; /* why services_systemd_switch returned -1 */
};

/* Returns 0 when every job succeeded or the switch was skipped, 1 when some units failed (in
 * report->failures, also printed), -1 on an error that stopped the switch (report->error).
 * Call services_report_free afterwards in every case. */
int services_systemd_switch(const struct services_switch_opts *opts,
                            struct services_report *report);
void services_report_free(struct services_report *report);

#endif
