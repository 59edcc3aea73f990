/* src/store/gc.c: see gc.h. */
#include "store/gc.h"

#include "store/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int fail(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(char **err, const char *fmt, ...) {
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        if (vasprintf(err, fmt, ap) < 0) *err = NULL;
        va_end(ap);
    }
    return -1;
}

int store_rm_rf(const char *path, uint64_t *bytes) {
    struct stat st;
    if (lstat(path, &st) != 0) return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(st.st_mode)) {
        if (bytes && S_ISREG(st.st_mode)) *bytes += (uint64_t)st.st_size;
        return unlink(path);
    }
    if ((st.st_mode & 0700) != 0700) chmod(path, 0700);
    DIR *d = opendir(path);
    if (!d) return -1;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char *sub = NULL;
        if (asprintf(&sub, "%s/%s", path, e->d_name) < 0) {
            rc = -1;
            break;
        }
        if (store_rm_rf(sub, bytes) != 0) rc = -1;
        free(sub);
    }
    closedir(d);
    if (rmdir(path) != 0) rc = -1;
    return rc;
}

/* The set of store entry names, sorted, with a mark for the live ones. */
struct entries {
    char **names;
    bool *live;
    size_t n;
};

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static long find_entry(const struct entries *es, const char *name, size_t len) {
    size_t lo = 0, hi = es->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strncmp(es->names[mid], name, len);
        if (c == 0 && es->names[mid][len]) c = 1;
        if (c == 0) return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

struct gc_ctx {
    const char *store_dir;
    size_t sdlen;
    struct entries es;
    size_t *stack;
    size_t nstack, capstack;
};

/* Marks the store entry that `path` is in (or under) as live. */
static void mark_path(struct gc_ctx *g, const char *path) {
    if (strncmp(path, g->store_dir, g->sdlen) != 0 || path[g->sdlen] != '/') return;
    const char *name = path + g->sdlen + 1;
    size_t len = strcspn(name, "/");
    long i = find_entry(&g->es, name, len);
    if (i < 0 || g->es.live[i]) return;
    g->es.live[i] = true;
    if (g->nstack == g->capstack) {
        g->capstack = g->capstack ? g->capstack * 2 : 64;
        size_t *ns = realloc(g->stack, g->capstack * sizeof *ns);
        if (!ns) return;
        g->stack = ns;
    }
    g->stack[g->nstack++] = (size_t)i;
}

/* Store paths written in a file: every "STOREDIR/" followed by a name. */
static void scan_buffer(struct gc_ctx *g, const char *buf, size_t len) {
    const char *p = buf, *end = buf + len;
    while (p < end) {
        const char *hit = memmem(p, (size_t)(end - p), g->store_dir, g->sdlen);
        if (!hit) break;
        const char *q = hit + g->sdlen;
        if (q < end && *q == '/') {
            const char *s = q + 1, *e = s;
            while (e < end && *e != '/' && *e != '\n' && *e != '"' && *e != '\'' && *e != ' ' &&
                   *e != 0 && *e != ':' && *e != ';')
                e++;
            if (e > s && (size_t)(e - s) < NAME_MAX) {
                char name[NAME_MAX + 1];
                memcpy(name, s, (size_t)(e - s));
                name[e - s] = 0;
                long i = find_entry(&g->es, name, (size_t)(e - s));
                if (i >= 0) {
                    char full[PATH_MAX];
                    snprintf(full, sizeof full, "%s/%s", g->store_dir, name);
                    mark_path(g, full);
                }
            }
        }
        p = hit + 1;
    }
}

static void scan_object(struct gc_ctx *g, const char *path) {
    struct stat st;
    if (lstat(path, &st) != 0) return;
    if (S_ISLNK(st.st_mode)) {
        char buf[PATH_MAX];
        ssize_t n = readlink(path, buf, sizeof buf - 1);
        if (n > 0) {
            buf[n] = 0;
            mark_path(g, buf);
        }
    } else if (S_ISREG(st.st_mode) && st.st_size > 0) {
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        close(fd);
        if (m == MAP_FAILED) return;
        scan_buffer(g, m, (size_t)st.st_size);
        munmap(m, (size_t)st.st_size);
    } else if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (!d) return;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            char *sub = NULL;
            if (asprintf(&sub, "%s/%s", path, e->d_name) < 0) break;
            scan_object(g, sub);
            free(sub);
        }
        closedir(d);
    }
}

/* Roots: every symlink in `dir` (and below), read without following. */
static void mark_roots_in(struct gc_ctx *g, const char *dir, int depth) {
    DIR *d = opendir(dir);
    if (!d || depth > 8) {
        if (d) closedir(d);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char *sub = NULL;
        if (asprintf(&sub, "%s/%s", dir, e->d_name) < 0) break;
        struct stat st;
        if (lstat(sub, &st) == 0) {
            if (S_ISLNK(st.st_mode)) {
                char buf[PATH_MAX];
                ssize_t n = readlink(sub, buf, sizeof buf - 1);
                if (n > 0) {
                    buf[n] = 0;
                    /* Profile links are relative to their directory (home-manager ->
                     * home-manager-N-link); those resolve to links we read anyway. */
                    if (buf[0] == '/') mark_path(g, buf);
                }
            } else if (S_ISDIR(st.st_mode))
                mark_roots_in(g, sub, depth + 1);
        }
        free(sub);
    }
    closedir(d);
}

/* gcroots/auto holds links to links (build's `result`), as Nix's indirect roots: a live one
 * keeps what its link points at; one whose link is gone, or is no link now, is dropped. */
static void mark_indirect_roots(struct gc_ctx *g, const char *gcroots, bool dry_run) {
    char *dir = NULL;
    if (asprintf(&dir, "%s/auto", gcroots) < 0) return;
    DIR *d = opendir(dir);
    free(dir);
    if (!d) return;
    struct dirent *e;
    char target[PATH_MAX], buf[PATH_MAX];
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        ssize_t n = readlinkat(dirfd(d), e->d_name, target, sizeof target - 1);
        if (n <= 0) continue;
        target[n] = 0;
        n = readlink(target, buf, sizeof buf - 1);
        if (n > 0) {
            buf[n] = 0;
            mark_path(g, buf);
        } else if (!dry_run && (errno == ENOENT || errno == EINVAL || errno == ENOTDIR))
            unlinkat(dirfd(d), e->d_name, 0);
    }
    closedir(d);
}

/* Temporary names in the store left by a process that died while adding to it. `.tmp-*`
 * (a generation being built) are made only under the shared lock, which gc's exclusive hold
 * excludes, so any one seen now is a leftover; `.hearth-tmp-*` may come from an evaluation,
 * which takes no lock, so those go only when an hour old (ctime: objects get mtime 1). */
static bool leftover_temp(int dirfd, const char *name, time_t now) {
    if (strncmp(name, ".tmp-", 5) == 0) return true;
    if (strncmp(name, ".hearth-tmp-", 12) != 0) return false;
    struct stat st;
    return fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && now - st.st_ctime >= 3600;
}

static void mark_journal(struct gc_ctx *g, const char *journal) {
    FILE *f = fopen(journal, "re");
    if (!f) return;
    char line[PATH_MAX + 16];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (!strncmp(line, "old ", 4)) mark_path(g, line + 4);
        if (!strncmp(line, "new ", 4)) mark_path(g, line + 4);
    }
    fclose(f);
}

int gc_collect(const struct hearth_paths *p, bool dry_run,
               void (*on_delete)(void *ctx, const char *path), void *ctx, struct gc_result *out,
               char **err) {
    memset(out, 0, sizeof *out);
    struct gc_ctx g = {.store_dir = p->store_dir, .sdlen = strlen(p->store_dir)};
    DIR *d = opendir(p->store_dir);
    if (!d) {
        if (errno == ENOENT) return 0;
        return fail(err, "cannot read the store '%s': %s", p->store_dir, strerror(errno));
    }
    /* Everything not reachable from hearth's roots would go: only ever in hearth's store. */
    if (!store_is_own(p->store_dir)) {
        closedir(d);
        return fail(err,
                    "'%s' is not a store hearth created (it has no " STORE_MARKER
                    " marker); hearth gc only collects its own store, nothing was deleted",
                    p->store_dir);
    }
    size_t cap = 0, ntemps = 0, captemps = 0;
    char **temps = NULL;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') {
            if (!leftover_temp(dirfd(d), e->d_name, now)) continue;
            if (ntemps == captemps) {
                captemps = captemps ? captemps * 2 : 8;
                char **nt = realloc(temps, captemps * sizeof *nt);
                if (!nt) continue;
                temps = nt;
            }
            temps[ntemps++] = strdup(e->d_name);
            continue;
        }
        if (g.es.n == cap) {
            cap = cap ? cap * 2 : 256;
            char **nn = realloc(g.es.names, cap * sizeof *nn);
            if (!nn) break;
            g.es.names = nn;
        }
        g.es.names[g.es.n++] = strdup(e->d_name);
    }
    closedir(d);
    if (g.es.n) qsort(g.es.names, g.es.n, sizeof *g.es.names, cmp_str);
    g.es.live = calloc(g.es.n ? g.es.n : 1, sizeof *g.es.live);
    if (!g.es.live) return fail(err, "out of memory");
    mark_roots_in(&g, p->profiles_dir, 0);
    mark_roots_in(&g, p->gcroots_dir, 0);
    mark_indirect_roots(&g, p->gcroots_dir, dry_run);
    mark_journal(&g, p->journal_path);
    while (g.nstack) {
        size_t i = g.stack[--g.nstack];
        char *path = NULL;
        if (asprintf(&path, "%s/%s", p->store_dir, g.es.names[i]) < 0) break;
        scan_object(&g, path);
        free(path);
    }
    int rc = 0;
    for (size_t i = 0; i < g.es.n; i++) {
        if (g.es.live[i]) continue;
        char *path = NULL;
        if (asprintf(&path, "%s/%s", p->store_dir, g.es.names[i]) < 0) break;
        if (on_delete) on_delete(ctx, path);
        uint64_t bytes = 0;
        if (dry_run) {
            out->deleted++;
        } else if (store_rm_rf(path, &bytes) == 0) {
            out->deleted++;
        } else if (rc == 0) {
            rc = fail(err, "cannot delete '%s': %s", path, strerror(errno));
        }
        out->bytes_freed += bytes;
        free(path);
    }
    for (size_t i = 0; i < ntemps; i++) {
        char *path = NULL;
        if (!temps[i] || asprintf(&path, "%s/%s", p->store_dir, temps[i]) < 0) continue;
        if (on_delete) on_delete(ctx, path);
        uint64_t bytes = 0;
        if (dry_run || store_rm_rf(path, &bytes) == 0) out->deleted++;
        out->bytes_freed += bytes;
        free(path);
    }
    for (size_t i = 0; i < ntemps; i++)
        free(temps[i]);
    free(temps);
    for (size_t i = 0; i < g.es.n; i++)
        free(g.es.names[i]);
    free(g.es.names);
    free(g.es.live);
    free(g.stack);
    return rc;
}
