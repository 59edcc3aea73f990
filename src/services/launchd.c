/* src/services/launchd.c: see launchd.h. */
#include "services/launchd.h"

#include "services/strlist.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#ifdef __APPLE__
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
extern char **environ;
#endif

static int list_plists(const char *dir, struct strlist *out, char *err, size_t errlen) {
    if (!dir) return 0;
    DIR *d = opendir(dir);
    if (!d) {
        if (errno == ENOENT) return 0;
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
        return -1;
    }
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n > 6 && strcmp(e->d_name + n - 6, ".plist") == 0 && strlist_add(out, e->d_name) < 0)
            rc = -1;
    }
    closedir(d);
    if (rc < 0) snprintf(err, errlen, "out of memory");
    strlist_sort(out);
    return rc;
}

/* 1 when the two files' bytes differ, 0 when equal, -1 on a read error. */
static int files_differ(const char *a, const char *b) {
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    int rc = -1;
    if (fa && fb) {
        rc = 0;
        for (;;) {
            int ca = getc(fa), cb = getc(fb);
            if (ca != cb) {
                rc = 1;
                break;
            }
            if (ca == EOF) break;
        }
    }
    if (fa) fclose(fa);
    if (fb) fclose(fb);
    return rc;
}

static int add_entry(struct services_plan *p, const char *file, enum plan_action a,
                     const char *why) {
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 8;
        struct plan_entry *e = realloc(p->e, cap * sizeof *e);
        if (!e) return -1;
        p->e = e;
        p->cap = cap;
    }
    char *label = strndup(file, strlen(file) - 6), *w = strdup(why);
    if (!label || !w) {
        free(label);
        free(w);
        return -1;
    }
    p->e[p->n++] = (struct plan_entry){label, a, w};
    return 0;
}

int launchd_plan(const char *old_dir, const char *new_dir, struct services_plan *p, char *err,
                 size_t errlen) {
    memset(p, 0, sizeof *p);
    struct strlist old = {0}, new = {0};
    int rc = list_plists(old_dir, &old, err, errlen);
    if (rc == 0) rc = list_plists(new_dir, &new, err, errlen);
    for (size_t i = 0; rc == 0 && i < old.n; i++)
        if (!strlist_contains(&new, old.v[i])) rc = add_entry(p, old.v[i], PLAN_STOP, "removed");
    for (size_t i = 0; rc == 0 && i < new.n; i++) {
        if (!strlist_contains(&old, new.v[i])) {
            rc = add_entry(p, new.v[i], PLAN_START, "new");
            continue;
        }
        char a[4096], b[4096];
        snprintf(a, sizeof a, "%s/%s", old_dir, new.v[i]);
        snprintf(b, sizeof b, "%s/%s", new_dir, new.v[i]);
        int d = files_differ(a, b);
        if (d < 0) {
            snprintf(err, errlen, "%s or %s: %s", a, b, strerror(errno));
            rc = -1;
        } else if (d) {
            rc = add_entry(p, new.v[i], PLAN_STOP_START, "changed");
        }
    }
    if (rc < 0 && !err[0]) snprintf(err, errlen, "out of memory");
    strlist_free(&old);
    strlist_free(&new);
    if (rc < 0) plan_free(p);
    return rc;
}

#ifdef __APPLE__
/* Runs launchctl with args; returns its exit status, or -1 when it could not run. */
static int launchctl(char *const argv[]) {
    pid_t pid;
    if (posix_spawn(&pid, "/bin/launchctl", NULL, NULL, argv, environ) != 0) return -1;
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int fail(struct services_report *r, const char *label, const char *why) {
    if (r->nfailures == r->capfailures) {
        size_t cap = r->capfailures ? r->capfailures * 2 : 8;
        struct services_failure *f = realloc(r->failures, cap * sizeof *f);
        if (!f) return -1;
        r->failures = f;
        r->capfailures = cap;
    }
    r->failures[r->nfailures].unit = strdup(label);
    r->failures[r->nfailures].why = strdup(why);
    r->nfailures++;
    return 0;
}

static int run_agents_plan(const struct launchd_switch_opts *o, const struct services_plan *p,
                           struct services_report *r) {
    char domain[64];
    snprintf(domain, sizeof domain, "gui/%u", (unsigned)getuid());
    for (size_t i = 0; i < p->n; i++) {
        const struct plan_entry *e = &p->e[i];
        char target[512], path[4096];
        snprintf(target, sizeof target, "%s/%s", domain, e->unit);
        snprintf(path, sizeof path, "%s/%s.plist", o->agents_dir, e->unit);
        if (e->action == PLAN_STOP || e->action == PLAN_STOP_START) {
            char *argv[] = {"launchctl", "bootout", target, NULL};
            /* An agent that was not loaded cannot be booted out; that is not a failure. */
            if (launchctl(argv) == 0) r->stopped++;
        }
        if (e->action == PLAN_START || e->action == PLAN_STOP_START) {
            char *argv[] = {"launchctl", "bootstrap", domain, path, NULL};
            int st = launchctl(argv);
            if (st != 0) {
                char why[128];
                snprintf(why, sizeof why, "launchctl bootstrap exited %d", st);
                if (o->out) fprintf(o->out, "Failed loading agent %s: %s\n", e->unit, why);
                if (fail(r, e->unit, why) < 0) return -1;
            } else {
                r->started++;
            }
        }
    }
    return 0;
}
#endif

int services_launchd_switch(const struct launchd_switch_opts *o, struct services_report *r) {
    memset(r, 0, sizeof *r);
    struct services_plan p;
    if (launchd_plan(o->old_agents_dir, o->new_agents_dir, &p, r->error, sizeof r->error) < 0)
        return -1;
    for (size_t i = 0; o->out && i < p.n; i++) {
        static const char *const verbs[][2] = {{"Unloading", "Would unload"},
                                               {"Reloading", "Would reload"},
                                               {"Loading", "Would load"}};
        size_t v = p.e[i].action == PLAN_STOP ? 0 : p.e[i].action == PLAN_STOP_START ? 1 : 2;
        fprintf(o->out, "%s agent %s (%s)\n", verbs[v][o->dry_run], p.e[i].unit, p.e[i].why);
    }
    int rc = 0;
    if (!o->dry_run && p.n > 0) {
#ifdef __APPLE__
        rc = run_agents_plan(o, &p, r);
#else
        if (o->out) fprintf(o->out, "launchd agents: not on macOS; skipping.\n");
        r->skipped = true;
#endif
    }
    plan_free(&p);
    if (rc < 0) {
        snprintf(r->error, sizeof r->error, "out of memory");
        return -1;
    }
    return r->nfailures ? 1 : 0;
}
