/* builtins_fetch: fetchurl, fetchTarball, fetchGit, fetchMercurial and fetchTree.
 *
 * hearth never uses the network, so only local sources are fetched; anything remote (http,
 * https, ssh, git://, scp-like `user@host:path`) is an error naming the URL. What is fetched
 * gets the store path nix-instantiate 2.8 gives it:
 * - fetchurl "file://F": F as a flat fixed-output path (sha256 of the file) named after the
 *   URL's last component.
 * - fetchTarball "file://F.tar[.gz|.xz|.bz2|.zst]" or a zip: unpacked with libarchive; the single
 *   top-level entry is added by NAR hash as "source". A plain path is refused as 2.8's curl
 *   refuses it.
 * - fetchGit PATH or "file://PATH": the tree of `rev` (or `ref`, default HEAD) exported with
 *   `git archive` (so export-ignore applies, as in Nix) and added by NAR hash as "source"; a
 *   working tree that differs from HEAD (when neither rev nor ref is given) is copied as it is,
 *   tracked files only (`git ls-files`), as 2.8 does, with its "is dirty" warning. As in
 *   2.8, "has commits" means a file under refs/heads, so a repository whose branches are all
 *   packed is treated as dirty. A path without `.git` is a bare repository, which 2.8 fetches
 *   as a remote one: default ref "master", refs taken as branch names. `submodules = true`
 *   exports as a checkout does (2.8 clones: export-ignore does not apply) and is refused
 *   when the tree has submodules (their commits live in other, usually remote, repositories).
 *   Pinned `narHash`, `lastModified` and `revCount` are checked with 2.8's messages; errors
 *   from git itself (a ref that does not exist) are hearth's own, naming the command.
 * With `sha256` given and its path already in the store, fetchurl/fetchTarball return it
 * without reading the file, as Nix does. git runs with a small environment (PATH, HOME,
 * XDG_CONFIG_HOME, LC_ALL=C): no GIT_DIR or GIT_INDEX_FILE inherited from a hook can redirect
 * it. fetchMercurial is refused.
 * - fetchTree needs an experimental feature (eval_state.xp_features: `flakes` as in 2.8, or
 *   current Nix's `fetch-tree`) and keeps 2.8's error without it. It takes what 2.8 takes,
 *   locally: { type = "path"; path } and "path:///P" (the NAR of P as "source"; lastModified is
 *   the newest mtime in P), { type = "tarball"; url } and "file:///F.tar.gz" (fetchTarball's
 *   unpacking; only outPath and narHash), { type = "git"; url; ref?; rev?; ... } and
 *   "git+file:///P?ref=R&rev=C" (fetchGit, except a dirty tree has no rev/revCount/shortRev).
 *   A string without "://" is made "file://..." as 2.8 does, so "path:/P" and "/P" are
 *   unsupported inputs; type "file" is not in 2.8 either. narHash and lastModified are
 *   checked with 2.8's messages; `name` is refused as 2.8 refuses it. */
#include "nix/builtins_fetch.h"
#include "nix/eval.h"
#include "store/hash.h"
#include "store/storepath.h"
#include "store/store.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gc.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* ---- URLs ---- */

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

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

/* Raises a malloc'd message (freed) as an error. */
static _Noreturn void fail_with(struct eval_state *st, nix_pos pos, char *err) {
    const char *msg = gc_strdup(err ? err : "out of memory");
    free(err);
    eval_error(st, ERR_IO, pos, "%s", msg);
}

static char *msg_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *msg_printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0) s = NULL;
    va_end(ap);
    return s;
}

/* ---- the store ---- */

static struct store *open_store(struct eval_state *st, nix_pos pos) {
    char *err = NULL;
    struct store *store = store_open(st->store_dir, &err);
    if (!store) fail_with(st, pos, err);
    return store;
}

/* Adds `src` to the store by NAR hash as `name` (filtered when `filter` is set). Returns the
 * malloc'd store path and the NAR's sha256 in *nar, or NULL with *err set. */
static char *add_tree(const char *store_dir, const char *src, const char *name,
                      nar_filter_fn filter, void *ud, struct hash *nar, char **err) {
    struct store *store = store_open(store_dir, err);
    if (!store) return NULL;
    struct store_add_source how = {
        .name = name, .recursive = true, .filter = filter, .filter_ud = ud};
    char *dst = store_add_source(store, src, &how, nar, err);
    store_close(store);
    return dst;
}

/* Parses a `sha256` argument as Nix does (base-16, base-32, base-64 or SRI). */
static struct hash parse_sha256(struct eval_state *st, const char *text, nix_pos pos) {
    enum hash_algo algo = HASH_SHA256;
    struct hash h;
    char *err = NULL;
    if (!*text) {
        /* Nix takes "" as the all-zero hash (so the mismatch message shows the real one). */
        fprintf(stderr, "warning: found empty hash, assuming "
                        "'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='\n");
        memset(&h, 0, sizeof h);
        h.len = (unsigned)hash_algo_size(HASH_SHA256);
        return h;
    }
    if (hash_parse_any(text, &algo, &h, &err) != 0) fail_with(st, pos, err);
    return h;
}

static bool hash_equal(const struct hash *a, const struct hash *b) {
    return a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0;
}

static _Noreturn void hash_mismatch(struct eval_state *st, const char *url, const struct hash *want,
                                    const struct hash *got) {
    char w[HASH_MAX_BYTES * 2 + 1], g[HASH_MAX_BYTES * 2 + 1];
    hash_to_base32(want->bytes, want->len, w);
    hash_to_base32(got->bytes, got->len, g);
    eval_error(st, ERR_IO, 0,
               "hash mismatch in file downloaded from '%s':\n"
               "  specified: sha256:%s\n"
               "  got:       sha256:%s",
               url, w, g);
}

/* The path a pinned fetch would have when it is already in the store, else NULL: Nix then
 * returns it without fetching. */
static const char *pinned_in_store(struct eval_state *st, bool recursive, const struct hash *h,
                                   const char *name) {
    char *p = store_make_fixed_output_path(st->store_dir, recursive, h, name);
    if (!p) return NULL;
    struct stat sb;
    const char *r = lstat(p, &sb) == 0 ? gc_strdup(p) : NULL;
    free(p);
    return r;
}

static void mk_store_string(struct value *out, const char *path) {
    mk_string(out, path, ctx_single(path));
}

/* ---- temporary directories ---- */

static char *make_tmpdir(char **err) {
    const char *base = getenv("TMPDIR");
    if (!base || !*base) base = "/tmp";
    char *t = msg_printf("%s/hearth-fetch-XXXXXX", base);
    if (!t || !mkdtemp(t)) {
        *err = msg_printf("creating a temporary directory in '%s': %s", base, strerror(errno));
        free(t);
        return NULL;
    }
    return t;
}

/* Removes a tree, making directories writable first (archives may hold read-only ones). */
static void remove_tree(const char *path) {
    struct stat sb;
    if (lstat(path, &sb) != 0) return;
    if (S_ISDIR(sb.st_mode)) {
        chmod(path, 0700);
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d))) {
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
                char *sub = msg_printf("%s/%s", path, e->d_name);
                if (sub) remove_tree(sub);
                free(sub);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* ---- archives ---- */

/* Unpacks the archive read from `fd` (any format and compression libarchive knows) below
 * `dest`, refusing entries that would land outside it. Returns 0, or -1 with *err set. */
static int unpack_fd(int fd, const char *dest, const char *what, char **err) {
    struct archive *a = archive_read_new();
    struct archive *w = archive_write_disk_new();
    if (!a || !w) {
        *err = msg_printf("out of memory");
        goto fail;
    }
    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    archive_write_disk_set_options(w, ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_SECURE_SYMLINKS |
                                          ARCHIVE_EXTRACT_SECURE_NODOTDOT);
    if (archive_read_open_fd(a, fd, 1 << 16) != ARCHIVE_OK) {
        *err = msg_printf("unpacking '%s': %s", what, archive_error_string(a));
        goto fail;
    }
    for (;;) {
        struct archive_entry *e;
        int r = archive_read_next_header(a, &e);
        if (r == ARCHIVE_EOF) break;
        if (r < ARCHIVE_WARN) {
            *err = msg_printf("unpacking '%s': %s", what, archive_error_string(a));
            goto fail;
        }
        char *full = msg_printf("%s/%s", dest, archive_entry_pathname(e));
        archive_entry_set_pathname(e, full);
        free(full);
        const char *link = archive_entry_hardlink(e);
        if (link) {
            char *target = msg_printf("%s/%s", dest, link);
            archive_entry_set_hardlink(e, target);
            free(target);
        }
        r = archive_read_extract2(a, e, w);
        if (r < ARCHIVE_WARN) {
            *err = msg_printf("unpacking '%s': %s", what, archive_error_string(w));
            goto fail;
        }
    }
    /* Directory modes are applied at close, after their contents were written. */
    if (archive_write_close(w) != ARCHIVE_OK) {
        *err = msg_printf("unpacking '%s': %s", what, archive_error_string(w));
        goto fail;
    }
    archive_read_free(a);
    archive_write_free(w);
    return 0;
fail:
    if (a) archive_read_free(a);
    if (w) archive_write_free(w);
    return -1;
}

/* ---- running git ---- */

/* git's environment: enough to find it and the user's configuration (as Nix reads it), and
 * nothing that could point it at another repository or index. */
static char **git_env(const char *extra) {
    static const char *const keep[] = {"PATH", "HOME", "XDG_CONFIG_HOME"};
    char **env = GC_MALLOC(8 * sizeof *env);
    size_t n = 0;
    if (extra) env[n++] = (char *)extra;
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) {
        const char *v = getenv(keep[i]);
        if (v) env[n++] = gc_printf("%s=%s", keep[i], v);
    }
    if (!getenv("PATH")) env[n++] = "PATH=/usr/bin:/bin";
    env[n++] = "LC_ALL=C";
    env[n++] = "GIT_TERMINAL_PROMPT=0";
    env[n] = NULL;
    return env;
}

/* Starts `git -C REPO ARGS...` with stdin from /dev/null, stdout into a pipe (*out_fd) and
 * stderr into `err_fd`, `extra_env` ("NAME=VALUE" or NULL) added to its environment. Returns
 * the pid, or -1 with *err set. */
static pid_t git_spawn(const char *repo, const char *const *args, const char *extra_env,
                       int *out_fd, int err_fd, char **err) {
    size_t n = 0;
    while (args[n])
        n++;
    char **argv = GC_MALLOC((n + 4) * sizeof *argv);
    argv[0] = "git";
    argv[1] = "-C";
    argv[2] = (char *)repo;
    for (size_t i = 0; i < n; i++)
        argv[3 + i] = (char *)args[i];
    argv[n + 3] = NULL;
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) {
        *err = msg_printf("running git: %s", strerror(errno));
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, p[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
    pid_t pid;
    int rc = posix_spawnp(&pid, "git", &fa, NULL, argv, git_env(extra_env));
    posix_spawn_file_actions_destroy(&fa);
    close(p[1]);
    if (rc != 0) {
        close(p[0]);
        *err =
            msg_printf("running git: %s (hearth needs the git command for fetchGit)", strerror(rc));
        return -1;
    }
    *out_fd = p[0];
    return pid;
}

/* Waits for git; returns its exit code (-1 when killed). */
static int git_wait(pid_t pid) {
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The first line of what git wrote to `f` (its stderr), for messages. */
static const char *git_stderr(FILE *f) {
    char line[512] = "";
    rewind(f);
    if (!fgets(line, sizeof line, f)) return "";
    line[strcspn(line, "\n")] = 0;
    return gc_strdup(line);
}

struct git_out {
    int code;            /* exit code, -1 when it could not run or was killed */
    char *out;           /* stdout, GC string */
    size_t len;          /* its length */
    const char *errline; /* the first line of its stderr */
    const char *spawn_err;
};

/* Runs `git -C repo ARGS...` (NULL-terminated) with `extra_env`, collecting its output. */
static struct git_out git_run_v(const char *extra_env, const char *repo, va_list ap) {
    const char *args[16];
    size_t n = 0;
    const char *a;
    while ((a = va_arg(ap, const char *)) && n < 15)
        args[n++] = a;
    args[n] = NULL;
    struct git_out r = {.code = -1, .out = "", .errline = ""};
    FILE *ef = tmpfile();
    if (!ef) {
        r.spawn_err = gc_printf("running git: %s", strerror(errno));
        return r;
    }
    int fd;
    char *err = NULL;
    pid_t pid = git_spawn(repo, args, extra_env, &fd, fileno(ef), &err);
    if (pid < 0) {
        r.spawn_err = gc_strdup(err ? err : "out of memory");
        free(err);
        fclose(ef);
        return r;
    }
    size_t cap = 256, len = 0;
    char *buf = GC_MALLOC_ATOMIC(cap);
    for (;;) {
        if (len + 1 == cap) {
            char *nb = GC_MALLOC_ATOMIC(cap * 2);
            memcpy(nb, buf, len);
            buf = nb;
            cap *= 2;
        }
        ssize_t k = read(fd, buf + len, cap - len - 1);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        len += (size_t)k;
    }
    buf[len] = 0;
    close(fd);
    r.code = git_wait(pid);
    r.out = buf;
    r.len = len;
    r.errline = git_stderr(ef);
    fclose(ef);
    return r;
}

static struct git_out git_run(const char *repo, ...) {
    va_list ap;
    va_start(ap, repo);
    struct git_out r = git_run_v(NULL, repo, ap);
    va_end(ap);
    return r;
}

static struct git_out git_run_env(const char *extra_env, const char *repo, ...) {
    va_list ap;
    va_start(ap, repo);
    struct git_out r = git_run_v(extra_env, repo, ap);
    va_end(ap);
    return r;
}

/* `git ...` output with the trailing newline removed; errors name the command and repository. */
static const char *git_line(struct eval_state *st, nix_pos pos, const char *what, struct git_out r,
                            const char *repo) {
    if (r.spawn_err) eval_error(st, ERR_IO, pos, "%s", r.spawn_err);
    if (r.code != 0)
        eval_error(st, ERR_IO, pos, "fetchGit: %s failed in '%s'%s%s", what, repo,
                   *r.errline ? ": " : "", r.errline);
    while (r.len && (r.out[r.len - 1] == '\n' || r.out[r.len - 1] == '\r'))
        r.out[--r.len] = 0;
    return r.out;
}

/* Exports the tree of commit `rev` with `git archive` into a new temporary directory and adds
 * it to the store. Returns the malloc'd store path or NULL with *err set. */
static char *git_export(const char *store_dir, const char *repo, const char *rev, const char *name,
                        struct hash *nar, char **err) {
    char *tmp = make_tmpdir(err);
    if (!tmp) return NULL;
    char *dst = NULL;
    FILE *ef = tmpfile();
    if (!ef) {
        *err = msg_printf("running git: %s", strerror(errno));
        goto out;
    }
    const char *args[] = {"archive", "--format=tar", rev, NULL};
    int fd;
    pid_t pid = git_spawn(repo, args, NULL, &fd, fileno(ef), err);
    if (pid < 0) goto out;
    int rc = unpack_fd(fd, tmp, "git archive", err);
    close(fd);
    int code = git_wait(pid);
    if (rc == 0 && code != 0) {
        const char *line = git_stderr(ef);
        *err = msg_printf("fetchGit: git archive %s failed in '%s'%s%s", rev, repo,
                          *line ? ": " : "", line);
        rc = -1;
    }
    if (rc == 0) dst = add_tree(store_dir, tmp, name, NULL, NULL, nar, err);
out:
    if (ef) fclose(ef);
    remove_tree(tmp);
    free(tmp);
    return dst;
}

/* Exports commit `rev` as a checkout does (what Nix 2.8 does with submodules = true: no
 * export-ignore), through a temporary index so the repository's own index is not touched.
 * Returns the malloc'd store path or NULL with *err set. */
static char *git_checkout_export(const char *store_dir, const char *repo, const char *rev,
                                 const char *name, struct hash *nar, char **err) {
    char *tmp = make_tmpdir(err);
    if (!tmp) return NULL;
    char *dst = NULL;
    const char *tree = gc_printf("%s/tree", tmp);
    const char *index = gc_printf("GIT_INDEX_FILE=%s/index", tmp);
    const char *wt = gc_printf("--work-tree=%s", tree);
    if (mkdir(tree, 0700) != 0) {
        *err = msg_printf("creating '%s': %s", tree, strerror(errno));
        goto out;
    }
    struct git_out r = git_run_env(index, repo, wt, "read-tree", rev, NULL);
    if (r.code == 0) r = git_run_env(index, repo, wt, "checkout-index", "-a", "-f", NULL);
    if (r.spawn_err || r.code != 0) {
        *err = msg_printf("fetchGit: checking out %s from '%s' failed%s%s", rev, repo,
                          *r.errline ? ": " : "", r.spawn_err ? r.spawn_err : r.errline);
        goto out;
    }
    dst = add_tree(store_dir, tree, name, NULL, NULL, nar, err);
out:
    remove_tree(tmp);
    free(tmp);
    return dst;
}

/* The tracked files of a dirty working tree (sorted), for the filter below. */
struct tracked {
    const char *root; /* the repository's directory, as passed to the NAR walk */
    size_t rootlen;
    char **files;
    size_t n;
};

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Keeps tracked files and the directories that hold one, as Nix 2.8 does. */
static int tracked_filter(void *ud, const char *path, enum nar_type type, char **err) {
    (void)err;
    const struct tracked *t = ud;
    if (strncmp(path, t->root, t->rootlen) != 0 || path[t->rootlen] != '/') return 0;
    const char *rel = path + t->rootlen + 1;
    size_t rl = strlen(rel);
    /* The first tracked name not below `rel` in byte order. */
    size_t lo = 0, hi = t->n;
    if (type == NAR_DIRECTORY) {
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            int c = strncmp(t->files[mid], rel, rl);
            if (c < 0 || (c == 0 && (unsigned char)t->files[mid][rl] < '/'))
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < t->n && strncmp(t->files[lo], rel, rl) == 0 && t->files[lo][rl] == '/';
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(t->files[mid], rel);
        if (c == 0) return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* ---- fetchurl ---- */

/* Adds a local file to the store as fetchurl does: a fixed-output path named by the flat
 * sha256 of its contents. `expected` (may be NULL) is checked first, with Nix's message. */
static const char *fetch_local_file(struct eval_state *st, const char *url, const char *path,
                                    const char *name, const struct hash *expected, nix_pos pos) {
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
        eval_error(st, ERR_IO, 0, "unable to download '%s': Couldn't read a file:// file (37)",
                   url);
    struct store *store = open_store(st, pos);
    char *err = NULL;
    struct store_add_source how = {.name = name, .recursive = false, .dry_run = true};
    struct hash got;
    char *dst = store_add_source(store, path, &how, &got, &err);
    if (dst && expected && !hash_equal(expected, &got)) {
        free(dst);
        store_close(store);
        hash_mismatch(st, url, expected, &got);
    }
    if (dst) {
        free(dst);
        how.dry_run = false;
        dst = store_add_source(store, path, &how, NULL, &err);
    }
    store_close(store);
    if (!dst) fail_with(st, pos, err);
    const char *r = gc_strdup(dst);
    free(dst);
    return r;
}

/* The arguments of fetchurl and fetchTarball: a URL, or { url, sha256?, name? }. */
struct fetch_args {
    const char *url, *name, *sha256;
};

static struct fetch_args fetch_args(struct eval_state *st, struct value *arg, const char *who,
                                    nix_pos pos) {
    struct fetch_args r = {0};
    eval_force(st, arg, pos);
    if (arg->type != VT_ATTRS) {
        r.url = eval_force_string_noctx(st, arg, pos);
        return r;
    }
    struct attrs *a = arg->attrs;
    for (uint32_t i = 0; i < a->n; i++) {
        const char *k = sym_name(st->symbols, a->a[i].name);
        nix_pos at = a->a[i].pos ? a->a[i].pos : pos;
        if (strcmp(k, "url") == 0)
            r.url = eval_force_string_noctx(st, a->a[i].value, at);
        else if (strcmp(k, "name") == 0)
            r.name = eval_force_string_noctx(st, a->a[i].value, at);
        else if (strcmp(k, "sha256") == 0)
            r.sha256 = eval_force_string_noctx(st, a->a[i].value, at);
        else
            eval_error(st, ERR_EVAL, at, "unsupported argument '%s' to '%s'", k, who);
    }
    if (!r.url) eval_error(st, ERR_EVAL, pos, "'url' argument required");
    return r;
}

/* A URL's local file, or an error: remote URLs need the network, and a plain path is not a
 * URL to 2.8's downloader (curl) either. */
static const char *local_file_of(struct eval_state *st, const char *url, nix_pos pos) {
    const char *path = file_url_path(url);
    if (path) return path;
    if (!strstr(url, "://") && strncmp(url, "channel:", 8) != 0)
        eval_error(st, ERR_IO, 0,
                   "unable to download '%s': URL using bad/illegal format or missing URL (3)", url);
    no_network(st, url, pos);
}

static void prim_fetchurl(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    struct fetch_args a = fetch_args(st, args[0], "fetchurl", pos);
    const char *path = local_file_of(st, a.url, pos);
    const char *name = a.name;
    if (!name) {
        const char *slash = strrchr(a.url, '/');
        name = slash ? slash + 1 : a.url;
    }
    struct hash want;
    if (a.sha256) {
        want = parse_sha256(st, a.sha256, pos);
        const char *have = pinned_in_store(st, false, &want, name);
        if (have) {
            mk_store_string(out, have);
            return;
        }
    }
    mk_store_string(out, fetch_local_file(st, a.url, path, name, a.sha256 ? &want : NULL, pos));
}

/* ---- fetchTarball ---- */

/* Unpacks `path` and adds its single top-level entry as `name`. Returns the malloc'd store path
 * and its NAR hash, or NULL with *err set. */
static char *unpack_tarball(const char *store_dir, const char *url, const char *path,
                            const char *name, struct hash *nar, char **err) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *err = msg_printf("unable to download '%s': Couldn't read a file:// file (37)", url);
        return NULL;
    }
    char *tmp = make_tmpdir(err);
    if (!tmp) {
        close(fd);
        return NULL;
    }
    char *dst = NULL;
    int rc = unpack_fd(fd, tmp, url, err);
    close(fd);
    if (rc == 0) {
        DIR *d = opendir(tmp);
        char *top = NULL;
        size_t n = 0;
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
            if (n++ == 0) top = msg_printf("%s/%s", tmp, e->d_name);
        }
        if (d) closedir(d);
        if (n != 1)
            *err = msg_printf("tarball '%s' contains an unexpected number of top-level files", url);
        else
            dst = add_tree(store_dir, top, name, NULL, NULL, nar, err);
        free(top);
    }
    remove_tree(tmp);
    free(tmp);
    return dst;
}

static void prim_fetchTarball(struct eval_state *st, struct value **args, struct value *out,
                              nix_pos pos) {
    struct fetch_args a = fetch_args(st, args[0], "fetchTarball", pos);
    const char *path = local_file_of(st, a.url, pos);
    const char *name = a.name ? a.name : "source";
    struct hash want;
    if (a.sha256) {
        want = parse_sha256(st, a.sha256, pos);
        const char *have = pinned_in_store(st, true, &want, name);
        if (have) {
            mk_store_string(out, have);
            return;
        }
    }
    char *err = NULL;
    struct hash nar;
    char *dst = unpack_tarball(st->store_dir, a.url, path, name, &nar, &err);
    if (!dst) fail_with(st, 0, err);
    const char *r = gc_strdup(dst);
    free(dst);
    /* As Nix: the unpacked tree is added first, then its hash checked. */
    if (a.sha256 && !hash_equal(&want, &nar)) hash_mismatch(st, a.url, &want, &nar);
    mk_store_string(out, r);
}

/* ---- fetchGit ---- */

struct git_args {
    const char *url, *ref, *rev, *name, *nar_hash;
    bool shallow, submodules;
    bool has_last_modified, has_rev_count; /* given: the result must have these values */
    int64_t last_modified, rev_count;
};

/* A ref git would refuse as a branch or tag name (Nix checks this before running git). */
static bool bad_git_ref(const char *r) {
    size_t n = strlen(r);
    if (n == 0 || strcmp(r, "@") == 0 || r[0] == '.' || r[0] == '/' || r[n - 1] == '/' ||
        r[n - 1] == '.')
        return true;
    if (strstr(r, "//") || strstr(r, "/.") || strstr(r, "..") || strstr(r, "@{") ||
        strstr(r, ".lock/") || (n >= 5 && strcmp(r + n - 5, ".lock") == 0))
        return true;
    for (const char *p = r; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == ' ' || strchr(":?^~[\\*\t\n\v\f\r", *p))
            return true;
    return false;
}

static bool is_hex40(const char *s) {
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f'))) return false;
    return n == 40;
}

static struct git_args git_args(struct eval_state *st, struct value *arg, bool tree, nix_pos pos) {
    struct git_args r = {.name = "source"};
    eval_force(st, arg, pos);
    if (arg->type != VT_ATTRS) {
        r.url = eval_coerce_to_string(st, arg, pos, NULL, false, false);
        return r;
    }
    struct attrs *a = arg->attrs;
    for (uint32_t i = 0; i < a->n; i++) {
        const char *k = sym_name(st->symbols, a->a[i].name);
        if (tree && strcmp(k, "type") == 0) continue; /* fetchTree's own attribute */
        nix_pos at = a->a[i].pos ? a->a[i].pos : pos;
        struct value *v = a->a[i].value;
        eval_force(st, v, at);
        const char *s = NULL;
        bool b = false;
        if (v->type == VT_STRING || v->type == VT_PATH)
            s = eval_coerce_to_string(st, v, at, NULL, false, false);
        else if (v->type == VT_BOOL)
            b = v->b;
        else if (v->type != VT_INT)
            eval_error(st, ERR_EVAL, 0,
                       "fetchTree argument '%s' is %s while a string, Boolean or integer is "
                       "expected",
                       k, value_type_desc(v));
        bool want_str = true;
        if (strcmp(k, "url") == 0)
            r.url = s;
        else if (strcmp(k, "ref") == 0)
            r.ref = s;
        else if (strcmp(k, "rev") == 0)
            r.rev = s;
        else if (strcmp(k, "name") == 0)
            r.name = s;
        else if (strcmp(k, "narHash") == 0)
            r.nar_hash = s;
        else if (strcmp(k, "shallow") == 0)
            r.shallow = b, want_str = false;
        else if (strcmp(k, "submodules") == 0)
            r.submodules = b, want_str = false;
        else if (strcmp(k, "allRefs") == 0)
            want_str = false; /* every ref of a local repository is there anyway */
        else if (strcmp(k, "lastModified") == 0)
            r.has_last_modified = true, r.last_modified = v->type == VT_INT ? v->i : -1,
            want_str = false;
        else if (strcmp(k, "revCount") == 0)
            r.has_rev_count = true, r.rev_count = v->type == VT_INT ? v->i : -1, want_str = false;
        else
            eval_error(st, ERR_EVAL, 0, "unsupported Git input attribute '%s'", k);
        if (want_str && !s)
            eval_error(st, ERR_EVAL, 0, "attribute '%s' of the Git input should be a string", k);
        if (!want_str && v->type != VT_BOOL && strcmp(k, "lastModified") != 0 &&
            strcmp(k, "revCount") != 0)
            eval_error(st, ERR_EVAL, 0, "attribute '%s' of the Git input should be a Boolean", k);
    }
    if (!r.url) eval_error(st, ERR_EVAL, 0, "attribute 'url' missing in the Git input");
    if (r.ref && bad_git_ref(r.ref))
        eval_error(st, ERR_EVAL, 0, "invalid Git branch/tag name '%s'", r.ref);
    if (r.rev && !is_hex40(r.rev))
        eval_error(st, ERR_EVAL, 0, "hash '%s' has wrong length for hash type 'sha1'", r.rev);
    return r;
}

/* The local repository a fetchGit URL names, or an error for remote ones. */
static const char *git_local_path(struct eval_state *st, const char *url, nix_pos pos) {
    const char *path = file_url_path(url);
    if (!path) {
        bool scp = false;
        const char *at = strchr(url, '@');
        if (url[0] != '/' && at && strchr(at, ':')) scp = true; /* user@host:path is ssh */
        if (strstr(url, "://") || scp)
            eval_error(st, ERR_IO, pos,
                       "fetchGit: cannot fetch '%s': hearth evaluates without network access "
                       "(only local repositories, as a path or a file:// URL, can be fetched)",
                       url);
        path = url;
    }
    /* 2.8 makes "file://" + the string a URL: what precedes the first '/' is its authority. */
    if (path[0] != '/')
        eval_error(st, ERR_EVAL, 0, "file:// URL 'file://%s' has unexpected authority '%.*s'", path,
                   (int)strcspn(path, "/"), path);
    char *abs = store_canon_path(path);
    if (!abs) eval_error(st, ERR_IO, pos, "out of memory");
    const char *r = gc_strdup(abs);
    free(abs);
    return r;
}

static void push_attr(struct eval_state *st, struct attrs *a, const char *name, struct value *v) {
    attrs_push(a, eval_sym(st, name), v, 0);
}

static struct value *str_value(const char *s) {
    struct value *v = value_alloc();
    mk_string(v, s, NULL);
    return v;
}

static struct value *int_value(int64_t i) {
    struct value *v = value_alloc();
    mk_int(v, i);
    return v;
}

/* A result's outPath and narHash (SRI form), and its lastModified with the date form. */
static const char *sri(const struct hash *h) {
    char b64[HASH_MAX_BYTES * 2 + 1];
    hash_to_base64(h->bytes, h->len, b64);
    return gc_printf("sha256-%s", b64);
}

static void tree_push_store(struct eval_state *st, struct attrs *a, const char *path,
                            const struct hash *nar) {
    struct value *o = value_alloc();
    mk_store_string(o, path);
    push_attr(st, a, "outPath", o);
    push_attr(st, a, "narHash", str_value(sri(nar)));
}

static void tree_push_modified(struct eval_state *st, struct attrs *a, int64_t last) {
    push_attr(st, a, "lastModified", int_value(last));
    time_t t = (time_t)last;
    struct tm tm;
    char date[32] = "";
    if (gmtime_r(&t, &tm)) strftime(date, sizeof date, "%Y%m%d%H%M%S", &tm);
    push_attr(st, a, "lastModifiedDate", str_value(gc_strdup(date)));
}

/* fetchGit's result, as 2.8's emitTreeAttrs builds it. */
static void git_result(struct eval_state *st, struct value *out, const char *path,
                       const struct hash *nar, const char *rev, int64_t rev_count,
                       int64_t last_modified, bool submodules) {
    /* fetchTree leaves out what a dirty tree does not have (fetchGit gives zeros). */
    bool no_rev = rev == NULL;
    struct attrs *a = attrs_new(8);
    tree_push_store(st, a, path, nar);
    struct value *sm = value_alloc();
    mk_bool(sm, submodules);
    push_attr(st, a, "submodules", sm);
    if (!no_rev) {
        push_attr(st, a, "revCount", int_value(rev_count));
        push_attr(st, a, "rev", str_value(rev));
        push_attr(st, a, "shortRev", str_value(gc_strndup(rev, 7)));
    }
    tree_push_modified(st, a, last_modified);
    attrs_sort(a);
    mk_attrs(out, a);
}

/* An input as Nix 2.8 names it in messages: git+file://PATH?ref=REF&rev=REV&shallow=1. */
static const char *input_url(const char *repo, const char *ref, const char *rev, bool shallow) {
    const char *u = gc_printf("git+file://%s", repo);
    char sep = '?';
    if (ref) u = gc_printf("%s%cref=%s", u, sep, ref), sep = '&';
    if (rev) u = gc_printf("%s%crev=%s", u, sep, rev), sep = '&';
    if (shallow) u = gc_printf("%s%cshallow=1", u, sep);
    return u;
}

/* The HEAD ref as Nix 2.8 reads it for messages: the branch name, or the commit when
 * detached. */
static const char *head_ref(const char *repo, const char *rev) {
    struct git_out h = git_run(repo, "symbolic-ref", "--short", "-q", "HEAD", NULL);
    if (h.code != 0 || !h.len) return rev;
    h.out[strcspn(h.out, "\n")] = 0;
    return h.out;
}

/* What the caller pinned (narHash, lastModified, revCount) must match the result, as Nix
 * checks it, with its messages. `ref` and `rev` are NULL for a dirty working tree. */
static void check_pinned(struct eval_state *st, const struct git_args *g, const char *repo,
                         const char *ref, const char *rev, const char *path, const struct hash *nar,
                         int64_t last, int64_t count) {
    if (g->nar_hash) {
        char *err = NULL;
        struct hash want;
        enum hash_algo algo = HASH_SHA256;
        if (hash_parse_any(g->nar_hash, &algo, &want, &err) != 0) fail_with(st, 0, err);
        if (!hash_equal(&want, nar)) {
            char w[HASH_MAX_BYTES * 2 + 1], h[HASH_MAX_BYTES * 2 + 1];
            hash_to_base64(want.bytes, want.len, w);
            hash_to_base64(nar->bytes, nar->len, h);
            eval_error(st, ERR_IO, 0,
                       "NAR hash mismatch in input '%s' (%s), expected 'sha256-%s', got "
                       "'sha256-%s'",
                       input_url(repo, g->ref, g->rev, g->shallow), path, w, h);
        }
    }
    if (g->has_last_modified && g->last_modified != last)
        eval_error(st, ERR_IO, 0, "'lastModified' attribute mismatch in input '%s', expected %lld",
                   input_url(repo, ref, rev, g->shallow), (long long)g->last_modified);
    /* A dirty tree or a shallow fetch has no revision count to match. */
    if (g->has_rev_count && (!rev || g->shallow || g->rev_count != count))
        eval_error(st, ERR_IO, 0, "'revCount' attribute mismatch in input '%s', expected %lld",
                   input_url(repo, ref, rev, g->shallow), (long long)g->rev_count);
}

/* Whether the repository has any branch, as 2.8 decides it: a file under refs/heads of the
 * common git directory (so a repository whose branches are all packed counts as having none,
 * and its working tree is used, as in 2.8). */
static bool git_have_commits(struct eval_state *st, const char *repo, nix_pos pos) {
    const char *common = git_line(st, pos, "git rev-parse --git-common-dir",
                                  git_run(repo, "rev-parse", "--git-common-dir", NULL), repo);
    const char *heads = common[0] == '/' ? gc_printf("%s/refs/heads", common)
                                         : gc_printf("%s/%s/refs/heads", repo, common);
    DIR *d = opendir(heads);
    if (!d) return false;
    bool any = false;
    struct dirent *e;
    while (!any && (e = readdir(d)))
        any = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return any;
}

static int64_t parse_count(struct eval_state *st, const char *s, const char *what, nix_pos pos) {
    char *end;
    errno = 0;
    long long n = strtoll(s, &end, 10);
    if (errno || end == s || *end)
        eval_error(st, ERR_IO, pos, "fetchGit: unexpected output of %s: '%s'", what, s);
    return n;
}

/* A dirty working tree: its tracked files as they are on disk. */
static void fetch_git_dirty(struct eval_state *st, const struct git_args *g, const char *repo,
                            bool have_commits, bool tree, struct value *out, nix_pos pos) {
    fprintf(stderr, "warning: Git tree '%s' is dirty\n", repo);
    struct git_out r = g->submodules ? git_run(repo, "ls-files", "-z", "--recurse-submodules", NULL)
                                     : git_run(repo, "ls-files", "-z", NULL);
    git_line(st, pos, "git ls-files", r, repo);
    struct tracked t = {.root = repo, .rootlen = strlen(repo)};
    size_t cap = 0;
    for (size_t i = 0; i < r.len; i += strlen(r.out + i) + 1)
        cap++;
    t.files = GC_MALLOC((cap + 1) * sizeof *t.files);
    for (size_t i = 0; i < r.len; i += strlen(r.out + i) + 1)
        if (r.out[i]) t.files[t.n++] = r.out + i;
    qsort(t.files, t.n, sizeof *t.files, cmp_str);
    char *err = NULL;
    struct hash nar;
    char *dst = add_tree(st->store_dir, repo, g->name, tracked_filter, &t, &nar, &err);
    if (!dst) fail_with(st, pos, err);
    const char *path = gc_strdup(dst);
    free(dst);
    int64_t last = 0;
    if (have_commits)
        last = parse_count(st,
                           git_line(st, pos, "git log",
                                    git_run(repo, "log", "-1", "--format=%ct",
                                            "--no-show-signature", "HEAD", NULL),
                                    repo),
                           "git log", pos);
    check_pinned(st, g, repo, NULL, NULL, path, &nar, last, 0);
    git_result(st, out, path, &nar, tree ? NULL : "0000000000000000000000000000000000000000", 0,
               last, g->submodules);
}

/* fetchGit, and fetchTree's git inputs (`tree`: its result for a dirty tree). */
static void fetch_git(struct eval_state *st, struct git_args g, bool tree, struct value *out,
                      nix_pos pos) {
    const char *repo = git_local_path(st, g.url, pos);
    struct stat sb;
    if (stat(repo, &sb) != 0 || !S_ISDIR(sb.st_mode))
        eval_error(st, ERR_IO, pos, "fetchGit: '%s' does not appear to be a Git repository", repo);
    /* Without a .git entry Nix treats the path as a remote (bare) repository: its default
     * ref is then "master" and refs are branch names. */
    bool bare = lstat(gc_printf("%s/.git", repo), &sb) != 0;
    if (bare) {
        struct git_out r = git_run(repo, "rev-parse", "--is-bare-repository", NULL);
        if (r.code != 0 || strncmp(r.out, "true", 4) != 0)
            eval_error(st, ERR_IO, pos, "fetchGit: '%s' does not appear to be a Git repository",
                       repo);
    }
    if (!bare && !g.ref && !g.rev) {
        bool have = git_have_commits(st, repo, pos);
        bool clean = false;
        if (have) {
            struct git_out r = git_run(repo, "diff-index", "--quiet", "HEAD", "--", NULL);
            if (r.code != 0 && r.code != 1) git_line(st, pos, "git diff-index", r, repo);
            clean = r.code == 0;
        }
        if (!clean) {
            fetch_git_dirty(st, &g, repo, have, tree, out, pos);
            return;
        }
    }
    const char *ref = g.ref ? g.ref : bare ? "master" : "HEAD";
    if (bare && strncmp(ref, "refs/", 5) != 0) ref = gc_printf("refs/heads/%s", ref);
    const char *rev = g.rev;
    if (!rev)
        rev = git_line(st, pos, gc_printf("git rev-parse %s", ref),
                       git_run(repo, "rev-parse", "--verify", "--end-of-options", ref, NULL), repo);
    const char *shallow =
        git_line(st, pos, "git rev-parse",
                 git_run(repo, "rev-parse", "--is-shallow-repository", NULL), repo);
    if (strcmp(shallow, "true") == 0 && !g.shallow)
        eval_error(st, ERR_IO, 0,
                   "'%s' is a shallow Git repository, but a non-shallow repository is needed",
                   repo);
    if (git_run(repo, "cat-file", "-e", gc_printf("%s^{commit}", rev), NULL).code != 0) {
        const char *shown = g.ref;
        if (!shown) {
            struct git_out h = git_run(repo, "rev-parse", "--abbrev-ref", "HEAD", NULL);
            shown = h.code == 0 ? git_line(st, pos, "", h, repo) : "HEAD";
        }
        eval_error(st, ERR_IO, 0,
                   "Cannot find Git revision '%s' in ref '%s' of repository '%s'! Please make "
                   "sure that the rev exists on the ref you've specified or add allRefs = true; "
                   "to fetchGit.",
                   rev, shown, repo);
    }
    if (g.submodules) {
        /* Submodules would be cloned from their own URLs (usually remote): refused when the
         * tree has any; without them the result is the plain tree. */
        struct git_out t = git_run(repo, "ls-tree", "-r", "-z", rev, NULL);
        git_line(st, pos, "git ls-tree", t, repo);
        for (size_t i = 0; i < t.len; i += strlen(t.out + i) + 1)
            if (strncmp(t.out + i, "160000 ", 7) == 0)
                eval_error(st, ERR_IO, pos,
                           "fetchGit: '%s' has submodules at %s; hearth cannot fetch them "
                           "(they come from their own, usually remote, repositories)",
                           repo, rev);
    }
    char *err = NULL;
    struct hash nar;
    char *dst = g.submodules ? git_checkout_export(st->store_dir, repo, rev, g.name, &nar, &err)
                             : git_export(st->store_dir, repo, rev, g.name, &nar, &err);
    if (!dst) fail_with(st, pos, err);
    const char *path = gc_strdup(dst);
    free(dst);
    int64_t last = parse_count(
        st,
        git_line(st, pos, "git log",
                 git_run(repo, "log", "-1", "--format=%ct", "--no-show-signature", rev, NULL),
                 repo),
        "git log", pos);
    int64_t count = 0;
    if (!g.shallow)
        count = parse_count(st,
                            git_line(st, pos, "git rev-list",
                                     git_run(repo, "rev-list", "--count", rev, NULL), repo),
                            "git rev-list", pos);
    if (g.nar_hash || g.has_last_modified || g.has_rev_count) {
        const char *shown = g.ref ? g.ref : bare ? "master" : head_ref(repo, rev);
        check_pinned(st, &g, repo, shown, rev, path, &nar, last, count);
    }
    git_result(st, out, path, &nar, rev, count, last, g.submodules);
}

static void prim_fetchGit(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    fetch_git(st, git_args(st, args[0], false, pos), false, out, pos);
}

/* ---- the others ---- */

static void prim_fetchMercurial(struct eval_state *st, struct value **args, struct value *out,
                                nix_pos pos) {
    (void)out;
    (void)args;
    eval_error(st, ERR_IO, pos, "fetchMercurial is not supported by hearth (no hg)");
}

/* ---- fetchTree ---- */

/* One attribute of a fetchTree input: a string, a Boolean or an integer. */
struct tree_attr {
    const char *name;
    enum { TA_STR, TA_BOOL, TA_INT } kind;
    const char *s;
    int64_t i;
};

struct tree_input {
    struct tree_attr *a; /* sorted by name */
    size_t n;
};

static const struct tree_attr *tree_get(const struct tree_input *in, const char *name) {
    for (size_t i = 0; i < in->n; i++)
        if (strcmp(in->a[i].name, name) == 0) return &in->a[i];
    return NULL;
}

static int cmp_tree_attr(const void *a, const void *b) {
    return strcmp(((const struct tree_attr *)a)->name, ((const struct tree_attr *)b)->name);
}

/* The input as 2.8 shows an unsupported one: its attributes as JSON, keys sorted. */
static const char *tree_json(const struct tree_input *in) {
    struct strbuf b;
    sb_init(&b, 64);
    sb_addc(&b, '{');
    for (size_t i = 0; i < in->n; i++) {
        const struct tree_attr *t = &in->a[i];
        sb_printf(&b, "%s\"%s\":", i ? "," : "", t->name);
        if (t->kind == TA_INT) {
            sb_printf(&b, "%lld", (long long)t->i);
        } else if (t->kind == TA_BOOL) {
            sb_printf(&b, "%s", t->i ? "true" : "false");
        } else {
            sb_addc(&b, '"');
            for (const unsigned char *p = (const unsigned char *)t->s; *p; p++) {
                if (*p == '"' || *p == '\\')
                    sb_printf(&b, "\\%c", *p);
                else if (*p < 0x20)
                    sb_printf(&b, "\\u%04x", *p);
                else
                    sb_addc(&b, (char)*p);
            }
            sb_addc(&b, '"');
        }
    }
    sb_addc(&b, '}');
    return sb_str(&b);
}

/* `base?k=v&...` with the given attributes other than those `skip` names, as 2.8 names an
 * input in messages. */
static const char *tree_url(const struct tree_input *in, const char *base,
                            const char *const *skip) {
    const char *u = base;
    char sep = '?';
    for (size_t i = 0; i < in->n; i++) {
        const struct tree_attr *t = &in->a[i];
        bool skipped = false;
        for (size_t k = 0; skip[k]; k++)
            skipped |= strcmp(skip[k], t->name) == 0;
        if (skipped) continue;
        if (t->kind == TA_STR)
            u = gc_printf("%s%c%s=%s", u, sep, t->name, t->s);
        else
            u = gc_printf("%s%c%s=%lld", u, sep, t->name, (long long)t->i);
        sep = '&';
    }
    return u;
}

static void tree_check_attrs(struct eval_state *st, const struct tree_input *in, const char *what,
                             const char *const *allowed) {
    for (size_t i = 0; i < in->n; i++) {
        bool ok = false;
        for (size_t k = 0; allowed[k]; k++)
            ok |= strcmp(allowed[k], in->a[i].name) == 0;
        if (!ok)
            eval_error(st, ERR_EVAL, 0, "unsupported %s input attribute '%s'", what, in->a[i].name);
    }
}

static const char *tree_required(struct eval_state *st, const struct tree_input *in,
                                 const char *name) {
    const struct tree_attr *t = tree_get(in, name);
    if (!t) eval_error(st, ERR_EVAL, 0, "input attribute '%s' is missing", name);
    if (t->kind != TA_STR)
        eval_error(st, ERR_EVAL, 0, "input attribute '%s' is not a string %s", name, tree_json(in));
    return t->s;
}

/* A given narHash must be the result's, with 2.8's message naming the input. */
static void tree_check_nar(struct eval_state *st, const struct tree_input *in, const char *url,
                           const char *path, const struct hash *nar) {
    const struct tree_attr *t = tree_get(in, "narHash");
    if (!t || t->kind != TA_STR) return;
    char *err = NULL;
    struct hash want;
    enum hash_algo algo = HASH_SHA256;
    if (hash_parse_any(t->s, &algo, &want, &err) != 0) fail_with(st, 0, err);
    if (!hash_equal(&want, nar))
        eval_error(st, ERR_IO, 0, "NAR hash mismatch in input '%s' (%s), expected '%s', got '%s'",
                   url, path, sri(&want), sri(nar));
}

/* The newest modification time in a tree (not following symlinks): a path input's
 * lastModified in 2.8. */
static int64_t newest_mtime(const char *path) {
    struct stat sb;
    if (lstat(path, &sb) != 0) return 0;
    int64_t m = sb.st_mtim.tv_sec;
    if (!S_ISDIR(sb.st_mode)) return m;
    DIR *d = opendir(path);
    if (!d) return m;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        int64_t s = newest_mtime(gc_printf("%s/%s", path, e->d_name));
        if (s > m) m = s;
    }
    closedir(d);
    return m;
}

static void tree_path(struct eval_state *st, const struct tree_input *in, struct value *out,
                      nix_pos pos) {
    static const char *const allowed[] = {"type",     "path",         "narHash", "rev",
                                          "revCount", "lastModified", NULL};
    tree_check_attrs(st, in, "path", allowed);
    const char *p = tree_required(st, in, "path");
    if (p[0] != '/')
        eval_error(st, ERR_IO, 0, "cannot fetch input 'path:%s' because it uses a relative path",
                   p);
    struct stat sb;
    if (lstat(p, &sb) != 0)
        eval_error(st, ERR_IO, 0, "getting status of '%s': %s", p, strerror(errno));
    char *err = NULL;
    struct hash nar;
    char *dst = add_tree(st->store_dir, p, "source", NULL, NULL, &nar, &err);
    if (!dst) fail_with(st, pos, err);
    const char *path = gc_strdup(dst);
    free(dst);
    static const char *const skip[] = {"type", "path", NULL};
    tree_check_nar(st, in, tree_url(in, gc_printf("path:%s", p), skip), path, &nar);
    int64_t last = newest_mtime(p);
    const struct tree_attr *lm = tree_get(in, "lastModified");
    if (lm && (lm->kind != TA_INT || lm->i != last))
        eval_error(st, ERR_IO, 0,
                   "'lastModified' attribute mismatch in input 'path:%s?lastModified=%lld&"
                   "narHash=%s', expected %lld",
                   p, (long long)last, sri(&nar), (long long)lm->i);
    struct attrs *a = attrs_new(4);
    tree_push_store(st, a, path, &nar);
    tree_push_modified(st, a, last);
    attrs_sort(a);
    mk_attrs(out, a);
}

static void tree_tarball(struct eval_state *st, const struct tree_input *in, struct value *out,
                         nix_pos pos) {
    static const char *const allowed[] = {"type", "url", "narHash", "unpack", NULL};
    tree_check_attrs(st, in, "tarball", allowed);
    const char *url = tree_required(st, in, "url");
    const char *file = local_file_of(st, url, pos);
    /* A query belongs to the URL, not to the file's name. */
    file = gc_strndup(file, strcspn(file, "?"));
    char *err = NULL;
    struct hash nar;
    char *dst = unpack_tarball(st->store_dir, url, file, "source", &nar, &err);
    if (!dst) fail_with(st, 0, err);
    const char *path = gc_strdup(dst);
    free(dst);
    static const char *const skip[] = {"type", "url", NULL};
    tree_check_nar(st, in, tree_url(in, url, skip), path, &nar);
    struct attrs *a = attrs_new(2);
    tree_push_store(st, a, path, &nar);
    attrs_sort(a);
    mk_attrs(out, a);
}

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && strcmp(s + n - k, suf) == 0;
}

static bool tarball_name(const char *path) {
    static const char *const ext[] = {".zip",    ".tar",     ".tgz",     ".tar.gz",
                                      ".tar.xz", ".tar.bz2", ".tar.zst", NULL};
    for (size_t i = 0; ext[i]; i++)
        if (has_suffix(path, ext[i])) return true;
    return false;
}

/* The string form: a URL as 2.8 reads it (one without "://" is taken as file://...). The
 * local kinds are git+file://, path:// and file:// tarballs. */
static void tree_from_url(struct eval_state *st, const char *text, struct value *out, nix_pos pos) {
    const char *url = strstr(text, "://") ? text : gc_printf("file://%s", text);
    size_t sl = (size_t)(strstr(url, "://") - url);
    const char *scheme = gc_strndup(url, sl);
    const char *rest = url + sl + 3;
    size_t bl = strcspn(rest, "?");
    const char *where = gc_strndup(rest, bl);
    const char *query = rest[bl] ? rest + bl + 1 : "";
    struct tree_input in = {GC_MALLOC(8 * sizeof *in.a), 0};
    /* Query parameters become attributes, as in 2.8. */
    for (const char *q = query; *q && in.n < 7;) {
        size_t n = strcspn(q, "&");
        const char *kv = gc_strndup(q, n);
        const char *eq = strchr(kv, '=');
        if (eq) {
            const char *k = gc_strndup(kv, (size_t)(eq - kv));
            const char *v = eq + 1;
            struct tree_attr t = {.name = k, .kind = TA_STR, .s = v};
            if (strcmp(k, "lastModified") == 0 || strcmp(k, "revCount") == 0)
                t.kind = TA_INT, t.i = strtoll(v, NULL, 10);
            in.a[in.n++] = t;
        }
        q += n;
        if (*q) q++;
    }
    qsort(in.a, in.n, sizeof *in.a, cmp_tree_attr);
    if (strncmp(scheme, "git+", 4) == 0) {
        struct git_args g = {.name = "source", .url = gc_printf("%s://%s", scheme + 4, where)};
        for (size_t i = 0; i < in.n; i++) {
            const struct tree_attr *t = &in.a[i];
            if (strcmp(t->name, "ref") == 0) g.ref = t->s;
            if (strcmp(t->name, "rev") == 0) g.rev = t->s;
            if (strcmp(t->name, "narHash") == 0) g.nar_hash = t->s;
            if (strcmp(t->name, "shallow") == 0) g.shallow = strcmp(t->s, "1") == 0;
            if (strcmp(t->name, "submodules") == 0) g.submodules = strcmp(t->s, "1") == 0;
        }
        if (g.ref && bad_git_ref(g.ref))
            eval_error(st, ERR_EVAL, 0, "invalid Git branch/tag name '%s'", g.ref);
        if (g.rev && !is_hex40(g.rev))
            eval_error(st, ERR_EVAL, 0, "hash '%s' has wrong length for hash type 'sha1'", g.rev);
        fetch_git(st, g, true, out, pos);
        return;
    }
    if (strcmp(scheme, "path") == 0) {
        in.a[in.n++] = (struct tree_attr){.name = "path", .kind = TA_STR, .s = where};
        qsort(in.a, in.n, sizeof *in.a, cmp_tree_attr);
        tree_path(st, &in, out, pos);
        return;
    }
    bool transport =
        strcmp(scheme, "file") == 0 || strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0;
    if (transport && tarball_name(where)) {
        /* narHash is an attribute; what else is in the query stays in the URL. */
        const char *u = gc_printf("%s://%s", scheme, where);
        char sep = '?';
        for (size_t i = 0; i < in.n; i++)
            if (strcmp(in.a[i].name, "narHash") != 0 && in.a[i].kind == TA_STR)
                u = gc_printf("%s%c%s=%s", u, sep, in.a[i].name, in.a[i].s), sep = '&';
        struct tree_input t = {GC_MALLOC(3 * sizeof *t.a), 0};
        const struct tree_attr *nh = tree_get(&in, "narHash");
        if (nh) t.a[t.n++] = *nh;
        t.a[t.n++] = (struct tree_attr){.name = "type", .kind = TA_STR, .s = "tarball"};
        t.a[t.n++] = (struct tree_attr){.name = "url", .kind = TA_STR, .s = u};
        tree_tarball(st, &t, out, pos);
        return;
    }
    eval_error(st, ERR_EVAL, 0, "input '%s' is unsupported", url);
}

/* fetchTree: experimental in Nix (2.8: the `flakes` feature; current Nix: `fetch-tree`,
 * which flakes implies). Local path, tarball and git inputs, attribute set or URL. */
static void prim_fetchTree(struct eval_state *st, struct value **args, struct value *out,
                           nix_pos pos) {
    if (!(st->xp_features & (XP_FLAKES | XP_FETCH_TREE)))
        eval_error(st, ERR_EVAL, 0,
                   "experimental Nix feature 'flakes' is disabled; use "
                   "'--extra-experimental-features flakes' to override");
    struct value *arg = args[0];
    eval_force(st, arg, pos);
    if (arg->type != VT_ATTRS) {
        tree_from_url(st, eval_coerce_to_string(st, arg, pos, NULL, false, false), out, pos);
        return;
    }
    struct attrs *as = arg->attrs;
    struct tree_input in = {GC_MALLOC((as->n + 1) * sizeof *in.a), 0};
    const char *type = NULL;
    for (uint32_t i = 0; i < as->n; i++) {
        const char *k = sym_name(st->symbols, as->a[i].name);
        nix_pos at = as->a[i].pos ? as->a[i].pos : pos;
        struct value *v = as->a[i].value;
        struct tree_attr t = {.name = k, .kind = TA_STR};
        if (strcmp(k, "type") == 0) {
            t.s = type = eval_force_string_noctx(st, v, at);
            in.a[in.n++] = t;
            continue;
        }
        eval_force(st, v, at);
        if (v->type == VT_STRING || v->type == VT_PATH)
            t.s = eval_coerce_to_string(st, v, at, NULL, false, false);
        else if (v->type == VT_BOOL)
            t.kind = TA_BOOL, t.i = v->b;
        else if (v->type == VT_INT)
            t.kind = TA_INT, t.i = v->i;
        else
            eval_error(st, ERR_EVAL, 0,
                       "fetchTree argument '%s' is %s while a string, Boolean or integer is "
                       "expected",
                       k, value_type_desc(v));
        in.a[in.n++] = t;
    }
    qsort(in.a, in.n, sizeof *in.a, cmp_tree_attr);
    if (!type) eval_error(st, ERR_EVAL, pos, "attribute 'type' is missing in call to 'fetchTree'");
    if (tree_get(&in, "name"))
        eval_error(st, ERR_EVAL, pos, "attribute 'name' isn't supported in call to 'fetchTree'");
    if (strcmp(type, "path") == 0)
        tree_path(st, &in, out, pos);
    else if (strcmp(type, "tarball") == 0)
        tree_tarball(st, &in, out, pos);
    else if (strcmp(type, "git") == 0)
        fetch_git(st, git_args(st, arg, true, pos), true, out, pos);
    else
        eval_error(st, ERR_EVAL, 0, "cannot fetch unsupported input '%s'", tree_json(&in));
}

void builtins_fetch_register(struct eval_state *st) {
    eval_register_primop(st, "__fetchurl", 1, prim_fetchurl);
    eval_register_primop(st, "fetchTarball", 1, prim_fetchTarball);
    eval_register_primop(st, "fetchGit", 1, prim_fetchGit);
    eval_register_primop(st, "fetchTree", 1, prim_fetchTree);
    eval_register_primop(st, "fetchMercurial", 1, prim_fetchMercurial);
}
