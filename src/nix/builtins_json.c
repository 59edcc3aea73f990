/* builtins_json: builtins.toJSON and builtins.fromJSON.
 * toJSON writes what Nix 2.8 writes: object keys sorted, floats as "%g", strings escaped as in
 * textfmt.c; sets with __toString or outPath become that string; paths are copied to the store.
 * fromJSON first checks the text with jsoncheck.c, which rejects what Nix rejects (json-c also
 * takes NaN, raw control characters...) with Nix's messages, then parses it with json-c.
 * Integers beyond 64 bits become floats, as in Nix. */
#include "nix/ast.h"
#include "nix/builtins_extra.h"
#include "nix/eval.h"
#include "nix/jsoncheck.h"
#include "nix/textfmt.h"

#include <gc.h>
#include <json-c/json.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void add_quoted(struct strbuf *b, const char *s) {
    size_t n = strlen(s);
    char *tmp = GC_MALLOC_ATOMIC(json_quote_string(NULL, s, n) + 1);
    sb_addn(b, tmp, json_quote_string(tmp, s, n));
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void to_json(struct eval_state *st, struct value *v, struct strbuf *b, struct ctx_buf *ctx,
                    nix_pos pos) {
    eval_check_stack(st);
    eval_force(st, v, pos);
    switch (v->type) {
    case VT_INT: sb_printf(b, "%lld", (long long)v->i); break;
    case VT_FLOAT: {
        char f[32];
        sb_addn(b, f, nix_float_format(f, v->f));
        break;
    }
    case VT_BOOL: sb_adds(b, v->b ? "true" : "false"); break;
    case VT_NULL: sb_adds(b, "null"); break;
    case VT_STRING:
        ctx_buf_add(ctx, v->str.ctx);
        add_quoted(b, v->str.s);
        break;
    case VT_PATH: add_quoted(b, eval_coerce_to_string(st, v, pos, ctx, false, true)); break;
    case VT_LIST:
        sb_addc(b, '[');
        for (size_t i = 0; i < v->list.n; i++) {
            if (i) sb_addc(b, ',');
            to_json(st, v->list.items[i], b, ctx, pos);
        }
        sb_addc(b, ']');
        break;
    case VT_ATTRS: {
        struct attrs *a = v->attrs;
        if (attrs_get(a, eval_sym(st, "__toString"))) {
            add_quoted(b, eval_coerce_to_string(st, v, pos, ctx, false, false));
            break;
        }
        struct attr *out = attrs_get(a, st->s_outPath);
        if (out) {
            to_json(st, out->value, b, ctx, pos);
            break;
        }
        /* Keys in byte order of their names, not in the set's symbol order. */
        const char **names = GC_MALLOC((a->n ? a->n : 1) * sizeof *names);
        for (uint32_t i = 0; i < a->n; i++)
            names[i] = sym_name(st->symbols, a->a[i].name);
        qsort(names, a->n, sizeof *names, cmp_names);
        sb_addc(b, '{');
        for (uint32_t i = 0; i < a->n; i++) {
            if (i) sb_addc(b, ',');
            add_quoted(b, names[i]);
            sb_addc(b, ':');
            struct attr *at = attrs_get(a, eval_sym(st, names[i]));
            to_json(st, at->value, b, ctx, at->pos ? at->pos : pos);
        }
        sb_addc(b, '}');
        break;
    }
    default: {
        nix_pos at = v->type == VT_LAMBDA ? v->lambda.fun->e.pos : pos;
        builtins_throw_with_frame(st, at,
                                  gc_printf("cannot convert %s to JSON", value_type_desc(v)), pos,
                                  "while converting a value to JSON");
    }
    }
}

void builtins_value_to_json(struct eval_state *st, struct value *v, struct strbuf *out,
                            struct ctx_buf *ctx, nix_pos pos) {
    to_json(st, v, out, ctx, pos);
}

static void prim_toJSON(struct eval_state *st, struct value **args, struct value *out,
                        nix_pos pos) {
    struct strbuf b;
    struct ctx_buf ctx = {0};
    sb_init(&b, 64);
    to_json(st, args[0], &b, &ctx, pos);
    mk_string(out, sb_str(&b), ctx_buf_finish(&ctx));
}

/* ---- fromJSON ---- */

/* Integers too big for 64 bits, in document order: Nix reads them as floats, json-c clamps
 * them, so the conversion takes their value from here. */
struct big_numbers {
    double *values;
    size_t n, cap, next;
};

static void note_number(const char *tok, size_t len, struct big_numbers *big) {
    for (size_t i = 0; i < len; i++)
        if (tok[i] == '.' || tok[i] == 'e' || tok[i] == 'E') return;
    bool neg = tok[0] == '-';
    const char *d = tok + neg;
    size_t dl = len - neg;
    while (dl > 1 && *d == '0') {
        d++;
        dl--;
    }
    /* Above UINT64_MAX when positive (Nix wraps what fits in 64 unsigned bits), below
     * INT64_MIN when negative. */
    const char *limit = neg ? "9223372036854775808" : "18446744073709551615";
    size_t ll = strlen(limit);
    if (dl < ll || (dl == ll && memcmp(d, limit, ll) <= 0)) return;
    if (big->n == big->cap) {
        size_t ncap = big->cap ? big->cap * 2 : 4;
        double *nv = GC_MALLOC_ATOMIC(ncap * sizeof *nv);
        if (big->n) memcpy(nv, big->values, big->n * sizeof *nv);
        big->values = nv;
        big->cap = ncap;
    }
    char *copy = gc_strndup(tok, len);
    big->values[big->n++] = strtod(copy, NULL);
}

/* Collects the integers json-c cannot represent (the text is valid JSON by now). */
static void prescan(const char *s, struct big_numbers *big) {
    for (size_t i = 0; s[i];) {
        if (s[i] == '"') {
            for (i++; s[i] && s[i] != '"'; i++)
                if (s[i] == '\\' && s[i + 1]) i++;
            if (s[i]) i++;
        } else if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) {
            size_t j = i + 1;
            while (s[j] && strchr("0123456789+-.eE", s[j]))
                j++;
            note_number(s + i, j - i, big);
            i = j;
        } else {
            i++;
        }
    }
}

/* Converts a parsed document; returns false (with *bad set) on a number out of range. */
static bool from_json(struct eval_state *st, struct json_object *o, struct value *v,
                      struct big_numbers *big, const char **bad) {
    eval_check_stack(st);
    switch (json_object_get_type(o)) {
    case json_type_null: mk_null(v); return true;
    case json_type_boolean: mk_bool(v, json_object_get_boolean(o)); return true;
    case json_type_int: {
        int64_t i = json_object_get_int64(o);
        uint64_t u = json_object_get_uint64(o);
        bool clamped = (i == INT64_MAX && u == UINT64_MAX) || i == INT64_MIN;
        if (clamped && big->next < big->n && (big->values[big->next] < 0) == (i < 0)) {
            mk_float(v, big->values[big->next++]);
            return true;
        }
        /* Above INT64_MAX: Nix wraps the unsigned value around. */
        if (i == INT64_MAX) i = (int64_t)u;
        mk_int(v, i);
        return true;
    }
    case json_type_double: {
        double d = json_object_get_double(o);
        if (isinf(d)) {
            *bad = gc_strdup(json_object_to_json_string(o));
            return false;
        }
        mk_float(v, d);
        return true;
    }
    case json_type_string:
        mk_string(v, gc_strndup(json_object_get_string(o), (size_t)json_object_get_string_len(o)),
                  NULL);
        return true;
    case json_type_array: {
        size_t n = json_object_array_length(o);
        mk_list(v, n);
        for (size_t i = 0; i < n; i++) {
            struct value *item = value_alloc();
            if (!from_json(st, json_object_array_get_idx(o, i), item, big, bad)) return false;
            v->list.items[i] = item;
        }
        return true;
    }
    case json_type_object: {
        struct attrs *a = attrs_new((size_t)json_object_object_length(o));
        json_object_object_foreach(o, key, val) {
            struct value *item = value_alloc();
            if (!from_json(st, val, item, big, bad)) return false;
            attrs_push(a, eval_sym(st, key), item, 0);
        }
        attrs_sort(a);
        mk_attrs(v, a);
        return true;
    }
    }
    mk_null(v);
    return true;
}

static void prim_fromJSON(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    const char *s = eval_force_string_noctx(st, args[0], pos);
    size_t len = strlen(s);
    char msg[1024];
    size_t depth;
    if (!json_check(s, len, &depth, msg, sizeof msg))
        builtins_throw_with_frame(st, 0, gc_strdup(msg), pos, "while decoding a JSON string");
    struct big_numbers big = {0};
    prescan(s, &big);
    /* json-c allocates its parse stack for the depth it is given: the document's own. */
    if (depth + 1 > INT32_MAX) eval_error(st, ERR_EVAL, pos, "JSON value nested too deeply");
    struct json_tokener *tok = json_tokener_new_ex((int)depth + 1);
    if (!tok) eval_error(st, ERR_EVAL, pos, "out of memory parsing JSON");
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    struct json_object *o = json_tokener_parse_ex(tok, s, (int)len);
    enum json_tokener_error err = json_tokener_get_error(tok);
    if (err == json_tokener_continue) {
        /* A lone number is only complete once the tokenizer sees the end. */
        o = json_tokener_parse_ex(tok, "", 1);
        err = json_tokener_get_error(tok);
    }
    json_tokener_free(tok);
    if (err != json_tokener_success) {
        /* Not expected: json_check accepted it. */
        json_object_put(o);
        builtins_throw_with_frame(st, 0,
                                  gc_printf("while parsing JSON: %s", json_tokener_error_desc(err)),
                                  pos, "while decoding a JSON string");
    }
    const char *bad = NULL;
    bool ok = from_json(st, o, out, &big, &bad);
    json_object_put(o);
    if (!ok)
        builtins_throw_with_frame(
            st, 0, gc_printf("[json.exception.out_of_range.406] number overflow parsing '%s'", bad),
            pos, "while decoding a JSON string");
}

void builtins_json_register(struct eval_state *st) {
    eval_register_primop(st, "__toJSON", 1, prim_toJSON);
    eval_register_primop(st, "__fromJSON", 1, prim_fromJSON);
}
