/* src/services/manager.h: the systemd user manager, spoken to over D-Bus with sd-bus.
 *
 * Owns: the connection (the user's session bus, or the manager's private socket
 * $XDG_RUNTIME_DIR/systemd/private when there is no session bus), unit state queries, the
 * daemon reload, queueing start/stop/restart/reload jobs and waiting for them to finish.
 * Everything lives in struct user_manager; nothing is global. */
#ifndef HEARTH_SERVICES_MANAGER_H
#define HEARTH_SERVICES_MANAGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sd_bus;
struct sd_bus_slot;

/* The result of a job still running when manager_wait gave up. */
#define MANAGER_NOT_FINISHED "not finished in time"

struct manager_job {
    char *unit;
    char *verb;   /* "start", "stop", "restart", "reload" */
    char *path;   /* the job object, NULL if queueing it failed */
    char *result; /* "done", "failed", "timeout", "canceled", "dependency", "skipped", or the
                     error from queueing it; NULL while the job runs */
};

struct user_manager {
    struct sd_bus *bus;
    struct sd_bus_slot *job_removed;
    bool private_socket; /* connected to $XDG_RUNTIME_DIR/systemd/private */
    struct manager_job *jobs;
    size_t njobs, capjobs;
};

enum manager_connect_result {
    MANAGER_CONNECTED = 0,
    MANAGER_ABSENT = 1, /* no user manager to talk to: err says why */
};

/* The user's runtime directory into buf: xdg_runtime_dir (the environment's XDG_RUNTIME_DIR)
 * when set, else RUN_USER/UID when that directory exists, as Home Manager falls back to
 * /run/user/$(id -u). Returns 0, or -1 with the reason in buf. run_user is a parameter so that
 * tests can choose it; callers pass "/run/user". */
int manager_runtime_dir(const char *xdg_runtime_dir, const char *run_user, unsigned long uid,
                        char *buf, size_t len);

/* Connects; returns MANAGER_CONNECTED, MANAGER_ABSENT, or -1 (with err) when the manager
 * answered but subscribing to its job signals failed. */
int manager_connect(struct user_manager *m, char *err, size_t errlen);
void manager_close(struct user_manager *m);

/* The unit's ActiveState ("active", "failed", ...; "inactive" for a unit not loaded) and
 * LoadState ("loaded", "not-found", ...). */
int manager_unit_state(struct user_manager *m, const char *unit, char *active, size_t alen,
                       char *load, size_t llen, char *err, size_t errlen);
/* A plan_state_fn (plan.h): active, activating and reloading units are running. */
int manager_unit_running(void *m, const char *unit, bool *running, char *err, size_t errlen);

/* For struct plan_manager: adds the running instances of the template tmpl to out. */
struct strlist;
int manager_running_instances(void *m, const char *tmpl, struct strlist *out, char *err,
                              size_t errlen);

/* daemon-reload: returns once the manager has read the unit files again. */
int manager_daemon_reload(struct user_manager *m, char *err, size_t errlen);

/* Queues a job (verb: start, stop, restart, or reload, which restarts a unit that cannot
 * reload) in "replace" mode and records it. Returns 0, or -1 when the manager refused it (the
 * refusal is recorded as the job's result and copied into err). */
int manager_queue(struct user_manager *m, const char *verb, const char *unit, char *err,
                  size_t errlen);
/* Waits until every recorded job has finished, or timeout_ms has passed (0: no limit); jobs
 * still running then get the result MANAGER_NOT_FINISHED. Returns -1 only on a connection error. */
int manager_wait(struct user_manager *m, uint64_t timeout_ms, char *err, size_t errlen);
/* Forgets the recorded jobs (after their results were read). */
void manager_clear_jobs(struct user_manager *m);

#endif
