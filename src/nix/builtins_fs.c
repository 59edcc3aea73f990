/* builtins_fs: builtins that read the file system: readFile, readDir, readFileType and
 * pathExists, and the fetchers. hearth never uses the network: fetchurl works for file:// URLs
 * (added to the store as Nix adds a download), everything remote is an error naming the URL,
 * and fetchTarball/fetchGit/fetchMercurial (archives, git, hg) are refused. Error texts follow
 * Nix. */
#include "nix/builtins_extra.h"
#include "nix/eval.h"
#include "store/hash.h"
#include "store/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void prim_readFile(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    const char *path = builtins_realise_path(st, args[0], pos);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) eval_error(st, ERR_IO, 0, "opening file '%s': %s", path, strerror(errno));
    struct stat sb;
    size_t cap = fstat(fd, &sb) == 0 && sb.st_size > 0 ? (size_t)sb.st_size + 1 : 4096;
    char *buf = GC_MALLOC_ATOMIC(cap + 1);
    size_t len = 0;
    for (;;) {
        if (len == cap) {
            char *nb = GC_MALLOC_ATOMIC(cap * 2 + 1);
            memcpy(nb, buf, len);
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            int e = errno;
            close(fd);
            eval_error(st, ERR_IO, 0, "reading from file: %s", strerror(e));
        }
        if (r == 0) break;
        len += (size_t)r;
    }
    close(fd);
    buf[len] = 0;
    mk_string(out, buf, NULL);
}

static const char *type_of_mode(mode_t m) {
    if (S_ISREG(m)) return "regular";
    if (S_ISDIR(m)) return "directory";
    if (S_ISLNK(m)) return "symlink";
    return "unknown";
}

static void prim_readDir(struct eval_state *st, struct value **args, struct value *out,
                         nix_pos pos) {
    const char *path = builtins_realise_path(st, args[0], pos);
    DIR *d = opendir(path);
    if (!d) eval_error(st, ERR_IO, 0, "opening directory '%s': %s", path, strerror(errno));
    size_t n = 0, cap = 16;
    const char **names = GC_MALLOC(cap * sizeof *names);
    const char **types = GC_MALLOC(cap * sizeof *types);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        if (n == cap) {
            const char **nn = GC_MALLOC(cap * 2 * sizeof *nn);
            const char **nt = GC_MALLOC(cap * 2 * sizeof *nt);
            memcpy(nn, names, n * sizeof *nn);
            memcpy(nt, types, n * sizeof *nt);
            names = nn;
            types = nt;
            cap *= 2;
        }
        const char *type;
        switch (e->d_type) {
        case DT_REG: type = "regular"; break;
        case DT_DIR: type = "directory"; break;
        case DT_LNK: type = "symlink"; break;
        case DT_UNKNOWN: {
            struct stat sb;
            type = fstatat(dirfd(d), e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0
                       ? type_of_mode(sb.st_mode)
                       : "unknown";
            break;
        }
        default: type = "unknown";
        }
        names[n] = gc_strdup(e->d_name);
        types[n] = type;
        n++;
    }
    closedir(d);
    struct attrs *a = attrs_new(n);
    for (size_t i = 0; i < n; i++) {
        struct value *v = value_alloc();
        mk_string(v, types[i], NULL);
        attrs_push(a, eval_sym(st, names[i]), v, 0);
    }
    attrs_sort(a);
    mk_attrs(out, a);
}

static void prim_readFileType(struct eval_state *st, struct value **args, struct value *out,
                              nix_pos pos) {
    const char *path = builtins_realise_path(st, args[0], pos);
    struct stat sb;
    if (lstat(path, &sb) != 0)
        eval_error(st, ERR_IO, pos, "getting status of '%s': %s", path, strerror(errno));
    mk_string(out, type_of_mode(sb.st_mode), NULL);
}

static void prim_pathExists(struct eval_state *st, struct value **args, struct value *out,
                            nix_pos pos) {
    eval_force(st, args[0], pos);
    /* A string ending in '/' names a directory: "/a/file/" does not exist. */
    bool want_dir = args[0]->type == VT_STRING && args[0]->str.s[0] &&
                    args[0]->str.s[strlen(args[0]->str.s) - 1] == '/';
    const char *path = builtins_realise_path(st, args[0], pos);
    struct stat sb;
    bool exists = want_dir ? stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) : lstat(path, &sb) == 0;
    mk_bool(out, exists);
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* ---- fetchers ---- */

/* A file:// URL's path with %XX escapes decoded; NULL for other URLs. */
static const char *file_url_path(const char *url) {
    if (strncmp(url, "file://", 7) != 0) return NULL;
    const char *p = url + 7;
    char *out = GC_MALLOC_ATOMIC(strlen(p) + 1);
    size_t n = 0;
    for (size_t i = 0; p[i]; i++) {
        int hi, lo;
        if (p[i] == '%' && (hi = hexval(p[i + 1])) >= 0 && (lo = hexval(p[i + 2])) >= 0) {
            out[n++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[n++] = p[i];
        }
    }
    out[n] = 0;
    return out;
}

static _Noreturn void no_network(struct eval_state *st, const char *url, nix_pos pos) {
    eval_error(st, ERR_IO, pos,
               "unable to download '%s': hearth evaluates without network access (only file:// "
               "URLs can be fetched)",
               url);
}

/* Adds a local file to the store as fetchurl does: a fixed-output path named by the flat
 * sha256 of its contents. `expected` (may be NULL) is checked first, with Nix's message. */
static const char *fetch_local_file(struct eval_state *st, const char *url, const char *path,
                                    const char *name, const char *expected, nix_pos pos) {
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
        eval_error(st, ERR_IO, 0, "unable to download '%s': Couldn't read a file:// file (37)",
                   url);
    char *err = NULL;
    struct store *store = store_open(st->store_dir, &err);
    if (!store) {
        const char *msg = gc_strdup(err ? err : "out of memory");
        free(err);
        eval_error(st, ERR_IO, pos, "%s", msg);
    }
    struct store_add_source how = {.name = name, .recursive = false, .dry_run = true};
    struct hash got;
    char *dst = store_add_source(store, path, &how, &got, &err);
    if (dst && expected) {
        enum hash_algo algo = HASH_SHA256;
        struct hash want;
        if (hash_parse_any(expected, &algo, &want, &err) == 0 &&
            (want.len != got.len || memcmp(want.bytes, got.bytes, got.len) != 0)) {
            char w[HASH_MAX_BYTES * 2 + 1], g[HASH_MAX_BYTES * 2 + 1];
            hash_to_base32(want.bytes, want.len, w);
            hash_to_base32(got.bytes, got.len, g);
            free(dst);
            store_close(store);
            eval_error(st, ERR_IO, 0,
                       "hash mismatch in file downloaded from '%s':\n         specified: "
                       "sha256:%s\n         got:       sha256:%s",
                       url, w, g);
        }
    }
    if (dst && !err) {
        free(dst);
        how.dry_run = false;
        dst = store_add_source(store, path, &how, NULL, &err);
    }
    store_close(store);
    if (!dst || err) {
        const char *msg = gc_strdup(err ? err : "out of memory");
        free(err);
        free(dst);
        eval_error(st, ERR_IO, pos, "%s", msg);
    }
    const char *r = gc_strdup(dst);
    free(dst);
    return r;
}

static void prim_fetchurl(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    eval_force(st, args[0], pos);
    const char *url = NULL, *name = NULL, *sha256 = NULL;
    if (args[0]->type == VT_ATTRS) {
        struct attrs *a = args[0]->attrs;
        for (uint32_t i = 0; i < a->n; i++) {
            const char *k = sym_name(st->symbols, a->a[i].name);
            nix_pos at = a->a[i].pos ? a->a[i].pos : pos;
            if (strcmp(k, "url") == 0)
                url = eval_force_string_noctx(st, a->a[i].value, at);
            else if (strcmp(k, "name") == 0)
                name = eval_force_string(st, a->a[i].value, at, NULL);
            else if (strcmp(k, "sha256") == 0)
                sha256 = eval_force_string(st, a->a[i].value, at, NULL);
            else
                eval_error(st, ERR_EVAL, at, "unsupported argument '%s' to 'fetchurl'", k);
        }
        if (!url) eval_error(st, ERR_EVAL, pos, "'url' argument required");
    } else {
        url = eval_force_string_noctx(st, args[0], pos);
    }
    const char *path = file_url_path(url);
    if (!path) no_network(st, url, pos);
    if (!name) {
        const char *slash = strrchr(url, '/');
        name = slash ? slash + 1 : url;
    }
    const char *dst = fetch_local_file(st, url, path, name, sha256, pos);
    mk_string(out, dst, ctx_single(dst));
}

/* fetchTarball and fetchGit would unpack an archive or run git: hearth does neither. */
static void prim_fetchTarball(struct eval_state *st, struct value **args, struct value *out,
                              nix_pos pos) {
    (void)out;
    eval_force(st, args[0], pos);
    struct value *u = args[0];
    if (u->type == VT_ATTRS) {
        struct attr *a = attrs_get(u->attrs, eval_sym(st, "url"));
        if (!a) eval_error(st, ERR_EVAL, pos, "'url' argument required");
        u = a->value;
    }
    const char *url = eval_coerce_to_string(st, u, pos, NULL, false, false);
    if (!file_url_path(url)) no_network(st, url, pos);
    eval_error(st, ERR_IO, pos, "fetchTarball: unpacking '%s' is not supported by hearth", url);
}

static void prim_fetchGit(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    (void)out;
    eval_force(st, args[0], pos);
    struct value *u = args[0];
    if (u->type == VT_ATTRS) {
        struct attr *a = attrs_get(u->attrs, eval_sym(st, "url"));
        if (!a) eval_error(st, ERR_EVAL, pos, "'url' argument required");
        u = a->value;
    }
    const char *url = eval_coerce_to_string(st, u, pos, NULL, false, false);
    eval_error(st, ERR_IO, pos, "fetchGit: fetching '%s' is not supported by hearth (no git)", url);
}

static void prim_fetchMercurial(struct eval_state *st, struct value **args, struct value *out,
                                nix_pos pos) {
    (void)out;
    (void)args;
    eval_error(st, ERR_IO, pos, "fetchMercurial is not supported by hearth (no hg)");
}

/* fetchTree is experimental in Nix and off by default; hearth follows the default. */
static void prim_fetchTree(struct eval_state *st, struct value **args, struct value *out,
                           nix_pos pos) {
    (void)out;
    (void)args;
    (void)pos;
    eval_error(st, ERR_EVAL, 0,
               "experimental Nix feature 'flakes' is disabled; use '--extra-experimental-features "
               "flakes' to override");
}

void builtins_fs_register(struct eval_state *st) {
    eval_register_primop(st, "__readFile", 1, prim_readFile);
    eval_register_primop(st, "__readDir", 1, prim_readDir);
    eval_register_primop(st, "__readFileType", 1, prim_readFileType);
    eval_register_primop(st, "__pathExists", 1, prim_pathExists);
    eval_register_primop(st, "__fetchurl", 1, prim_fetchurl);
    eval_register_primop(st, "fetchTarball", 1, prim_fetchTarball);
    eval_register_primop(st, "fetchGit", 1, prim_fetchGit);
    eval_register_primop(st, "fetchTree", 1, prim_fetchTree);
    eval_register_primop(st, "fetchMercurial", 1, prim_fetchMercurial);
}
