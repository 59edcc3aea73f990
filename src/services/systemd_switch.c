/* src/services/systemd_switch.c: see systemd_switch.h. */
#include "services/systemd_switch.h"

#include "services/manager.h"
#include "services/plan.h"
#include "services/unitdir.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void say(const struct services_switch_opts *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void say(const struct services_switch_opts *o, const char *fmt, ...) {
    if (!o->out) return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(o->out, fmt, ap);
    va_end(ap);
    fputc('\n', o->out);
}

static int add_failure(struct services_report *r, const char *unit, const char *why) {
    if (r->nfailures == r->capfailures) {
        size_t cap = r->capfailures ? r->capfailures * 2 : 8;
        struct services_failure *f = realloc(r->failures, cap * sizeof *f);
        if (!f) return -1;
        r->failures = f;
        r->capfailures = cap;
    }
    char *u = strdup(unit), *w = strdup(why);
    if (!u || !w) {
        free(u);
        free(w);
        return -1;
    }
    r->failures[r->nfailures++] = (struct services_failure){u, w};
    return 0;
}

void services_report_free(struct services_report *r) {
    for (size_t i = 0; i < r->nfailures; i++) {
        free(r->failures[i].unit);
        free(r->failures[i].why);
    }
    free(r->failures);
    r->failures = NULL;
    r->nfailures = r->capfailures = 0;
}

/* What the plan line says, as done now and as a dry run would. */
static void describe(const struct plan_entry *e, const char **doing, const char **would) {
    switch (e->action) {
    case PLAN_STOP: *doing = "Stopping", *would = "Would stop"; break;
    case PLAN_STOP_START:
        *doing = "Stopping and starting again", *would = "Would stop and start again";
        break;
    case PLAN_RESTART: *doing = "Restarting", *would = "Would restart"; break;
    case PLAN_RELOAD: *doing = "Reloading", *would = "Would reload"; break;
    case PLAN_START: *doing = "Starting", *would = "Would start"; break;
    case PLAN_KEEP: *doing = "Keeping", *would = "Would keep"; break;
    }
}

/* The plan as the commands a user would type: stops first (with the old definitions the manager
 * still has), then daemon-reload, then restarts, reloads and starts, the order a switch uses. */
static void print_suggestions(const struct services_switch_opts *o,
                              const struct services_plan *plan) {
    if (plan->n == 0) {
        say(o, "No unit to start, stop, restart or reload; suggested command:");
        say(o, "  systemctl --user daemon-reload");
        return;
    }
    say(o, "Suggested commands:");
    for (size_t i = 0; i < plan->n; i++)
        if (plan->e[i].action == PLAN_STOP || plan->e[i].action == PLAN_STOP_START)
            say(o, "  systemctl --user stop %s", plan->e[i].unit);
    say(o, "  systemctl --user daemon-reload");
    for (size_t i = 0; i < plan->n; i++) {
        const char *verb = NULL;
        switch (plan->e[i].action) {
        case PLAN_RESTART: verb = "restart"; break;
        case PLAN_RELOAD: verb = "reload"; break;
        case PLAN_START:
        case PLAN_STOP_START: verb = "start"; break;
        case PLAN_STOP:
        case PLAN_KEEP: break;
        }
        if (verb) say(o, "  systemctl --user %s %s", verb, plan->e[i].unit);
    }
}

static const char *verb_gerund(const char *verb) {
    if (strcmp(verb, "stop") == 0) return "stopping";
    if (strcmp(verb, "restart") == 0) return "restarting";
    if (strcmp(verb, "reload") == 0) return "reloading";
    return "starting";
}

/* Queues the jobs of one phase; a job the manager refuses is a failure of that unit. */
static int queue(struct user_manager *m, const struct services_switch_opts *o,
                 struct services_report *r, const char *verb, const char *unit) {
    char err[512];
    if (manager_queue(m, verb, unit, err, sizeof err) < 0) {
        char why[700];
        snprintf(why, sizeof why, "%s failed: %s", verb_gerund(verb), err);
        say(o, "Failed %s %s: %s", verb_gerund(verb), unit, err);
        return add_failure(r, unit, why);
    }
    return 0;
}

/* Waits for the phase's jobs and turns every job that did not end "done" into a failure. */
static int finish_phase(struct user_manager *m, const struct services_switch_opts *o,
                        struct services_report *r) {
    if (manager_wait(m, o->timeout_ms, r->error, sizeof r->error) < 0) return -1;
    for (size_t i = 0; i < m->njobs; i++) {
        const struct manager_job *j = &m->jobs[i];
        if (!j->path) continue; /* refused when queued: already reported */
        const char *result = j->result ? j->result : "unknown";
        if (o->verbose) say(o, "  %s %s: %s", j->verb, j->unit, result);
        if (strcmp(result, "done") == 0) {
            if (strcmp(j->verb, "stop") == 0)
                r->stopped++;
            else if (strcmp(j->verb, "restart") == 0)
                r->restarted++;
            else if (strcmp(j->verb, "reload") == 0)
                r->reloaded++;
            else
                r->started++;
            continue;
        }
        char why[512];
        if (strcmp(result, MANAGER_NOT_FINISHED) == 0)
            snprintf(why, sizeof why, "%s did not finish within %u ms", verb_gerund(j->verb),
                     o->timeout_ms);
        else
            snprintf(why, sizeof why, "%s failed: the job ended '%s'", verb_gerund(j->verb),
                     result);
        say(o, "Failed %s %s: %s (see 'systemctl --user status %s')", verb_gerund(j->verb), j->unit,
            strchr(why, ':') ? strchr(why, ':') + 2 : why, j->unit);
        if (add_failure(r, j->unit, why) < 0) return -1;
    }
    return 0;
}

/* A started service may fail right after its start job succeeded (Type=simple): look once
 * more at every unit that was started, restarted or reloaded. */
static int check_failed_units(struct user_manager *m, const struct services_switch_opts *o,
                              const struct services_plan *plan, struct services_report *r) {
    for (size_t i = 0; i < plan->n; i++) {
        const struct plan_entry *e = &plan->e[i];
        if (e->action == PLAN_STOP || e->action == PLAN_KEEP) continue;
        bool reported = false;
        for (size_t k = 0; k < r->nfailures; k++)
            if (strcmp(r->failures[k].unit, e->unit) == 0) reported = true;
        if (reported) continue;
        char active[64], load[64], err[512];
        if (manager_unit_state(m, e->unit, active, sizeof active, load, sizeof load, err,
                               sizeof err) < 0)
            continue; /* the state is only a second look; the job result stands */
        if (strcmp(active, "failed") == 0) {
            say(o,
                "Failed starting %s: it is in the failed state (see 'systemctl --user status "
                "%s')",
                e->unit, e->unit);
            if (add_failure(r, e->unit, "entered the failed state after starting") < 0) return -1;
        }
    }
    return 0;
}

static int run_plan(struct user_manager *m, const struct services_switch_opts *o,
                    const struct services_plan *plan, struct services_report *r) {
    /* Stop first, while the manager still has the old definitions: a removed unit's ExecStop
     * and a stop-start unit's old ExecStop are the ones that know how to stop what runs. */
    for (size_t i = 0; i < plan->n; i++)
        if (plan->e[i].action == PLAN_STOP || plan->e[i].action == PLAN_STOP_START)
            if (queue(m, o, r, "stop", plan->e[i].unit) < 0) return -1;
    if (finish_phase(m, o, r) < 0) return -1;
    manager_clear_jobs(m);

    if (o->verbose) say(o, "Reloading the systemd user manager (daemon-reload)");
    if (manager_daemon_reload(m, r->error, sizeof r->error) < 0) return -1;

    /* Sockets start before everything else: a service whose start job is queued while its
     * socket's job is waits for it (the socket is ordered before it), while one already
     * running when the socket starts makes systemd refuse the socket. */
    static const struct {
        enum plan_action action;
        const char *verb;
        bool sockets;
    } phase2[] = {{PLAN_RELOAD, "reload", false},    {PLAN_RESTART, "restart", false},
                  {PLAN_STOP_START, "start", true},  {PLAN_START, "start", true},
                  {PLAN_STOP_START, "start", false}, {PLAN_START, "start", false}};
    for (size_t k = 0; k < sizeof phase2 / sizeof *phase2; k++)
        for (size_t i = 0; i < plan->n; i++) {
            const char *type = unit_name_type(plan->e[i].unit);
            bool socket = type && strcmp(type, "socket") == 0;
            if (plan->e[i].action == phase2[k].action && socket == phase2[k].sockets)
                if (queue(m, o, r, phase2[k].verb, plan->e[i].unit) < 0) return -1;
        }
    if (finish_phase(m, o, r) < 0) return -1;
    manager_clear_jobs(m);
    for (size_t i = 0; i < plan->n; i++)
        if (plan->e[i].action == PLAN_KEEP) r->kept++;
    return check_failed_units(m, o, plan, r);
}

int services_systemd_switch(const struct services_switch_opts *o, struct services_report *r) {
    memset(r, 0, sizeof *r);
    struct unit_dir old, new;
    if (unit_dir_load(o->old_units_dir, &old, r->error, sizeof r->error) < 0) return -1;
    if (unit_dir_load(o->new_units_dir, &new, r->error, sizeof r->error) < 0) {
        unit_dir_free(&old);
        return -1;
    }
    if (old.n == 0 && new.n == 0) {
        /* Neither generation has a unit: nothing to start, stop or reload, and asking the
         * manager (connect, daemon-reload) would only cost the switch time. */
        if (o->verbose) say(o, "No systemd user units in either generation; nothing to switch");
        r->skipped = true;
        unit_dir_free(&old);
        unit_dir_free(&new);
        return 0;
    }
    struct user_manager m;
    char why[1100];
    int rc = manager_connect(&m, why, sizeof why);
    if (rc == MANAGER_ABSENT) {
        say(o,
            "No systemd user manager is running (%s); skipping the switch of systemd user "
            "units.",
            why);
        r->skipped = true;
        unit_dir_free(&old);
        unit_dir_free(&new);
        return 0;
    }
    if (rc < 0) {
        if (snprintf(r->error, sizeof r->error, "%s", why) < 0) r->error[0] = '\0';
        unit_dir_free(&old);
        unit_dir_free(&new);
        return -1;
    }
    if (o->verbose)
        say(o, "Connected to the systemd user manager through %s",
            m.private_socket ? "its private socket" : "the session bus");

    struct services_plan plan;
    struct plan_manager pm = {&m, manager_unit_running, manager_running_instances};
    rc = plan_compute(&old, &new, &pm, &plan, r->error, sizeof r->error);
    if (rc == 0) {
        for (size_t i = 0; i < plan.warnings.n; i++)
            say(o, "warning: %s", plan.warnings.v[i]);
        for (size_t i = 0; i < plan.n; i++) {
            const char *doing = "", *would = "";
            describe(&plan.e[i], &doing, &would);
            say(o, "%s %s%s (%s)", o->dry_run || o->suggest ? would : doing, plan.e[i].unit,
                plan.e[i].action == PLAN_KEEP ? " running as it is" : "", plan.e[i].why);
        }
        if (o->suggest && !o->dry_run) {
            print_suggestions(o, &plan);
        } else if (o->dry_run) {
            say(o, plan.n ? "Would reload the systemd user manager (daemon-reload)"
                          : "Would only reload the systemd user manager: no unit to start, "
                            "stop, restart or reload");
        } else {
            if (plan.n == 0 && o->verbose) say(o, "No unit to start, stop, restart or reload");
            rc = run_plan(&m, o, &plan, r);
        }
        plan_free(&plan);
    }
    manager_close(&m);
    unit_dir_free(&old);
    unit_dir_free(&new);
    if (rc < 0) return -1;
    return r->nfailures ? 1 : 0;
}
