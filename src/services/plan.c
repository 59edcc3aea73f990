/* src/services/plan.c: see plan.h. */
#include "services/plan.h"

#include "services/strlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *plan_action_name(enum plan_action a) {
    switch (a) {
    case PLAN_STOP: return "stop";
    case PLAN_STOP_START: return "stop-start";
    case PLAN_RESTART: return "restart";
    case PLAN_RELOAD: return "reload";
    case PLAN_START: return "start";
    case PLAN_KEEP: return "keep";
    }
    return "?";
}

static int plan_add(struct services_plan *p, const char *unit, enum plan_action a,
                    const char *why) {
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        struct plan_entry *e = realloc(p->e, cap * sizeof *e);
        if (!e) return -1;
        p->e = e;
        p->cap = cap;
    }
    char *u = strdup(unit), *w = strdup(why);
    if (!u || !w) {
        free(u);
        free(w);
        return -1;
    }
    p->e[p->n++] = (struct plan_entry){u, a, w};
    return 0;
}

void plan_free(struct services_plan *p) {
    for (size_t i = 0; i < p->n; i++) {
        free(p->e[i].unit);
        free(p->e[i].why);
    }
    free(p->e);
    strlist_free(&p->warnings);
    memset(p, 0, sizeof *p);
}

const struct plan_entry *plan_find(const struct services_plan *p, const char *unit) {
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->e[i].unit, unit) == 0) return &p->e[i];
    return NULL;
}

/* The units a generation can run: its non-template unit files and every unit a target pulls
 * in (which names the instances of templates). */
static int runnable_names(const struct unit_dir *d, struct strlist *out) {
    for (size_t i = 0; i < d->n; i++)
        if (!unit_name_is_template(d->units[i].name) &&
            strlist_add_unique(out, d->units[i].name) < 0)
            return -1;
    for (size_t i = 0; i < d->nwants; i++)
        if (!unit_name_is_template(d->wants[i].unit) &&
            strlist_add_unique(out, d->wants[i].unit) < 0)
            return -1;
    strlist_sort(out);
    return 0;
}

/* Asks for each state once: targets are asked about for every unit they want. */
struct state_cache {
    const struct plan_manager *mgr;
    struct strlist running, stopped;
};

static int cached_running(struct state_cache *c, const char *unit, bool *running, char *err,
                          size_t errlen) {
    if (strlist_contains(&c->running, unit)) return *running = true, 0;
    if (strlist_contains(&c->stopped, unit)) return *running = false, 0;
    if (c->mgr->running(c->mgr->ctx, unit, running, err, errlen) < 0) return -1;
    if (strlist_add(*running ? &c->running : &c->stopped, unit) < 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

/* Units that hold no process: a changed definition takes effect with the daemon reload. */
static bool needs_no_restart(const char *unit) {
    const char *type = unit_name_type(unit);
    return !type || strcmp(type, "target") == 0 || strcmp(type, "slice") == 0 ||
           strcmp(type, "scope") == 0 || strcmp(type, "device") == 0;
}

/* The first active target that pulls unit in, in the new generation (when only_new, a target
 * whose link to unit is new). Writes its name into target. */
static int active_wanting_target(struct state_cache *c, const struct unit_dir *old,
                                 const struct unit_dir *new, const char *unit, bool only_new,
                                 char *target, size_t tlen, char *err, size_t errlen) {
    for (size_t i = 0; i < new->nwants; i++) {
        const struct unit_want *w = &new->wants[i];
        if (strcmp(w->unit, unit) != 0) continue;
        if (only_new && unit_dir_wants(old, w->target, unit)) continue;
        bool running;
        if (cached_running(c, w->target, &running, err, errlen) < 0) return -1;
        if (running) {
            snprintf(target, tlen, "%s", w->target);
            return 1;
        }
    }
    return 0;
}

static int plan_unit(struct state_cache *c, const struct unit_dir *old, const struct unit_dir *new,
                     const struct strlist *old_names, const char *unit, struct services_plan *p,
                     char *err, size_t errlen) {
    const struct unit_file *fo = unit_dir_find(old, unit);
    const struct unit_file *fn = unit_dir_find(new, unit);
    bool was_there = fo || strlist_contains(old_names, unit);
    bool running;
    if (cached_running(c, unit, &running, err, errlen) < 0) return -1;
    char target[256], why[320];

    enum unit_change change = UNIT_UNCHANGED;
    if (fo && fn)
        change = unit_file_compare(fo, fn);
    else if (!was_there)
        change = UNIT_CHANGED; /* new to this generation */

    if (!running) {
        /* Started when a target wants it and the new generation brings something new for it:
         * the unit itself, its definition, or the link. An unchanged unit the user stopped by
         * hand stays stopped. */
        int r = active_wanting_target(c, old, new, unit, change == UNIT_UNCHANGED, target,
                                      sizeof target, err, errlen);
        if (r < 0) return -1;
        if (r == 0) return 0;
        const char *what = !was_there                 ? "new"
                           : change == UNIT_UNCHANGED ? "newly wanted"
                                                      : "changed";
        snprintf(why, sizeof why, "%s, wanted by %s", what, target);
        if (fn && unit_file_get_bool(fn, "Unit", "RefuseManualStart", false)) return 0;
        return plan_add(p, unit, PLAN_START, why);
    }
    if (change == UNIT_UNCHANGED || !fn || !fo || needs_no_restart(unit)) return 0;

    enum unit_switch_method method;
    const char *chosen = unit_file_get(fn, "Unit", "X-SwitchMethod");
    if (unit_file_switch_method(fn, &method) < 0) {
        /* One unit's typo should not hold back every other unit's switch (the module rejects
         * it anyway; this is a unit written some other way): restart it, which is safe. */
        char w[400];
        snprintf(w, sizeof w,
                 "%s: unknown X-SwitchMethod '%s' (expected reload, restart, stop-start or "
                 "keep-old); restarting it",
                 unit, chosen);
        if (strlist_add(&p->warnings, w) < 0) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        snprintf(why, sizeof why, "changed, unknown X-SwitchMethod=%s", chosen);
        return plan_add(p, unit, PLAN_RESTART, why);
    }
    /* Name the key that chose the method, for the message. */
    static const char *const legacy[] = {[SWITCH_STOP_START] = "X-StopIfChanged=true",
                                         [SWITCH_RESTART] = "X-StopIfChanged=false",
                                         [SWITCH_RELOAD] = "X-ReloadIfChanged=true",
                                         [SWITCH_KEEP_OLD] = "X-RestartIfChanged=false"};
    if (chosen)
        snprintf(why, sizeof why, "changed, X-SwitchMethod=%s", chosen);
    else if (method != SWITCH_STOP_START)
        snprintf(why, sizeof why, "changed, %s", legacy[method]);
    else
        snprintf(why, sizeof why, "changed");

    if (method == SWITCH_KEEP_OLD) return plan_add(p, unit, PLAN_KEEP, why);
    /* Changed triggers reload only when the unit names no method: a method the unit asks for
     * wins (Home Manager: a changed configData file restarts the service unless
     * X-SwitchMethod=reload). */
    bool explicit_method = chosen || method != SWITCH_STOP_START;
    if (change == UNIT_RELOAD_TRIGGERS_CHANGED && !explicit_method)
        return plan_add(p, unit, PLAN_RELOAD, "X-Reload-Triggers changed");
    if (method == SWITCH_RELOAD) return plan_add(p, unit, PLAN_RELOAD, why);
    if (unit_file_get_bool(fn, "Unit", "RefuseManualStop", false))
        return plan_add(p, unit, PLAN_KEEP, "changed, RefuseManualStop=true");
    if (method == SWITCH_RESTART) return plan_add(p, unit, PLAN_RESTART, why);
    return plan_add(p, unit, PLAN_STOP_START, why);
}

/* Adds the running instances of the directory's templates to names. */
static int add_running_instances(struct state_cache *c, const struct unit_dir *d,
                                 struct strlist *names, char *err, size_t errlen) {
    if (!c->mgr->instances) return 0;
    struct strlist found = {0};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < d->n; i++)
        if (unit_name_is_template(d->units[i].name))
            rc = c->mgr->instances(c->mgr->ctx, d->units[i].name, &found, err, errlen);
    for (size_t i = 0; rc == 0 && i < found.n; i++) {
        rc = strlist_add_unique(names, found.v[i]);
        /* Found running: no need to ask again. */
        if (rc == 0) rc = strlist_add_unique(&c->running, found.v[i]);
    }
    strlist_free(&found);
    strlist_sort(names);
    return rc;
}

/* The service a socket unit passes its listening sockets to: [Socket] Service=, else the
 * socket's own name with .service. NULL for Accept=yes (a new instance per connection, never
 * "already active") and for a name too long to hold. */
static const char *socket_service(const struct unit_file *socket, const char *name, char *buf,
                                  size_t len) {
    if (socket && unit_file_get_bool(socket, "Socket", "Accept", false)) return NULL;
    const char *named = socket ? unit_file_get(socket, "Socket", "Service") : NULL;
    if (named && *named) return named;
    size_t stem = strlen(name) - strlen(".socket");
    if ((size_t)snprintf(buf, len, "%.*s.service", (int)stem, name) >= len) return NULL;
    return buf;
}

static int set_entry(struct plan_entry *e, enum plan_action a, const char *why) {
    char *w = strdup(why);
    if (!w) return -1;
    free(e->why);
    e->why = w;
    e->action = a;
    return 0;
}

/* systemd refuses to start a socket while its service runs ("Socket service ... already active,
 * refusing"), so a socket that is started (new, or stop-started) takes its running service
 * down with it: the service is stopped before the reload and started after the socket, with
 * the socket's listening sockets. A service that must not be stopped (keep-old,
 * RefuseManualStop) is left running, and the socket's start failure is reported. */
static int plan_socket_services(struct state_cache *c, const struct unit_dir *new,
                                struct services_plan *p, char *err, size_t errlen) {
    size_t n = p->n; /* entries added below are services, never sockets */
    for (size_t i = 0; i < n; i++) {
        const char *sock = p->e[i].unit, *type = unit_name_type(sock);
        if (!type || strcmp(type, "socket") != 0) continue;
        if (p->e[i].action != PLAN_START && p->e[i].action != PLAN_STOP_START) continue;
        char buf[300], why[400];
        const char *service = socket_service(unit_dir_find(new, sock), sock, buf, sizeof buf);
        if (!service) continue;
        snprintf(why, sizeof why, "stopped while its socket %s starts", sock);
        /* plan_find's entry, writable: the plan is ours to change here. */
        struct plan_entry *e = (struct plan_entry *)plan_find(p, service);
        if (e) {
            if (e->action != PLAN_RESTART && e->action != PLAN_RELOAD) continue;
            /* A reload or restart would leave it running when the socket starts. */
            char both[800];
            snprintf(both, sizeof both, "%s; %s", e->why, why);
            if (set_entry(e, PLAN_STOP_START, both) < 0) return -1;
            continue;
        }
        bool running;
        if (cached_running(c, service, &running, err, errlen) < 0) return -1;
        if (!running) continue;
        const struct unit_file *f = unit_dir_find(new, service);
        if (f && unit_file_get_bool(f, "Unit", "RefuseManualStop", false)) continue;
        if (plan_add(p, service, PLAN_STOP_START, why) < 0) return -1;
    }
    return 0;
}

int plan_compute(const struct unit_dir *old, const struct unit_dir *new,
                 const struct plan_manager *mgr, struct services_plan *p, char *err,
                 size_t errlen) {
    memset(p, 0, sizeof *p);
    err[0] = '\0';
    struct state_cache c = {mgr, {0}, {0}};
    struct strlist old_names = {0}, new_names = {0};
    int rc = 0;
    if (runnable_names(old, &old_names) < 0 || runnable_names(new, &new_names) < 0) rc = -1;
    if (rc == 0) rc = add_running_instances(&c, old, &old_names, err, errlen);
    /* A unit of the old generation that the new one still defines (an instance whose template
     * is still there) is planned like the new generation's own. */
    for (size_t i = 0; rc == 0 && i < old_names.n; i++)
        if (unit_dir_find(new, old_names.v[i])) rc = strlist_add_unique(&new_names, old_names.v[i]);
    if (rc == 0) rc = add_running_instances(&c, new, &new_names, err, errlen);
    /* Gone from the new generation: stop it if it runs. */
    for (size_t i = 0; rc == 0 && i < old_names.n; i++) {
        const char *unit = old_names.v[i];
        if (strlist_contains(&new_names, unit) || unit_dir_find(new, unit)) continue;
        bool running;
        if (cached_running(&c, unit, &running, err, errlen) < 0)
            rc = -1;
        else if (running && plan_add(p, unit, PLAN_STOP, "removed") < 0)
            rc = -1;
    }
    for (size_t i = 0; rc == 0 && i < new_names.n; i++)
        rc = plan_unit(&c, old, new, &old_names, new_names.v[i], p, err, errlen);
    if (rc == 0) rc = plan_socket_services(&c, new, p, err, errlen);
    strlist_free(&old_names);
    strlist_free(&new_names);
    strlist_free(&c.running);
    strlist_free(&c.stopped);
    if (rc < 0) {
        if (!err[0]) snprintf(err, errlen, "out of memory");
        plan_free(p);
    }
    return rc;
}
