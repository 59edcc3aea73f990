/* src/services/launchd.h: installing, loading and unloading launchd agents on macOS, what Home
 * Manager's launchd module does on activation.
 *
 * Owns: the agents plan (which LABEL.plist files are gone, new or changed between two
 * generations' LaunchAgents directories, by their bytes) and carrying it out: a gone agent is
 * booted out of the user's GUI domain (`launchctl bootout gui/UID/LABEL`) and its copy in
 * ~/Library/LaunchAgents removed; a new one is copied there (launchd wants a real file, not a
 * link into the store) and bootstrapped (`launchctl bootstrap gui/UID PATH`); a changed one is
 * booted out, replaced and bootstrapped. A file in ~/Library/LaunchAgents that is not the old
 * generation's copy is never removed or overwritten.
 *
 * It all compiles everywhere; launchctl is /bin/launchctl on macOS and must be named
 * elsewhere (the tests name a stand-in), otherwise the switch says it is not on macOS and
 * skips. */
#ifndef HEARTH_SERVICES_LAUNCHD_H
#define HEARTH_SERVICES_LAUNCHD_H

#include "services/plan.h"
#include "services/systemd_switch.h"

#include <stdbool.h>
#include <stdio.h>

struct launchd_switch_opts {
    const char *old_agents_dir; /* previous generation's LaunchAgents; NULL on the first switch */
    const char *new_agents_dir; /* the new generation's; NULL when it has no agents */
    const char *agents_dir;     /* ~/Library/LaunchAgents */
    const char *launchctl;      /* NULL: /bin/launchctl on macOS; elsewhere the switch skips */
    bool dry_run, verbose;
    FILE *out;
};

/* The plan: PLAN_STOP for a gone agent, PLAN_STOP_START for a changed one, PLAN_START for a new
 * one; unit is the label (the file name without .plist). */
int launchd_plan(const char *old_dir, const char *new_dir, struct services_plan *plan, char *err,
                 size_t errlen);

/* Returns 0 (also when skipped), 1 when some agent failed (in report->failures, printed), -1
 * on error (report->error). */
int services_launchd_switch(const struct launchd_switch_opts *opts, struct services_report *report);

#endif
