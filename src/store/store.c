/* src/store/store.c: see store.h. */
#include "store/store.h"
#include "store/storepath.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void *fail_null(char **err, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0) msg = NULL;
    va_end(ap);
    if (err) {
        *err = msg;
    } else {
        free(msg);
    }
    return NULL;
}

#define fail(err, ...) (fail_null((err), __VA_ARGS__), -1)

char *store_canon_path(const char *path) {
    char *abs = NULL;
    if (path[0] == '/') {
        abs = strdup(path);
    } else {
        char *cwd = getcwd(NULL, 0);
        if (!cwd) return NULL;
        if (asprintf(&abs, "%s/%s", cwd, path) < 0) abs = NULL;
        free(cwd);
    }
    if (!abs) return NULL;
    /* Rewrite in place: the result is never longer than the input. */
    char *out = abs;
    size_t o = 0;
    const char *p = abs;
    while (*p) {
        while (*p == '/')
            p++;
        const char *seg = p;
        while (*p && *p != '/')
            p++;
        size_t n = (size_t)(p - seg);
        if (n == 0 || (n == 1 && seg[0] == '.')) continue;
        if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0) o--; /* drop the slash before the removed segment */
            continue;
        }
        out[o++] = '/';
        memmove(out + o, seg, n);
        o += n;
    }
    if (o == 0) out[o++] = '/';
    out[o] = '\0';
    return out;
}

char *store_resolve_dir(const char *option, char **err) {
    const char *env = getenv("NIX_STORE_DIR");
    char *chosen = NULL;
    if (option && *option) {
        chosen = strdup(option);
    } else if (env && *env) {
        chosen = strdup(env);
    } else {
        const char *state = getenv("XDG_STATE_HOME");
        /* The XDG spec says to ignore relative values. */
        if (state && state[0] == '/') {
            if (asprintf(&chosen, "%s/hearth/store", state) < 0) chosen = NULL;
        } else {
            const char *home = getenv("HOME");
            if (!home || !*home)
                return fail_null(err, "cannot find the store: neither NIX_STORE_DIR, "
                                      "XDG_STATE_HOME nor HOME is set");
            if (asprintf(&chosen, "%s/.local/state/hearth/store", home) < 0) chosen = NULL;
        }
    }
    if (!chosen) return fail_null(err, "out of memory");
    char *canon = store_canon_path(chosen);
    free(chosen);
    if (!canon) return fail_null(err, "out of memory");
    return canon;
}

/* mkdir -p with mode 0700 for each directory it creates. */
static int make_private_dirs(const char *dir, char **err) {
    char *copy = strdup(dir);
    if (!copy) return fail(err, "out of memory");
    for (char *p = copy + 1;; p++) {
        if (*p != '/' && *p != '\0') continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(copy, 0700) < 0 && errno != EEXIST) {
            int e = errno;
            fail_null(err, "cannot create directory '%s': %s", copy, strerror(e));
            free(copy);
            return -1;
        }
        *p = saved;
        if (saved == '\0') break;
    }
    free(copy);
    return 0;
}

static void remove_tree(const char *path);

int store_mark_own(const char *dir) {
    char *path = NULL;
    if (asprintf(&path, "%s/" STORE_MARKER, dir) < 0) return -1;
    /* O_EXCL: an existing marker is left as it is. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0444);
    free(path);
    if (fd < 0) return errno == EEXIST ? 0 : -1;
    static const char line[] = "hearth-store 1\n";
    int rc = write(fd, line, sizeof line - 1) == (ssize_t)(sizeof line - 1) ? 0 : -1;
    close(fd);
    return rc;
}

bool store_is_own(const char *dir) {
    char *path = NULL;
    if (asprintf(&path, "%s/" STORE_MARKER, dir) < 0) return false;
    struct stat st;
    bool own = lstat(path, &st) == 0 && S_ISREG(st.st_mode);
    free(path);
    return own;
}

int store_remove_stale_temps(const struct store *s, long min_age_seconds) {
    DIR *d = opendir(s->dir);
    if (!d) return 0;
    int removed = 0;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, ".hearth-tmp-", 12) != 0) continue;
        char *path = NULL;
        if (asprintf(&path, "%s/%s", s->dir, e->d_name) < 0) break;
        struct stat st;
        /* ctime, not mtime: finished files get mtime 1, and nobody can set ctime back. */
        if (lstat(path, &st) == 0 && now - st.st_ctime >= min_age_seconds) {
            remove_tree(path);
            removed++;
        }
        free(path);
    }
    closedir(d);
    return removed;
}

struct store *store_open(const char *dir, char **err) {
    struct stat st;
    if (stat(dir, &st) < 0) {
        if (errno != ENOENT)
            return fail_null(err, "cannot use store '%s': %s", dir, strerror(errno));
        if (make_private_dirs(dir, err) < 0) return NULL;
        if (store_mark_own(dir) != 0)
            return fail_null(err, "cannot write '%s/" STORE_MARKER "': %s", dir, strerror(errno));
    } else if (!S_ISDIR(st.st_mode)) {
        return fail_null(err, "store '%s' is not a directory", dir);
    }
    struct store *s = calloc(1, sizeof *s);
    if (!s || !(s->dir = strdup(dir))) {
        free(s);
        return fail_null(err, "out of memory");
    }
    /* Leftovers of a run that crashed while adding an object. An hour is far longer than any
     * add takes, so a concurrent hearth's work in progress is never touched. */
    store_remove_stale_temps(s, 3600);
    return s;
}

void store_close(struct store *s) {
    if (!s) return;
    free(s->dir);
    free(s);
}

bool store_has_path(const struct store *s, const char *path) {
    struct stat st;
    return store_path_is_store_path(s->dir, path) && lstat(path, &st) == 0;
}

/* Deletes a temporary tree, first making directories writable (their mode is 0555 once
 * finished). Best effort: used only to clean up after a failure. */
static void remove_tree(const char *path) {
    struct stat st;
    if (lstat(path, &st) < 0) return;
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0700);
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d))) {
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
                char *child = NULL;
                if (asprintf(&child, "%s/%s", path, e->d_name) < 0) continue;
                remove_tree(child);
                free(child);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* Sets the canonical modification time (1 second after the epoch) without following
 * symlinks. */
static int set_canonical_time(const char *path, char **err) {
    struct timespec t[2] = {{.tv_sec = 1}, {.tv_sec = 1}};
    if (utimensat(AT_FDCWD, path, t, AT_SYMLINK_NOFOLLOW) < 0)
        return fail(err, "cannot set the time of '%s': %s", path, strerror(errno));
    return 0;
}

static int write_all(int fd, const void *data, size_t len) {
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Moves a finished temporary object to its final name. A concurrent writer may have put the
 * same object there first; it has the same content, so that counts as success. */
static int publish(const char *tmp, const char *final, char **err) {
    if (rename(tmp, final) == 0) return 0;
    int e = errno;
    struct stat st;
    if (lstat(final, &st) == 0) {
        remove_tree(tmp);
        return 0;
    }
    remove_tree(tmp);
    return fail(err, "cannot move '%s' to '%s': %s", tmp, final, strerror(e));
}

static char *temp_name(const struct store *s) {
    char *t = NULL;
    if (asprintf(&t, "%s/.hearth-tmp-XXXXXX", s->dir) < 0) return NULL;
    return t;
}

/* Writes a new read-only regular file at a fresh temporary name; returns that name. */
static char *write_temp_file(const struct store *s, const void *data, size_t len, bool exec,
                             char **err) {
    char *tmp = temp_name(s);
    if (!tmp) return fail_null(err, "out of memory");
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0) {
        fail_null(err, "cannot create a file in the store '%s': %s", s->dir, strerror(errno));
        free(tmp);
        return NULL;
    }
    if (write_all(fd, data, len) < 0 || fsync(fd) < 0 || fchmod(fd, exec ? 0555 : 0444) < 0) {
        fail_null(err, "cannot write '%s': %s", tmp, strerror(errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        return NULL;
    }
    close(fd);
    if (set_canonical_time(tmp, err) < 0) {
        unlink(tmp);
        free(tmp);
        return NULL;
    }
    return tmp;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *store_add_text(struct store *s, const char *name, const void *data, size_t len,
                     const char *const *refs, size_t nrefs, char **err) {
    /* Nix keeps references as a sorted set. */
    const char **sorted = malloc((nrefs ? nrefs : 1) * sizeof *sorted);
    if (!sorted) return fail_null(err, "out of memory");
    size_t n = 0;
    if (nrefs) memcpy(sorted, refs, nrefs * sizeof *refs);
    if (nrefs > 1) qsort(sorted, nrefs, sizeof *sorted, cmp_str);
    for (size_t i = 0; i < nrefs; i++)
        if (n == 0 || strcmp(sorted[n - 1], sorted[i]) != 0) sorted[n++] = sorted[i];
    struct hash h = hash_buffer(HASH_SHA256, data, len);
    char *path = store_make_text_path_unchecked(s->dir, &h, sorted, n, name);
    free(sorted);
    if (!path) return fail_null(err, "out of memory");
    char *bad = store_path_name_error(s->dir, path);
    if (bad) {
        free(path);
        if (err) {
            *err = bad;
        } else {
            free(bad);
        }
        return NULL;
    }
    struct stat st;
    if (lstat(path, &st) == 0) return path;
    char *tmp = write_temp_file(s, data, len, false, err);
    if (!tmp) {
        free(path);
        return NULL;
    }
    int rc = publish(tmp, path, err);
    free(tmp);
    if (rc < 0) {
        free(path);
        return NULL;
    }
    return path;
}

/* Copying a tree into the store, keeping what the filter keeps. */
struct copier {
    nar_filter_fn filter;
    void *filter_ud;
    char **err;
};

static int copy_node(struct copier *c, const char *src, const char *dst);

static int copy_file(const char *src, const char *dst, const struct stat *st, char **err) {
    int in = open(src, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (in < 0) return fail(err, "cannot open '%s': %s", src, strerror(errno));
    int out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) {
        int e = errno;
        close(in);
        return fail(err, "cannot create '%s': %s", dst, strerror(e));
    }
    char buf[65536];
    int rc = 0;
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            rc = fail(err, "cannot read '%s': %s", src, strerror(errno));
            break;
        }
        if (n == 0) break;
        if (write_all(out, buf, (size_t)n) < 0) {
            rc = fail(err, "cannot write '%s': %s", dst, strerror(errno));
            break;
        }
    }
    if (rc == 0 && (fsync(out) < 0 || fchmod(out, (st->st_mode & S_IXUSR) ? 0555 : 0444) < 0))
        rc = fail(err, "cannot write '%s': %s", dst, strerror(errno));
    close(in);
    close(out);
    if (rc == 0) rc = set_canonical_time(dst, err);
    return rc;
}

static int copy_dir(struct copier *c, const char *src, const char *dst) {
    DIR *d = opendir(src);
    if (!d) return fail(c->err, "cannot open directory '%s': %s", src, strerror(errno));
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        char *from = NULL, *to = NULL;
        if (asprintf(&from, "%s/%s", src, e->d_name) < 0) from = NULL;
        if (asprintf(&to, "%s/%s", dst, e->d_name) < 0) to = NULL;
        if (!from || !to) {
            rc = fail(c->err, "out of memory");
        } else {
            int keep = 1;
            if (c->filter) {
                struct stat st;
                if (lstat(from, &st) < 0) {
                    rc = fail(c->err, "cannot stat '%s': %s", from, strerror(errno));
                    keep = 0;
                } else {
                    enum nar_type t = S_ISREG(st.st_mode)   ? NAR_REGULAR
                                      : S_ISDIR(st.st_mode) ? NAR_DIRECTORY
                                      : S_ISLNK(st.st_mode) ? NAR_SYMLINK
                                                            : NAR_UNKNOWN;
                    keep = c->filter(c->filter_ud, from, t, c->err);
                    if (keep < 0) rc = -1;
                }
            }
            if (keep > 0) rc = copy_node(c, from, to);
        }
        free(from);
        free(to);
    }
    closedir(d);
    return rc;
}

static int copy_node(struct copier *c, const char *src, const char *dst) {
    struct stat st;
    if (lstat(src, &st) < 0) return fail(c->err, "cannot stat '%s': %s", src, strerror(errno));
    if (S_ISREG(st.st_mode)) return copy_file(src, dst, &st, c->err);
    if (S_ISLNK(st.st_mode)) {
        char *target = malloc((size_t)st.st_size + 256);
        if (!target) return fail(c->err, "out of memory");
        ssize_t n = readlink(src, target, (size_t)st.st_size + 256);
        if (n < 0 || (size_t)n >= (size_t)st.st_size + 256) {
            free(target);
            return fail(c->err, "cannot read symlink '%s'", src);
        }
        target[n] = '\0';
        int rc = 0;
        if (symlink(target, dst) < 0)
            rc = fail(c->err, "cannot create symlink '%s': %s", dst, strerror(errno));
        free(target);
        return rc == 0 ? set_canonical_time(dst, c->err) : rc;
    }
    if (S_ISDIR(st.st_mode)) {
        if (mkdir(dst, 0700) < 0 && errno != EEXIST)
            return fail(c->err, "cannot create directory '%s': %s", dst, strerror(errno));
        if (copy_dir(c, src, dst) < 0) return -1;
        /* Time and mode last: adding entries would change them. */
        if (set_canonical_time(dst, c->err) < 0) return -1;
        if (chmod(dst, 0555) < 0)
            return fail(c->err, "cannot make '%s' read-only: %s", dst, strerror(errno));
        return 0;
    }
    return fail(c->err, "file '%s' has an unsupported type", src);
}

/* A temporary name for the copy's root, which copy_node then creates itself. */
static char *fresh_temp_root(const struct store *s, char **err) {
    for (int attempt = 0; attempt < 100; attempt++) {
        char *tmp = temp_name(s);
        if (!tmp) return fail_null(err, "out of memory");
        /* mkdtemp reserves a unique name; free it again for copy_node. */
        if (!mkdtemp(tmp)) {
            fail_null(err, "cannot create a temporary name in '%s': %s", s->dir, strerror(errno));
            free(tmp);
            return NULL;
        }
        if (rmdir(tmp) == 0) return tmp;
        free(tmp);
    }
    return fail_null(err, "cannot create a temporary name in '%s'", s->dir);
}

char *store_add_source(struct store *s, const char *src, const struct store_add_source *how,
                       struct hash *content_hash, char **err) {
    const char *name = how->name;
    char *base = NULL;
    if (!name) {
        char *canon = store_canon_path(src);
        if (!canon) return fail_null(err, "out of memory");
        const char *slash = strrchr(canon, '/');
        base = strdup(slash ? slash + 1 : canon);
        free(canon);
        if (!base) return fail_null(err, "out of memory");
        name = base;
    }
    char *path = NULL;
    struct hash h;
    struct stat st;
    if (lstat(src, &st) < 0) {
        fail_null(err, "getting status of '%s': %s", src, strerror(errno));
        goto out;
    }
    if (how->recursive) {
        if (nar_hash_path(src, HASH_SHA256, how->filter, how->filter_ud, &h, NULL, err) < 0)
            goto out;
        path = store_make_source_path_unchecked(s->dir, &h, name);
    } else {
        if (!S_ISREG(st.st_mode)) {
            fail_null(err,
                      "cannot add '%s' to the store by its flat hash: it is not a regular file",
                      src);
            goto out;
        }
        if (hash_file(src, HASH_SHA256, &h, err) < 0) goto out;
        path = store_make_fixed_output_path_unchecked(s->dir, false, &h, name);
    }
    if (!path) {
        fail_null(err, "out of memory");
        goto out;
    }
    char *bad = store_path_name_error(s->dir, path);
    if (bad) {
        if (err) {
            *err = bad;
        } else {
            free(bad);
        }
        goto fail;
    }
    if (content_hash) *content_hash = h;
    if (how->dry_run || lstat(path, &st) == 0) goto out;

    char *tmp = fresh_temp_root(s, err);
    if (!tmp) goto fail;
    int rc;
    if (how->recursive) {
        struct copier c = {how->filter, how->filter_ud, err};
        rc = copy_node(&c, src, tmp);
        /* Hash what was copied: the source may have changed since it was hashed. */
        struct hash again;
        if (rc == 0 && nar_hash_path(tmp, HASH_SHA256, NULL, NULL, &again, NULL, err) < 0) rc = -1;
        if (rc == 0 && memcmp(again.bytes, h.bytes, h.len) != 0)
            rc = fail(err, "'%s' changed while it was being added to the store", src);
    } else {
        struct stat plain = st;
        plain.st_mode &= ~(mode_t)0111; /* a flat file is stored without its x bits */
        rc = copy_file(src, tmp, &plain, err);
        struct hash again;
        if (rc == 0 && hash_file(tmp, HASH_SHA256, &again, err) < 0) rc = -1;
        if (rc == 0 && memcmp(again.bytes, h.bytes, h.len) != 0)
            rc = fail(err, "'%s' changed while it was being added to the store", src);
    }
    if (rc < 0) {
        remove_tree(tmp);
        free(tmp);
        goto fail;
    }
    rc = publish(tmp, path, err);
    free(tmp);
    if (rc < 0) goto fail;
    goto out;
fail:
    free(path);
    path = NULL;
out:
    free(base);
    return path;
}

int store_read_file(const char *path, char **data, size_t *len, char **err) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(err, "cannot open '%s': %s", path, strerror(errno));
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        close(fd);
        return fail(err, "out of memory");
    }
    for (;;) {
        if (cap - n < 4096) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                close(fd);
                return fail(err, "out of memory");
            }
            buf = grown;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            close(fd);
            return fail(err, "cannot read '%s': %s", path, strerror(e));
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    close(fd);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}
