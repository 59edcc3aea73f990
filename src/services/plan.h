/* src/services/plan.h: deciding what to do with each systemd user unit when switching from one
 * generation to the next.
 *
 * Owns: the switch plan. It is computed from the two units directories and the manager's view
 * of which units are running (asked through a callback, so tests can supply it), and does
 * nothing itself. The rules (docs/design/services.md has the reasons):
 *   - a unit that is gone from the new generation and is running is stopped;
 *   - a unit that is new, or newly pulled in by a *.wants/ link, or changed but not running, is
 *     started when a target that wants it in the new generation is active;
 *   - a running unit whose definition changed is switched by its method (unitfile.h):
 *     stop-start, restart, reload or keep-old; one where only X-Reload-Triggers changed is
 *     reloaded unless it names a method. Targets, slices and other units that hold no process
 *     need nothing beyond the daemon reload;
 *   - a unit that refuses manual stops is never stopped or restarted, only kept;
 *   - a socket that is started (or stop-started) while its service runs has the service
 *     stop-started around it: systemd refuses to start a socket whose service is active.
 * The switch starts sockets before other units, so a service started with its socket waits for
 * it (a socket is ordered before its service). */
#ifndef HEARTH_SERVICES_PLAN_H
#define HEARTH_SERVICES_PLAN_H

#include "services/strlist.h"
#include "services/unitdir.h"

#include <stdbool.h>
#include <stddef.h>

enum plan_action {
    PLAN_STOP,       /* before the daemon reload: the unit is gone */
    PLAN_STOP_START, /* stop before the reload, start after it */
    PLAN_RESTART,    /* after the reload */
    PLAN_RELOAD,     /* after the reload (restarted if the unit cannot reload) */
    PLAN_START,      /* after the reload */
    PLAN_KEEP,       /* changed, but left running as it is */
};

struct plan_entry {
    char *unit;
    enum plan_action action;
    char *why; /* for messages: "removed", "changed", "wanted by default.target", ... */
};

struct services_plan {
    struct plan_entry *e;
    size_t n, cap;
    struct strlist warnings; /* for the user, one line each: an unknown X-SwitchMethod */
};

/* The manager's view, asked through callbacks so that tests can supply it. */
struct plan_manager {
    void *ctx;
    /* Whether unit is running (ActiveState active, activating or reloading). 0, or -1 with the
     * reason in err. */
    int (*running)(void *ctx, const char *unit, bool *running, char *err, size_t errlen);
    /* Adds to out the running instances of a template ("foo@.service" -> "foo@a.service"):
     * instances started by hand are switched with their template. May be NULL. */
    int (*instances)(void *ctx, const char *tmpl, struct strlist *out, char *err, size_t errlen);
};

/* Computes the plan; old may be an empty directory (the first switch). A unit with an unknown
 * X-SwitchMethod is restarted, with a warning in plan->warnings, rather than stopping the
 * whole switch. Returns -1 with the reason in err (a failing state query). */
int plan_compute(const struct unit_dir *old, const struct unit_dir *new,
                 const struct plan_manager *mgr, struct services_plan *plan, char *err,
                 size_t errlen);
void plan_free(struct services_plan *plan);

/* "stop", "stop-start", "restart", "reload", "start", "keep" */
const char *plan_action_name(enum plan_action a);
/* The entry for unit, or NULL. */
const struct plan_entry *plan_find(const struct services_plan *plan, const char *unit);

#endif
