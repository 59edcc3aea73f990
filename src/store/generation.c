/* src/store/generation.c: see generation.h.
 *
 * Content addresses. Until the NAR code lands, an imported object's path is
 * store_make_path(STORE, "source", sha256(tree), NAME) where the tree serialisation is
 * hearth's own: "hearth-tree-v1\0" then, recursively, for a regular file 'f', 'x' or '-' for
 * the executable bit, the 8-byte length and the bytes; for a symlink 'l', length and target;
 * for a directory 'd', then each entry sorted by name as length, name, entry, and 'e'.
 * A generation's path hashes its manifest, session variables, units and packages, all of
 * which are themselves store paths or text, so equal specs give equal generations. */
#include "store/generation.h"

#include "store/gc.h"
#include "store/hash.h"
#include "store/storepath.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void *fail_null(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void *fail_null(char **err, const char *fmt, ...) {
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        if (vasprintf(err, fmt, ap) < 0) *err = NULL;
        va_end(ap);
    }
    return NULL;
}

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

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...) {
    char *s = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0) s = NULL;
    va_end(ap);
    return s;
}

int gen_path_cmp(const char *a, const char *b) {
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    while (*x && *x == *y) {
        x++;
        y++;
    }
    unsigned cx = *x == '/' ? 1 : (*x ? *x + 1u : 0), cy = *y == '/' ? 1 : (*y ? *y + 1u : 0);
    return (cx > cy) - (cx < cy);
}

bool gen_normalise_target(char *t) {
    if (!t[0] || t[0] == '/') return false;
    char *w = t;
    const char *r = t;
    while (*r) {
        while (*r == '/')
            r++;
        if (!*r) break;
        const char *e = strchr(r, '/');
        size_t n = e ? (size_t)(e - r) : strlen(r);
        if (n == 1 && r[0] == '.') {
            r += n;
            continue;
        }
        if (n == 2 && r[0] == '.' && r[1] == '.') return false;
        if (w != t) *w++ = '/';
        memmove(w, r, n);
        w += n;
        r += n;
    }
    *w = 0;
    return w != t;
}

void gen_store_name(const char *base, char *out, size_t size) {
    /* Exactly lib.hm.strings.storeFileName, so that the name agrees with the `source` the
     * modules show: "hm_", then the characters that are safe ('-' is not: "-1" would read as a
     * version), the others left out. */
    size_t o = 0;
    if (size == 0) return;
    for (const char *pre = "hm_"; *pre && o + 1 < size; pre++)
        out[o++] = *pre;
    for (; *base && o + 1 < size && o < 200; base++) {
        char c = *base;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            (c && strchr("+._?=", c)))
            out[o++] = c;
    }
    out[o] = 0;
}

/* ---- tree hashing and copying ---- */

static void put_u64(struct hash_ctx *h, uint64_t v) {
    uint8_t b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    hash_ctx_update(h, b, 8);
}

static int name_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names in a directory (without . and ..). */
static char **list_dir(const char *path, size_t *n) {
    DIR *d = opendir(path);
    if (!d) return NULL;
    size_t cap = 16, k = 0;
    char **v = malloc(cap * sizeof *v);
    struct dirent *e;
    while (v && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (k == cap) {
            cap *= 2;
            char **nv = realloc(v, cap * sizeof *nv);
            if (!nv) break;
            v = nv;
        }
        v[k++] = strdup(e->d_name);
    }
    closedir(d);
    if (v) qsort(v, k, sizeof *v, name_cmp);
    *n = k;
    return v;
}

static void free_list(char **v, size_t n) {
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* exec: -1 keep the file's own bit. `follow` is for the top level only: a source given by
 * the user may be a symlink to the real file. */
static int hash_tree(struct hash_ctx *h, const char *path, int exec, bool follow, char **err) {
    struct stat st;
    if ((follow ? stat(path, &st) : lstat(path, &st)) != 0)
        return fail(err, "cannot read '%s': %s", path, strerror(errno));
    if (S_ISREG(st.st_mode)) {
        bool x = exec >= 0 ? exec : (st.st_mode & 0100) != 0;
        hash_ctx_update(h, x ? "fx" : "f-", 2);
        put_u64(h, (uint64_t)st.st_size);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) return fail(err, "cannot read '%s': %s", path, strerror(errno));
        char buf[65536];
        ssize_t r;
        uint64_t total = 0;
        while ((r = read(fd, buf, sizeof buf)) > 0) {
            hash_ctx_update(h, buf, (size_t)r);
            total += (uint64_t)r;
        }
        close(fd);
        if (r < 0 || total != (uint64_t)st.st_size)
            return fail(err, "cannot read '%s': %s", path, r < 0 ? strerror(errno) : "changed");
        return 0;
    }
    if (S_ISLNK(st.st_mode)) {
        char buf[PATH_MAX];
        ssize_t n = readlink(path, buf, sizeof buf);
        if (n < 0) return fail(err, "cannot read link '%s': %s", path, strerror(errno));
        hash_ctx_update(h, "l", 1);
        put_u64(h, (uint64_t)n);
        hash_ctx_update(h, buf, (size_t)n);
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        size_t n = 0;
        char **names = list_dir(path, &n);
        if (!names) return fail(err, "cannot read directory '%s': %s", path, strerror(errno));
        hash_ctx_update(h, "d", 1);
        int rc = 0;
        for (size_t i = 0; i < n && rc == 0; i++) {
            put_u64(h, strlen(names[i]));
            hash_ctx_update(h, names[i], strlen(names[i]));
            char *sub = xasprintf("%s/%s", path, names[i]);
            rc = sub ? hash_tree(h, sub, -1, false, err) : fail(err, "out of memory");
            free(sub);
        }
        free_list(names, n);
        hash_ctx_update(h, "e", 1);
        return rc;
    }
    return fail(err, "'%s' is not a regular file, directory or symlink", path);
}

static int copy_file(const char *src, const char *dst, mode_t mode, char **err) {
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0) return fail(err, "cannot read '%s': %s", src, strerror(errno));
    int out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) {
        close(in);
        return fail(err, "cannot create '%s': %s", dst, strerror(errno));
    }
    char buf[65536];
    ssize_t r;
    int rc = 0;
    while ((r = read(in, buf, sizeof buf)) > 0) {
        if (write(out, buf, (size_t)r) != r) {
            rc = fail(err, "cannot write '%s': %s", dst, strerror(errno));
            break;
        }
    }
    if (r < 0) rc = fail(err, "cannot read '%s': %s", src, strerror(errno));
    if (rc == 0 && fchmod(out, mode) != 0)
        rc = fail(err, "cannot chmod '%s': %s", dst, strerror(errno));
    close(in);
    close(out);
    return rc;
}

/* Copies the tree read-only: files 0444 or 0555, directories 0555 once filled. */
static int copy_tree(const char *src, const char *dst, int exec, bool follow, char **err) {
    struct stat st;
    if ((follow ? stat(src, &st) : lstat(src, &st)) != 0)
        return fail(err, "cannot read '%s': %s", src, strerror(errno));
    if (S_ISREG(st.st_mode)) {
        bool x = exec >= 0 ? exec : (st.st_mode & 0100) != 0;
        return copy_file(src, dst, x ? 0555 : 0444, err);
    }
    if (S_ISLNK(st.st_mode)) {
        char buf[PATH_MAX];
        ssize_t n = readlink(src, buf, sizeof buf - 1);
        if (n < 0) return fail(err, "cannot read link '%s': %s", src, strerror(errno));
        buf[n] = 0;
        if (symlink(buf, dst) != 0)
            return fail(err, "cannot create '%s': %s", dst, strerror(errno));
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        if (mkdir(dst, 0700) != 0) return fail(err, "cannot create '%s': %s", dst, strerror(errno));
        size_t n = 0;
        char **names = list_dir(src, &n);
        if (!names) return fail(err, "cannot read directory '%s': %s", src, strerror(errno));
        int rc = 0;
        for (size_t i = 0; i < n && rc == 0; i++) {
            char *s = xasprintf("%s/%s", src, names[i]), *d = xasprintf("%s/%s", dst, names[i]);
            rc = (s && d) ? copy_tree(s, d, -1, false, err) : fail(err, "out of memory");
            free(s);
            free(d);
        }
        free_list(names, n);
        if (rc == 0 && chmod(dst, 0555) != 0)
            rc = fail(err, "cannot chmod '%s': %s", dst, strerror(errno));
        return rc;
    }
    return fail(err, "'%s' is not a regular file, directory or symlink", src);
}

static char *tmp_name(const char *store_dir, const char *what) {
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    char rnd[9];
    unsigned v = (unsigned)getpid() * 2654435761u ^ (unsigned)clock() ^ (unsigned)time(NULL);
    for (int i = 0; i < 8; i++) {
        v = v * 1103515245u + 12345u;
        rnd[i] = alphabet[(v >> 16) % 36];
    }
    rnd[8] = 0;
    return xasprintf("%s/.tmp-%ld-%s-%s", store_dir, (long)getpid(), rnd, what);
}

/* Moves a finished temporary object into place; if another process got there first the
 * temporary copy is dropped (both have the same content by construction). */
static int publish(const char *tmp, const char *final, char **err) {
    if (rename(tmp, final) == 0) return 0;
    int e = errno;
    struct stat st;
    if ((e == EEXIST || e == ENOTEMPTY) && lstat(final, &st) == 0) {
        store_rm_rf(tmp, NULL);
        return 0;
    }
    store_rm_rf(tmp, NULL);
    return fail(err, "cannot move '%s' into the store: %s", final, strerror(e));
}

static bool under_store(const char *store_dir, const char *path) {
    size_t n = strlen(store_dir);
    return strncmp(path, store_dir, n) == 0 && path[n] == '/' && path[n + 1];
}

char *gen_import_path(const char *store_dir, const char *src, const char *name, int executable,
                      char **err) {
    struct stat st;
    if (stat(src, &st) != 0) return fail_null(err, "cannot read '%s': %s", src, strerror(errno));
    if (under_store(store_dir, src) &&
        (executable < 0 || !S_ISREG(st.st_mode) || ((st.st_mode & 0100) != 0) == executable))
        return strdup(src);
    struct hash_ctx *h = hash_ctx_new(HASH_SHA256);
    if (!h) return fail_null(err, "out of memory");
    hash_ctx_update(h, "hearth-tree-v1", 15);
    if (hash_tree(h, src, S_ISREG(st.st_mode) ? executable : -1, true, err) != 0) {
        hash_ctx_finish(h);
        return NULL;
    }
    struct hash digest = hash_ctx_finish(h);
    char *path = store_make_path(store_dir, "source", &digest, name);
    if (!path) return fail_null(err, "invalid store path name '%s'", name);
    struct stat pst;
    if (lstat(path, &pst) == 0) return path;
    char *tmp = tmp_name(store_dir, name);
    if (!tmp || copy_tree(src, tmp, S_ISREG(st.st_mode) ? executable : -1, true, err) != 0 ||
        publish(tmp, path, err) != 0) {
        if (tmp) store_rm_rf(tmp, NULL);
        free(tmp);
        free(path);
        return NULL;
    }
    free(tmp);
    return path;
}

char *gen_import_text(const char *store_dir, const char *text, size_t len, const char *name,
                      bool executable, char **err) {
    struct hash_ctx *h = hash_ctx_new(HASH_SHA256);
    if (!h) return fail_null(err, "out of memory");
    if (!executable) {
        /* builtins.toFile's own path, so that the object linked is the `source` the modules
         * show (`hearth option home.file`), which evaluation may already have written. */
        hash_ctx_update(h, text, len);
    } else {
        hash_ctx_update(h, "hearth-tree-v1", 15);
        hash_ctx_update(h, "fx", 2);
        put_u64(h, len);
        hash_ctx_update(h, text, len);
    }
    struct hash digest = hash_ctx_finish(h);
    char *path = executable ? store_make_path(store_dir, "source", &digest, name)
                            : store_make_text_path(store_dir, &digest, NULL, 0, name);
    if (!path) return fail_null(err, "invalid store path name '%s'", name);
    struct stat st;
    if (lstat(path, &st) == 0) return path;
    char *tmp = tmp_name(store_dir, name);
    int fd = tmp ? open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600) : -1;
    if (fd < 0 || (len && write(fd, text, len) != (ssize_t)len) ||
        fchmod(fd, executable ? 0555 : 0444) != 0) {
        int e = errno;
        if (fd >= 0) close(fd);
        if (tmp) unlink(tmp);
        free(tmp);
        free(path);
        return fail_null(err, "cannot write into the store '%s': %s", store_dir, strerror(e));
    }
    close(fd);
    if (publish(tmp, path, err) != 0) {
        free(tmp);
        free(path);
        return NULL;
    }
    free(tmp);
    return path;
}

/* ---- the spec ---- */

struct builder {
    const char *store_dir;
    const char *spec_path;
    struct gen_file *files;
    size_t nfiles, capfiles;
    struct gen_link *links;
    size_t nlinks, caplinks;
    char **refs;
    size_t nrefs, caprefs;
    char *err;
};

static int add_ref(struct builder *b, const char *path) {
    size_t n = strlen(b->store_dir);
    if (!under_store(b->store_dir, path)) return 0;
    const char *end = strchr(path + n + 1, '/');
    size_t len = end ? (size_t)(end - path) : strlen(path);
    if (b->nrefs == b->caprefs) {
        b->caprefs = b->caprefs ? b->caprefs * 2 : 64;
        char **nr = realloc(b->refs, b->caprefs * sizeof *nr);
        if (!nr) return fail(&b->err, "out of memory");
        b->refs = nr;
    }
    b->refs[b->nrefs] = strndup(path, len);
    return b->refs[b->nrefs++] ? 0 : fail(&b->err, "out of memory");
}

static int add_link(struct builder *b, char *target, char *source, size_t file) {
    if (b->nlinks == b->caplinks) {
        b->caplinks = b->caplinks ? b->caplinks * 2 : 64;
        struct gen_link *nl = realloc(b->links, b->caplinks * sizeof *nl);
        if (!nl) return fail(&b->err, "out of memory");
        b->links = nl;
    }
    if (strpbrk(target, "\t\n") || strpbrk(source, "\t\n")) {
        int rc =
            fail(&b->err, "%s: file name '%s' holds a tab or newline, which hearth cannot link",
                 b->spec_path, target);
        free(target);
        free(source);
        return rc;
    }
    b->links[b->nlinks++] = (struct gen_link){target, source, b->files[file].force, file};
    return add_ref(b, source);
}

static const char *jstr(json_object *o, const char *key) {
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null))
        return NULL;
    return json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

static int jbool(json_object *o, const char *key, int dflt) {
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null))
        return dflt;
    return json_object_get_boolean(v) ? 1 : 0;
}

/* Links every non-directory inside the imported directory `obj`, file by file. */
static int expand_recursive(struct builder *b, const char *obj, const char *rel, const char *target,
                            bool ignorelinks, size_t file) {
    char *dir = rel[0] ? xasprintf("%s/%s", obj, rel) : strdup(obj);
    size_t n = 0;
    char **names = dir ? list_dir(dir, &n) : NULL;
    if (!names) {
        free(dir);
        return fail(&b->err, "cannot read directory '%s'", obj);
    }
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *sub = rel[0] ? xasprintf("%s/%s", rel, names[i]) : strdup(names[i]);
        char *src = xasprintf("%s/%s", dir, names[i]);
        struct stat st;
        if (!sub || !src || lstat(src, &st) != 0) {
            rc = fail(&b->err, "cannot read '%s'", src ? src : obj);
        } else if (S_ISDIR(st.st_mode)) {
            rc = expand_recursive(b, obj, sub, target, ignorelinks, file);
        } else {
            if (S_ISLNK(st.st_mode) && !ignorelinks) {
                /* As lndir does by default: a link in the source is reproduced, not linked
                 * to, when it points into the store (else it would not be ours to clean). */
                char buf[PATH_MAX];
                ssize_t k = readlink(src, buf, sizeof buf - 1);
                if (k > 0) {
                    buf[k] = 0;
                    if (under_store(b->store_dir, buf)) {
                        free(src);
                        src = strdup(buf);
                    }
                }
            }
            char *t = xasprintf("%s/%s", target, sub);
            if (!t || !src)
                rc = fail(&b->err, "out of memory");
            else {
                rc = add_link(b, t, src, file);
                src = NULL;
            }
        }
        free(sub);
        free(src);
    }
    free_list(names, n);
    free(dir);
    return rc;
}

static int cmp_link(const void *a, const void *b) {
    return gen_path_cmp(((const struct gen_link *)a)->target, ((const struct gen_link *)b)->target);
}

static int add_file(struct builder *b, const char *key, json_object *o) {
    if (!json_object_is_type(o, json_type_object))
        return fail(&b->err, "%s: files entry '%s' is not an object", b->spec_path,
                    key ? key : "?");
    if (!jbool(o, "enable", 1)) return 0;
    const char *t = jstr(o, "target");
    if (!t) t = key;
    if (!t) return fail(&b->err, "%s: a files entry has no target", b->spec_path);
    char *target = strdup(t);
    if (!target || !gen_normalise_target(target)) {
        free(target);
        return fail(&b->err, "%s: file target '%s' must be a path inside HOME", b->spec_path, t);
    }
    const char *text = jstr(o, "text");
    const char *source = jstr(o, "source");
    int exec = -1;
    json_object *xv;
    if (json_object_object_get_ex(o, "executable", &xv) && !json_object_is_type(xv, json_type_null))
        exec = json_object_get_boolean(xv) ? 1 : 0;
    struct gen_file f = {.target = target,
                         .recursive = jbool(o, "recursive", 0),
                         .force = jbool(o, "force", 0),
                         .ignorelinks = jbool(o, "ignorelinks", 0),
                         .executable = exec};
    const char *oc = jstr(o, "onChange");
    if (oc && oc[0]) f.on_change = strdup(oc);
    /* The modules give the name (`storeName`: storeFileName of the attribute's or the
     * source's base name, as Home Manager names them); else from the source or the target. */
    const char *sname = jstr(o, "storeName");
    const char *from = !text && source ? source : target;
    const char *base = strrchr(from, '/');
    base = base ? base + 1 : from;
    char name[256];
    if (sname && strlen(sname) < sizeof name)
        memcpy(name, sname, strlen(sname) + 1);
    else
        gen_store_name(base, name, sizeof name);
    if (text) {
        json_object *tv;
        json_object_object_get_ex(o, "text", &tv);
        f.source = gen_import_text(b->store_dir, text, (size_t)json_object_get_string_len(tv), name,
                                   exec == 1, &b->err);
    } else if (source) {
        f.source = gen_import_path(b->store_dir, source, name, exec, &b->err);
    } else {
        free(target);
        free(f.on_change);
        return fail(&b->err, "%s: file '%s' has neither source nor text", b->spec_path, t);
    }
    if (!f.source) {
        free(target);
        free(f.on_change);
        return -1;
    }
    if (b->nfiles == b->capfiles) {
        b->capfiles = b->capfiles ? b->capfiles * 2 : 32;
        struct gen_file *nf = realloc(b->files, b->capfiles * sizeof *nf);
        if (!nf) return fail(&b->err, "out of memory");
        b->files = nf;
    }
    size_t idx = b->nfiles;
    b->files[b->nfiles++] = f;
    struct stat st;
    if (f.recursive && stat(f.source, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (add_ref(b, f.source) != 0) return -1;
        return expand_recursive(b, f.source, "", f.target, f.ignorelinks, idx);
    }
    char *lt = strdup(f.target), *ls = strdup(f.source);
    if (!lt || !ls) return fail(&b->err, "out of memory");
    return add_link(b, lt, ls, idx);
}

/* home-path: the union of the packages, as buildEnv makes it: a directory both packages have
 * becomes a real directory holding links to each side's entries. */
static int merge_into(const char *dst, const char *src, char **err) {
    size_t n = 0;
    char **names = list_dir(src, &n);
    if (!names) return fail(err, "cannot read package directory '%s'", src);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *s = xasprintf("%s/%s", src, names[i]), *d = xasprintf("%s/%s", dst, names[i]);
        struct stat dst_st, src_st;
        if (!s || !d)
            rc = fail(err, "out of memory");
        else if (lstat(d, &dst_st) != 0) {
            if (symlink(s, d) != 0) rc = fail(err, "cannot create '%s': %s", d, strerror(errno));
        } else if (stat(s, &src_st) == 0 && S_ISDIR(src_st.st_mode)) {
            if (S_ISLNK(dst_st.st_mode)) {
                char old[PATH_MAX];
                ssize_t k = readlink(d, old, sizeof old - 1);
                struct stat ost;
                if (k > 0 && (old[k] = 0, stat(old, &ost) == 0) && S_ISDIR(ost.st_mode)) {
                    unlink(d);
                    if (mkdir(d, 0755) != 0 || merge_into(d, old, err) != 0) rc = -1;
                } else
                    rc = fail(err, "collision between '%s' and '%s' in home-path", old, s);
            } else if (!S_ISDIR(dst_st.st_mode))
                rc = fail(err, "collision at '%s' in home-path", d);
            if (rc == 0) rc = merge_into(d, s, err);
        } else
            rc = fail(err, "collision between packages at '%s' (from '%s')", d, s);
        free(s);
        free(d);
    }
    free_list(names, n);
    return rc;
}

/* Makes `d` a real directory of home-path: a link there into one package's tree (the only
 * package with that directory) becomes a directory of links to that tree's entries, so that
 * writing below `d` never writes into the package's store object. */
static int ensure_real_dir(const char *d, char **err) {
    struct stat st;
    if (lstat(d, &st) != 0) return mkdir(d, 0755) == 0 ? 0 : fail(err, "cannot create '%s'", d);
    if (S_ISDIR(st.st_mode)) return 0;
    char old[PATH_MAX];
    ssize_t k = S_ISLNK(st.st_mode) ? readlink(d, old, sizeof old - 1) : -1;
    struct stat ost;
    if (k <= 0 || (old[k] = 0, stat(old, &ost) != 0) || !S_ISDIR(ost.st_mode))
        return fail(err, "a package provides '%s', which is not a directory", d);
    if (unlink(d) != 0 || mkdir(d, 0755) != 0) return fail(err, "cannot create '%s'", d);
    return merge_into(d, old, err);
}

static int make_readonly(const char *path) {
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode)) return 0;
    size_t n = 0;
    char **names = list_dir(path, &n);
    for (size_t i = 0; names && i < n; i++) {
        char *s = xasprintf("%s/%s", path, names[i]);
        if (s) make_readonly(s);
        free(s);
    }
    free_list(names, n);
    return chmod(path, 0555);
}

static int write_text(const char *path, const char *text, size_t len, char **err) {
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0444);
    if (fd < 0) return fail(err, "cannot create '%s': %s", path, strerror(errno));
    ssize_t w = len ? write(fd, text, len) : 0;
    close(fd);
    if (w != (ssize_t)len) return fail(err, "cannot write '%s'", path);
    return 0;
}

static int build_home_files(const char *dir, const struct gen_link *links, size_t n, char **err) {
    if (mkdir(dir, 0755) != 0) return fail(err, "cannot create '%s': %s", dir, strerror(errno));
    for (size_t i = 0; i < n; i++) {
        char *p = xasprintf("%s/%s", dir, links[i].target);
        if (!p) return fail(err, "out of memory");
        char *slash = strrchr(p, '/');
        *slash = 0;
        if (hearth_mkdir_p(p, 0755) != 0) {
            int rc = fail(err, "cannot create '%s': %s", p, strerror(errno));
            free(p);
            return rc;
        }
        *slash = '/';
        if (symlink(links[i].source, p) != 0) {
            int e = errno;
            free(p);
            return fail(err, "cannot create link in home-files: %s", strerror(e));
        }
        free(p);
    }
    return 0;
}

static void builder_free(struct builder *b) {
    for (size_t i = 0; i < b->nfiles; i++) {
        free(b->files[i].target);
        free(b->files[i].source);
        free(b->files[i].on_change);
    }
    free(b->files);
    for (size_t i = 0; i < b->nlinks; i++) {
        free(b->links[i].target);
        free(b->links[i].source);
    }
    free(b->links);
    free_list(b->refs, b->nrefs);
}

static json_object *manifest_json(struct builder *b, json_object *activation) {
    json_object *root = json_object_new_object();
    json_object_object_add(root, "version", json_object_new_int(1));
    json_object *files = json_object_new_array();
    /* Links are grouped under their file, in path order within it. */
    json_object **link_arrays = calloc(b->nfiles ? b->nfiles : 1, sizeof *link_arrays);
    for (size_t i = 0; i < b->nfiles; i++) {
        struct gen_file *f = &b->files[i];
        json_object *o = json_object_new_object();
        json_object_object_add(o, "target", json_object_new_string(f->target));
        json_object_object_add(o, "source", json_object_new_string(f->source));
        json_object_object_add(o, "recursive", json_object_new_boolean(f->recursive));
        json_object_object_add(o, "force", json_object_new_boolean(f->force));
        json_object_object_add(o, "ignorelinks", json_object_new_boolean(f->ignorelinks));
        json_object_object_add(o, "executable",
                               f->executable < 0 ? NULL : json_object_new_boolean(f->executable));
        json_object_object_add(o, "onChange",
                               f->on_change ? json_object_new_string(f->on_change) : NULL);
        link_arrays[i] = json_object_new_array();
        json_object_object_add(o, "links", link_arrays[i]);
        json_object_array_add(files, o);
    }
    for (size_t i = 0; i < b->nlinks; i++) {
        json_object *pair = json_object_new_array();
        json_object_array_add(pair, json_object_new_string(b->links[i].target));
        json_object_array_add(pair, json_object_new_string(b->links[i].source));
        json_object_array_add(link_arrays[b->links[i].file], pair);
    }
    free(link_arrays);
    json_object_object_add(root, "files", files);
    json_object_object_add(root, "activation",
                           activation ? json_object_get(activation) : json_object_new_array());
    return root;
}

/* The engine's half of the manifest: hooks and snippets. */
static char *activation_json(struct builder *b, json_object *activation) {
    json_object *root = json_object_new_object();
    json_object_object_add(root, "version", json_object_new_int(1));
    json_object *hooks = json_object_new_array();
    for (size_t i = 0; i < b->nfiles; i++) {
        struct gen_file *f = &b->files[i];
        if (!f->on_change) continue;
        json_object *o = json_object_new_object();
        json_object_object_add(o, "target", json_object_new_string(f->target));
        json_object_object_add(o, "source", json_object_new_string(f->source));
        json_object_object_add(o, "onChange", json_object_new_string(f->on_change));
        json_object_array_add(hooks, o);
    }
    json_object_object_add(root, "onChange", hooks);
    json_object_object_add(root, "activation",
                           activation ? json_object_get(activation) : json_object_new_array());
    char *text = strdup(json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN |
                                                                 JSON_C_TO_STRING_NOSLASHESCAPE));
    json_object_put(root);
    return text;
}

static char *links_file(struct builder *b) {
    size_t len = 1;
    for (size_t i = 0; i < b->nlinks; i++)
        len += strlen(b->links[i].target) + strlen(b->links[i].source) + 4;
    char *text = malloc(len), *w = text;
    if (!text) return NULL;
    for (size_t i = 0; i < b->nlinks; i++) {
        *w++ = b->links[i].force ? 'f' : '-';
        *w++ = '\t';
        w = stpcpy(w, b->links[i].target);
        *w++ = '\t';
        w = stpcpy(w, b->links[i].source);
        *w++ = '\n';
    }
    *w = 0;
    return text;
}

char *gen_build(const char *store_dir, const char *spec_path, char **err) {
    json_object *spec = json_object_from_file(spec_path);
    if (!spec)
        return fail_null(err, "%s: cannot read the generation spec: %s", spec_path,
                         json_util_get_last_err() ? json_util_get_last_err() : "invalid JSON");
    struct builder b = {.store_dir = store_dir, .spec_path = spec_path};
    char *result = NULL, *manifest_text = NULL, *units = NULL, *tmp = NULL;
    char *activation_text = NULL, *links_text = NULL;
    json_object *manifest = NULL;
    json_object *files, *activation = NULL, *packages = NULL, *agents = NULL;
    if (!json_object_is_type(spec, json_type_object)) {
        fail(&b.err, "%s: the generation spec must be a JSON object", spec_path);
        goto out;
    }
    if (json_object_object_get_ex(spec, "files", &files)) {
        if (json_object_is_type(files, json_type_array)) {
            for (size_t i = 0; i < json_object_array_length(files); i++)
                if (add_file(&b, NULL, json_object_array_get_idx(files, i)) != 0) goto out;
        } else if (json_object_is_type(files, json_type_object)) {
            json_object_object_foreach(files, key, val) {
                if (add_file(&b, key, val) != 0) goto out;
            }
        } else if (!json_object_is_type(files, json_type_null)) {
            fail(&b.err, "%s: \"files\" must be a list or an attribute set", spec_path);
            goto out;
        }
    }
    if (b.nlinks) qsort(b.links, b.nlinks, sizeof *b.links, cmp_link);
    for (size_t i = 0; i + 1 < b.nlinks; i++) {
        const char *x = b.links[i].target, *y = b.links[i + 1].target;
        size_t n = strlen(x);
        if (strcmp(x, y) == 0) {
            fail(&b.err, "Conflicting managed target files: %s", x);
            goto out;
        }
        if (strncmp(x, y, n) == 0 && y[n] == '/') {
            fail(&b.err, "Conflicting managed target files: '%s' is a file and '%s' is inside it",
                 x, y);
            goto out;
        }
    }
    if (json_object_object_get_ex(spec, "activation", &activation) &&
        !json_object_is_type(activation, json_type_null)) {
        if (!json_object_is_type(activation, json_type_array)) {
            fail(&b.err, "%s: \"activation\" must be a list of {name, data} in DAG order",
                 spec_path);
            goto out;
        }
        for (size_t i = 0; i < json_object_array_length(activation); i++) {
            json_object *s = json_object_array_get_idx(activation, i);
            if (!json_object_is_type(s, json_type_object) || !jstr(s, "name")) {
                fail(&b.err, "%s: activation entry %zu needs a \"name\" and \"data\"", spec_path,
                     i);
                goto out;
            }
        }
    } else
        activation = NULL;
    const char *vars = jstr(spec, "sessionVariables");
    if (!vars) vars = "";
    const char *units_dir = jstr(spec, "unitsDir");
    /* Where the units are inside home-files ($XDG_CONFIG_HOME/systemd/user relative to HOME):
     * GEN/units leads there, so that the switch finds them whatever xdg.configHome is. */
    const char *units_path = units_dir ? NULL : jstr(spec, "unitsPath");
    if (units_path &&
        (units_path[0] == '/' || units_path[0] == '\0' || strcmp(units_path, "..") == 0 ||
         strncmp(units_path, "../", 3) == 0 || strstr(units_path, "/../") ||
         (strlen(units_path) >= 3 && strcmp(units_path + strlen(units_path) - 3, "/..") == 0))) {
        fail(&b.err, "%s: \"unitsPath\" must be a path inside home-files: '%s'", spec_path,
             units_path);
        goto out;
    }
    if (units_dir) {
        units = gen_import_path(store_dir, units_dir, "home-manager-units", -1, &b.err);
        if (!units || add_ref(&b, units) != 0) goto out;
    }
    if (json_object_object_get_ex(spec, "packages", &packages) &&
        json_object_is_type(packages, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(packages); i++) {
            const char *pk = json_object_get_string(json_object_array_get_idx(packages, i));
            if (!pk || pk[0] != '/') {
                fail(&b.err, "%s: package %zu is not an absolute path", spec_path, i);
                goto out;
            }
            if (add_ref(&b, pk) != 0) goto out;
        }
    } else
        packages = NULL;
    if (json_object_object_get_ex(spec, "launchAgents", &agents) &&
        !json_object_is_type(agents, json_type_null)) {
        if (!json_object_is_type(agents, json_type_object)) {
            fail(&b.err, "%s: \"launchAgents\" must be an attribute set of plist texts", spec_path);
            goto out;
        }
        json_object_object_foreach(agents, name, text) {
            size_t n = strlen(name);
            if (n <= 6 || strcmp(name + n - 6, ".plist") != 0 || strchr(name, '/') ||
                name[0] == '.' || !json_object_is_type(text, json_type_string)) {
                fail(&b.err, "%s: launch agent '%s' must be LABEL.plist with the plist's text",
                     spec_path, name);
                goto out;
            }
        }
    } else
        agents = NULL;

    manifest = manifest_json(&b, activation);
    manifest_text = strdup(json_object_to_json_string_ext(
        manifest, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
    if (!manifest_text) goto oom;
    activation_text = activation_json(&b, activation);
    links_text = links_file(&b);
    if (!activation_text || !links_text) goto oom;
    struct hash_ctx *h = hash_ctx_new(HASH_SHA256);
    hash_ctx_update(h, "hearth-generation-v1", 21);
    hash_ctx_update(h, manifest_text, strlen(manifest_text) + 1);
    hash_ctx_update(h, vars, strlen(vars) + 1);
    hash_ctx_update(h, units ? units : "", units ? strlen(units) + 1 : 1);
    if (units_path) {
        hash_ctx_update(h, "unitsPath", 10);
        hash_ctx_update(h, units_path, strlen(units_path) + 1);
    }
    for (size_t i = 0; packages && i < json_object_array_length(packages); i++) {
        const char *pk = json_object_get_string(json_object_array_get_idx(packages, i));
        hash_ctx_update(h, pk, strlen(pk) + 1);
    }
    /* Only a generation with agents hashes them, so every other keeps its path. */
    if (agents) {
        hash_ctx_update(h, "launchAgents", 13);
        json_object_object_foreach(agents, name, text) {
            hash_ctx_update(h, name, strlen(name) + 1);
            hash_ctx_update(h, json_object_get_string(text),
                            (size_t)json_object_get_string_len(text) + 1);
        }
    }
    struct hash digest = hash_ctx_finish(h);
    result = store_make_path(store_dir, "source", &digest, GEN_NAME);
    if (!result) goto oom;
    struct stat st;
    if (lstat(result, &st) == 0) goto out;

    tmp = tmp_name(store_dir, GEN_NAME);
    if (!tmp || mkdir(tmp, 0755) != 0) {
        fail(&b.err, "cannot create a directory in the store '%s': %s", store_dir, strerror(errno));
        goto fail_built;
    }
    char *p = xasprintf("%s/home-files", tmp);
    int rc = p ? build_home_files(p, b.links, b.nlinks, &b.err) : -1;
    free(p);
    if (rc != 0) goto fail_built;
    p = xasprintf("%s/" GEN_MANIFEST, tmp);
    rc = p ? write_text(p, manifest_text, strlen(manifest_text), &b.err) : -1;
    free(p);
    if (rc != 0) goto fail_built;
    p = xasprintf("%s/" GEN_LINKS, tmp);
    rc = p ? write_text(p, links_text, strlen(links_text), &b.err) : -1;
    free(p);
    if (rc != 0) goto fail_built;
    p = xasprintf("%s/" GEN_ACTIVATION, tmp);
    rc = p ? write_text(p, activation_text, strlen(activation_text), &b.err) : -1;
    free(p);
    if (rc != 0) goto fail_built;
    p = xasprintf("%s/hm-session-vars.sh", tmp);
    rc = p ? write_text(p, vars, strlen(vars), &b.err) : -1;
    free(p);
    if (rc != 0) goto fail_built;
    if (units) {
        p = xasprintf("%s/units", tmp);
        rc = p && symlink(units, p) == 0 ? 0 : fail(&b.err, "cannot link units");
        free(p);
        if (rc != 0) goto fail_built;
    } else if (units_path) {
        /* Relative, so it stays inside the generation; dangling when there are no units. */
        p = xasprintf("%s/units", tmp);
        char *to = xasprintf("home-files/%s", units_path);
        rc = p && to && symlink(to, p) == 0 ? 0 : fail(&b.err, "cannot link units");
        free(p);
        free(to);
        if (rc != 0) goto fail_built;
    }
    if (agents) {
        p = xasprintf("%s/" GEN_LAUNCH_AGENTS, tmp);
        rc = p && mkdir(p, 0755) == 0 ? 0 : fail(&b.err, "cannot create " GEN_LAUNCH_AGENTS);
        json_object_object_foreach(agents, name, text) {
            if (rc != 0) break;
            char *f = p ? xasprintf("%s/%s", p, name) : NULL;
            rc = f ? write_text(f, json_object_get_string(text),
                                (size_t)json_object_get_string_len(text), &b.err)
                   : -1;
            free(f);
        }
        free(p);
        if (rc != 0) goto fail_built;
    }
    p = xasprintf("%s/home-path", tmp);
    rc = p && mkdir(p, 0755) == 0 ? 0 : fail(&b.err, "cannot create home-path");
    for (size_t i = 0; rc == 0 && packages && i < json_object_array_length(packages); i++)
        rc = merge_into(p, json_object_get_string(json_object_array_get_idx(packages, i)), &b.err);
    if (rc == 0) {
        char *etc = xasprintf("%s/etc", p);
        char *pd = xasprintf("%s/etc/profile.d", p);
        struct stat pst;
        char *vf = pd ? xasprintf("%s/hm-session-vars.sh", pd) : NULL;
        if (!etc || !pd || !vf)
            rc = -1;
        else if (ensure_real_dir(etc, &b.err) != 0 || ensure_real_dir(pd, &b.err) != 0)
            rc = -1;
        else if (lstat(vf, &pst) == 0)
            rc = fail(&b.err, "a package provides etc/profile.d/hm-session-vars.sh");
        else if (write_text(vf, vars, strlen(vars), &b.err))
            rc = fail(&b.err, "cannot create home-path/etc/profile.d");
        free(etc);
        free(pd);
        free(vf);
    }
    free(p);
    if (rc != 0) goto fail_built;
    /* references: sorted, unique; what gc keeps alive with this generation. */
    if (b.nrefs) qsort(b.refs, b.nrefs, sizeof *b.refs, name_cmp);
    size_t len = 0;
    for (size_t i = 0; i < b.nrefs; i++)
        len += strlen(b.refs[i]) + 1;
    char *refs = malloc(len + 1), *w = refs;
    if (!refs) goto oom;
    for (size_t i = 0; i < b.nrefs; i++) {
        if (i && strcmp(b.refs[i], b.refs[i - 1]) == 0) continue;
        w = stpcpy(w, b.refs[i]);
        *w++ = '\n';
    }
    p = xasprintf("%s/references", tmp);
    rc = p ? write_text(p, refs, (size_t)(w - refs), &b.err) : -1;
    free(p);
    free(refs);
    if (rc != 0) goto fail_built;
    make_readonly(tmp);
    if (publish(tmp, result, &b.err) != 0) goto fail_built;
    goto out;
oom:
    fail(&b.err, "out of memory");
fail_built:
    if (tmp) store_rm_rf(tmp, NULL);
    free(result);
    result = NULL;
out:
    if (!result && err)
        *err = b.err ? b.err : strdup("cannot build the generation");
    else
        free(b.err);
    if (manifest) json_object_put(manifest);
    json_object_put(spec);
    free(manifest_text);
    free(activation_text);
    free(links_text);
    free(units);
    free(tmp);
    builder_free(&b);
    return result;
}

/* ---- reading a manifest ---- */

static int cmp_link_ptr(const void *a, const void *b) {
    return cmp_link(a, b);
}

static char *read_all(const char *path, size_t *len) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    struct stat st;
    char *buf = NULL;
    if (fstat(fd, &st) == 0 && (buf = malloc((size_t)st.st_size + 1))) {
        size_t off = 0;
        ssize_t r;
        while (off < (size_t)st.st_size && (r = read(fd, buf + off, (size_t)st.st_size - off)) > 0)
            off += (size_t)r;
        buf[off] = 0;
        *len = off;
    }
    close(fd);
    return buf;
}

int gen_manifest_load(const char *gen_path, struct gen_manifest *m, char **err) {
    memset(m, 0, sizeof *m);
    m->path = strdup(gen_path);
    char *lp = xasprintf("%s/" GEN_LINKS, gen_path);
    size_t len = 0;
    m->buf = lp ? read_all(lp, &len) : NULL;
    free(lp);
    if (!m->path || !m->buf) {
        gen_manifest_free(m);
        return fail(err, "'%s' is not a hearth generation (cannot read its %s)", gen_path,
                    GEN_LINKS);
    }
    size_t lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += m->buf[i] == '\n';
    m->links = calloc(lines ? lines : 1, sizeof *m->links);
    if (!m->links) goto oom;
    /* Parsed in place: the strings stay in m->buf. */
    for (char *p = m->buf, *end = m->buf + len; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) break;
        *nl = 0;
        char *t1 = strchr(p, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (t1 && t2) {
            *t1 = *t2 = 0;
            m->links[m->nlinks++] = (struct gen_link){t1 + 1, t2 + 1, p[0] == 'f', 0};
        }
        p = nl + 1;
    }
    bool sorted = true;
    for (size_t i = 0; i + 1 < m->nlinks && sorted; i++)
        sorted = gen_path_cmp(m->links[i].target, m->links[i + 1].target) < 0;
    if (!sorted) qsort(m->links, m->nlinks, sizeof *m->links, cmp_link_ptr);

    char *ap = xasprintf("%s/" GEN_ACTIVATION, gen_path);
    json_object *root = ap ? json_object_from_file(ap) : NULL;
    free(ap);
    if (!root) {
        gen_manifest_free(m);
        return fail(err, "'%s' is not a hearth generation (cannot read its %s)", gen_path,
                    GEN_ACTIVATION);
    }
    json_object *hooks = NULL, *act = NULL;
    if (json_object_object_get_ex(root, "onChange", &hooks) &&
        json_object_is_type(hooks, json_type_array)) {
        m->nfiles = json_object_array_length(hooks);
        m->files = calloc(m->nfiles ? m->nfiles : 1, sizeof *m->files);
        if (!m->files) goto oom_json;
        for (size_t i = 0; i < m->nfiles; i++) {
            json_object *o = json_object_array_get_idx(hooks, i);
            const char *t = jstr(o, "target"), *s = jstr(o, "source"), *oc = jstr(o, "onChange");
            m->files[i] = (struct gen_file){.target = strdup(t ? t : ""),
                                            .source = strdup(s ? s : ""),
                                            .on_change = strdup(oc ? oc : ""),
                                            .executable = -1};
        }
    }
    if (json_object_object_get_ex(root, "activation", &act) &&
        json_object_is_type(act, json_type_array)) {
        m->nsnippets = json_object_array_length(act);
        m->snippets = calloc(m->nsnippets ? m->nsnippets : 1, sizeof *m->snippets);
        if (!m->snippets) goto oom_json;
        for (size_t i = 0; i < m->nsnippets; i++) {
            json_object *o = json_object_array_get_idx(act, i);
            const char *n = jstr(o, "name"), *d = jstr(o, "data");
            m->snippets[i].name = strdup(n ? n : "");
            m->snippets[i].data = strdup(d ? d : "");
        }
    }
    json_object_put(root);
    return 0;
oom_json:
    json_object_put(root);
oom:
    gen_manifest_free(m);
    return fail(err, "out of memory");
}

void gen_manifest_free(struct gen_manifest *m) {
    for (size_t i = 0; i < m->nfiles; i++) {
        free(m->files[i].target);
        free(m->files[i].source);
        free(m->files[i].on_change);
    }
    for (size_t i = 0; i < m->nsnippets; i++) {
        free(m->snippets[i].name);
        free(m->snippets[i].data);
    }
    free(m->files);
    free(m->links);
    free(m->buf);
    free(m->snippets);
    free(m->path);
    memset(m, 0, sizeof *m);
}

const struct gen_link *gen_manifest_find(const struct gen_manifest *m, const char *target) {
    size_t lo = 0, hi = m->nlinks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = gen_path_cmp(m->links[mid].target, target);
        if (c == 0) return &m->links[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
