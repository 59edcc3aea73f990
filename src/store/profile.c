/* src/store/profile.c: see profile.h. */
#include "store/profile.h"

#include "store/hash.h"
#include "store/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
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

static char *join(const char *a, const char *b) {
    char *s = NULL;
    if (asprintf(&s, "%s/%s", a, b) < 0) return NULL;
    return s;
}

static char *strip_slashes(const char *s) {
    char *r = strdup(s);
    if (!r) return NULL;
    size_t n = strlen(r);
    while (n > 1 && r[n - 1] == '/')
        r[--n] = 0;
    return r;
}

int hearth_paths_init(struct hearth_paths *p, char **err) {
    memset(p, 0, sizeof *p);
    const char *home = getenv("HOME");
    if (!home || home[0] != '/') return fail(err, "HOME is not set to an absolute path");
    p->home = strip_slashes(home);
    const char *xdg = getenv("XDG_STATE_HOME");
    char *state_home = (xdg && xdg[0] == '/') ? strip_slashes(xdg) : join(p->home, ".local/state");
    p->state_dir = join(state_home, "hearth");
    free(state_home);
    const char *nsd = getenv("NIX_STORE_DIR");
    p->store_dir = (nsd && nsd[0] == '/') ? strip_slashes(nsd) : join(p->state_dir, "store");
    p->profiles_dir = join(p->state_dir, "profiles");
    p->gcroots_dir = join(p->state_dir, "gcroots");
    p->journal_path = join(p->state_dir, "journal");
    p->lock_path = join(p->state_dir, "lock");
    p->dirs_path = join(p->state_dir, "home-dirs");
    if (!p->home || !p->state_dir || !p->store_dir || !p->profiles_dir || !p->gcroots_dir ||
        !p->journal_path || !p->lock_path || !p->dirs_path) {
        hearth_paths_free(p);
        return fail(err, "out of memory");
    }
    return 0;
}

void hearth_paths_free(struct hearth_paths *p) {
    free(p->home);
    free(p->state_dir);
    free(p->store_dir);
    free(p->profiles_dir);
    free(p->gcroots_dir);
    free(p->journal_path);
    free(p->lock_path);
    free(p->dirs_path);
    memset(p, 0, sizeof *p);
}

int hearth_mkdir_p(const char *path, mode_t mode) {
    char buf[PATH_MAX];
    size_t n = strlen(path);
    if (n >= sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(buf, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (buf[i] != '/' && buf[i] != 0) continue;
        char c = buf[i];
        buf[i] = 0;
        if (mkdir(buf, mode) != 0 && errno != EEXIST) return -1;
        buf[i] = c;
    }
    struct stat st;
    if (stat(path, &st) != 0) return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

int hearth_paths_create(const struct hearth_paths *p, char **err) {
    const char *dirs[] = {p->state_dir, p->store_dir, p->profiles_dir, p->gcroots_dir};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        struct stat st;
        bool existed = stat(dirs[i], &st) == 0;
        if (hearth_mkdir_p(dirs[i], 0700) != 0)
            return fail(err, "cannot create directory '%s': %s", dirs[i], strerror(errno));
        bool is_store = dirs[i] == p->store_dir;
        /* A store hearth makes is marked as its own; so is one at hearth's own place (made
         * before there was a marker). NIX_STORE_DIR may name someone else's store. */
        bool default_store = is_store &&
                             strncmp(p->store_dir, p->state_dir, strlen(p->state_dir)) == 0 &&
                             strcmp(p->store_dir + strlen(p->state_dir), "/store") == 0;
        if (is_store && (!existed || default_store) && store_mark_own(p->store_dir) != 0)
            return fail(err, "cannot write '%s/" STORE_MARKER "': %s", p->store_dir,
                        strerror(errno));
        if (is_store && !store_is_own(p->store_dir)) continue;
        /* Our own directories are private even if an older umask left them open. */
        if (!existed || ((st.st_mode & 077) && st.st_uid == getuid())) chmod(dirs[i], 0700);
    }
    return 0;
}

/* "home-manager-ID-link" -> ID, else 0. */
static long parse_link_name(const char *name) {
    const char *pre = "home-manager-";
    size_t pl = strlen(pre);
    if (strncmp(name, pre, pl) != 0) return 0;
    const char *s = name + pl;
    char *end;
    errno = 0;
    long id = strtol(s, &end, 10);
    if (errno || end == s || id <= 0 || strcmp(end, "-link") != 0 || s[0] == '0') return 0;
    return id;
}

static int cmp_gen(const void *a, const void *b) {
    const struct profile_gen *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

int profile_list(const struct hearth_paths *p, struct profile_gens *out, char **err) {
    memset(out, 0, sizeof *out);
    int dfd = open(p->profiles_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) {
        if (errno == ENOENT) return 0;
        return fail(err, "cannot open '%s': %s", p->profiles_dir, strerror(errno));
    }
    DIR *d = fdopendir(dfd);
    if (!d) {
        close(dfd);
        return fail(err, "cannot read '%s': %s", p->profiles_dir, strerror(errno));
    }
    size_t cap = 0;
    struct dirent *e;
    char buf[PATH_MAX];
    while ((e = readdir(d))) {
        long id = parse_link_name(e->d_name);
        if (!id) continue;
        ssize_t n = readlinkat(dirfd(d), e->d_name, buf, sizeof buf - 1);
        if (n < 0) continue;
        buf[n] = 0;
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        if (out->n == cap) {
            cap = cap ? cap * 2 : 16;
            struct profile_gen *ni = realloc(out->items, cap * sizeof *ni);
            if (!ni) {
                closedir(d);
                profile_gens_free(out);
                return fail(err, "out of memory");
            }
            out->items = ni;
        }
        out->items[out->n++] = (struct profile_gen){id, strdup(buf), st.st_mtime};
    }
    ssize_t n = readlinkat(dirfd(d), "home-manager", buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = 0;
        out->current = parse_link_name(buf);
    }
    closedir(d);
    if (out->n) qsort(out->items, out->n, sizeof *out->items, cmp_gen);
    return 0;
}

void profile_gens_free(struct profile_gens *g) {
    for (size_t i = 0; i < g->n; i++)
        free(g->items[i].path);
    free(g->items);
    memset(g, 0, sizeof *g);
}

const struct profile_gen *profile_find(const struct profile_gens *g, long id) {
    for (size_t i = 0; i < g->n; i++)
        if (g->items[i].id == id) return &g->items[i];
    return NULL;
}

int hearth_symlink_replace(int dirfd, const char *name, const char *target) {
    char tmp[NAME_MAX + 1];
    /* The temporary name starts with the real one so that a crash leaves it next to it,
     * recognisable (and removed by the next run, see activate). */
    int n = snprintf(tmp, sizeof tmp, ".%.200s.hearth-tmp", name);
    if (n < 0 || (size_t)n >= sizeof tmp) {
        errno = ENAMETOOLONG;
        return -1;
    }
    if (symlinkat(target, dirfd, tmp) != 0) {
        if (errno != EEXIST) return -1;
        if (unlinkat(dirfd, tmp, 0) != 0 || symlinkat(target, dirfd, tmp) != 0) return -1;
    }
    if (renameat(dirfd, tmp, dirfd, name) != 0) {
        int e = errno;
        unlinkat(dirfd, tmp, 0);
        errno = e;
        return -1;
    }
    return 0;
}

static bool link_is(int dirfd, const char *name, const char *target) {
    char buf[PATH_MAX];
    ssize_t n = readlinkat(dirfd, name, buf, sizeof buf - 1);
    if (n < 0) return false;
    buf[n] = 0;
    return strcmp(buf, target) == 0;
}

int profile_record(const struct hearth_paths *p, const char *gen_path, long use_id, long *out_id,
                   bool *created, void (*mutated)(void *), void *mctx, char **err) {
    struct profile_gens g;
    if (profile_list(p, &g, err) != 0) return -1;
    long id = 0;
    *created = false;
    if (use_id > 0) {
        const struct profile_gen *pg = profile_find(&g, use_id);
        if (!pg) {
            profile_gens_free(&g);
            return fail(err, "No generation with ID %ld", use_id);
        }
        id = use_id;
    } else if (g.n && strcmp(g.items[g.n - 1].path, gen_path) == 0) {
        id = g.items[g.n - 1].id;
    } else {
        id = g.n ? g.items[g.n - 1].id + 1 : 1;
        *created = true;
    }
    profile_gens_free(&g);
    int dfd = open(p->profiles_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return fail(err, "cannot open '%s': %s", p->profiles_dir, strerror(errno));
    char name[64];
    snprintf(name, sizeof name, "home-manager-%ld-link", id);
    if (*created) {
        if (hearth_symlink_replace(dfd, name, gen_path) != 0) goto fail_dfd;
        if (mutated) mutated(mctx);
    }
    if (!link_is(dfd, "home-manager", name)) {
        if (hearth_symlink_replace(dfd, "home-manager", name) != 0) goto fail_dfd;
        if (mutated) mutated(mctx);
    }
    close(dfd);
    dfd = open(p->gcroots_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return fail(err, "cannot open '%s': %s", p->gcroots_dir, strerror(errno));
    if (!link_is(dfd, "current-home", gen_path)) {
        if (hearth_symlink_replace(dfd, "current-home", gen_path) != 0) goto fail_dfd;
        if (mutated) mutated(mctx);
    }
    close(dfd);
    *out_id = id;
    return 0;
fail_dfd:;
    int e = errno;
    close(dfd);
    return fail(err, "cannot record generation %ld: %s", id, strerror(e));
}

int profile_remove(const struct hearth_paths *p, long id, char **err) {
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/home-manager-%ld-link", p->profiles_dir, id);
    if (unlink(path) != 0) return fail(err, "cannot remove '%s': %s", path, strerror(errno));
    return 0;
}

int hearth_lock(const struct hearth_paths *p, bool create, char **err) {
    int fd = open(p->lock_path, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0600);
    if (fd < 0) {
        if (!create && (errno == ENOENT || errno == EACCES)) return -2;
        return fail(err, "cannot open lock file '%s': %s", p->lock_path, strerror(errno));
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char buf[32] = {0};
        ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
        long pid = n > 0 ? strtol(buf, NULL, 10) : 0;
        close(fd);
        if (pid > 0)
            return fail(err,
                        "another hearth activation is running (process %ld holds the lock "
                        "'%s'); wait for it to finish and try again",
                        pid, p->lock_path);
        return fail(err,
                    "another hearth activation is running (the lock '%s' is held); wait for "
                    "it to finish and try again",
                    p->lock_path);
    }
    if (create) {
        /* Fixed width, so that no truncation (a metadata change: slow on some filesystems)
         * is needed to overwrite a longer pid. The pid is only for the message. */
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%-20ld\n", (long)getpid());
        if (pwrite(fd, buf, (size_t)n, 0) < 0) {
            /* The flock is what excludes; a missing pid only makes the message vaguer. */
        }
    }
    return fd;
}

void hearth_unlock(int fd) {
    if (fd >= 0) close(fd);
}

int hearth_lock_shared(const struct hearth_paths *p, char **err) {
    int fd = open(p->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return fail(err, "cannot open lock file '%s': %s", p->lock_path, strerror(errno));
    while (flock(fd, LOCK_SH) != 0) {
        if (errno == EINTR) continue;
        int e = errno;
        close(fd);
        return fail(err, "cannot lock '%s': %s", p->lock_path, strerror(e));
    }
    return fd;
}

int hearth_add_indirect_root(const struct hearth_paths *p, const char *link_path, char **err) {
    char *dir = NULL;
    if (asprintf(&dir, "%s/auto", p->gcroots_dir) < 0) return fail(err, "out of memory");
    if (hearth_mkdir_p(dir, 0700) != 0) {
        int e = errno;
        free(dir);
        return fail(err, "cannot create directory '%s/auto': %s", p->gcroots_dir, strerror(e));
    }
    /* Named by a hash of the link's path: building into the same place again reuses it. */
    struct hash h = hash_buffer(HASH_SHA256, link_path, strlen(link_path));
    uint8_t folded[20];
    hash_compress(&h, folded, sizeof folded);
    char name[64];
    hash_to_base32(folded, sizeof folded, name);
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (dfd < 0 ||
        (!link_is(dfd, name, link_path) && hearth_symlink_replace(dfd, name, link_path) != 0)) {
        int e = errno;
        if (dfd >= 0) close(dfd);
        return fail(err, "cannot register the GC root '%s': %s", link_path, strerror(e));
    }
    close(dfd);
    return 0;
}
