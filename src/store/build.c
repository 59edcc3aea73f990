/* src/store/build.c: see build.h. */
#include "store/build.h"

#include "store/derivation.h"
#include "store/gc.h"
#include "store/hash.h"
#include "store/profile.h"
#include "store/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char BASE32[] = "0123456789abcdfghijklmnpqrsvwxyz";
#define HASH_CHARS 32

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...) {
    char *s = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0) s = NULL;
    va_end(ap);
    return s;
}

static int fail(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(char **err, const char *fmt, ...) {
    if (err && !*err) {
        va_list ap;
        va_start(ap, fmt);
        if (vasprintf(err, fmt, ap) < 0) *err = NULL;
        va_end(ap);
    }
    return -1;
}

/* Every occurrence of `from` in `s` replaced by `to` (malloc'd). */
static char *replace_all(const char *s, const char *from, const char *to) {
    size_t fl = strlen(from), tl = strlen(to), n = 0;
    for (const char *p = s; fl && (p = strstr(p, from)); p += fl)
        n++;
    char *out = malloc(strlen(s) + n * tl + 1);
    if (!out) return NULL;
    char *w = out;
    for (const char *p = s;;) {
        const char *q = fl ? strstr(p, from) : NULL;
        if (!q) {
            strcpy(w, p);
            break;
        }
        memcpy(w, p, (size_t)(q - p));
        w += q - p;
        memcpy(w, to, tl);
        w += tl;
        p = q + fl;
    }
    return out;
}

static bool exists(const char *p) {
    struct stat st;
    return lstat(p, &st) == 0;
}

/* ---- one build ---- */

struct output_slot {
    const char *name;
    const char *final; /* STORE/HASH-NAME */
    char *temp;        /* STORE/RANDOM-NAME, same length */
    char final_hash[HASH_CHARS + 1], temp_hash[HASH_CHARS + 1];
    char *placeholder; /* "/" + base-32 of sha256("nix-output:NAME") */
};

struct job {
    const struct build_options *o;
    const char *drv_path;
    struct derivation *d;
    struct output_slot *outs;
    size_t nouts;
};

static const char *env_of(const struct job *j, const char *key) {
    const char *v = derivation_get_env(j->d, key);
    return v ? v : "";
}

static const char *out_path(const struct job *j, const char *name) {
    for (size_t i = 0; i < j->nouts; i++)
        if (!strcmp(j->outs[i].name, name)) return j->outs[i].temp;
    return NULL;
}

/* A random hash-shaped string that names no existing store object. */
static int make_temp_hash(char *out) {
    unsigned char r[HASH_CHARS];
    if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) {
        for (size_t i = 0; i < sizeof r; i++)
            r[i] = (unsigned char)(rand() ^ (int)time(NULL) ^ (int)getpid());
    }
    for (size_t i = 0; i < HASH_CHARS; i++)
        out[i] = BASE32[r[i] % 32];
    out[HASH_CHARS] = 0;
    return 0;
}

static char *placeholder_of(const char *output) {
    char *text = xasprintf("nix-output:%s", output);
    if (!text) return NULL;
    struct hash h = hash_buffer(HASH_SHA256, text, strlen(text));
    free(text);
    char *s = malloc(hash_base32_len(h.len) + 2);
    if (!s) return NULL;
    s[0] = '/';
    hash_to_base32(h.bytes, h.len, s + 1);
    return s;
}

/* The value the builder sees: output paths and placeholders become the temporary paths. */
static char *rewrite_for_build(const struct job *j, const char *v) {
    char *cur = strdup(v);
    for (size_t i = 0; cur && i < j->nouts; i++) {
        char *a = replace_all(cur, j->outs[i].final, j->outs[i].temp);
        free(cur);
        cur = a ? replace_all(a, j->outs[i].placeholder, j->outs[i].temp) : NULL;
        free(a);
    }
    return cur;
}

/* ---- after the build: hash rewriting, read-only, mtime 1 ---- */

static int rewrite_buf(const struct job *j, char *buf, size_t len) {
    int changed = 0;
    for (size_t i = 0; i < j->nouts; i++) {
        const char *from = j->outs[i].temp_hash;
        for (char *p = buf; (p = memmem(p, len - (size_t)(p - buf), from, HASH_CHARS));
             p += HASH_CHARS) {
            memcpy(p, j->outs[i].final_hash, HASH_CHARS);
            changed = 1;
        }
    }
    return changed;
}

static int finish_tree(const struct job *j, const char *path, char **err) {
    struct stat st;
    if (lstat(path, &st) != 0) return fail(err, "cannot read '%s': %s", path, strerror(errno));
    int rc = 0;
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0755);
        DIR *d = opendir(path);
        if (!d) return fail(err, "cannot read '%s': %s", path, strerror(errno));
        struct dirent *e;
        while (rc == 0 && (e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            char *sub = xasprintf("%s/%s", path, e->d_name);
            rc = sub ? finish_tree(j, sub, err) : fail(err, "out of memory");
            free(sub);
        }
        closedir(d);
        if (rc == 0 && chmod(path, 0555) != 0)
            rc = fail(err, "cannot make '%s' read-only: %s", path, strerror(errno));
    } else if (S_ISREG(st.st_mode)) {
        chmod(path, 0644);
        int fd = open(path, O_RDWR | O_CLOEXEC);
        if (fd < 0) return fail(err, "cannot open '%s': %s", path, strerror(errno));
        size_t len = (size_t)st.st_size;
        char *buf = len ? malloc(len) : NULL;
        if (len && (!buf || pread(fd, buf, len, 0) != (ssize_t)len))
            rc = fail(err, "cannot read '%s'", path);
        else if (len && rewrite_buf(j, buf, len) && pwrite(fd, buf, len, 0) != (ssize_t)len)
            rc = fail(err, "cannot rewrite '%s': %s", path, strerror(errno));
        free(buf);
        if (rc == 0 && fsync(fd) != 0) rc = fail(err, "cannot sync '%s'", path);
        close(fd);
        if (rc == 0 && chmod(path, (st.st_mode & 0100) ? 0555 : 0444) != 0)
            rc = fail(err, "cannot make '%s' read-only: %s", path, strerror(errno));
    } else if (S_ISLNK(st.st_mode)) {
        char target[PATH_MAX];
        ssize_t n = readlink(path, target, sizeof target - 1);
        if (n < 0) return fail(err, "cannot read link '%s'", path);
        target[n] = 0;
        if (rewrite_buf(j, target, (size_t)n) && (unlink(path) != 0 || symlink(target, path) != 0))
            return fail(err, "cannot rewrite link '%s': %s", path, strerror(errno));
    } else {
        return fail(err,
                    "the output '%s' holds a file of an unsupported type (not a file, "
                    "directory or link)",
                    path);
    }
    struct timespec t[2] = {{1, 0}, {1, 0}};
    utimensat(AT_FDCWD, path, t, AT_SYMLINK_NOFOLLOW);
    return rc;
}

/* ---- the builders hearth implements ---- */

static int mkdir_parents(const char *file) {
    char *dir = strdup(file);
    if (!dir) return -1;
    char *slash = strrchr(dir, '/');
    int rc = 0;
    if (slash && slash != dir) {
        *slash = 0;
        rc = hearth_mkdir_p(dir, 0755);
    }
    free(dir);
    return rc;
}

/* writeTextFile: `text` into $out, or $out/`destination`; `executable` = "1" sets the x bit. */
static int build_text(const struct job *j, char **err) {
    const char *out = out_path(j, "out");
    const char *dest = env_of(j, "destination");
    const char *text = env_of(j, "text");
    bool exe = !strcmp(env_of(j, "executable"), "1");
    char *file = dest[0] ? xasprintf("%s/%s", out, dest[0] == '/' ? dest + 1 : dest) : strdup(out);
    if (!file) return fail(err, "out of memory");
    int rc = 0;
    if (dest[0] && mkdir_parents(file) != 0)
        rc = fail(err, "cannot create the directories of '%s': %s", file, strerror(errno));
    int fd = rc == 0 ? open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exe ? 0755 : 0644) : -1;
    size_t len = strlen(text);
    if (rc == 0 && (fd < 0 || write(fd, text, len) != (ssize_t)len))
        rc = fail(err, "cannot write '%s': %s", file, strerror(errno));
    if (fd >= 0) close(fd);
    free(file);
    return rc;
}

/* Space-separated words of `s` (malloc'd array of malloc'd strings). */
static char **words(const char *s, size_t *n) {
    *n = 0;
    size_t cap = 8;
    char **w = malloc(cap * sizeof *w);
    for (const char *p = s; w && *p;) {
        while (*p == ' ' || *p == '\n' || *p == '\t')
            p++;
        if (!*p) break;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\n' && *p != '\t')
            p++;
        if (*n == cap) {
            char **nw = realloc(w, (cap *= 2) * sizeof *w);
            if (!nw) break;
            w = nw;
        }
        w[(*n)++] = strndup(start, (size_t)(p - start));
    }
    return w;
}

static void free_words(char **w, size_t n) {
    for (size_t i = 0; w && i < n; i++)
        free(w[i]);
    free(w);
}

static bool same_contents(const char *a, const char *b) {
    char *ra = realpath(a, NULL), *rb = realpath(b, NULL);
    bool same = ra && rb && !strcmp(ra, rb);
    free(ra);
    free(rb);
    if (same) return true;
    char *da = NULL, *db = NULL;
    size_t la = 0, lb = 0;
    char *e = NULL;
    if (store_read_file(a, &da, &la, &e) == 0 && store_read_file(b, &db, &lb, &e) == 0)
        same = la == lb && !memcmp(da, db, la);
    free(e);
    free(da);
    free(db);
    return same;
}

struct env_merge {
    const char *name; /* the buildEnv's name, for messages */
    bool join;        /* symlinkJoin: real directories everywhere, the first file wins */
    bool ignore_collisions;
    char **links; /* pathsToLink, without trailing slashes; "" is everything */
    size_t nlinks;
};

static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* 2: `rel` is inside a path to link; 1: it leads to one; 0: neither. */
static int link_scope(const struct env_merge *m, const char *rel) {
    int best = 0;
    size_t rl = strlen(rel);
    for (size_t i = 0; i < m->nlinks; i++) {
        const char *p = m->links[i];
        size_t pl = strlen(p);
        if (pl == 0 || (rl >= pl && !strncmp(rel, p, pl) && (rel[pl] == 0 || rel[pl] == '/')))
            return 2;
        if (pl > rl && !strncmp(p, rel, rl) && p[rl] == '/') best = 1;
    }
    return best;
}

static int merge_dir(const struct env_merge *m, const char *dst, const char *src, const char *rel,
                     char **err);

/* One entry `src` (named rel) into `dst`. */
static int merge_entry(const struct env_merge *m, const char *dst, const char *src, const char *rel,
                       char **err) {
    int scope = link_scope(m, rel);
    if (!scope) return 0;
    bool src_dir = is_dir(src);
    if (scope == 1 && !src_dir) return 0;
    struct stat dst_st;
    if (lstat(dst, &dst_st) != 0) {
        if (src_dir && (m->join || scope == 1)) {
            if (mkdir(dst, 0755) != 0)
                return fail(err, "cannot create '%s': %s", dst, strerror(errno));
            return merge_dir(m, dst, src, rel, err);
        }
        if (symlink(src, dst) != 0)
            return fail(err, "cannot create '%s': %s", dst, strerror(errno));
        return 0;
    }
    if (src_dir && is_dir(dst)) {
        if (S_ISLNK(dst_st.st_mode)) {
            /* A directory only one package had so far: make it real, holding that one's
             * entries, so the next package's entries can join them. */
            char old[PATH_MAX];
            ssize_t n = readlink(dst, old, sizeof old - 1);
            if (n < 0) return fail(err, "cannot read '%s'", dst);
            old[n] = 0;
            if (unlink(dst) != 0 || mkdir(dst, 0755) != 0)
                return fail(err, "cannot create '%s': %s", dst, strerror(errno));
            if (merge_dir(m, dst, old, rel, err) != 0) return -1;
        }
        return merge_dir(m, dst, src, rel, err);
    }
    char old[PATH_MAX];
    ssize_t n = S_ISLNK(dst_st.st_mode) ? readlink(dst, old, sizeof old - 1) : -1;
    if (n < 0) {
        snprintf(old, sizeof old, "%s", dst);
    } else
        old[n] = 0;
    if (m->join || m->ignore_collisions) return 0;
    if (!src_dir && !is_dir(dst) && same_contents(old, src)) return 0;
    return fail(err,
                "collision in '%s': '%s' and '%s' both provide '%s'; remove one of the two "
                "packages (or set ignoreCollisions)",
                m->name, old, src, rel);
}

static int merge_dir(const struct env_merge *m, const char *dst, const char *src, const char *rel,
                     char **err) {
    DIR *d = opendir(src);
    if (!d) return fail(err, "cannot read '%s': %s", src, strerror(errno));
    /* Entries in name order, so that the result and the first collision do not depend on
     * the order the file system lists them in. */
    size_t n = 0, cap = 16;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    while (names && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (n == cap) {
            char **nn = realloc(names, (cap *= 2) * sizeof *names);
            if (!nn) break;
            names = nn;
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (!names) return fail(err, "out of memory");
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && strcmp(names[k - 1], names[k]) > 0; k--) {
            char *t = names[k];
            names[k] = names[k - 1];
            names[k - 1] = t;
        }
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *s = xasprintf("%s/%s", src, names[i]), *t = xasprintf("%s/%s", dst, names[i]);
        char *r = rel[0] ? xasprintf("%s/%s", rel, names[i]) : strdup(names[i]);
        rc = s && t && r ? merge_entry(m, t, s, r, err) : fail(err, "out of memory");
        free(s);
        free(t);
        free(r);
    }
    free_words(names, n);
    return rc;
}

/* buildEnv / symlinkJoin: `paths` merged into $out. */
static int build_env(const struct job *j, char **err) {
    const char *out = out_path(j, "out");
    struct env_merge m = {.name = j->d->name,
                          .join = !strcmp(env_of(j, "mode"), "join"),
                          .ignore_collisions = !strcmp(env_of(j, "ignoreCollisions"), "1")};
    size_t npaths = 0;
    char **paths = words(env_of(j, "paths"), &npaths);
    const char *ptl = derivation_get_env(j->d, "pathsToLink");
    m.links = words(ptl ? ptl : "/", &m.nlinks);
    for (size_t i = 0; m.links && i < m.nlinks; i++) {
        char *p = m.links[i];
        while (*p == '/')
            memmove(p, p + 1, strlen(p));
        size_t l = strlen(p);
        while (l && p[l - 1] == '/')
            p[--l] = 0;
    }
    int rc = paths && m.links ? 0 : fail(err, "out of memory");
    if (rc == 0 && mkdir(out, 0755) != 0)
        rc = fail(err, "cannot create '%s': %s", out, strerror(errno));
    for (size_t i = 0; rc == 0 && i < npaths; i++) {
        if (!is_dir(paths[i]))
            rc = fail(err,
                      "'%s' cannot go into '%s': it is a file, not a package directory (a "
                      "package has bin/, share/...; writeShellScriptBin makes one)",
                      paths[i], m.name);
        else
            rc = merge_dir(&m, out, paths[i], "", err);
    }
    free_words(paths, npaths);
    free_words(m.links, m.nlinks);
    return rc;
}

/* Where the host package database (dpkg's) lists each package's files. */
static const char *dpkg_info_dir(void) {
    const char *d = getenv("HEARTH_DPKG_INFO");
    return d && d[0] ? d : "/var/lib/dpkg/info";
}

static bool is_program(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode) && access(p, X_OK) == 0;
}

/* The program `name` on `path` (a PATH value), or NULL. */
static char *find_program(const char *path, const char *name) {
    const char *p = path;
    while (p && *p) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        if (n && p[0] == '/') {
            char *cand = xasprintf("%.*s/%s", (int)n, p, name);
            if (cand && is_program(cand)) return cand;
            free(cand);
        }
        p = colon ? colon + 1 : NULL;
    }
    return NULL;
}

static bool in_bin_dir(const char *file) {
    static const char *const dirs[] = {"/usr/bin/", "/bin/",       "/usr/sbin/",
                                       "/sbin/",    "/usr/games/", "/usr/local/bin/"};
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        size_t n = strlen(dirs[i]);
        if (!strncmp(file, dirs[i], n) && !strchr(file + n, '/')) return true;
    }
    return false;
}

static int link_program(const char *bin, const char *prog, char **err) {
    const char *base = strrchr(prog, '/');
    char *l = xasprintf("%s/%s", bin, base ? base + 1 : prog);
    if (!l) return fail(err, "out of memory");
    int rc = 0;
    if (!exists(l) && symlink(prog, l) != 0)
        rc = fail(err, "cannot create '%s': %s", l, strerror(errno));
    free(l);
    return rc;
}

/* A host package: $out/bin/PROGRAM -> the program installed on this machine, found on PATH,
 * plus every program the host package database (dpkg) lists for the package of that name. */
static int build_host(const struct job *j, const char *wanted_by, char **err) {
    const char *out = out_path(j, "out");
    const char *pname = env_of(j, "pname");
    const char *program = env_of(j, "program");
    const char *path = j->o->host_path ? j->o->host_path : getenv("PATH");
    char *bin = xasprintf("%s/bin", out);
    if (!bin) return fail(err, "out of memory");
    int rc = 0, found = 0;
    char *prog = program[0] ? find_program(path, program) : NULL;
    char *list = xasprintf("%s/%s.list", dpkg_info_dir(), pname);
    FILE *f = list ? fopen(list, "r") : NULL;
    if (!f && list) {
        /* Multi-arch packages are listed as NAME:ARCH.list. */
        DIR *d = opendir(dpkg_info_dir());
        struct dirent *e;
        size_t pl = strlen(pname);
        while (d && !f && (e = readdir(d))) {
            size_t el = strlen(e->d_name);
            if (!strncmp(e->d_name, pname, pl) && e->d_name[pl] == ':' && el > 5 &&
                !strcmp(e->d_name + el - 5, ".list")) {
                char *alt = xasprintf("%s/%s", dpkg_info_dir(), e->d_name);
                f = alt ? fopen(alt, "r") : NULL;
                free(alt);
            }
        }
        if (d) closedir(d);
    }
    if (mkdir(out, 0755) != 0 || mkdir(bin, 0755) != 0)
        rc = fail(err, "cannot create '%s': %s", bin, strerror(errno));
    if (rc == 0 && prog) {
        rc = link_program(bin, prog, err);
        found++;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while (rc == 0 && f && (n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] == '\n') line[n - 1] = 0;
        if (in_bin_dir(line) && is_program(line)) {
            rc = link_program(bin, line, err);
            found++;
        }
    }
    free(line);
    if (f) fclose(f);
    free(list);
    free(prog);
    free(bin);
    if (rc == 0 && !found)
        rc = fail(err,
                  "package '%s'%s%s%s is not installed on this machine: no program '%s' on "
                  "PATH and no such package in the host package database (%s); install it "
                  "with the system's package manager",
                  pname, wanted_by ? " (wanted by " : "", wanted_by ? wanted_by : "",
                  wanted_by ? ")" : "", program[0] ? program : pname, dpkg_info_dir());
    return rc;
}

/* ---- running a builder ---- */

static char *log_path_of(const struct job *j) {
    const char *base = strrchr(j->drv_path, '/');
    return xasprintf("%s/.hearth-logs/%s.log", j->o->store_dir, base ? base + 1 : j->drv_path);
}

/* The last `n` lines of the log, each as "       > LINE\n". */
static char *log_tail(const char *log, int n) {
    char *data = NULL;
    size_t len = 0;
    char *e = NULL;
    if (store_read_file(log, &data, &len, &e) != 0) {
        free(e);
        return strdup("");
    }
    while (len && data[len - 1] == '\n')
        len--;
    size_t start = len;
    int lines = 0;
    while (start > 0 && lines < n) {
        start--;
        if (data[start] == '\n') lines++;
    }
    if (start && data[start] == '\n') start++;
    size_t cap = (len - start) * 2 + 64 + 16 * (size_t)n;
    char *out = malloc(cap), *w = out;
    if (!out) {
        free(data);
        return NULL;
    }
    w += sprintf(w, "       last %d log lines:\n", lines + (start == 0 && len ? 1 : 0));
    bool bol = true;
    for (size_t i = start; i < len; i++) {
        if (bol) w = stpcpy(w, "       > ");
        *w++ = data[i];
        bol = data[i] == '\n';
    }
    if (len > start) *w++ = '\n';
    *w = 0;
    free(data);
    return out;
}

static int run_builder(const struct job *j, char **err) {
    const char *tmproot = getenv("TMPDIR");
    char *top = xasprintf("%s/hearth-build-%s-XXXXXX",
                          tmproot && tmproot[0] == '/' ? tmproot : "/tmp", j->d->name);
    if (!top || !mkdtemp(top)) {
        free(top);
        return fail(err, "cannot create a build directory: %s", strerror(errno));
    }
    char *logdir = xasprintf("%s/.hearth-logs", j->o->store_dir);
    char *log = log_path_of(j);
    if (logdir) mkdir(logdir, 0700);
    int logfd = log ? open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;
    if (logfd < 0) {
        fail(err, "cannot write the build log '%s': %s", log ? log : "", strerror(errno));
        free(logdir);
        free(log);
        store_rm_rf(top, NULL);
        free(top);
        return -1;
    }
    /* The environment: what Nix sets, then the derivation's variables. */
    const char *defaults[][2] = {
        {"PATH", "/path-not-set"},
        {"HOME", "/homeless-shelter"},
        {"NIX_STORE", j->o->store_dir},
        {"NIX_BUILD_CORES", "1"},
        {"NIX_BUILD_TOP", top},
        {"TMPDIR", top},
        {"TEMPDIR", top},
        {"TMP", top},
        {"TEMP", top},
        {"PWD", top},
        {"NIX_LOG_FD", "2"},
        {"TERM", "xterm-256color"},
    };
    size_t nd = sizeof defaults / sizeof *defaults;
    size_t nenv = 0;
    char **envp = calloc(nd + j->d->nenv + 1, sizeof *envp);
    char **argv = calloc(j->d->nargs + 2, sizeof *argv);
    int rc = envp && argv ? 0 : fail(err, "out of memory");
    for (size_t i = 0; rc == 0 && i < nd; i++) {
        if (derivation_get_env(j->d, defaults[i][0])) continue;
        envp[nenv++] = xasprintf("%s=%s", defaults[i][0], defaults[i][1]);
    }
    for (size_t i = 0; rc == 0 && i < j->d->nenv; i++) {
        char *v = rewrite_for_build(j, j->d->env[i].value);
        envp[nenv++] = v ? xasprintf("%s=%s", j->d->env[i].key, v) : NULL;
        free(v);
        if (!envp[nenv - 1]) rc = fail(err, "out of memory");
    }
    if (rc == 0) argv[0] = strdup(j->d->builder);
    for (size_t i = 0; rc == 0 && i < j->d->nargs; i++)
        if (!(argv[i + 1] = rewrite_for_build(j, j->d->args[i]))) rc = fail(err, "out of memory");
    pid_t pid = rc == 0 ? fork() : -1;
    if (rc == 0 && pid < 0) rc = fail(err, "cannot start the builder: %s", strerror(errno));
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0) dup2(null, 0);
        dup2(logfd, 1);
        dup2(logfd, 2);
        if (chdir(top) != 0) _exit(126);
        execve(argv[0], argv, envp);
        dprintf(2, "cannot run the builder '%s': %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status = 0;
    if (pid > 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    close(logfd);
    if (rc == 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        char why[64];
        if (WIFSIGNALED(status))
            snprintf(why, sizeof why, "due to signal %d (%s)", WTERMSIG(status),
                     strsignal(WTERMSIG(status)));
        else
            snprintf(why, sizeof why, "with exit code %d", WEXITSTATUS(status));
        char *tail = log_tail(log, 10);
        rc = fail(err, "builder for '%s' failed %s;\n%s       For full logs, see '%s'.",
                  j->drv_path, why, tail ? tail : "", log);
        free(tail);
    }
    for (size_t i = 0; envp && i < nenv; i++)
        free(envp[i]);
    for (size_t i = 0; argv && argv[i]; i++)
        free(argv[i]);
    free(envp);
    free(argv);
    free(logdir);
    free(log);
    store_rm_rf(top, NULL);
    free(top);
    return rc;
}

/* ---- realising ---- */

static struct derivation *read_drv(const char *drv_path, char **err) {
    char *text = NULL;
    size_t len = 0;
    if (store_read_file(drv_path, &text, &len, err) != 0) return NULL;
    const char *base = strrchr(drv_path, '/');
    base = base ? base + 1 : drv_path;
    /* HASH-NAME.drv: the name is what follows the hash, without ".drv". */
    char *name = strlen(base) > HASH_CHARS + 5
                     ? strndup(base + HASH_CHARS + 1, strlen(base) - HASH_CHARS - 5)
                     : strdup(base);
    struct derivation *d = name ? derivation_parse(text, len, name, err) : NULL;
    free(name);
    free(text);
    return d;
}

static bool outputs_present(const struct derivation *d) {
    for (size_t i = 0; i < d->noutputs; i++)
        if (!exists(d->outputs[i].path)) return false;
    return true;
}

static int realise(const struct build_options *o, const char *drv_path, const char *wanted_by,
                   int depth, char **err);

static int build_one(const struct build_options *o, const char *drv_path, struct derivation *d,
                     const char *wanted_by, char **err) {
    struct job j = {.o = o, .drv_path = drv_path, .d = d, .nouts = d->noutputs};
    j.outs = calloc(d->noutputs ? d->noutputs : 1, sizeof *j.outs);
    if (!j.outs) return fail(err, "out of memory");
    size_t sl = strlen(o->store_dir);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < d->noutputs; i++) {
        struct output_slot *s = &j.outs[i];
        s->name = d->outputs[i].name;
        s->final = d->outputs[i].path;
        if (strlen(s->final) < sl + 2 + HASH_CHARS || strncmp(s->final, o->store_dir, sl) != 0) {
            rc = fail(err, "derivation '%s' has an output outside the store: '%s'", drv_path,
                      s->final);
            break;
        }
        memcpy(s->final_hash, s->final + sl + 1, HASH_CHARS);
        make_temp_hash(s->temp_hash);
        s->temp = strdup(s->final);
        s->placeholder = placeholder_of(s->name);
        if (!s->temp || !s->placeholder)
            rc = fail(err, "out of memory");
        else
            memcpy(s->temp + sl + 1, s->temp_hash, HASH_CHARS);
    }
    if (rc == 0 && o->progress) fprintf(o->progress, "building '%s'...\n", drv_path);
    if (rc == 0) {
        if (!strcmp(d->builder, "builtin:hearth-text"))
            rc = build_text(&j, err);
        else if (!strcmp(d->builder, "builtin:hearth-buildenv"))
            rc = build_env(&j, err);
        else if (!strcmp(d->builder, "builtin:hearth-host"))
            rc = build_host(&j, wanted_by, err);
        else if (!strncmp(d->builder, "builtin:", 8))
            rc = fail(err, "derivation '%s' needs the builder '%s', which hearth does not have",
                      drv_path, d->builder);
        else
            rc = run_builder(&j, err);
    }
    for (size_t i = 0; rc == 0 && i < j.nouts; i++)
        if (!exists(j.outs[i].temp))
            rc = fail(err, "builder for '%s' failed to produce output path for output '%s'",
                      drv_path, j.outs[i].name);
    for (size_t i = 0; rc == 0 && i < j.nouts; i++)
        rc = finish_tree(&j, j.outs[i].temp, err);
    for (size_t i = 0; rc == 0 && i < j.nouts; i++) {
        if (rename(j.outs[i].temp, j.outs[i].final) != 0) {
            /* Another process finished the same output first: same inputs, same result. */
            if (!exists(j.outs[i].final))
                rc = fail(err, "cannot move '%s' into place: %s", j.outs[i].final, strerror(errno));
        }
    }
    for (size_t i = 0; i < j.nouts; i++) {
        if (j.outs[i].temp) store_rm_rf(j.outs[i].temp, NULL);
        free(j.outs[i].temp);
        free(j.outs[i].placeholder);
    }
    free(j.outs);
    return rc;
}

static int realise_with_nix(const struct build_options *o, const char *drv_path,
                            const char *wanted_by, char **err);

static int realise(const struct build_options *o, const char *drv_path, const char *wanted_by,
                   int depth, char **err) {
    if (depth > 1000) return fail(err, "derivation '%s': inputs nested too deeply", drv_path);
    struct derivation *d = read_drv(drv_path, err);
    if (!d) return -1;
    int rc = 0;
    if (o->with_nix && strncmp(d->builder, "builtin:hearth-", 15) != 0) {
        /* nixpkgs' own: Nix builds it with everything it needs. */
        derivation_free(d);
        return realise_with_nix(o, drv_path, wanted_by, err);
    }
    if (!outputs_present(d)) {
        for (size_t i = 0; rc == 0 && i < d->ninputs; i++)
            rc = realise(o, d->inputs[i].drv_path, wanted_by, depth + 1, err);
        for (size_t i = 0; rc == 0 && i < d->nsrcs; i++)
            if (!exists(d->srcs[i]))
                rc = fail(err, "derivation '%s' needs '%s', which is not in the store", drv_path,
                          d->srcs[i]);
        if (rc == 0) rc = build_one(o, drv_path, d, wanted_by, err);
    }
    derivation_free(d);
    return rc;
}

int build_realise(const struct build_options *o, const char *drv_path, const char *wanted_by,
                  char **err) {
    int rc = realise(o, drv_path, wanted_by, 0, err);
    if (rc != 0 && wanted_by && *err && !strstr(*err, wanted_by)) {
        char *more = xasprintf("%s\n       (wanted by %s)", *err, wanted_by);
        if (more) {
            free(*err);
            *err = more;
        }
    }
    return rc;
}

/* ---- realising with the installed Nix (pkgs is nixpkgs) ---- */

struct path_list {
    char **v;
    size_t n, cap;
};

static bool path_list_has(const struct path_list *l, const char *p) {
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->v[i], p)) return true;
    return false;
}

static int path_list_add(struct path_list *l, const char *p) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v) return -1;
        l->v = v;
        l->cap = cap;
    }
    return (l->v[l->n++] = strdup(p)) ? 0 : -1;
}

static void path_list_free(struct path_list *l) {
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

/* The .drv closure in dependency order, as `nix-store --register-validity` reads it: each
 * path, an empty deriver, its number of references and the references. Sources are given
 * without references. */
static int registration(const char *drv_path, struct path_list *seen, FILE *out, char **err) {
    if (path_list_has(seen, drv_path)) return 0;
    if (path_list_add(seen, drv_path) != 0) return fail(err, "out of memory");
    if (strlen(drv_path) < 4 || strcmp(drv_path + strlen(drv_path) - 4, ".drv") != 0) {
        fprintf(out, "%s\n\n0\n", drv_path);
        return 0;
    }
    struct derivation *d = read_drv(drv_path, err);
    if (!d) return -1;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < d->nsrcs; i++)
        rc = registration(d->srcs[i], seen, out, err);
    for (size_t i = 0; rc == 0 && i < d->ninputs; i++)
        rc = registration(d->inputs[i].drv_path, seen, out, err);
    if (rc == 0) {
        fprintf(out, "%s\n\n%zu\n", drv_path, d->nsrcs + d->ninputs);
        for (size_t i = 0; i < d->nsrcs; i++)
            fprintf(out, "%s\n", d->srcs[i]);
        for (size_t i = 0; i < d->ninputs; i++)
            fprintf(out, "%s\n", d->inputs[i].drv_path);
    }
    derivation_free(d);
    return rc;
}

/* Runs `argv` with `input` on stdin (may be NULL), its output and errors into `log`.
 * Returns the exit status, or -1. */
static int run_tool(char *const argv[], const char *input, size_t len, FILE *log) {
    int in[2];
    if (pipe(in) != 0) return -1;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        dup2(in[0], 0);
        close(in[1]);
        if (log) {
            dup2(fileno(log), 1);
            dup2(fileno(log), 2);
        }
        execvp(argv[0], argv);
        dprintf(2, "cannot run '%s': %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(in[0]);
    for (size_t off = 0; input && off < len;) {
        ssize_t w = write(in[1], input + off, len - off);
        if (w <= 0) break;
        off += (size_t)w;
    }
    close(in[1]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* nixpkgs' derivations are Nix's to build: the .drv closure hearth wrote is registered with
 * the installed Nix (whose store must be hearth's store directory) and realised by it. */
static int realise_with_nix(const struct build_options *o, const char *drv_path,
                            const char *wanted_by, char **err) {
    struct derivation *d = read_drv(drv_path, err);
    if (!d) return -1;
    bool present = outputs_present(d);
    derivation_free(d);
    if (present) return 0;
    char *text = NULL;
    size_t len = 0;
    FILE *reg = open_memstream(&text, &len);
    struct path_list seen = {0};
    int rc = reg ? registration(drv_path, &seen, reg, err) : fail(err, "out of memory");
    if (reg) fclose(reg);
    path_list_free(&seen);
    struct job j = {.o = o, .drv_path = drv_path};
    char *logp = log_path_of(&j);
    char *logdir = xasprintf("%s/.hearth-logs", o->store_dir);
    if (logdir) mkdir(logdir, 0700);
    free(logdir);
    FILE *log = rc == 0 && logp ? fopen(logp, "w") : NULL;
    if (rc == 0 && !log) rc = fail(err, "cannot write the build log '%s'", logp ? logp : "");
    if (rc == 0) {
        if (o->progress) fprintf(o->progress, "building '%s' with Nix...\n", drv_path);
        char *reg_argv[] = {"nix-store", "--register-validity", NULL};
        char *real_argv[] = {"nix-store", "--realise", (char *)drv_path, NULL};
        int st = run_tool(reg_argv, text, len, log);
        if (st == 0) st = run_tool(real_argv, NULL, 0, log);
        fflush(log);
        if (st != 0) {
            char *tail = log_tail(logp, 10);
            rc = fail(err,
                      "Nix could not build '%s'%s%s%s (nix-store exited with %d; pkgs is "
                      "nixpkgs, so Nix builds its packages, in the store '%s');\n%s       For "
                      "full logs, see '%s'.",
                      drv_path, wanted_by ? " (wanted by " : "", wanted_by ? wanted_by : "",
                      wanted_by ? ")" : "", st, o->store_dir, tail ? tail : "", logp);
            free(tail);
        }
    }
    if (log) fclose(log);
    free(logp);
    free(text);
    return rc;
}

int build_realise_spec(const struct build_options *o, const char *spec_json, char **err) {
    json_object *spec = json_tokener_parse(spec_json);
    if (!spec) return fail(err, "the generation spec is not valid JSON");
    json_object *list = NULL;
    int rc = 0;
    if (json_object_object_get_ex(spec, "realise", &list) &&
        json_object_is_type(list, json_type_array)) {
        for (size_t i = 0; rc == 0 && i < json_object_array_length(list); i++) {
            json_object *e = json_object_array_get_idx(list, i), *drv = NULL, *by = NULL;
            json_object_object_get_ex(e, "drv", &drv);
            json_object_object_get_ex(e, "wantedBy", &by);
            if (!drv || !json_object_is_type(drv, json_type_string)) {
                rc = fail(err, "the generation spec's realise entry %zu has no \"drv\"", i);
                break;
            }
            json_object *via = NULL;
            json_object_object_get_ex(e, "via", &via);
            const char *wanted = by ? json_object_get_string(by) : NULL;
            /* A .drv that `hearth gc` removed after a cached evaluation: its outputs, when
             * the entry names them and they are all there, are what was wanted. */
            json_object *outs = NULL;
            json_object_object_get_ex(e, "outputs", &outs);
            size_t nouts = outs && json_object_is_type(outs, json_type_array)
                               ? json_object_array_length(outs)
                               : 0;
            bool have = nouts > 0 && !exists(json_object_get_string(drv));
            for (size_t k = 0; have && k < nouts; k++)
                have = exists(json_object_get_string(json_object_array_get_idx(outs, k)));
            if (have) continue;
            struct build_options one = *o;
            one.with_nix = via && !strcmp(json_object_get_string(via), "nix");
            rc = build_realise(&one, json_object_get_string(drv), wanted, err);
        }
    }
    json_object_put(spec);
    return rc;
}
