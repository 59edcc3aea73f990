/* builtins_toml: builtins.fromTOML on hearth's own TOML 1.0 parser (toml.c). Dates and times
 * are refused as Nix does (current Nix accepts them only behind an experimental feature). */
#include "nix/builtins_extra.h"
#include "nix/eval.h"
#include "nix/toml.h"

#include <stdlib.h>
#include <string.h>

/* Converts the tree; returns false when it holds a date or time. */
static bool toml_to_value(struct eval_state *st, const struct toml_value *t, struct value *v) {
    switch (t->type) {
    case TOML_STRING: mk_string(v, gc_strndup(t->str.ptr, t->str.len), NULL); return true;
    case TOML_INT: mk_int(v, t->integer); return true;
    case TOML_FLOAT: mk_float(v, t->real); return true;
    case TOML_BOOL: mk_bool(v, t->boolean); return true;
    case TOML_DATETIME: return false;
    case TOML_ARRAY:
        mk_list(v, t->array.len);
        for (size_t i = 0; i < t->array.len; i++) {
            struct value *item = value_alloc();
            if (!toml_to_value(st, t->array.items[i], item)) return false;
            v->list.items[i] = item;
        }
        return true;
    case TOML_TABLE: {
        struct attrs *a = attrs_new(t->table.len);
        for (size_t i = 0; i < t->table.len; i++) {
            const struct toml_entry *e = &t->table.entries[i];
            struct value *item = value_alloc();
            if (!toml_to_value(st, e->value, item)) return false;
            attrs_push(a, sym_intern(st->symbols, e->key, e->key_len), item, 0);
        }
        attrs_sort(a);
        mk_attrs(v, a);
        return true;
    }
    }
    return false;
}

static void prim_fromTOML(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    const char *s = eval_force_string(st, args[0], pos, NULL);
    struct toml_value *root;
    char err[256];
    int rc = toml_parse(s, strlen(s), &root, err, sizeof err);
    if (rc == -2) eval_error(st, ERR_EVAL, pos, "while parsing a TOML string: out of memory");
    if (rc != 0) eval_error(st, ERR_EVAL, pos, "while parsing a TOML string: %s", err);
    bool ok = toml_to_value(st, root, out);
    toml_free(root);
    if (!ok)
        eval_error(st, ERR_EVAL, pos,
                   "while parsing a TOML string: Dates and times are not supported");
}

void builtins_toml_register(struct eval_state *st) {
    eval_register_primop(st, "fromTOML", 1, prim_fromTOML);
}
