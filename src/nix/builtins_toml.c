/* builtins_toml: builtins.fromTOML on hearth's own TOML 1.0 parser (toml.c). Dates and times
 * are refused as Nix does (current Nix accepts them only behind an experimental feature).
 * Errors are laid out as Nix's TOML library (toml11) lays them out, with its wording for the
 * common ones (a key defined twice, a missing value, a missing '='), and ours for the rest. */
#include "nix/builtins_extra.h"
#include "nix/eval.h"
#include "nix/toml.h"

#include <stdlib.h>
#include <string.h>

/* Converts the tree; returns false when it holds a date or time. */
static bool toml_to_value(struct eval_state *st, const struct toml_value *t, struct value *v) {
    eval_check_stack(st);
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

/* Error excerpts in the layout of Nix's TOML library (toml11), which fromTOML's messages carry:
 *  --> fromTOML
 *    |
 *  1 | a = 1
 *    |     ^--- comment
 * `width` is the width of the widest line number shown. */
static void excerpt(struct strbuf *b, const char *s, size_t n, size_t at, size_t end,
                    const char *comment, int width) {
    size_t line = 1, start = 0, col = 0;
    for (size_t i = 0; i < at && i < n; i++) {
        if (s[i] == '\n') {
            line++;
            start = i + 1;
        }
    }
    for (size_t i = start; i < at && i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) col++;
    size_t eol = start;
    while (eol < n && s[eol] != '\n')
        eol++;
    if (eol > start && s[eol - 1] == '\r') eol--;
    /* Nix prints messages without trailing blanks. */
    size_t shown = eol;
    while (shown > start && (s[shown - 1] == ' ' || s[shown - 1] == '\t'))
        shown--;
    sb_printf(b, "\n %*zu | %.*s\n", width, line, (int)(shown - start), s + start);
    /* One character is marked "^---", a longer span "~~~". */
    size_t span = 0;
    for (size_t i = at; i < end && i < n && s[i] != '\n'; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) span++;
    sb_printf(b, "%*s | %*s", width + 1, "", (int)col, "");
    if (span > 1) {
        for (size_t i = 0; i < span; i++)
            sb_addc(b, '~');
        sb_printf(b, " %s", comment);
    } else {
        sb_printf(b, "^--- %s", comment);
    }
}

static int digits(size_t v) {
    int d = 1;
    while (v >= 10) {
        v /= 10;
        d++;
    }
    return d;
}

static size_t line_of(const char *s, size_t at) {
    size_t line = 1;
    for (size_t i = 0; i < at && s[i]; i++)
        if (s[i] == '\n') line++;
    return line;
}

static const char *toml_message(const char *s, size_t n, const struct toml_error *e) {
    struct strbuf b;
    sb_init(&b, 256);
    int width = digits(line_of(s, e->at));
    switch (e->kind) {
    case TOML_ERR_DUPLICATE: {
        int w1 = digits(line_of(s, e->first_at));
        if (w1 > width) width = w1;
        sb_printf(
            &b, "[error] toml::insert_value: value (\"%s\") already exists.\n --> fromTOML\n%*s |",
            e->key, width + 1, "");
        excerpt(&b, s, n, e->first_at, e->first_end, "value already exists here", width);
        sb_adds(&b, "\n ...");
        excerpt(&b, s, n, e->at, e->end, "value defined twice", width);
        return sb_str(&b);
    }
    case TOML_ERR_NO_VALUE:
        sb_printf(&b,
                  "[error] toml::parse_key_value_pair: missing value after key-value separator "
                  "'='\n --> fromTOML\n%*s |",
                  width + 1, "");
        excerpt(&b, s, n, e->at, e->at, "expected value, but got nothing", width);
        return sb_str(&b);
    case TOML_ERR_NO_EQUALS:
        sb_printf(&b,
                  "[error] toml::parse_key_value_pair: missing key-value separator `=`\n --> "
                  "fromTOML\n%*s |",
                  width + 1, "");
        excerpt(&b, s, n, e->at, e->at, "should be `=`", width);
        return sb_str(&b);
    case TOML_ERR_OTHER: break;
    }
    sb_printf(&b, "[error] %s\n --> fromTOML\n%*s |", e->what, width + 1, "");
    excerpt(&b, s, n, e->at, e->at, "here", width);
    return sb_str(&b);
}

static void prim_fromTOML(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    const char *s = eval_force_string_noctx(st, args[0], pos);
    size_t n = strlen(s);
    struct toml_value *root;
    struct toml_error info;
    int rc = toml_parse_ex(s, n, &root, NULL, 0, &info);
    if (rc == -2) eval_error(st, ERR_EVAL, pos, "while parsing a TOML string: out of memory");
    if (rc != 0)
        eval_error(st, ERR_EVAL, pos, "while parsing a TOML string: %s", toml_message(s, n, &info));
    bool ok = toml_to_value(st, root, out);
    toml_free(root);
    if (!ok)
        eval_error(st, ERR_EVAL, pos,
                   "while parsing a TOML string: Dates and times are not supported");
}

void builtins_toml_register(struct eval_state *st) {
    eval_register_primop(st, "fromTOML", 1, prim_fromTOML);
}
