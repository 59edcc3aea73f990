/* builtins_attrs: attribute set builtins beyond the core: zipAttrsWith, catAttrs,
 * intersectAttrs and unsafeGetAttrPos. Semantics and error texts follow Nix. */
#include "nix/builtins_extra.h"
#include "nix/eval.h"

#include <gc.h>
#include <stdint.h>
#include <string.h>

/* One output attribute of zipAttrsWith: its values in list order. */
struct zip_entry {
    nix_sym name;
    size_t n, cap;
    struct value **values;
};

static void prim_zipAttrsWith(struct eval_state *st, struct value **args, struct value *out,
                              nix_pos pos) {
    eval_force_function(st, args[0], pos);
    eval_force_list(st, args[1], pos);
    size_t nl = args[1]->list.n, total = 0;
    for (size_t i = 0; i < nl; i++) {
        struct value *x = args[1]->list.items[i];
        eval_force(st, x, pos);
        /* Nix reports this without a position, with a trace frame. */
        if (x->type != VT_ATTRS)
            builtins_throw_with_frame(
                st, 0, gc_printf("value is %s while a set was expected", value_type_desc(x)), pos,
                "while evaluating a value of the list passed as second argument to "
                "builtins.zipAttrsWith");
        total += x->attrs->n;
    }
    size_t cap = 8;
    while (cap < total * 2)
        cap *= 2;
    uint32_t *index = GC_MALLOC_ATOMIC(cap * sizeof *index); /* entry number + 1, 0 = empty */
    memset(index, 0, cap * sizeof *index);
    struct zip_entry *entries = GC_MALLOC((total ? total : 1) * sizeof *entries);
    size_t ne = 0;
    for (size_t i = 0; i < nl; i++) {
        struct attrs *a = args[1]->list.items[i]->attrs;
        for (uint32_t j = 0; j < a->n; j++) {
            nix_sym s = a->a[j].name;
            size_t h = (s * 2654435761u) & (cap - 1);
            while (index[h] && entries[index[h] - 1].name != s)
                h = (h + 1) & (cap - 1);
            if (!index[h]) {
                entries[ne] = (struct zip_entry){s, 0, 0, NULL};
                index[h] = (uint32_t)++ne;
            }
            struct zip_entry *e = &entries[index[h] - 1];
            if (e->n == e->cap) {
                size_t ncap = e->cap ? e->cap * 2 : 4;
                struct value **nv = value_ptrs_alloc(ncap);
                if (e->n) memcpy(nv, e->values, e->n * sizeof *nv);
                e->values = nv;
                e->cap = ncap;
            }
            e->values[e->n++] = a->a[j].value;
        }
    }
    struct attrs *res = attrs_new(ne);
    for (size_t k = 0; k < ne; k++) {
        struct value *name = value_alloc(), *list = value_alloc();
        mk_string(name, sym_name(st->symbols, entries[k].name), NULL);
        mk_list(list, entries[k].n);
        memcpy(list->list.items, entries[k].values, entries[k].n * sizeof *list->list.items);
        /* f name values, applied lazily as in Nix. */
        struct value *partial = value_alloc(), *v = value_alloc();
        mk_app(partial, args[0], name);
        mk_app(v, partial, list);
        attrs_push(res, entries[k].name, v, 0);
    }
    attrs_sort(res);
    mk_attrs(out, res);
}

static void prim_catAttrs(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    nix_sym name = eval_sym(st, eval_force_string_noctx(st, args[0], pos));
    eval_force_list(st, args[1], pos);
    size_t n = args[1]->list.n, k = 0;
    struct value **found = value_ptrs_alloc(n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        struct attr *a = attrs_get(eval_force_attrs(st, args[1]->list.items[i], pos), name);
        if (a) found[k++] = a->value;
    }
    mk_list(out, k);
    if (k) memcpy(out->list.items, found, k * sizeof *found);
}

static void prim_intersectAttrs(struct eval_state *st, struct value **args, struct value *out,
                                nix_pos pos) {
    struct attrs *a = eval_force_attrs(st, args[0], pos);
    struct attrs *b = eval_force_attrs(st, args[1], pos);
    struct attrs *res = attrs_new(a->n < b->n ? a->n : b->n);
    /* Both are sorted by symbol id: walk them together. */
    uint32_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->a[i].name < b->a[j].name) {
            i++;
        } else if (a->a[i].name > b->a[j].name) {
            j++;
        } else {
            attrs_push(res, b->a[j].name, b->a[j].value, b->a[j].pos);
            i++;
            j++;
        }
    }
    mk_attrs(out, res);
}

static void prim_unsafeGetAttrPos(struct eval_state *st, struct value **args, struct value *out,
                                  nix_pos pos) {
    nix_sym name = eval_sym(st, eval_force_string_noctx(st, args[0], pos));
    struct attr *a = attrs_get(eval_force_attrs(st, args[1], pos), name);
    const struct pos_info *pi = a && a->pos ? eval_pos_get(st, a->pos) : NULL;
    if (!pi || !pi->src) {
        mk_null(out);
        return;
    }
    struct value *file = value_alloc(), *line = value_alloc(), *col = value_alloc();
    /* Nix 2.8 gives an expression's own text as the file of a position inside it. */
    mk_string(file, pi->src->path ? pi->src->path : pi->src->text, NULL);
    mk_int(line, pi->line);
    mk_int(col, pi->col);
    struct attrs *res = attrs_new(3);
    attrs_push(res, st->s_file, file, 0);
    attrs_push(res, st->s_line, line, 0);
    attrs_push(res, st->s_column, col, 0);
    attrs_sort(res);
    mk_attrs(out, res);
}

void builtins_attrs_register(struct eval_state *st) {
    eval_register_primop(st, "__zipAttrsWith", 2, prim_zipAttrsWith);
    eval_register_primop(st, "__catAttrs", 2, prim_catAttrs);
    eval_register_primop(st, "__intersectAttrs", 2, prim_intersectAttrs);
    eval_register_primop(st, "__unsafeGetAttrPos", 2, prim_unsafeGetAttrPos);
}
