/* builtins_lists: list builtins beyond the core: sort, partition, groupBy, any, all and
 * genericClosure. Semantics and error texts follow Nix (checked against nix-instantiate). */
#include "nix/eval.h"
#include "nix/builtins_extra.h"

#include <gc.h>

#include <stdint.h>
#include <string.h>

static bool call_pred(struct eval_state *st, struct value *f, struct value *x, nix_pos pos) {
    struct value *r = value_alloc();
    eval_call(st, f, 1, &x, r, pos);
    return eval_force_bool(st, r, pos);
}

/* A stable merge sort; the comparator says whether its first argument goes before its
 * second. Temporary arrays are GC memory, as the comparator may unwind. With builtins.lessThan
 * as the comparator (the common case) values are compared directly, as Nix does. */
struct sorter {
    struct eval_state *st;
    struct value *cmp;
    bool less_than;
    struct value *result; /* reused for each call of the comparator */
    nix_pos pos;
};

static bool sort_less(struct sorter *s, struct value *a, struct value *b) {
    if (s->less_than) return eval_compare(s->st, a, b, s->pos) < 0;
    struct value *args[2] = {a, b};
    eval_call(s->st, s->cmp, 2, args, s->result, s->pos);
    return eval_force_bool(s->st, s->result, s->pos);
}

static void merge_sort(struct sorter *s, struct value **a, struct value **tmp, size_t n) {
    if (n < 2) return;
    size_t mid = n / 2;
    merge_sort(s, a, tmp, mid);
    merge_sort(s, a + mid, tmp, n - mid);
    /* Already in order: nothing to merge. */
    if (!sort_less(s, a[mid], a[mid - 1])) return;
    size_t i = 0, j = mid, k = 0;
    while (i < mid && j < n) {
        /* Take from the right only when it is strictly less, which keeps equal items in order. */
        if (sort_less(s, a[j], a[i]))
            tmp[k++] = a[j++];
        else
            tmp[k++] = a[i++];
    }
    while (i < mid)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

static void prim_sort(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    eval_force_function(st, args[0], pos);
    eval_force_list(st, args[1], pos);
    size_t n = args[1]->list.n;
    mk_list(out, n);
    if (n) memcpy(out->list.items, args[1]->list.items, n * sizeof *out->list.items);
    struct value **tmp = value_ptrs_alloc(n ? n : 1);
    struct sorter s = {st, args[0], false, value_alloc(), pos};
    s.less_than = args[0]->type == VT_PRIMOP && strcmp(args[0]->primop->name, "lessThan") == 0;
    merge_sort(&s, out->list.items, tmp, n);
}

static void prim_partition(struct eval_state *st, struct value **args, struct value *out,
                           nix_pos pos) {
    eval_force_function(st, args[0], pos);
    eval_force_list(st, args[1], pos);
    size_t n = args[1]->list.n, nr = 0, nw = 0;
    struct value **right = value_ptrs_alloc(n), **wrong = value_ptrs_alloc(n);
    for (size_t i = 0; i < n; i++) {
        struct value *x = args[1]->list.items[i];
        if (call_pred(st, args[0], x, pos))
            right[nr++] = x;
        else
            wrong[nw++] = x;
    }
    struct value *vr = value_alloc(), *vw = value_alloc();
    mk_list(vr, nr);
    mk_list(vw, nw);
    if (nr) memcpy(vr->list.items, right, nr * sizeof *right);
    if (nw) memcpy(vw->list.items, wrong, nw * sizeof *wrong);
    struct attrs *a = attrs_new(2);
    attrs_push(a, eval_sym(st, "right"), vr, 0);
    attrs_push(a, eval_sym(st, "wrong"), vw, 0);
    attrs_sort(a);
    mk_attrs(out, a);
}

/* Groups in order of first appearance, found through a small hash index on the symbol. */
struct group {
    nix_sym name;
    size_t n, cap;
    struct value **items;
};

static void prim_groupBy(struct eval_state *st, struct value **args, struct value *out,
                         nix_pos pos) {
    eval_force_function(st, args[0], pos);
    eval_force_list(st, args[1], pos);
    size_t n = args[1]->list.n;
    size_t cap = 8;
    while (cap < n * 2)
        cap *= 2;
    uint32_t *index = GC_MALLOC_ATOMIC(cap * sizeof *index); /* group number + 1, 0 = empty */
    memset(index, 0, cap * sizeof *index);
    struct group *groups = GC_MALLOC((n ? n : 1) * sizeof *groups);
    size_t ngroups = 0;
    for (size_t i = 0; i < n; i++) {
        struct value *x = args[1]->list.items[i];
        struct value *r = value_alloc();
        eval_call(st, args[0], 1, &x, r, pos);
        nix_sym s = eval_sym(st, eval_force_string(st, r, pos, NULL));
        size_t h = (s * 2654435761u) & (cap - 1);
        while (index[h] && groups[index[h] - 1].name != s)
            h = (h + 1) & (cap - 1);
        if (!index[h]) {
            groups[ngroups] = (struct group){s, 0, 0, NULL};
            index[h] = (uint32_t)++ngroups;
        }
        struct group *g = &groups[index[h] - 1];
        if (g->n == g->cap) {
            size_t ncap = g->cap ? g->cap * 2 : 4;
            struct value **ni = value_ptrs_alloc(ncap);
            if (g->n) memcpy(ni, g->items, g->n * sizeof *ni);
            g->items = ni;
            g->cap = ncap;
        }
        g->items[g->n++] = x;
    }
    struct attrs *a = attrs_new(ngroups);
    for (size_t g = 0; g < ngroups; g++) {
        struct value *l = value_alloc();
        mk_list(l, groups[g].n);
        memcpy(l->list.items, groups[g].items, groups[g].n * sizeof *l->list.items);
        attrs_push(a, groups[g].name, l, 0);
    }
    attrs_sort(a);
    mk_attrs(out, a);
}

static void any_all(struct eval_state *st, struct value **args, struct value *out, nix_pos pos,
                    bool any) {
    eval_force_function(st, args[0], pos);
    eval_force_list(st, args[1], pos);
    for (size_t i = 0; i < args[1]->list.n; i++) {
        if (call_pred(st, args[0], args[1]->list.items[i], pos) == any) {
            mk_bool(out, any);
            return;
        }
    }
    mk_bool(out, !any);
}

static void prim_any(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    any_all(st, args, out, pos, true);
}

static void prim_all(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    any_all(st, args, out, pos, false);
}

/* genericClosure: breadth-first from startSet, keeping the first item of each distinct `key`.
 * Keys seen so far are kept sorted (eval_compare, which also rejects keys that do not compare,
 * as Nix does), so membership is a binary search. */
struct key_set {
    struct value **keys;
    size_t n, cap;
};

/* Nix's key comparison: numbers with numbers, else only values of the same type. Its error
 * carries no position. */
static void check_comparable(struct eval_state *st, struct value *a, struct value *b) {
    bool an = a->type == VT_INT || a->type == VT_FLOAT,
         bn = b->type == VT_INT || b->type == VT_FLOAT;
    if (an && bn) return;
    if (a->type == b->type &&
        (a->type == VT_STRING || a->type == VT_PATH || a->type == VT_LIST || an))
        return;
    eval_error(st, ERR_EVAL, 0, "cannot compare %s with %s", value_type_desc(a),
               value_type_desc(b));
}

static bool key_set_insert(struct eval_state *st, struct key_set *ks, struct value *key,
                           nix_pos pos) {
    size_t lo = 0, hi = ks->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        /* The new key first: Nix's "cannot compare" message names it first. */
        check_comparable(st, key, ks->keys[mid]);
        int c = -eval_compare(st, key, ks->keys[mid], pos);
        if (c == 0) return false;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (ks->n == ks->cap) {
        size_t ncap = ks->cap ? ks->cap * 2 : 16;
        struct value **nk = value_ptrs_alloc(ncap);
        if (ks->n) memcpy(nk, ks->keys, ks->n * sizeof *nk);
        ks->keys = nk;
        ks->cap = ncap;
    }
    memmove(ks->keys + lo + 1, ks->keys + lo, (ks->n - lo) * sizeof *ks->keys);
    ks->keys[lo] = key;
    ks->n++;
    return true;
}

struct value_vec {
    struct value **items;
    size_t n, cap;
};

static void vec_push(struct value_vec *v, struct value *x) {
    if (v->n == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 16;
        struct value **ni = value_ptrs_alloc(ncap);
        if (v->n) memcpy(ni, v->items, v->n * sizeof *ni);
        v->items = ni;
        v->cap = ncap;
    }
    v->items[v->n++] = x;
}

static struct value *required_attr(struct eval_state *st, struct attrs *a, const char *name,
                                   nix_pos pos) {
    struct attr *at = attrs_get(a, eval_sym(st, name));
    if (!at)
        eval_error(st, ERR_EVAL, pos, "attribute '%s' missing for call to 'genericClosure'", name);
    return at->value;
}

static void prim_genericClosure(struct eval_state *st, struct value **args, struct value *out,
                                nix_pos pos) {
    struct attrs *a = eval_force_attrs(st, args[0], pos);
    struct value *start = required_attr(st, a, "startSet", pos);
    eval_force_list(st, start, pos);
    struct value *op = required_attr(st, a, "operator", pos);
    struct value_vec work = {0}, res = {0};
    for (size_t i = 0; i < start->list.n; i++)
        vec_push(&work, start->list.items[i]);
    struct key_set seen = {0};
    nix_sym s_key = eval_sym(st, "key");
    for (size_t w = 0; w < work.n; w++) {
        struct value *e = work.items[w];
        struct attrs *ea = eval_force_attrs(st, e, pos);
        struct attr *k = attrs_get(ea, s_key);
        if (!k) eval_error(st, ERR_EVAL, pos, "attribute 'key' required");
        eval_force(st, k->value, pos);
        if (!key_set_insert(st, &seen, k->value, pos)) continue;
        vec_push(&res, e);
        struct value *next = value_alloc();
        eval_call(st, op, 1, &e, next, pos);
        eval_force_list(st, next, pos);
        for (size_t i = 0; i < next->list.n; i++)
            vec_push(&work, next->list.items[i]);
    }
    mk_list(out, res.n);
    if (res.n) memcpy(out->list.items, res.items, res.n * sizeof *res.items);
}

void builtins_lists_register(struct eval_state *st) {
    eval_register_primop(st, "__sort", 2, prim_sort);
    eval_register_primop(st, "__partition", 2, prim_partition);
    eval_register_primop(st, "__groupBy", 2, prim_groupBy);
    eval_register_primop(st, "__any", 2, prim_any);
    eval_register_primop(st, "__all", 2, prim_all);
    eval_register_primop(st, "__genericClosure", 1, prim_genericClosure);
}
