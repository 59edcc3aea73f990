/* src/store/nar.c: see nar.h. */
#include "store/nar.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *nar_type_name(enum nar_type t) {
    switch (t) {
    case NAR_REGULAR: return "regular";
    case NAR_DIRECTORY: return "directory";
    case NAR_SYMLINK: return "symlink";
    case NAR_UNKNOWN: return "unknown";
    }
    return "unknown";
}

static int fail(char **err, const char *fmt, ...) {
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
    return -1;
}

struct dumper {
    nar_filter_fn filter;
    void *filter_ud;
    nar_sink_fn sink;
    void *sink_ud;
    char **err;
};

static void put_u64(struct dumper *d, uint64_t n) {
    uint8_t b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(n >> (8 * i));
    d->sink(d->sink_ud, b, 8);
}

static void put_padding(struct dumper *d, uint64_t len) {
    static const uint8_t zeros[8];
    if (len % 8) d->sink(d->sink_ud, zeros, 8 - len % 8);
}

static void put_bytes(struct dumper *d, const void *s, size_t len) {
    put_u64(d, len);
    d->sink(d->sink_ud, s, len);
    put_padding(d, len);
}

static void put_str(struct dumper *d, const char *s) {
    put_bytes(d, s, strlen(s));
}

static enum nar_type type_of(const struct stat *st) {
    if (S_ISREG(st->st_mode)) return NAR_REGULAR;
    if (S_ISDIR(st->st_mode)) return NAR_DIRECTORY;
    if (S_ISLNK(st->st_mode)) return NAR_SYMLINK;
    return NAR_UNKNOWN;
}

/* Streams the file's contents, checking that its size did not change under us: a NAR
 * announces the length before the bytes, so a growing file would corrupt the stream. */
static int dump_contents(struct dumper *d, const char *path, const struct stat *st) {
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return fail(d->err, "cannot open '%s': %s", path, strerror(errno));
    uint64_t size = (uint64_t)st->st_size, done = 0;
    put_u64(d, size);
    char buf[65536];
    while (done < size) {
        size_t want = size - done < sizeof buf ? (size_t)(size - done) : sizeof buf;
        ssize_t n = read(fd, buf, want);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int e = errno;
            close(fd);
            if (n == 0) return fail(d->err, "file '%s' shrank while it was being read", path);
            return fail(d->err, "cannot read '%s': %s", path, strerror(e));
        }
        d->sink(d->sink_ud, buf, (size_t)n);
        done += (uint64_t)n;
    }
    close(fd);
    put_padding(d, size);
    return 0;
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads a directory's names (without . and ..) sorted bytewise, as NAR requires. */
static int read_sorted_dir(const char *path, char ***names_out, size_t *n_out, char **err) {
    DIR *dir = opendir(path);
    if (!dir) return fail(err, "cannot open directory '%s': %s", path, strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    errno = 0;
    while ((e = readdir(dir))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown) goto oom;
            names = grown;
        }
        if (!(names[n] = strdup(e->d_name))) goto oom;
        n++;
    }
    closedir(dir);
    if (n > 1) qsort(names, n, sizeof *names, cmp_names);
    *names_out = names;
    *n_out = n;
    return 0;
oom:
    closedir(dir);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return fail(err, "out of memory reading directory '%s'", path);
}

static int dump_node(struct dumper *d, const char *path);

static int dump_directory(struct dumper *d, const char *path) {
    char **names = NULL;
    size_t n = 0;
    if (read_sorted_dir(path, &names, &n, d->err) < 0) return -1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *child = NULL;
        if (asprintf(&child, "%s/%s", path, names[i]) < 0) {
            rc = fail(d->err, "out of memory");
            break;
        }
        if (d->filter) {
            struct stat st;
            if (lstat(child, &st) < 0) {
                rc = fail(d->err, "cannot stat '%s': %s", child, strerror(errno));
                free(child);
                break;
            }
            int keep = d->filter(d->filter_ud, child, type_of(&st), d->err);
            if (keep < 0) rc = -1;
            if (keep <= 0) {
                free(child);
                continue;
            }
        }
        put_str(d, "entry");
        put_str(d, "(");
        put_str(d, "name");
        put_str(d, names[i]);
        put_str(d, "node");
        rc = dump_node(d, child);
        if (rc == 0) put_str(d, ")");
        free(child);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

static int dump_node(struct dumper *d, const char *path) {
    struct stat st;
    if (lstat(path, &st) < 0) return fail(d->err, "cannot stat '%s': %s", path, strerror(errno));
    put_str(d, "(");
    put_str(d, "type");
    switch (type_of(&st)) {
    case NAR_REGULAR:
        put_str(d, "regular");
        if (st.st_mode & S_IXUSR) {
            put_str(d, "executable");
            put_str(d, "");
        }
        put_str(d, "contents");
        if (dump_contents(d, path, &st) < 0) return -1;
        break;
    case NAR_DIRECTORY:
        put_str(d, "directory");
        if (dump_directory(d, path) < 0) return -1;
        break;
    case NAR_SYMLINK: {
        size_t cap = (size_t)st.st_size + 1 > 256 ? (size_t)st.st_size + 1 : 256;
        char *target = malloc(cap);
        if (!target) return fail(d->err, "out of memory");
        ssize_t n = readlink(path, target, cap);
        if (n < 0 || (size_t)n >= cap) {
            free(target);
            return fail(d->err, "cannot read symlink '%s': %s", path,
                        n < 0 ? strerror(errno) : "it changed while being read");
        }
        put_str(d, "symlink");
        put_str(d, "target");
        put_bytes(d, target, (size_t)n);
        free(target);
        break;
    }
    case NAR_UNKNOWN: return fail(d->err, "file '%s' has an unsupported type", path);
    }
    put_str(d, ")");
    return 0;
}

int nar_dump(const char *path, nar_filter_fn filter, void *filter_ud, nar_sink_fn sink,
             void *sink_ud, char **err) {
    struct dumper d = {filter, filter_ud, sink, sink_ud, err};
    put_str(&d, "nix-archive-1");
    return dump_node(&d, path);
}

struct hash_sink {
    struct hash_ctx *ctx;
    unsigned long long size;
};

static void hash_sink_write(void *ud, const void *data, size_t len) {
    struct hash_sink *hs = ud;
    hash_ctx_update(hs->ctx, data, len);
    hs->size += len;
}

int nar_hash_path(const char *path, enum hash_algo algo, nar_filter_fn filter, void *filter_ud,
                  struct hash *out, unsigned long long *nar_size, char **err) {
    struct hash_sink hs = {hash_ctx_new(algo), 0};
    if (!hs.ctx) return fail(err, "out of memory");
    int rc = nar_dump(path, filter, filter_ud, hash_sink_write, &hs, err);
    struct hash h = hash_ctx_finish(hs.ctx);
    if (rc < 0) return -1;
    *out = h;
    if (nar_size) *nar_size = hs.size;
    return 0;
}

int hash_file(const char *path, enum hash_algo algo, struct hash *out, char **err) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(err, "opening file '%s': %s", path, strerror(errno));
    struct hash_ctx *ctx = hash_ctx_new(algo);
    if (!ctx) {
        close(fd);
        return fail(err, "out of memory");
    }
    char buf[65536];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            hash_ctx_finish(ctx);
            return fail(err, "cannot read '%s': %s", path, strerror(e));
        }
        if (n == 0) break;
        hash_ctx_update(ctx, buf, (size_t)n);
    }
    close(fd);
    *out = hash_ctx_finish(ctx);
    return 0;
}
