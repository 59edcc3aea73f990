/* src/services/launchd.c: see launchd.h. */
#include "services/launchd.h"

#include "services/strlist.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

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

/* 1 when the two files' bytes differ, 0 when equal, -1 when one cannot be read. */
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
    err[0] = '\0';
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

/* Runs launchctl with args; returns its exit status, or -1 when it could not be run. */
static int run_launchctl(const char *launchctl, char *const argv[]) {
    pid_t pid;
    if (posix_spawn(&pid, launchctl, NULL, NULL, argv, environ) != 0) return -1;
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Copies src to dst through a temporary file renamed into place, so that launchd never reads a
 * half-written plist. */
static int install_copy(const char *src, const char *dst) {
    char tmp[4300];
    snprintf(tmp, sizeof tmp, "%s.hearth-tmp", dst);
    FILE *in = fopen(src, "rb");
    if (!in) return -1;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    FILE *o = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!o) {
        if (fd >= 0) close(fd);
        fclose(in);
        return -1;
    }
    char buf[8192];
    size_t n;
    int rc = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, o) != n) rc = -1;
    if (ferror(in)) rc = -1;
    fclose(in);
    if (fclose(o) != 0) rc = -1;
    if (rc == 0 && rename(tmp, dst) == 0) return 0;
    unlink(tmp);
    return -1;
}

static int fail(struct services_report *r, const struct launchd_switch_opts *o, const char *label,
                const char *why) {
    if (o->out) fprintf(o->out, "Failed switching agent %s: %s\n", label, why);
    if (r->nfailures == r->capfailures) {
        size_t cap = r->capfailures ? r->capfailures * 2 : 8;
        struct services_failure *f = realloc(r->failures, cap * sizeof *f);
        if (!f) return -1;
        r->failures = f;
        r->capfailures = cap;
    }
    char *u = strdup(label), *w = strdup(why);
    if (!u || !w) {
        free(u);
        free(w);
        return -1;
    }
    r->failures[r->nfailures++] = (struct services_failure){u, w};
    return 0;
}

/* Whether the installed file at path may be replaced or removed: it is absent, or it is the old
 * generation's copy (anything else was put there by someone else). */
static bool installed_is_ours(const char *path, const char *old_copy) {
    struct stat st;
    if (lstat(path, &st) < 0) return errno == ENOENT;
    return old_copy && S_ISREG(st.st_mode) && files_differ(path, old_copy) == 0;
}

static int run_agents_plan(const struct launchd_switch_opts *o, const char *launchctl,
                           const struct services_plan *p, struct services_report *r) {
    char domain[64];
    snprintf(domain, sizeof domain, "gui/%u", (unsigned)getuid());
    if (mkdir(o->agents_dir, 0755) < 0 && errno != EEXIST) {
        snprintf(r->error, sizeof r->error, "%s: %s", o->agents_dir, strerror(errno));
        return -1;
    }
    for (size_t i = 0; i < p->n; i++) {
        const struct plan_entry *e = &p->e[i];
        char target[512], installed[4200], old_copy[4200], new_copy[4200], why[4400];
        snprintf(target, sizeof target, "%s/%s", domain, e->unit);
        snprintf(installed, sizeof installed, "%s/%s.plist", o->agents_dir, e->unit);
        if (o->old_agents_dir)
            snprintf(old_copy, sizeof old_copy, "%s/%s.plist", o->old_agents_dir, e->unit);
        snprintf(new_copy, sizeof new_copy, "%s/%s.plist",
                 o->new_agents_dir ? o->new_agents_dir : "", e->unit);
        const char *old = o->old_agents_dir ? old_copy : NULL;
        if (!installed_is_ours(installed, e->action == PLAN_START ? NULL : old)) {
            snprintf(why, sizeof why, "%s is not the one hearth installed; left alone", installed);
            if (fail(r, o, e->unit, why) < 0) return -1;
            continue;
        }
        if (o->out)
            fprintf(o->out, "%s agent %s (%s)\n",
                    e->action == PLAN_STOP         ? "Unloading"
                    : e->action == PLAN_STOP_START ? "Reloading"
                                                   : "Loading",
                    e->unit, e->why);
        if (e->action != PLAN_START) {
            char *argv[] = {"launchctl", "bootout", target, NULL};
            /* An agent that is not loaded cannot be booted out: not a failure. */
            if (run_launchctl(launchctl, argv) == 0) r->stopped++;
            if (e->action == PLAN_STOP) {
                if (unlink(installed) < 0 && errno != ENOENT) {
                    snprintf(why, sizeof why, "removing %s: %s", installed, strerror(errno));
                    if (fail(r, o, e->unit, why) < 0) return -1;
                }
                continue;
            }
        }
        if (install_copy(new_copy, installed) < 0) {
            snprintf(why, sizeof why, "copying it to %s: %s", installed, strerror(errno));
            if (fail(r, o, e->unit, why) < 0) return -1;
            continue;
        }
        char *argv[] = {"launchctl", "bootstrap", domain, installed, NULL};
        int st = run_launchctl(launchctl, argv);
        if (st != 0) {
            snprintf(why, sizeof why, "launchctl bootstrap %s",
                     st < 0 ? "could not run" : "failed");
            if (st > 0) snprintf(why, sizeof why, "launchctl bootstrap exited %d", st);
            if (fail(r, o, e->unit, why) < 0) return -1;
        } else {
            r->started++;
        }
    }
    return 0;
}

int services_launchd_switch(const struct launchd_switch_opts *o, struct services_report *r) {
    memset(r, 0, sizeof *r);
    struct services_plan p;
    if (launchd_plan(o->old_agents_dir, o->new_agents_dir, &p, r->error, sizeof r->error) < 0)
        return -1;
    const char *launchctl = o->launchctl;
#ifdef __APPLE__
    if (!launchctl) launchctl = "/bin/launchctl";
#endif
    int rc = 0;
    if (o->dry_run) {
        for (size_t i = 0; o->out && i < p.n; i++)
            fprintf(o->out, "Would %s agent %s (%s)\n",
                    p.e[i].action == PLAN_STOP         ? "unload"
                    : p.e[i].action == PLAN_STOP_START ? "reload"
                                                       : "load",
                    p.e[i].unit, p.e[i].why);
    } else if (p.n > 0 && !launchctl) {
        if (o->out) fprintf(o->out, "launchd agents: not on macOS; skipping.\n");
        r->skipped = true;
    } else if (p.n > 0) {
        rc = run_agents_plan(o, launchctl, &p, r);
        if (rc < 0 && !r->error[0]) snprintf(r->error, sizeof r->error, "out of memory");
    }
    plan_free(&p);
    if (rc < 0) return -1;
    return r->nfailures ? 1 : 0;
}
