/* src/services/manager.c: see manager.h. */
#include "services/manager.h"

#include "services/strlist.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <systemd/sd-bus.h>
#include <time.h>
#include <unistd.h>

#define SD_DEST "org.freedesktop.systemd1"
#define SD_PATH "/org/freedesktop/systemd1"
#define SD_MANAGER "org.freedesktop.systemd1.Manager"
#define SD_UNIT "org.freedesktop.systemd1.Unit"

/* A manager that does not answer within this long is treated as absent. */
#define PROBE_TIMEOUT_US (5ULL * 1000 * 1000)
/* A daemon reload of a user's units takes well under a second; allow for slow machines. */
#define RELOAD_TIMEOUT_US (120ULL * 1000 * 1000)

static void set_bus_error(char *err, size_t errlen, const char *what, const sd_bus_error *e,
                          int r) {
    if (e && sd_bus_error_is_set(e))
        snprintf(err, errlen, "%s: %s", what, e->message ? e->message : e->name);
    else
        snprintf(err, errlen, "%s: %s", what, strerror(r < 0 ? -r : r));
}

/* Asks for the manager's Version: proves that a systemd manager answers on this connection. */
static int probe(sd_bus *bus, char *err, size_t errlen) {
    sd_bus_message *call = NULL, *reply = NULL;
    sd_bus_error e = SD_BUS_ERROR_NULL;
    int r = sd_bus_message_new_method_call(bus, &call, SD_DEST, SD_PATH,
                                           "org.freedesktop.DBus.Properties", "Get");
    if (r >= 0) r = sd_bus_message_append(call, "ss", SD_MANAGER, "Version");
    if (r >= 0) r = sd_bus_call(bus, call, PROBE_TIMEOUT_US, &e, &reply);
    if (r < 0) set_bus_error(err, errlen, "asking the user manager for its version", &e, r);
    sd_bus_error_free(&e);
    sd_bus_message_unref(reply);
    sd_bus_message_unref(call);
    return r;
}

/* D-Bus addresses escape every byte outside [-0-9A-Za-z_/.\*] as %XX. */
static int escape_address_value(const char *s, char *out, size_t outlen) {
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool plain = (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
                     (*p >= 'A' && *p <= 'Z') || strchr("-_/.\\*", *p);
        if (o + 4 >= outlen) return -1;
        if (plain)
            out[o++] = (char)*p;
        else
            o += (size_t)snprintf(out + o, outlen - o, "%%%02x", *p);
    }
    out[o] = '\0';
    return 0;
}

int manager_runtime_dir(const char *xdg_runtime_dir, const char *run_user, unsigned long uid,
                        char *buf, size_t len) {
    if (xdg_runtime_dir && *xdg_runtime_dir) {
        snprintf(buf, len, "%s", xdg_runtime_dir);
        return 0;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/%lu", run_user, uid);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(buf, len, "%s", path);
        return 0;
    }
    snprintf(buf, len, "XDG_RUNTIME_DIR is not set and %s does not exist", path);
    return -1;
}

/* A bus at the socket `path`; client set when it is a bus broker (not the manager's own
 * socket). */
static int connect_address(sd_bus **out, const char *path, bool client, char *err, size_t errlen) {
    char escaped[8192], address[8300];
    if (escape_address_value(path, escaped, sizeof escaped) < 0) {
        snprintf(err, errlen, "%s: the path is too long", path);
        return -1;
    }
    snprintf(address, sizeof address, "unix:path=%s", escaped);
    sd_bus *bus = NULL;
    int r = sd_bus_new(&bus);
    if (r >= 0) r = sd_bus_set_address(bus, address);
    if (r >= 0 && client) r = sd_bus_set_bus_client(bus, 1);
    if (r >= 0) r = sd_bus_start(bus);
    if (r < 0) {
        if (snprintf(err, errlen, "%s: %s", path, strerror(-r)) < 0) err[0] = 0;
        sd_bus_unref(bus);
        return -1;
    }
    if (probe(bus, err, errlen) < 0) {
        sd_bus_unref(bus);
        return -1;
    }
    *out = bus;
    return 0;
}

static int connect_private(const char *rt, sd_bus **out, char *err, size_t errlen) {
    char path[4200];
    snprintf(path, sizeof path, "%s/systemd/private", rt);
    return connect_address(out, path, false, err, errlen);
}

static int on_job_removed(sd_bus_message *msg, void *userdata, sd_bus_error *ret_error) {
    (void)ret_error;
    struct user_manager *m = userdata;
    uint32_t id;
    const char *path, *unit, *result;
    if (sd_bus_message_read(msg, "uoss", &id, &path, &unit, &result) < 0) return 0;
    /* Every recorded job with this path: when a unit already has a job of the same kind, the
     * manager answers a second request with that job's path. */
    for (size_t i = 0; i < m->njobs; i++) {
        struct manager_job *j = &m->jobs[i];
        if (j->path && !j->result && strcmp(j->path, path) == 0) j->result = strdup(result);
    }
    return 0;
}

int manager_connect(struct user_manager *m, char *err, size_t errlen) {
    memset(m, 0, sizeof *m);
    char first[512] = "";
    sd_bus *bus = NULL;
    const char *env_rt = getenv("XDG_RUNTIME_DIR");
    char rt[4096];
    bool have_rt =
        manager_runtime_dir(env_rt, "/run/user", (unsigned long)getuid(), rt, sizeof rt) == 0;
    char probe_err[480];
    int r;
    /* sd_bus_open_user finds the bus through XDG_RUNTIME_DIR only; without it (su, cron, a
     * plain ssh command) the bus is looked for where Home Manager looks, /run/user/UID. */
    const char *dbus_env = getenv("DBUS_SESSION_BUS_ADDRESS");
    if ((!env_rt || !*env_rt) && (!dbus_env || !*dbus_env) && have_rt) {
        char bus_path[4200];
        snprintf(bus_path, sizeof bus_path, "%s/bus", rt);
        r = connect_address(&bus, bus_path, true, probe_err, sizeof probe_err);
        if (r < 0) snprintf(first, sizeof first, "session bus: %s", probe_err);
    } else
        r = sd_bus_open_user(&bus);
    if (r >= 0 && probe(bus, probe_err, sizeof probe_err) < 0) {
        snprintf(first, sizeof first, "session bus: %s", probe_err);
        sd_bus_unref(bus);
        bus = NULL;
        r = -1;
    } else if (r < 0 && !first[0]) {
        snprintf(first, sizeof first, "session bus: %s", strerror(-r));
    }
    if (r < 0) {
        /* No session bus (no dbus-daemon or broker) is common in containers and early in a
         * login: the manager's own socket does the same job. */
        char second[512];
        if (!have_rt || connect_private(rt, &bus, second, sizeof second) < 0) {
            /* Without a runtime directory, rt holds the reason. */
            snprintf(err, errlen, "%s; %s", first, have_rt ? second : rt);
            return MANAGER_ABSENT;
        }
        m->private_socket = true;
    }
    m->bus = bus;
    /* Without Subscribe the manager sends no JobRemoved signals to bus clients; on the private
     * socket every peer is subscribed already and the call is harmless. */
    sd_bus_error e = SD_BUS_ERROR_NULL;
    r = sd_bus_call_method(bus, SD_DEST, SD_PATH, SD_MANAGER, "Subscribe", &e, NULL, "");
    sd_bus_error_free(&e);
    r = sd_bus_match_signal(bus, &m->job_removed, m->private_socket ? NULL : SD_DEST, SD_PATH,
                            SD_MANAGER, "JobRemoved", on_job_removed, m);
    if (r < 0) {
        snprintf(err, errlen, "subscribing to the user manager's job signals: %s", strerror(-r));
        manager_close(m);
        return -1;
    }
    return MANAGER_CONNECTED;
}

void manager_clear_jobs(struct user_manager *m) {
    for (size_t i = 0; i < m->njobs; i++) {
        free(m->jobs[i].unit);
        free(m->jobs[i].verb);
        free(m->jobs[i].path);
        free(m->jobs[i].result);
    }
    m->njobs = 0;
}

void manager_close(struct user_manager *m) {
    manager_clear_jobs(m);
    free(m->jobs);
    sd_bus_slot_unref(m->job_removed);
    if (m->bus) sd_bus_flush_close_unref(m->bus);
    memset(m, 0, sizeof *m);
}

int manager_unit_state(struct user_manager *m, const char *unit, char *active, size_t alen,
                       char *load, size_t llen, char *err, size_t errlen) {
    sd_bus_error e = SD_BUS_ERROR_NULL;
    sd_bus_message *reply = NULL;
    int r =
        sd_bus_call_method(m->bus, SD_DEST, SD_PATH, SD_MANAGER, "GetUnit", &e, &reply, "s", unit);
    if (r < 0) {
        /* Not loaded: the manager knows nothing of it, so it cannot be running. */
        bool absent = sd_bus_error_has_name(&e, "org.freedesktop.systemd1.NoSuchUnit");
        if (!absent) set_bus_error(err, errlen, unit, &e, r);
        sd_bus_error_free(&e);
        if (!absent) return -1;
        snprintf(active, alen, "inactive");
        snprintf(load, llen, "not-found");
        return 0;
    }
    const char *path;
    char *a = NULL, *l = NULL;
    r = sd_bus_message_read(reply, "o", &path);
    if (r >= 0)
        r = sd_bus_get_property_string(m->bus, SD_DEST, path, SD_UNIT, "ActiveState", &e, &a);
    if (r >= 0) r = sd_bus_get_property_string(m->bus, SD_DEST, path, SD_UNIT, "LoadState", &e, &l);
    if (r < 0)
        set_bus_error(err, errlen, unit, &e, r);
    else {
        snprintf(active, alen, "%s", a);
        snprintf(load, llen, "%s", l);
    }
    free(a);
    free(l);
    sd_bus_error_free(&e);
    sd_bus_message_unref(reply);
    return r < 0 ? -1 : 0;
}

int manager_unit_running(void *ctx, const char *unit, bool *running, char *err, size_t errlen) {
    char active[64], load[64];
    if (manager_unit_state(ctx, unit, active, sizeof active, load, sizeof load, err, errlen) < 0)
        return -1;
    *running = strcmp(active, "active") == 0 || strcmp(active, "activating") == 0 ||
               strcmp(active, "reloading") == 0;
    return 0;
}

int manager_running_instances(void *ctx, const char *tmpl, struct strlist *out, char *err,
                              size_t errlen) {
    struct user_manager *m = ctx;
    const char *at = strchr(tmpl, '@');
    if (!at) return 0;
    /* "foo@.service" -> the pattern "foo@*.service" */
    char pattern[512];
    if ((size_t)snprintf(pattern, sizeof pattern, "%.*s*%s", (int)(at - tmpl + 1), tmpl, at + 1) >=
        sizeof pattern)
        return 0;
    sd_bus_message *call = NULL, *reply = NULL;
    sd_bus_error e = SD_BUS_ERROR_NULL;
    int r = sd_bus_message_new_method_call(m->bus, &call, SD_DEST, SD_PATH, SD_MANAGER,
                                           "ListUnitsByPatterns");
    if (r >= 0) r = sd_bus_message_append(call, "as", 3, "active", "activating", "reloading");
    if (r >= 0) r = sd_bus_message_append(call, "as", 1, pattern);
    if (r >= 0) r = sd_bus_call(m->bus, call, 0, &e, &reply);
    if (r >= 0) r = sd_bus_message_enter_container(reply, 'a', "(ssssssouso)");
    while (r > 0) {
        const char *name;
        r = sd_bus_message_read(reply, "(ssssssouso)", &name, NULL, NULL, NULL, NULL, NULL, NULL,
                                NULL, NULL, NULL);
        if (r > 0 && strlist_add_unique(out, name) < 0) r = -ENOMEM;
    }
    if (r < 0) set_bus_error(err, errlen, "listing the running instances of a template", &e, r);
    sd_bus_error_free(&e);
    sd_bus_message_unref(reply);
    sd_bus_message_unref(call);
    return r < 0 ? -1 : 0;
}

int manager_daemon_reload(struct user_manager *m, char *err, size_t errlen) {
    sd_bus_message *call = NULL, *reply = NULL;
    sd_bus_error e = SD_BUS_ERROR_NULL;
    int r = sd_bus_message_new_method_call(m->bus, &call, SD_DEST, SD_PATH, SD_MANAGER, "Reload");
    if (r >= 0) r = sd_bus_call(m->bus, call, RELOAD_TIMEOUT_US, &e, &reply);
    if (r < 0) set_bus_error(err, errlen, "daemon-reload", &e, r);
    sd_bus_error_free(&e);
    sd_bus_message_unref(reply);
    sd_bus_message_unref(call);
    return r < 0 ? -1 : 0;
}

static const char *verb_method(const char *verb) {
    if (strcmp(verb, "start") == 0) return "StartUnit";
    if (strcmp(verb, "stop") == 0) return "StopUnit";
    if (strcmp(verb, "restart") == 0) return "RestartUnit";
    if (strcmp(verb, "reload") == 0) return "ReloadOrRestartUnit";
    return NULL;
}

int manager_queue(struct user_manager *m, const char *verb, const char *unit, char *err,
                  size_t errlen) {
    const char *method = verb_method(verb);
    if (!method) {
        snprintf(err, errlen, "%s: unknown job type '%s'", unit, verb);
        return -1;
    }
    if (m->njobs == m->capjobs) {
        size_t cap = m->capjobs ? m->capjobs * 2 : 16;
        struct manager_job *j = realloc(m->jobs, cap * sizeof *j);
        if (!j) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        m->jobs = j;
        m->capjobs = cap;
    }
    struct manager_job *j = &m->jobs[m->njobs];
    memset(j, 0, sizeof *j);
    j->unit = strdup(unit);
    j->verb = strdup(verb);
    if (!j->unit || !j->verb) {
        free(j->unit);
        free(j->verb);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    m->njobs++;
    sd_bus_error e = SD_BUS_ERROR_NULL;
    sd_bus_message *reply = NULL;
    const char *path;
    int r = sd_bus_call_method(m->bus, SD_DEST, SD_PATH, SD_MANAGER, method, &e, &reply, "ss", unit,
                               "replace");
    if (r >= 0) r = sd_bus_message_read(reply, "o", &path);
    if (r >= 0) {
        j->path = strdup(path);
        if (!j->path) r = -ENOMEM;
    }
    if (r < 0) {
        set_bus_error(err, errlen, unit, &e, r);
        /* The manager's own words: "Unit x.service has a bad unit file setting." */
        j->result = strdup(sd_bus_error_is_set(&e) && e.message ? e.message : strerror(-r));
    }
    sd_bus_error_free(&e);
    sd_bus_message_unref(reply);
    return r < 0 ? -1 : 0;
}

static uint64_t now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static size_t running_jobs(const struct user_manager *m) {
    size_t n = 0;
    for (size_t i = 0; i < m->njobs; i++)
        if (!m->jobs[i].result) n++;
    return n;
}

int manager_wait(struct user_manager *m, uint64_t timeout_ms, char *err, size_t errlen) {
    uint64_t deadline = timeout_ms ? now_us() + timeout_ms * 1000u : UINT64_MAX;
    while (running_jobs(m) > 0) {
        int r = sd_bus_process(m->bus, NULL);
        if (r < 0) {
            snprintf(err, errlen, "waiting for the user manager's jobs: %s", strerror(-r));
            return -1;
        }
        if (r > 0) continue;
        uint64_t now = now_us();
        if (now >= deadline) break;
        r = sd_bus_wait(m->bus, deadline == UINT64_MAX ? UINT64_MAX : deadline - now);
        if (r < 0 && r != -EINTR) {
            snprintf(err, errlen, "waiting for the user manager's jobs: %s", strerror(-r));
            return -1;
        }
    }
    for (size_t i = 0; i < m->njobs; i++)
        if (!m->jobs[i].result) m->jobs[i].result = strdup(MANAGER_NOT_FINISHED);
    return 0;
}
