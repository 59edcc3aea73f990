/* src/nix/value.c: value allocation, attribute sets, string contexts, string buffers and the
 * symbol table (see value.h). */
#define GC_THREADS
#include "nix/value.h"

#include <gc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct value *value_alloc(void) {
    return GC_MALLOC(sizeof(struct value));
}

struct value **value_ptrs_alloc(size_t n) {
    return GC_MALLOC((n ? n : 1) * sizeof(struct value *));
}

char *gc_strndup(const char *s, size_t len) {
    char *p = GC_MALLOC_ATOMIC(len + 1);
    memcpy(p, s, len);
    p[len] = 0;
    return p;
}

char *gc_strdup(const char *s) {
    return gc_strndup(s, strlen(s));
}

char *gc_printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = GC_MALLOC_ATOMIC((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void mk_list(struct value *v, size_t n) {
    struct value **items = n ? value_ptrs_alloc(n) : NULL;
    v->type = VT_LIST;
    v->list.n = n;
    v->list.items = items;
}

/* ---- attribute sets ---- */

struct attrs *attrs_new(size_t cap) {
    struct attrs *a = GC_MALLOC(sizeof(struct attrs) + cap * sizeof(struct attr));
    a->n = 0;
    a->cap = (uint32_t)cap;
    return a;
}

void attrs_push(struct attrs *a, nix_sym name, struct value *v, uint32_t pos) {
    a->a[a->n].name = name;
    a->a[a->n].pos = pos;
    a->a[a->n].value = v;
    a->n++;
}

void attrs_sort(struct attrs *a) {
    bool sorted = true;
    for (uint32_t i = 1; i < a->n && sorted; i++)
        sorted = a->a[i - 1].name < a->a[i].name;
    if (sorted) return;
    /* Stable (merge sort), so that the first of duplicate names is the one kept. */
    struct attr *tmp = GC_MALLOC(a->n * sizeof *tmp);
    for (uint32_t w = 1; w < a->n; w *= 2) {
        for (uint32_t lo = 0; lo < a->n; lo += 2 * w) {
            uint32_t mid = lo + w < a->n ? lo + w : a->n;
            uint32_t hi = lo + 2 * w < a->n ? lo + 2 * w : a->n;
            uint32_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = a->a[j].name < a->a[i].name ? a->a[j++] : a->a[i++];
            while (i < mid)
                tmp[k++] = a->a[i++];
            while (j < hi)
                tmp[k++] = a->a[j++];
        }
        memcpy(a->a, tmp, a->n * sizeof *tmp);
    }
    uint32_t m = 0;
    for (uint32_t i = 0; i < a->n; i++)
        if (m == 0 || a->a[m - 1].name != a->a[i].name) a->a[m++] = a->a[i];
    a->n = m;
}

struct attr *attrs_get(const struct attrs *a, nix_sym name) {
    uint32_t lo = 0, hi = a->n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        nix_sym s = a->a[mid].name;
        if (s == name) return (struct attr *)&a->a[mid];
        if (s < name)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static const struct attrs empty_attrs = {0, 0, 0};

struct attrs *attrs_empty(void) {
    return (struct attrs *)&empty_attrs;
}

/* ---- string context ---- */

size_t ctx_count(const char **ctx) {
    size_t n = 0;
    if (ctx)
        while (ctx[n])
            n++;
    return n;
}

const char **ctx_single(const char *elem) {
    const char **c = GC_MALLOC(2 * sizeof *c);
    c[0] = gc_strdup(elem);
    c[1] = NULL;
    return c;
}

static int cmp_str(const void *x, const void *y) {
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

const char **ctx_merge(const char **a, const char **b) {
    if (!b || !*b) return a;
    if (!a || !*a) return b;
    struct ctx_buf cb = {0};
    ctx_buf_add(&cb, a);
    ctx_buf_add(&cb, b);
    return ctx_buf_finish(&cb);
}

void ctx_buf_add(struct ctx_buf *b, const char **ctx) {
    if (!ctx) return;
    for (; *ctx; ctx++) {
        if (b->n == b->cap) {
            b->cap = b->cap ? 2 * b->cap : 8;
            const char **ni = GC_MALLOC(b->cap * sizeof *ni);
            if (b->n) memcpy(ni, b->items, b->n * sizeof *ni);
            b->items = ni;
        }
        b->items[b->n++] = *ctx;
    }
}

const char **ctx_buf_finish(struct ctx_buf *b) {
    if (b->n == 0) return NULL;
    qsort(b->items, b->n, sizeof *b->items, cmp_str);
    const char **out = GC_MALLOC((b->n + 1) * sizeof *out);
    size_t m = 0;
    for (size_t i = 0; i < b->n; i++)
        if (m == 0 || strcmp(out[m - 1], b->items[i]) != 0) out[m++] = b->items[i];
    out[m] = NULL;
    return out;
}

/* ---- string buffers ---- */

void sb_init(struct strbuf *b, size_t cap) {
    if (cap < 16) cap = 16;
    b->s = GC_MALLOC_ATOMIC(cap);
    b->len = 0;
    b->cap = cap;
    b->s[0] = 0;
}

static void sb_grow(struct strbuf *b, size_t need) {
    if (b->len + need + 1 <= b->cap) return;
    size_t nc = b->cap * 2;
    while (nc < b->len + need + 1)
        nc *= 2;
    char *ns = GC_MALLOC_ATOMIC(nc);
    memcpy(ns, b->s, b->len);
    b->s = ns;
    b->cap = nc;
}

void sb_addn(struct strbuf *b, const char *s, size_t n) {
    sb_grow(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

void sb_adds(struct strbuf *b, const char *s) {
    sb_addn(b, s, strlen(s));
}

void sb_addc(struct strbuf *b, char c) {
    sb_grow(b, 1);
    b->s[b->len++] = c;
    b->s[b->len] = 0;
}

void sb_printf(struct strbuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    sb_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *sb_str(struct strbuf *b) {
    b->s[b->len] = 0;
    return b->s;
}

/* ---- symbols: open-addressing hash table of names; ids index `names` ---- */

struct symtab {
    const char **names;
    uint32_t *lens;
    uint32_t *hashes;
    size_t n, cap;
    uint32_t *slots; /* id + 1, 0 = empty */
    size_t nslots;
};

static uint32_t hash_bytes(const char *s, size_t n) {
    /* FNV-1a, then a final mix so that the low bits (the table index) are well spread */
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 32;
    return (uint32_t)h;
}

struct symtab *symtab_new(void) {
    struct symtab *t = GC_MALLOC(sizeof *t);
    t->cap = 1024;
    t->names = GC_MALLOC(t->cap * sizeof *t->names);
    t->lens = GC_MALLOC_ATOMIC(t->cap * sizeof *t->lens);
    t->hashes = GC_MALLOC_ATOMIC(t->cap * sizeof *t->hashes);
    t->nslots = 4096;
    t->slots = GC_MALLOC_ATOMIC(t->nslots * sizeof *t->slots);
    memset(t->slots, 0, t->nslots * sizeof *t->slots);
    return t;
}

static void symtab_rehash(struct symtab *t) {
    size_t ns = t->nslots * 2;
    uint32_t *slots = GC_MALLOC_ATOMIC(ns * sizeof *slots);
    memset(slots, 0, ns * sizeof *slots);
    for (size_t i = 0; i < t->n; i++) {
        size_t h = t->hashes[i] & (ns - 1);
        while (slots[h])
            h = (h + 1) & (ns - 1);
        slots[h] = (uint32_t)i + 1;
    }
    t->slots = slots;
    t->nslots = ns;
}

nix_sym sym_intern(struct symtab *t, const char *s, size_t len) {
    uint32_t hv = hash_bytes(s, len);
    size_t h = hv & (t->nslots - 1);
    for (;;) {
        uint32_t id = t->slots[h];
        if (!id) break;
        id--;
        if (t->hashes[id] == hv && t->lens[id] == len && memcmp(t->names[id], s, len) == 0)
            return id;
        h = (h + 1) & (t->nslots - 1);
    }
    if (t->n == t->cap) {
        size_t nc = t->cap * 2;
        const char **nn = GC_MALLOC(nc * sizeof *nn);
        uint32_t *nl = GC_MALLOC_ATOMIC(nc * sizeof *nl);
        uint32_t *nh = GC_MALLOC_ATOMIC(nc * sizeof *nh);
        memcpy(nn, t->names, t->n * sizeof *nn);
        memcpy(nl, t->lens, t->n * sizeof *nl);
        memcpy(nh, t->hashes, t->n * sizeof *nh);
        t->names = nn;
        t->lens = nl;
        t->hashes = nh;
        t->cap = nc;
    }
    uint32_t id = (uint32_t)t->n++;
    t->names[id] = gc_strndup(s, len);
    t->lens[id] = (uint32_t)len;
    t->hashes[id] = hv;
    t->slots[h] = id + 1;
    if (t->n * 2 > t->nslots) symtab_rehash(t);
    return id;
}

const char *sym_name(const struct symtab *t, nix_sym s) {
    return t->names[s];
}
