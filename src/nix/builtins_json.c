/* builtins_json: builtins.toJSON and builtins.fromJSON.
 * toJSON writes what Nix 2.8 writes: object keys sorted, floats as "%g", strings escaped as in
 * textfmt.c; sets with __toString or outPath become that string; paths are copied to the store.
 * fromJSON parses with json-c in strict mode, after a pre-scan for what json-c accepts and
 * Nix's JSON parser does not (NaN, Infinity, raw control characters in strings). */
#include "nix/ast.h"
#include "nix/builtins_extra.h"
#include "nix/eval.h"
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

static void prim_toJSON(struct eval_state *st, struct value **args, struct value *out,
                        nix_pos pos) {
    struct strbuf b;
    struct ctx_buf ctx = {0};
    sb_init(&b, 64);
    to_json(st, args[0], &b, &ctx, pos);
    mk_string(out, sb_str(&b), ctx_buf_finish(&ctx));
}

/* ---- fromJSON ---- */

struct json_err {
    size_t at; /* byte offset */
    const char *what;
};

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

/* What json-c would accept but JSON (and Nix) does not; false with *e set on the first one.
 * Also collects the integers json-c cannot represent. */
static bool prescan(const char *s, struct json_err *e, struct big_numbers *big) {
    for (size_t i = 0; s[i];) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"') {
            for (i++; s[i] && s[i] != '"'; i++) {
                if ((unsigned char)s[i] < 0x20) {
                    e->at = i;
                    e->what = "invalid string: control character must be escaped";
                    return false;
                }
                if (s[i] == '\\' && s[i + 1]) i++;
            }
            if (s[i]) i++;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            size_t j = i + 1;
            while (strchr("0123456789+-.eE", s[j]) && s[j])
                j++;
            note_number(s + i, j - i, big);
            i = j;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            size_t j = i;
            while ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))
                j++;
            if (!(j - i == 4 && (memcmp(s + i, "true", 4) == 0 || memcmp(s + i, "null", 4) == 0)) &&
                !(j - i == 5 && memcmp(s + i, "false", 5) == 0)) {
                e->at = i;
                e->what = "invalid literal";
                return false;
            }
            i = j;
        } else {
            i++;
        }
    }
    return true;
}

/* Converts a parsed document; returns false (with *bad set) on a number out of range. */
static bool from_json(struct eval_state *st, struct json_object *o, struct value *v,
                      struct big_numbers *big, const char **bad) {
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

/* Nix's name for the token starting at s (for "unexpected X; expected end of input"). */
static const char *token_name(const char *s, size_t *len) {
    *len = 1;
    switch (*s) {
    case '[': return "'['";
    case ']': return "']'";
    case '{': return "'{'";
    case '}': return "'}'";
    case ':': return "':'";
    case ',': return "','";
    case '"': {
        size_t i = 1;
        while (s[i] && s[i] != '"')
            i += s[i] == '\\' && s[i + 1] ? 2 : 1;
        *len = s[i] ? i + 1 : i;
        return "string literal";
    }
    }
    if (*s == '-' || (*s >= '0' && *s <= '9')) {
        size_t i = 1;
        while (s[i] && strchr("0123456789+-.eE", s[i]))
            i++;
        *len = i;
        return "number literal";
    }
    if (strncmp(s, "true", 4) == 0) return *len = 4, "true literal";
    if (strncmp(s, "false", 5) == 0) return *len = 5, "false literal";
    if (strncmp(s, "null", 4) == 0) return *len = 4, "null literal";
    return "character";
}

__attribute__((noreturn)) static void json_error(struct eval_state *st, const char *s,
                                                 const struct json_err *e, nix_pos pos) {
    size_t line = 1, col = 1;
    for (size_t i = 0; i < e->at && s[i]; i++) {
        if (s[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    builtins_throw_with_frame(st, 0,
                              gc_printf("[json.exception.parse_error.101] parse error at line %zu, "
                                        "column %zu: syntax error while parsing value - %s",
                                        line, col, e->what),
                              pos, "while decoding a JSON string");
}

static void prim_fromJSON(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    const char *s = eval_force_string(st, args[0], pos, NULL);
    size_t len = strlen(s);
    struct json_err e;
    struct big_numbers big = {0};
    if (!prescan(s, &e, &big)) json_error(st, s, &e, pos);
    struct json_tokener *tok = json_tokener_new_ex(10000);
    if (!tok) eval_error(st, ERR_EVAL, pos, "out of memory parsing JSON");
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS);
    struct json_object *o = json_tokener_parse_ex(tok, s, (int)len);
    enum json_tokener_error err = json_tokener_get_error(tok);
    size_t end = json_tokener_get_parse_end(tok);
    if (err == json_tokener_continue) {
        /* A lone number is only complete once the tokenizer sees the end. */
        o = json_tokener_parse_ex(tok, "", 1);
        err = json_tokener_get_error(tok);
        end = len;
    }
    if (err != json_tokener_success) {
        e.at = err == json_tokener_continue || err == json_tokener_error_parse_eof ? len : end;
        bool blank = strspn(s, " \t\r\n") == len;
        e.what = blank ? "unexpected end of input; expected '[', '{', or a literal"
                 : err == json_tokener_continue || err == json_tokener_error_parse_eof
                     ? "unexpected end of input"
                     : json_tokener_error_desc(err);
        json_tokener_free(tok);
        json_object_put(o);
        json_error(st, s, &e, pos);
    }
    /* Only whitespace may follow the document. */
    for (size_t i = end; i < len; i++) {
        if (!strchr(" \t\r\n", s[i])) {
            json_tokener_free(tok);
            json_object_put(o);
            size_t tl;
            const char *name = token_name(s + i, &tl);
            e.at = i + tl - 1;
            e.what = gc_printf("unexpected %s; expected end of input", name);
            json_error(st, s, &e, pos);
        }
    }
    json_tokener_free(tok);
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
