/* src/services/unitdir.c: see unitdir.h. */
#include "services/unitdir.h"

#include "services/strlist.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const unit_types[] = {"service",   "socket", "target", "timer", "path",  "mount",
                                         "automount", "swap",   "slice",  "scope", "device"};

const char *unit_name_type(const char *name) {
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name) return NULL;
    for (size_t i = 0; i < sizeof unit_types / sizeof *unit_types; i++)
        if (strcmp(dot + 1, unit_types[i]) == 0) return unit_types[i];
    return NULL;
}

bool unit_name_is_template(const char *name) {
    const char *at = strchr(name, '@');
    const char *dot = strrchr(name, '.');
    return at && dot && at + 1 == dot;
}

static bool has_suffix(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n > m && strcmp(s + n - m, suffix) == 0;
}

static int add_want(struct unit_dir *d, const char *target, size_t tlen, const char *unit) {
    if (d->nwants == d->capwants) {
        size_t cap = d->capwants ? d->capwants * 2 : 16;
        struct unit_want *w = realloc(d->wants, cap * sizeof *w);
        if (!w) return -1;
        d->wants = w;
        d->capwants = cap;
    }
    char *t = strndup(target, tlen), *u = strdup(unit);
    if (!t || !u) {
        free(t);
        free(u);
        return -1;
    }
    d->wants[d->nwants++] = (struct unit_want){t, u};
    return 0;
}

/* Reads TARGET.wants/ (or .requires/): each entry's name is a unit the target pulls in. */
static int load_wants(struct unit_dir *d, const char *dirpath, const char *target, size_t tlen,
                      char *err, size_t errlen) {
    DIR *w = opendir(dirpath);
    if (!w) {
        snprintf(err, errlen, "%s: %s", dirpath, strerror(errno));
        return -1;
    }
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(w)))
        if (e->d_name[0] != '.' && unit_name_type(e->d_name))
            if (add_want(d, target, tlen, e->d_name) < 0) {
                snprintf(err, errlen, "out of memory");
                rc = -1;
            }
    closedir(w);
    return rc;
}

static int compare_units(const void *a, const void *b) {
    return strcmp(((const struct unit_entry *)a)->name, ((const struct unit_entry *)b)->name);
}

int unit_dir_load(const char *path, struct unit_dir *d, char *err, size_t errlen) {
    memset(d, 0, sizeof *d);
    if (!path) return 0;
    DIR *dir = opendir(path);
    if (!dir) {
        if (errno == ENOENT) return 0;
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    struct strlist names = {0};
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(dir)))
        if (e->d_name[0] != '.' && strlist_add(&names, e->d_name) < 0) rc = -1;
    closedir(dir);
    if (rc < 0) snprintf(err, errlen, "out of memory");
    strlist_sort(&names); /* a stable order makes plans and messages reproducible */
    for (size_t i = 0; rc == 0 && i < names.n; i++) {
        const char *name = names.v[i];
        char full[4096];
        if ((size_t)snprintf(full, sizeof full, "%s/%s", path, name) >= sizeof full) continue;
        struct stat st;
        if (stat(full, &st) < 0) continue; /* a dangling link defines nothing */
        if (S_ISDIR(st.st_mode)) {
            if (has_suffix(name, ".wants"))
                rc = load_wants(d, full, name, strlen(name) - 6, err, errlen);
            else if (has_suffix(name, ".requires"))
                rc = load_wants(d, full, name, strlen(name) - 9, err, errlen);
            continue; /* NAME.d/ drop-ins are read with their unit */
        }
        /* Only regular files define units: a link to /dev/null masks the unit. */
        if (!S_ISREG(st.st_mode) || !unit_name_type(name)) continue;
        if (d->n == d->cap) {
            size_t cap = d->cap ? d->cap * 2 : 16;
            struct unit_entry *u = realloc(d->units, cap * sizeof *u);
            if (!u) {
                snprintf(err, errlen, "out of memory");
                rc = -1;
                break;
            }
            d->units = u;
            d->cap = cap;
        }
        struct unit_entry *u = &d->units[d->n];
        memset(u, 0, sizeof *u);
        u->name = strdup(name);
        if (!u->name) {
            snprintf(err, errlen, "out of memory");
            rc = -1;
            break;
        }
        d->n++;
        rc = unit_file_load(full, &u->file, err, errlen);
    }
    strlist_free(&names);
    if (d->n > 1) qsort(d->units, d->n, sizeof *d->units, compare_units);
    if (rc < 0) unit_dir_free(d);
    return rc;
}

void unit_dir_free(struct unit_dir *d) {
    for (size_t i = 0; i < d->n; i++) {
        free(d->units[i].name);
        unit_file_free(&d->units[i].file);
    }
    free(d->units);
    for (size_t i = 0; i < d->nwants; i++) {
        free(d->wants[i].target);
        free(d->wants[i].unit);
    }
    free(d->wants);
    memset(d, 0, sizeof *d);
}

static const struct unit_file *find_exact(const struct unit_dir *d, const char *name) {
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->units[i].name, name) == 0) return &d->units[i].file;
    return NULL;
}

const struct unit_file *unit_dir_find(const struct unit_dir *d, const char *name) {
    const struct unit_file *f = find_exact(d, name);
    if (f) return f;
    /* foo@bar.service is defined by foo@.service */
    const char *at = strchr(name, '@');
    const char *dot = strrchr(name, '.');
    if (!at || !dot || dot < at || at + 1 == dot) return NULL;
    char tmpl[512];
    if ((size_t)snprintf(tmpl, sizeof tmpl, "%.*s%s", (int)(at - name + 1), name, dot) >=
        sizeof tmpl)
        return NULL;
    return find_exact(d, tmpl);
}

bool unit_dir_wants(const struct unit_dir *d, const char *target, const char *unit) {
    for (size_t i = 0; i < d->nwants; i++)
        if (strcmp(d->wants[i].target, target) == 0 && strcmp(d->wants[i].unit, unit) == 0)
            return true;
    return false;
}
