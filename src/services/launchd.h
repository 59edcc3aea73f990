/* src/services/launchd.h: loading and unloading launchd agents on macOS, what Home Manager's
 * launchd module does on activation.
 *
 * Owns: the agents plan (which LABEL.plist files are gone, new or changed between two
 * generations' LaunchAgents directories; portable, so it is tested everywhere) and carrying it
 * out with launchctl in the user's GUI domain (bootout gui/UID/LABEL, bootstrap gui/UID PATH),
 * which is compiled only on macOS. Elsewhere a switch that has agents to load says it is not on
 * macOS and skips. */
#ifndef HEARTH_SERVICES_LAUNCHD_H
#define HEARTH_SERVICES_LAUNCHD_H

#include "services/plan.h"
#include "services/systemd_switch.h"

#include <stdbool.h>
#include <stdio.h>

struct launchd_switch_opts {
    const char *old_agents_dir; /* previous generation's LaunchAgents; NULL on the first switch */
    const char *new_agents_dir; /* the new generation's */
    const char *agents_dir;     /* where activation put them: ~/Library/LaunchAgents */
    bool dry_run, verbose;
    FILE *out;
};

/* The plan: PLAN_STOP for a gone agent, PLAN_STOP_START for a changed one, PLAN_START for a new
 * one; unit is the label (the file name without .plist). */
int launchd_plan(const char *old_dir, const char *new_dir, struct services_plan *plan, char *err,
                 size_t errlen);

/* Returns 0, 1 when some launchctl call failed (in report->failures), -1 on error. */
int services_launchd_switch(const struct launchd_switch_opts *opts, struct services_report *report);

#endif
