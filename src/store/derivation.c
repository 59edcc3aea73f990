/* src/store/derivation.c: see derivation.h. */
#include "store/derivation.h"
#include "store/storepath.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int set_err(char **err, const char *fmt, ...) {
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

/* ---- building ---- */

struct derivation *derivation_new(const char *name) {
    struct derivation *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->name = strdup(name);
    d->platform = strdup("");
    d->builder = strdup("");
    if (!d->name || !d->platform || !d->builder) {
        derivation_free(d);
        return NULL;
    }
    return d;
}

static void free_strs(char **v, size_t n) {
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void derivation_free(struct derivation *d) {
    if (!d) return;
    free(d->name);
    for (size_t i = 0; i < d->noutputs; i++) {
        free(d->outputs[i].name);
        free(d->outputs[i].path);
        free(d->outputs[i].hash_algo);
        free(d->outputs[i].hash);
    }
    free(d->outputs);
    for (size_t i = 0; i < d->ninputs; i++) {
        free(d->inputs[i].drv_path);
        free_strs(d->inputs[i].outputs, d->inputs[i].noutputs);
    }
    free(d->inputs);
    free_strs(d->srcs, d->nsrcs);
    free(d->platform);
    free(d->builder);
    free_strs(d->args, d->nargs);
    for (size_t i = 0; i < d->nenv; i++) {
        free(d->env[i].key);
        free(d->env[i].value);
    }
    free(d->env);
    free(d);
}

static int replace_str(char **slot, const char *value) {
    char *copy = strdup(value);
    if (!copy) return -1;
    free(*slot);
    *slot = copy;
    return 0;
}

int derivation_set_platform(struct derivation *d, const char *platform) {
    return replace_str(&d->platform, platform);
}

int derivation_set_builder(struct derivation *d, const char *builder) {
    return replace_str(&d->builder, builder);
}

/* Grows an array of `size`-byte elements to hold one more. */
static int grow(void *arrp, size_t n, size_t size) {
    void **arr = arrp;
    /* Doubling at powers of two keeps appends amortised O(1) without a capacity field. */
    if (n != 0 && (n & (n - 1)) != 0) return 0;
    void *bigger = realloc(*arr, (n ? n * 2 : 1) * size);
    if (!bigger) return -1;
    *arr = bigger;
    return 0;
}

int derivation_add_arg(struct derivation *d, const char *arg) {
    if (grow(&d->args, d->nargs, sizeof *d->args) < 0) return -1;
    if (!(d->args[d->nargs] = strdup(arg))) return -1;
    d->nargs++;
    return 0;
}

/* Binary search in a sorted array of structs whose first member is a char *. Returns the
 * index of `key` or where it would go, and whether it was found. */
static size_t find_sorted(const void *arr, size_t n, size_t size, const char *key, bool *found) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *k = *(char *const *)((const char *)arr + mid * size);
        int c = strcmp(k, key);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    *found = false;
    return lo;
}

/* Inserts a zeroed slot at `at` in a sorted array. */
static int insert_slot(void *arrp, size_t *n, size_t size, size_t at) {
    if (grow(arrp, *n, size) < 0) return -1;
    char *arr = *(char **)arrp;
    memmove(arr + (at + 1) * size, arr + at * size, (*n - at) * size);
    memset(arr + at * size, 0, size);
    (*n)++;
    return 0;
}

static int sorted_set_add(char ***set, size_t *n, const char *s) {
    bool found;
    size_t at = find_sorted(*set, *n, sizeof **set, s, &found);
    if (found) return 0;
    char *copy = strdup(s);
    if (!copy || insert_slot(set, n, sizeof **set, at) < 0) {
        free(copy);
        return -1;
    }
    (*set)[at] = copy;
    return 0;
}

int derivation_set_env(struct derivation *d, const char *key, const char *value) {
    bool found;
    size_t at = find_sorted(d->env, d->nenv, sizeof *d->env, key, &found);
    if (found) return replace_str(&d->env[at].value, value);
    char *k = strdup(key), *v = strdup(value);
    if (!k || !v || insert_slot(&d->env, &d->nenv, sizeof *d->env, at) < 0) {
        free(k);
        free(v);
        return -1;
    }
    d->env[at].key = k;
    d->env[at].value = v;
    return 0;
}

const char *derivation_get_env(const struct derivation *d, const char *key) {
    bool found;
    size_t at = find_sorted(d->env, d->nenv, sizeof *d->env, key, &found);
    return found ? d->env[at].value : NULL;
}

int derivation_add_output(struct derivation *d, const char *name) {
    bool found;
    size_t at = find_sorted(d->outputs, d->noutputs, sizeof *d->outputs, name, &found);
    if (found) return 0;
    struct drv_output o = {strdup(name), strdup(""), strdup(""), strdup("")};
    if (!o.name || !o.path || !o.hash_algo || !o.hash ||
        insert_slot(&d->outputs, &d->noutputs, sizeof *d->outputs, at) < 0) {
        free(o.name);
        free(o.path);
        free(o.hash_algo);
        free(o.hash);
        return -1;
    }
    d->outputs[at] = o;
    return 0;
}

const struct drv_output *derivation_find_output(const struct derivation *d, const char *name) {
    bool found;
    size_t at = find_sorted(d->outputs, d->noutputs, sizeof *d->outputs, name, &found);
    return found ? &d->outputs[at] : NULL;
}

int derivation_set_fixed_output(struct derivation *d, const char *hash_algo, const char *hash) {
    if (derivation_add_output(d, "out") < 0) return -1;
    bool found;
    size_t at = find_sorted(d->outputs, d->noutputs, sizeof *d->outputs, "out", &found);
    if (replace_str(&d->outputs[at].hash_algo, hash_algo) < 0) return -1;
    return replace_str(&d->outputs[at].hash, hash);
}

int derivation_add_input(struct derivation *d, const char *drv_path, const char *output) {
    bool found;
    size_t at = find_sorted(d->inputs, d->ninputs, sizeof *d->inputs, drv_path, &found);
    if (!found) {
        char *p = strdup(drv_path);
        if (!p || insert_slot(&d->inputs, &d->ninputs, sizeof *d->inputs, at) < 0) {
            free(p);
            return -1;
        }
        d->inputs[at].drv_path = p;
    }
    return sorted_set_add(&d->inputs[at].outputs, &d->inputs[at].noutputs, output);
}

int derivation_add_src(struct derivation *d, const char *path) {
    return sorted_set_add(&d->srcs, &d->nsrcs, path);
}

bool derivation_is_fixed_output(const struct derivation *d) {
    return d->noutputs == 1 && strcmp(d->outputs[0].name, "out") == 0 &&
           d->outputs[0].hash[0] != '\0';
}

/* ---- writing the ATerm ---- */

struct buf {
    char *data;
    size_t len, cap;
    bool oom;
};

static void buf_add(struct buf *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *bigger = realloc(b->data, cap);
        if (!bigger) {
            b->oom = true;
            return;
        }
        b->data = bigger;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_lit(struct buf *b, const char *s) {
    buf_add(b, s, strlen(s));
}

/* A quoted ATerm string: Nix escapes ", \, newline, carriage return and tab only. */
static void buf_quoted(struct buf *b, const char *s) {
    buf_add(b, "\"", 1);
    const char *run = s;
    for (const char *p = s; *p; p++) {
        const char *esc = NULL;
        switch (*p) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default: continue;
        }
        buf_add(b, run, (size_t)(p - run));
        buf_lit(b, esc);
        run = p + 1;
    }
    buf_lit(b, run);
    buf_add(b, "\"", 1);
}

static void buf_str_list(struct buf *b, char *const *v, size_t n) {
    buf_add(b, "[", 1);
    for (size_t i = 0; i < n; i++) {
        if (i) buf_add(b, ",", 1);
        buf_quoted(b, v[i]);
    }
    buf_add(b, "]", 1);
}

static char *unparse_with_inputs(const struct derivation *d, bool mask_outputs,
                                 const struct drv_input *inputs, size_t ninputs) {
    struct buf b = {0};
    buf_lit(&b, "Derive([");
    for (size_t i = 0; i < d->noutputs; i++) {
        const struct drv_output *o = &d->outputs[i];
        if (i) buf_add(&b, ",", 1);
        buf_add(&b, "(", 1);
        buf_quoted(&b, o->name);
        buf_add(&b, ",", 1);
        buf_quoted(&b, mask_outputs ? "" : o->path);
        buf_add(&b, ",", 1);
        buf_quoted(&b, o->hash_algo);
        buf_add(&b, ",", 1);
        buf_quoted(&b, o->hash);
        buf_add(&b, ")", 1);
    }
    buf_lit(&b, "],[");
    for (size_t i = 0; i < ninputs; i++) {
        if (i) buf_add(&b, ",", 1);
        buf_add(&b, "(", 1);
        buf_quoted(&b, inputs[i].drv_path);
        buf_add(&b, ",", 1);
        buf_str_list(&b, inputs[i].outputs, inputs[i].noutputs);
        buf_add(&b, ")", 1);
    }
    buf_lit(&b, "],");
    buf_str_list(&b, d->srcs, d->nsrcs);
    buf_add(&b, ",", 1);
    buf_quoted(&b, d->platform);
    buf_add(&b, ",", 1);
    buf_quoted(&b, d->builder);
    buf_add(&b, ",", 1);
    buf_str_list(&b, d->args, d->nargs);
    buf_lit(&b, ",[");
    for (size_t i = 0; i < d->nenv; i++) {
        if (i) buf_add(&b, ",", 1);
        buf_add(&b, "(", 1);
        buf_quoted(&b, d->env[i].key);
        buf_add(&b, ",", 1);
        buf_quoted(&b, d->env[i].value);
        buf_add(&b, ")", 1);
    }
    buf_lit(&b, "])");
    if (b.oom) {
        free(b.data);
        return NULL;
    }
    return b.data;
}

char *derivation_unparse(const struct derivation *d, bool mask_outputs) {
    return unparse_with_inputs(d, mask_outputs, d->inputs, d->ninputs);
}

/* ---- parsing the ATerm ---- */

struct parser {
    const char *text;
    size_t len, pos;
    char **err;
};

static int parse_fail(struct parser *p, const char *what) {
    return set_err(p->err, "malformed derivation: expected %s at byte %zu", what, p->pos);
}

static int expect(struct parser *p, const char *lit) {
    size_t n = strlen(lit);
    if (p->len - p->pos < n || memcmp(p->text + p->pos, lit, n) != 0) {
        char what[32];
        snprintf(what, sizeof what, "'%s'", lit);
        return parse_fail(p, what);
    }
    p->pos += n;
    return 0;
}

static bool peek(const struct parser *p, char c) {
    return p->pos < p->len && p->text[p->pos] == c;
}

/* A quoted string with Nix's escapes; malloc'd result. */
static char *parse_string(struct parser *p) {
    if (!peek(p, '"')) {
        parse_fail(p, "a string");
        return NULL;
    }
    p->pos++;
    struct buf b = {0};
    buf_lit(&b, "");
    while (p->pos < p->len && p->text[p->pos] != '"') {
        char c = p->text[p->pos++];
        if (c == '\\') {
            if (p->pos >= p->len) break;
            c = p->text[p->pos++];
            c = c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
        }
        buf_add(&b, &c, 1);
    }
    if (p->pos >= p->len) {
        free(b.data);
        parse_fail(p, "the end of a string");
        return NULL;
    }
    p->pos++;
    if (b.oom) {
        free(b.data);
        set_err(p->err, "out of memory");
        return NULL;
    }
    return b.data;
}

/* Calls `item` for each element of a bracketed, comma-separated list. */
static int parse_list(struct parser *p, int (*item)(struct parser *, struct derivation *, void *),
                      struct derivation *d, void *ud) {
    if (expect(p, "[") < 0) return -1;
    if (peek(p, ']')) {
        p->pos++;
        return 0;
    }
    for (;;) {
        if (item(p, d, ud) < 0) return -1;
        if (peek(p, ',')) {
            p->pos++;
            continue;
        }
        return expect(p, "]");
    }
}

static int parse_output(struct parser *p, struct derivation *d, void *ud) {
    (void)ud;
    struct drv_output o = {0};
    int rc = -1;
    if (expect(p, "(") < 0 || !(o.name = parse_string(p)) || expect(p, ",") < 0 ||
        !(o.path = parse_string(p)) || expect(p, ",") < 0 || !(o.hash_algo = parse_string(p)) ||
        expect(p, ",") < 0 || !(o.hash = parse_string(p)) || expect(p, ")") < 0)
        goto out;
    if (grow(&d->outputs, d->noutputs, sizeof *d->outputs) < 0) {
        rc = set_err(p->err, "out of memory");
        goto out;
    }
    d->outputs[d->noutputs++] = o;
    return 0;
out:
    free(o.name);
    free(o.path);
    free(o.hash_algo);
    free(o.hash);
    return rc;
}

static int parse_string_item(struct parser *p, struct derivation *d, void *ud) {
    (void)d;
    struct drv_input *in = ud;
    char *s = parse_string(p);
    if (!s) return -1;
    if (grow(&in->outputs, in->noutputs, sizeof *in->outputs) < 0) {
        free(s);
        return set_err(p->err, "out of memory");
    }
    in->outputs[in->noutputs++] = s;
    return 0;
}

static int parse_input(struct parser *p, struct derivation *d, void *ud) {
    (void)ud;
    struct drv_input in = {0};
    if (expect(p, "(") < 0 || !(in.drv_path = parse_string(p)) || expect(p, ",") < 0 ||
        parse_list(p, parse_string_item, d, &in) < 0 || expect(p, ")") < 0 ||
        grow(&d->inputs, d->ninputs, sizeof *d->inputs) < 0) {
        free(in.drv_path);
        free_strs(in.outputs, in.noutputs);
        return -1;
    }
    d->inputs[d->ninputs++] = in;
    return 0;
}

/* Lists of plain strings are collected in a drv_input's output array, then moved. */
static int parse_strings(struct parser *p, struct derivation *d, char ***out, size_t *n) {
    struct drv_input tmp = {0};
    if (parse_list(p, parse_string_item, d, &tmp) < 0) {
        free_strs(tmp.outputs, tmp.noutputs);
        return -1;
    }
    *out = tmp.outputs;
    *n = tmp.noutputs;
    return 0;
}

static int parse_env(struct parser *p, struct derivation *d, void *ud) {
    (void)ud;
    struct drv_env e = {0};
    if (expect(p, "(") < 0 || !(e.key = parse_string(p)) || expect(p, ",") < 0 ||
        !(e.value = parse_string(p)) || expect(p, ")") < 0 ||
        grow(&d->env, d->nenv, sizeof *d->env) < 0) {
        free(e.key);
        free(e.value);
        return -1;
    }
    d->env[d->nenv++] = e;
    return 0;
}

struct derivation *derivation_parse(const char *text, size_t len, const char *name, char **err) {
    struct derivation *d = calloc(1, sizeof *d);
    if (!d || !(d->name = strdup(name))) {
        free(d);
        set_err(err, "out of memory");
        return NULL;
    }
    struct parser p = {text, len, 0, err};
    char *platform = NULL, *builder = NULL;
    if (expect(&p, "Derive(") < 0 || parse_list(&p, parse_output, d, NULL) < 0 ||
        expect(&p, ",") < 0 || parse_list(&p, parse_input, d, NULL) < 0 || expect(&p, ",") < 0 ||
        parse_strings(&p, d, &d->srcs, &d->nsrcs) < 0 || expect(&p, ",") < 0 ||
        !(platform = parse_string(&p)) || expect(&p, ",") < 0 || !(builder = parse_string(&p)) ||
        expect(&p, ",") < 0 || parse_strings(&p, d, &d->args, &d->nargs) < 0 ||
        expect(&p, ",") < 0 || parse_list(&p, parse_env, d, NULL) < 0 || expect(&p, ")") < 0) {
        free(platform);
        free(builder);
        derivation_free(d);
        return NULL;
    }
    d->platform = platform;
    d->builder = builder;
    if (p.pos != len) {
        set_err(err, "malformed derivation: unexpected text after the end at byte %zu", p.pos);
        derivation_free(d);
        return NULL;
    }
    return d;
}

/* ---- hash modulo ---- */

struct drv_hash_entry {
    char *path;
    struct hash hash;
};

struct drv_hash_cache {
    struct drv_hash_entry *slots; /* open addressing; path NULL = empty */
    size_t cap, used;
    void *(*alloc)(size_t); /* returns zeroed memory */
    void (*release)(void *);
};

static void *zalloc(size_t n) {
    return calloc(1, n);
}

struct drv_hash_cache *drv_hash_cache_new_with(void *(*alloc)(size_t), void (*release)(void *)) {
    struct drv_hash_cache *c = alloc(sizeof *c);
    if (!c) return NULL;
    c->alloc = alloc;
    c->release = release;
    return c;
}

struct drv_hash_cache *drv_hash_cache_new(void) {
    return drv_hash_cache_new_with(zalloc, free);
}

void drv_hash_cache_free(struct drv_hash_cache *c) {
    if (!c) return;
    for (size_t i = 0; i < c->cap; i++)
        c->release(c->slots[i].path);
    c->release(c->slots);
    c->release(c);
}

static size_t str_hash(const char *s) {
    size_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static struct drv_hash_entry *cache_slot(struct drv_hash_entry *slots, size_t cap,
                                         const char *path) {
    size_t i = str_hash(path) & (cap - 1);
    while (slots[i].path && strcmp(slots[i].path, path) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static const struct hash *cache_get(const struct drv_hash_cache *c, const char *path) {
    if (!c->cap) return NULL;
    struct drv_hash_entry *e = cache_slot(c->slots, c->cap, path);
    return e->path ? &e->hash : NULL;
}

int drv_hash_cache_put(struct drv_hash_cache *c, const char *drv_path, const struct hash *h) {
    if ((c->used + 1) * 2 > c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        struct drv_hash_entry *slots = c->alloc(cap * sizeof *slots);
        if (!slots) return -1;
        for (size_t i = 0; i < c->cap; i++)
            if (c->slots[i].path) *cache_slot(slots, cap, c->slots[i].path) = c->slots[i];
        c->release(c->slots);
        c->slots = slots;
        c->cap = cap;
    }
    struct drv_hash_entry *e = cache_slot(c->slots, c->cap, drv_path);
    if (!e->path) {
        size_t n = strlen(drv_path) + 1;
        if (!(e->path = c->alloc(n))) return -1;
        memcpy(e->path, drv_path, n);
        c->used++;
    }
    e->hash = *h;
    return 0;
}

/* "/store/HASH-NAME.drv" -> "NAME" */
static char *name_of_drv_path(const char *drv_path) {
    const char *base = strrchr(drv_path, '/');
    base = base ? base + 1 : drv_path;
    const char *dash = strchr(base, '-');
    if (dash) base = dash + 1;
    size_t n = strlen(base);
    if (n >= 4 && strcmp(base + n - 4, ".drv") == 0) n -= 4;
    return strndup(base, n);
}

int derivation_hash_of_path(struct drv_hash_cache *cache, const char *drv_path, struct hash *out,
                            char **err) {
    const struct hash *known = cache_get(cache, drv_path);
    if (known) {
        *out = *known;
        return 0;
    }
    char *text = NULL, *name = NULL, *perr = NULL;
    size_t len = 0;
    if (store_read_file(drv_path, &text, &len, err) < 0) return -1;
    if (!(name = name_of_drv_path(drv_path))) {
        free(text);
        return set_err(err, "out of memory");
    }
    struct derivation *d = derivation_parse(text, len, name, &perr);
    free(text);
    free(name);
    if (!d) {
        set_err(err, "in '%s': %s", drv_path, perr ? perr : "out of memory");
        free(perr);
        return -1;
    }
    int rc = derivation_hash_modulo(d, false, cache, out, err);
    derivation_free(d);
    if (rc == 0 && drv_hash_cache_put(cache, drv_path, out) < 0)
        return set_err(err, "out of memory");
    return rc;
}

static int cmp_inputs(const void *a, const void *b) {
    return strcmp(((const struct drv_input *)a)->drv_path, ((const struct drv_input *)b)->drv_path);
}

int derivation_hash_modulo(const struct derivation *d, bool mask_outputs,
                           struct drv_hash_cache *cache, struct hash *out, char **err) {
    if (derivation_is_fixed_output(d)) {
        /* Only what the output is matters, not how it is made. */
        const struct drv_output *o = &d->outputs[0];
        char *s = NULL;
        if (asprintf(&s, "fixed:out:%s:%s:%s", o->hash_algo, o->hash, o->path) < 0)
            return set_err(err, "out of memory");
        *out = hash_buffer(HASH_SHA256, s, strlen(s));
        free(s);
        return 0;
    }
    /* Each input derivation is named by its own hash modulo instead of its path. Two inputs
     * could share a hash only if they were the same derivation; the later one wins then, as
     * in Nix. */
    struct drv_input *replaced = calloc(d->ninputs ? d->ninputs : 1, sizeof *replaced);
    char(*hexes)[2 * HASH_MAX_BYTES + 1] = calloc(d->ninputs ? d->ninputs : 1, sizeof *hexes);
    if (!replaced || !hexes) {
        free(replaced);
        free(hexes);
        return set_err(err, "out of memory");
    }
    int rc = 0;
    for (size_t i = 0; i < d->ninputs && rc == 0; i++) {
        struct hash h;
        rc = derivation_hash_of_path(cache, d->inputs[i].drv_path, &h, err);
        if (rc < 0) break;
        hash_to_base16(h.bytes, h.len, hexes[i]);
        replaced[i] = d->inputs[i];
        replaced[i].drv_path = hexes[i];
    }
    if (rc == 0) {
        qsort(replaced, d->ninputs, sizeof *replaced, cmp_inputs);
        size_t n = 0;
        for (size_t i = 0; i < d->ninputs; i++) {
            if (n > 0 && strcmp(replaced[n - 1].drv_path, replaced[i].drv_path) == 0) {
                replaced[n - 1] = replaced[i];
            } else {
                replaced[n++] = replaced[i];
            }
        }
        char *text = unparse_with_inputs(d, mask_outputs, replaced, n);
        if (!text) {
            rc = set_err(err, "out of memory");
        } else {
            *out = hash_buffer(HASH_SHA256, text, strlen(text));
            free(text);
        }
    }
    free(replaced);
    free(hexes);
    return rc;
}

int derivation_compute_outputs(struct derivation *d, const char *store_dir,
                               struct drv_hash_cache *cache, char **err) {
    if (d->noutputs == 0) return set_err(err, "derivation '%s' has no outputs", d->name);
    if (derivation_is_fixed_output(d)) {
        struct drv_output *o = &d->outputs[0];
        bool recursive = strncmp(o->hash_algo, "r:", 2) == 0;
        enum hash_algo algo;
        struct hash h;
        if (!hash_algo_from_name(o->hash_algo + (recursive ? 2 : 0), &algo) ||
            !hash_parse(algo, o->hash, &h))
            return set_err(err, "derivation '%s' has an invalid output hash '%s:%s'", d->name,
                           o->hash_algo, o->hash);
        char *path = store_make_fixed_output_path_unchecked(store_dir, recursive, &h, d->name);
        if (!path) return set_err(err, "out of memory");
        char *bad = store_path_name_error(store_dir, path);
        if (bad) {
            free(path);
            set_err(err, "%s", bad);
            free(bad);
            return -1;
        }
        free(o->path);
        o->path = path;
        return derivation_set_env(d, "out", path) < 0 ? set_err(err, "out of memory") : 0;
    }
    for (size_t i = 0; i < d->noutputs; i++) {
        if (replace_str(&d->outputs[i].path, "") < 0 ||
            derivation_set_env(d, d->outputs[i].name, "") < 0)
            return set_err(err, "out of memory");
    }
    struct hash h;
    if (derivation_hash_modulo(d, true, cache, &h, err) < 0) return -1;
    for (size_t i = 0; i < d->noutputs; i++) {
        char *path = store_make_output_path_unchecked(store_dir, d->outputs[i].name, &h, d->name);
        if (!path) return set_err(err, "out of memory");
        char *bad = store_path_name_error(store_dir, path);
        if (bad) {
            free(path);
            set_err(err, "%s", bad);
            free(bad);
            return -1;
        }
        free(d->outputs[i].path);
        d->outputs[i].path = path;
        if (derivation_set_env(d, d->outputs[i].name, path) < 0)
            return set_err(err, "out of memory");
    }
    return 0;
}

char *derivation_write(struct derivation *d, struct store *store, bool write,
                       struct drv_hash_cache *cache, char **err) {
    char *text = derivation_unparse(d, false);
    size_t nrefs = d->nsrcs + d->ninputs;
    const char **refs = malloc((nrefs ? nrefs : 1) * sizeof *refs);
    char *drv_name = NULL;
    if (!text || !refs || asprintf(&drv_name, "%s.drv", d->name) < 0) {
        free(text);
        free(refs);
        set_err(err, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < d->nsrcs; i++)
        refs[i] = d->srcs[i];
    for (size_t i = 0; i < d->ninputs; i++)
        refs[d->nsrcs + i] = d->inputs[i].drv_path;
    char *path = NULL;
    if (write) {
        path = store_add_text(store, drv_name, text, strlen(text), refs, nrefs, err);
    } else {
        /* store_add_text sorts; sorting here keeps the dry run identical. */
        for (size_t i = 1; i < nrefs; i++)
            for (size_t j = i; j > 0 && strcmp(refs[j - 1], refs[j]) > 0; j--) {
                const char *t = refs[j];
                refs[j] = refs[j - 1];
                refs[j - 1] = t;
            }
        struct hash h = hash_buffer(HASH_SHA256, text, strlen(text));
        path = store_make_text_path_unchecked(store->dir, &h, refs, nrefs, drv_name);
        char *bad = path ? store_path_name_error(store->dir, path) : NULL;
        if (!path) {
            set_err(err, "out of memory");
        } else if (bad) {
            free(path);
            path = NULL;
            set_err(err, "%s", bad);
            free(bad);
        }
    }
    free(refs);
    free(text);
    free(drv_name);
    if (!path) return NULL;
    struct hash h;
    if (derivation_hash_modulo(d, false, cache, &h, err) < 0 ||
        drv_hash_cache_put(cache, path, &h) < 0) {
        free(path);
        return NULL;
    }
    return path;
}
