/* src/cli/eval_cache.c: see eval_cache.h.
 *
 * Cache file: "hearth-eval-cache-v1\n", then one input per line, KIND TAB FIELD TAB FIELD, the
 * fields escaped (%, TAB and newline as %25, %09, %0A):
 *   F PATH FP     a file read or imported: FP is its stat fingerprint or "missing"
 *   T PATH HASH   a tree copied to the store: sha256 over every entry's name and fingerprint
 *   E NAME VALUE  an environment variable ("\1" when unset)
 *   W TEXT        a trace line to print again
 * then a line "--" and the output, as is. */
#include "cli/eval_cache.h"

#include "store/hash.h"
#include "store/profile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gc.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define CACHE_MAGIC "hearth-eval-cache-v1\n"

enum wrapped {
    W_IMPORT,
    W_SCOPED_IMPORT,
    W_GETENV,
    W_FINDFILE,
    W_READFILE,
    W_READDIR,
    W_READFILETYPE,
    W_PATHEXISTS,
    W_HASHFILE,
    W_PATH,
    W_FILTERSOURCE,
    W_TRACE,
    W_UNCACHEABLE, /* the rest: their use makes the evaluation uncacheable */
};

/* name (as registered), arity, what to record */
static const struct {
    const char *name;
    unsigned arity;
    enum wrapped kind;
} WRAPPED[] = {
    {"import", 1, W_IMPORT},
    {"scopedImport", 2, W_SCOPED_IMPORT},
    {"__getEnv", 1, W_GETENV},
    {"__findFile", 2, W_FINDFILE},
    {"__readFile", 1, W_READFILE},
    {"__readDir", 1, W_READDIR},
    {"__readFileType", 1, W_READFILETYPE},
    {"__pathExists", 1, W_PATHEXISTS},
    {"__hashFile", 2, W_HASHFILE},
    {"__path", 1, W_PATH},
    {"__filterSource", 2, W_FILTERSOURCE},
    {"__trace", 2, W_TRACE},
    {"__fetchurl", 1, W_UNCACHEABLE},
    {"fetchTarball", 1, W_UNCACHEABLE},
    {"fetchGit", 1, W_UNCACHEABLE},
    {"fetchTree", 1, W_UNCACHEABLE},
    {"__storePath", 1, W_UNCACHEABLE},
    {"__warn", 2, W_UNCACHEABLE},
    {"__traceVerbose", 2, W_UNCACHEABLE},
};
#define NWRAPPED (sizeof WRAPPED / sizeof WRAPPED[0])

/* GC-allocated (uncollectable) so that the original builtins it holds stay alive. */
struct eval_inputs {
    struct value *orig[NWRAPPED]; /* the original primops, NULL when not present */
    copy_to_store_fn orig_copy;
    char **lines; /* malloc'd */
    size_t n, cap;
    bool uncacheable;
};

struct eval_inputs *eval_inputs_new(void) {
    struct eval_inputs *r = GC_MALLOC_UNCOLLECTABLE(sizeof *r);
    if (r) memset(r, 0, sizeof *r);
    return r;
}

void eval_inputs_free(struct eval_inputs *r) {
    if (!r) return;
    for (size_t i = 0; i < r->n; i++)
        free(r->lines[i]);
    free(r->lines);
    GC_FREE(r);
}

static void escape_into(FILE *f, const char *s) {
    for (; *s; s++) {
        if (*s == '%')
            fputs("%25", f);
        else if (*s == '\t')
            fputs("%09", f);
        else if (*s == '\n')
            fputs("%0A", f);
        else
            fputc(*s, f);
    }
}

static void unescape(char *s) {
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '%' && r[1] && r[2]) {
            char hex[3] = {r[1], r[2], 0};
            *w++ = (char)strtol(hex, NULL, 16);
            r += 2;
        } else
            *w++ = *r;
    }
    *w = 0;
}

/* Appends "KIND\tA[\tB]" (fields escaped). */
static void record(struct eval_inputs *r, char kind, const char *a, const char *b) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        r->uncacheable = true;
        return;
    }
    fputc(kind, f);
    fputc('\t', f);
    escape_into(f, a);
    if (b) {
        fputc('\t', f);
        escape_into(f, b);
    }
    fclose(f);
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->lines[i], buf)) {
            free(buf);
            return;
        }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        char **nl = realloc(r->lines, cap * sizeof *nl);
        if (!nl) {
            free(buf);
            r->uncacheable = true;
            return;
        }
        r->lines = nl;
        r->cap = cap;
    }
    r->lines[r->n++] = buf;
}

/* ---- fingerprints ---- */

/* A file changed less than this long before it was read could change again within the same
 * timestamp tick without its fingerprint showing it (git's "racy" files): such a reading is
 * not cached. */
#define RACY_NS 50000000LL

static bool racy(const struct stat *st) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    long long n = (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
    long long m = (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
    long long c = (long long)st->st_ctim.tv_sec * 1000000000LL + st->st_ctim.tv_nsec;
    return n - m < RACY_NS || n - c < RACY_NS;
}

static void fingerprint_racy(const char *path, char *out, size_t size, bool *is_racy) {
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(out, size, "missing");
        return;
    }
    if (is_racy && racy(&st)) *is_racy = true;
    snprintf(out, size, "%lld.%09ld:%lld.%09ld:%lld:%llu:%o", (long long)st.st_mtim.tv_sec,
             st.st_mtim.tv_nsec, (long long)st.st_ctim.tv_sec, st.st_ctim.tv_nsec,
             (long long)st.st_size, (unsigned long long)st.st_ino, (unsigned)st.st_mode);
}

static void fingerprint(const char *path, char *out, size_t size) {
    fingerprint_racy(path, out, size, NULL);
}

static void tree_walk(struct hash_ctx *h, const char *path, int depth, bool *is_racy) {
    struct stat st;
    char fp[128];
    if (lstat(path, &st) != 0) {
        hash_ctx_update(h, "missing", 8);
        return;
    }
    if (is_racy && racy(&st)) *is_racy = true;
    snprintf(fp, sizeof fp, "%lld.%09ld:%lld.%09ld:%lld:%llu:%o", (long long)st.st_mtim.tv_sec,
             st.st_mtim.tv_nsec, (long long)st.st_ctim.tv_sec, st.st_ctim.tv_nsec,
             (long long)st.st_size, (unsigned long long)st.st_ino, (unsigned)st.st_mode);
    hash_ctx_update(h, fp, strlen(fp) + 1);
    if (!S_ISDIR(st.st_mode) || depth > 64) return;
    DIR *d = opendir(path);
    if (!d) return;
    struct dirent *e;
    /* readdir order is stable for an unchanged directory, and a changed one has a new mtime. */
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char sub[PATH_MAX];
        if ((size_t)snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) >= sizeof sub) continue;
        hash_ctx_update(h, e->d_name, strlen(e->d_name) + 1);
        tree_walk(h, sub, depth + 1, is_racy);
    }
    closedir(d);
}

static void tree_fingerprint(const char *path, char *out, bool *is_racy) {
    struct hash_ctx *h = hash_ctx_new(HASH_SHA256);
    tree_walk(h, path, 0, is_racy);
    struct hash d = hash_ctx_finish(h);
    hash_to_base16(d.bytes, d.len, out);
}

static void record_file(struct eval_inputs *r, const char *path) {
    char fp[128];
    fingerprint_racy(path, fp, sizeof fp, &r->uncacheable);
    record(r, 'F', path, fp);
}

static void record_tree(struct eval_inputs *r, const char *path) {
    char hex[2 * HASH_MAX_BYTES + 1];
    tree_fingerprint(path, hex, &r->uncacheable);
    record(r, 'T', path, hex);
}

/* ---- the wrappers ---- */

/* The path an argument names, when it is a path or an absolute string; NULL otherwise. */
static const char *arg_path(struct value *v) {
    if (v->type == VT_PATH) return v->path;
    if (v->type == VT_STRING && v->str.s[0] == '/') return v->str.s;
    if (v->type == VT_ATTRS) return NULL;
    return NULL;
}

struct call_ud {
    primop_fn fn;
    struct value **args;
    struct value *out;
    nix_pos pos;
};

static void call_orig(struct eval_state *st, void *ud) {
    struct call_ud *c = ud;
    c->fn(st, c->args, c->out, c->pos);
}

static void wrapper(struct eval_state *st, struct value **args, struct value *out, nix_pos pos,
                    size_t which) {
    struct eval_inputs *r = (struct eval_inputs *)(intptr_t)args[0]->i;
    struct value **a = args + 1;
    const struct primop *op = r->orig[which]->primop;
    enum wrapped kind = WRAPPED[which].kind;
    if (kind == W_UNCACHEABLE) r->uncacheable = true;
    if (kind == W_TRACE) {
        /* Recorded as prim_trace prints it, so that a cached run shows the same warnings. */
        eval_force(st, a[0], pos);
        struct strbuf sb;
        sb_init(&sb, 64);
        if (a[0]->type == VT_STRING)
            sb_adds(&sb, a[0]->str.s);
        else
            value_print(st, a[0], false, &sb);
        record(r, 'W', sb_str(&sb), NULL);
    }
    struct call_ud c = {op->fn, a, out, pos};
    struct nix_error *e = eval_try(st, call_orig, &c);
    /* Inputs are recorded whether the builtin succeeded or not (tryEval may catch it). */
    struct value *p = NULL;
    switch (kind) {
    case W_IMPORT: p = a[0]; break;
    case W_SCOPED_IMPORT: p = a[1]; break;
    case W_READFILE:
    case W_READDIR:
    case W_READFILETYPE:
    case W_PATHEXISTS: p = a[0]; break;
    case W_HASHFILE: p = a[1]; break;
    case W_FILTERSOURCE: p = a[1]; break;
    default: break;
    }
    if (p && !value_is_thunk(p)) {
        const char *path = arg_path(p);
        if (!path)
            r->uncacheable = true;
        else if (kind == W_FILTERSOURCE)
            record_tree(r, path);
        else {
            record_file(r, path);
            /* import of a directory reads its default.nix */
            struct stat sb;
            if ((kind == W_IMPORT || kind == W_SCOPED_IMPORT) && stat(path, &sb) == 0 &&
                S_ISDIR(sb.st_mode)) {
                char sub[PATH_MAX];
                snprintf(sub, sizeof sub, "%s/default.nix", path);
                record_file(r, sub);
            }
        }
    } else if (p)
        r->uncacheable = true;
    if (kind == W_GETENV && !value_is_thunk(a[0]) && a[0]->type == VT_STRING) {
        const char *v = getenv(a[0]->str.s);
        record(r, 'E', a[0]->str.s, v ? v : "\1");
    } else if (kind == W_GETENV)
        r->uncacheable = true;
    if (kind == W_FINDFILE) {
        /* The search path's entries were looked up in the file system. */
        if (!e && out->type == VT_PATH)
            record_file(r, out->path);
        else
            r->uncacheable = true;
    }
    if (kind == W_PATH) r->uncacheable = true; /* filters and names: not worth following */
    if (e) eval_rethrow(st, e);
}

#define WRAP(i)                                                                                    \
    static void wrap_##i(struct eval_state *st, struct value **args, struct value *out,            \
                         nix_pos pos) {                                                            \
        wrapper(st, args, out, pos, i);                                                            \
    }
WRAP(0)
WRAP(1)
WRAP(2)
WRAP(3)
WRAP(4)
WRAP(5)
WRAP(6)
WRAP(7)
WRAP(8)
WRAP(9)
WRAP(10)
WRAP(11)
WRAP(12)
WRAP(13)
WRAP(14)
WRAP(15)
WRAP(16)
WRAP(17)
WRAP(18)
static const primop_fn WRAPPERS[] = {
    wrap_0,  wrap_1,  wrap_2,  wrap_3,  wrap_4,  wrap_5,  wrap_6,  wrap_7,  wrap_8,  wrap_9,
    wrap_10, wrap_11, wrap_12, wrap_13, wrap_14, wrap_15, wrap_16, wrap_17, wrap_18,
};
_Static_assert(sizeof WRAPPERS / sizeof WRAPPERS[0] == NWRAPPED, "one wrapper per builtin");

/* builtins.currentTime: a delayed application, so that only its use is noticed. */
static void time_wrapper(struct eval_state *st, struct value **args, struct value *out,
                         nix_pos pos) {
    (void)st;
    (void)pos;
    struct eval_inputs *r = (struct eval_inputs *)(intptr_t)args[0]->i;
    r->uncacheable = true;
    mk_int(out, (int64_t)time(NULL));
}

/* The recorder, found from the state through the wrapped readFile (copy_to_store gets only
 * the state). */
static struct eval_inputs *recorder_of(struct eval_state *st) {
    struct attr *x = attrs_get(st->builtins->attrs, eval_sym(st, "readFile"));
    if (!x || x->value->type != VT_PRIMOP_APP) return NULL;
    return (struct eval_inputs *)(intptr_t)x->value->app.right->i;
}

static const char *copy_wrapper(struct eval_state *st, const char *path, nix_pos pos) {
    struct eval_inputs *r = recorder_of(st);
    if (!r) return path;
    record_tree(r, path);
    return r->orig_copy ? r->orig_copy(st, path, pos) : path;
}

static struct value *primop_value(const char *name, unsigned arity, primop_fn fn) {
    struct primop *op = GC_MALLOC(sizeof *op);
    op->name = name;
    op->arity = arity;
    op->fn = fn;
    struct value *v = value_alloc();
    v->type = VT_PRIMOP;
    v->primop = op;
    return v;
}

void eval_inputs_track(struct eval_inputs *r, struct eval_state *st) {
    struct value *self = value_alloc();
    mk_int(self, (int64_t)(intptr_t)r);
    for (size_t i = 0; i < NWRAPPED; i++) {
        const char *bare = WRAPPED[i].name + (strncmp(WRAPPED[i].name, "__", 2) ? 0 : 2);
        struct attr *x = attrs_get(st->builtins->attrs, eval_sym(st, bare));
        if (!x || x->value->type != VT_PRIMOP || x->value->primop->arity != WRAPPED[i].arity) {
            /* Not the builtin we know: keep it, but its results are not followed. */
            if (x && WRAPPED[i].kind != W_UNCACHEABLE) r->uncacheable = true;
            continue;
        }
        r->orig[i] = x->value;
        struct value *app = value_alloc();
        app->type = VT_PRIMOP_APP;
        app->app.left = primop_value(bare, WRAPPED[i].arity + 1, WRAPPERS[i]);
        app->app.right = self;
        eval_register_value(st, WRAPPED[i].name, app);
    }
    struct value *now = value_alloc();
    mk_app(now, primop_value("currentTime", 1, time_wrapper), self);
    eval_register_value(st, "__currentTime", now);
    r->orig_copy = st->copy_to_store;
    st->copy_to_store = copy_wrapper;
}

/* ---- the cache file ---- */

char *eval_cache_path(const char *state_dir, const char *key) {
    struct hash_ctx *h = hash_ctx_new(HASH_SHA256);
    hash_ctx_update(h, key, strlen(key));
    struct hash d = hash_ctx_finish(h);
    char hex[2 * HASH_MAX_BYTES + 1];
    hash_to_base16(d.bytes, d.len, hex);
    char *p = NULL;
    if (asprintf(&p, "%s/eval-cache/%.32s", state_dir, hex) < 0) return NULL;
    return p;
}

static bool store_paths_exist(const char *out, const char *store_dir) {
    size_t sl = strlen(store_dir);
    for (const char *p = out; (p = strstr(p, store_dir)) != NULL; p += sl) {
        if (p[sl] != '/') continue;
        const char *b = p + sl + 1, *e = b;
        while ((*e >= 'a' && *e <= 'z') || (*e >= '0' && *e <= '9') || (*e >= 'A' && *e <= 'Z') ||
               (*e && strchr("+-._?=", *e)))
            e++;
        if (e - b < 33 || b[32] != '-') continue;
        char path[PATH_MAX];
        if ((size_t)snprintf(path, sizeof path, "%.*s", (int)(e - p), p) >= sizeof path)
            return false;
        if (access(path, F_OK) != 0) return false;
    }
    return true;
}

char *eval_cache_lookup(const char *cache_path, const char *store_dir) {
    FILE *f = fopen(cache_path, "r");
    if (!f) return NULL;
    char *buf = NULL;
    size_t cap = 0;
    ssize_t len = getdelim(&buf, &cap, 0, f);
    fclose(f);
    if (len < 0 || strncmp(buf, CACHE_MAGIC, strlen(CACHE_MAGIC)) != 0) {
        free(buf);
        return NULL;
    }
    char *sep = strstr(buf, "\n--\n");
    if (!sep) {
        free(buf);
        return NULL;
    }
    *sep = 0;
    const char *out = sep + 4;
    bool ok = store_paths_exist(out, store_dir);
    /* First check every input, then replay the traces. */
    for (int pass = 0; pass < 2 && ok; pass++) {
        char *save = NULL;
        char *lines = strdup(buf + strlen(CACHE_MAGIC));
        for (char *l = strtok_r(lines, "\n", &save); l && ok; l = strtok_r(NULL, "\n", &save)) {
            char kind = l[0];
            char *a = l + 2, *b = strchr(a, '\t');
            if (b) *b++ = 0;
            unescape(a);
            if (b) unescape(b);
            if (pass == 1) {
                if (kind == 'W') fprintf(stderr, "trace: %s\n", a);
                continue;
            }
            char now[2 * HASH_MAX_BYTES + 1];
            if (kind == 'F' && b) {
                fingerprint(a, now, sizeof now);
                ok = !strcmp(now, b);
            } else if (kind == 'T' && b) {
                tree_fingerprint(a, now, NULL);
                ok = !strcmp(now, b);
            } else if (kind == 'E' && b) {
                const char *v = getenv(a);
                ok = !strcmp(v ? v : "\1", b);
            } else if (kind != 'W')
                ok = false;
        }
        free(lines);
    }
    char *result = ok ? strdup(out) : NULL;
    free(buf);
    return result;
}

void eval_cache_store(const char *cache_path, const struct eval_inputs *r, const char *output) {
    if (r->uncacheable) {
        unlink(cache_path);
        return;
    }
    char *dir = strdup(cache_path);
    if (!dir) return;
    *strrchr(dir, '/') = 0;
    hearth_mkdir_p(dir, 0700);
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s/.tmp-%ld", dir, (long)getpid());
    free(dir);
    FILE *f = fopen(tmp, "w");
    if (!f) return;
    fputs(CACHE_MAGIC, f);
    for (size_t i = 0; i < r->n; i++) {
        fputs(r->lines[i], f);
        fputc('\n', f);
    }
    fputs("--\n", f);
    fputs(output, f);
    if (fclose(f) != 0 || rename(tmp, cache_path) != 0) unlink(tmp);
}
