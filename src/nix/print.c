/* src/nix/print.c: printing values as nix-instantiate --eval does: the Nix syntax form (with
 * <CODE>, <LAMBDA>, <PRIMOP>, <PRIMOP-APP> and «repeated»), --json and --xml.
 *
 * Owns: the output formats. Floats print as C++ streams print them (%g, 6 significant digits);
 * attribute names are quoted unless they are identifiers; a set or non-empty list met a second
 * time anywhere in the output prints as «repeated» (Nix keeps one "seen" set per print). */
#include "nix/ast.h"

#include <gc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A set of pointers (open addressing), for «repeated». */
struct ptrset {
    const void **slots;
    size_t n, cap;
};

static bool ptrset_insert(struct ptrset *s, const void *p) {
    if ((s->n + 1) * 2 > s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 64;
        const void **ns = GC_MALLOC(nc * sizeof *ns);
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->slots[i]) continue;
            size_t h = ((uintptr_t)s->slots[i] >> 4) & (nc - 1);
            while (ns[h])
                h = (h + 1) & (nc - 1);
            ns[h] = s->slots[i];
        }
        s->slots = ns;
        s->cap = nc;
    }
    size_t h = ((uintptr_t)p >> 4) & (s->cap - 1);
    while (s->slots[h]) {
        if (s->slots[h] == p) return false;
        h = (h + 1) & (s->cap - 1);
    }
    s->slots[h] = p;
    s->n++;
    return true;
}

void print_string_literal(struct strbuf *out, const char *s) {
    sb_addc(out, '"');
    for (; *s; s++) {
        char c = *s;
        if (c == '"' || c == '\\') {
            sb_addc(out, '\\');
            sb_addc(out, c);
        } else if (c == '\n') {
            sb_adds(out, "\\n");
        } else if (c == '\r') {
            sb_adds(out, "\\r");
        } else if (c == '\t') {
            sb_adds(out, "\\t");
        } else if (c == '$' && s[1] == '{') {
            sb_adds(out, "\\$");
        } else {
            sb_addc(out, c);
        }
    }
    sb_addc(out, '"');
}

static bool is_keyword(const char *s) {
    static const char *const kws[] = {"if", "then", "else",    "assert", "with", "let",
                                      "in", "rec",  "inherit", "or",     NULL};
    for (int i = 0; kws[i]; i++)
        if (strcmp(s, kws[i]) == 0) return true;
    return false;
}

static bool is_identifier(const char *s) {
    const char *p = s;
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_')) return false;
    for (p++; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '\'' || *p == '-'))
            return false;
    return !is_keyword(s);
}

static void print_attr_name(struct strbuf *out, const char *name) {
    if (is_identifier(name))
        sb_adds(out, name);
    else
        print_string_literal(out, name);
}

static void print_float(struct strbuf *out, double f) {
    char buf[64];
    snprintf(buf, sizeof buf, "%g", f);
    sb_adds(out, buf);
}

/* Attributes in name order (the set itself is in symbol order). */

struct name_idx {
    const char *name;
    struct attr *attr;
};

static int cmp_name_idx(const void *x, const void *y) {
    return strcmp(((const struct name_idx *)x)->name, ((const struct name_idx *)y)->name);
}

struct attr **attrs_sorted_by_name(struct eval_state *st, struct attrs *a) {
    struct name_idx *tmp = GC_MALLOC((a->n ? a->n : 1) * sizeof *tmp);
    for (uint32_t i = 0; i < a->n; i++) {
        tmp[i].name = sym_name(st->symbols, a->a[i].name);
        tmp[i].attr = &a->a[i];
    }
    qsort(tmp, a->n, sizeof *tmp, cmp_name_idx);
    struct attr **r = GC_MALLOC((a->n ? a->n : 1) * sizeof *r);
    for (uint32_t i = 0; i < a->n; i++)
        r[i] = tmp[i].attr;
    return r;
}

static void print_rec(struct eval_state *st, struct value *v, struct ptrset *seen,
                      struct strbuf *out) {
    eval_check_stack(st);
    if (v->flags & VF_EAGER) {
        sb_adds(out, "<CODE>");
        return;
    }
    switch (v->type) {
    case VT_INT: sb_printf(out, "%lld", (long long)v->i); break;
    case VT_FLOAT: print_float(out, v->f); break;
    case VT_BOOL: sb_adds(out, v->b ? "true" : "false"); break;
    case VT_NULL: sb_adds(out, "null"); break;
    case VT_STRING: print_string_literal(out, v->str.s); break;
    case VT_PATH: sb_adds(out, v->path); break;
    case VT_ATTRS: {
        struct attrs *a = v->attrs;
        if (a->n && !ptrset_insert(seen, a)) {
            sb_adds(out, "«repeated»");
            break;
        }
        sb_adds(out, "{ ");
        struct attr **sorted = attrs_sorted_by_name(st, a);
        for (uint32_t i = 0; i < a->n; i++) {
            print_attr_name(out, sym_name(st->symbols, sorted[i]->name));
            sb_adds(out, " = ");
            print_rec(st, sorted[i]->value, seen, out);
            sb_adds(out, "; ");
        }
        sb_addc(out, '}');
        break;
    }
    case VT_LIST:
        /* Nix 2.8 keeps lists of one or two items inside the value itself and tracks a list by
         * where its items are: a short list is "seen" by its value, not by what it shares. */
        if (v->list.n && !ptrset_insert(seen, v->list.n <= 2 ? (const void *)v : v->list.items)) {
            sb_adds(out, "«repeated»");
            break;
        }
        sb_adds(out, "[ ");
        for (size_t i = 0; i < v->list.n; i++) {
            print_rec(st, v->list.items[i], seen, out);
            sb_addc(out, ' ');
        }
        sb_addc(out, ']');
        break;
    case VT_THUNK:
    case VT_APP_INT:
    case VT_APP: sb_adds(out, "<CODE>"); break;
    case VT_BLACKHOLE: sb_adds(out, "«potential infinite recursion»"); break;
    case VT_LAMBDA: sb_adds(out, "<LAMBDA>"); break;
    case VT_PRIMOP: sb_adds(out, "<PRIMOP>"); break;
    case VT_PRIMOP_APP: sb_adds(out, "<PRIMOP-APP>"); break;
    }
}

void value_print(struct eval_state *st, struct value *v, bool strict, struct strbuf *out) {
    if (strict) eval_force_deep(st, v, 0);
    struct ptrset seen = {0};
    print_rec(st, v, &seen, out);
}

/* ------------------------------------------------------------------ JSON */

static void json_string(struct strbuf *out, const char *s) {
    sb_addc(out, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '"': sb_adds(out, "\\\""); break;
        case '\\': sb_adds(out, "\\\\"); break;
        case '\n': sb_adds(out, "\\n"); break;
        case '\r': sb_adds(out, "\\r"); break;
        case '\t': sb_adds(out, "\\t"); break;
        default:
            if (c < 0x20)
                sb_printf(out, "\\u%04x", c);
            else
                sb_addc(out, (char)c);
        }
    }
    sb_addc(out, '"');
}

static void json_rec(struct eval_state *st, struct value *v, struct strbuf *out, nix_pos pos,
                     bool strict) {
    eval_check_stack(st);
    if (strict) eval_force(st, v, pos);
    switch ((v->flags & VF_EAGER) ? VT_THUNK : v->type) {
    case VT_INT: sb_printf(out, "%lld", (long long)v->i); return;
    case VT_FLOAT: print_float(out, v->f); return;
    case VT_BOOL: sb_adds(out, v->b ? "true" : "false"); return;
    case VT_NULL: sb_adds(out, "null"); return;
    case VT_STRING: json_string(out, v->str.s); return;
    case VT_PATH: {
        const char *p = v->path;
        if (st->copy_to_store) p = st->copy_to_store(st, v->path, pos);
        json_string(out, p);
        return;
    }
    case VT_ATTRS: {
        if (attrs_get(v->attrs, st->s_toString)) {
            json_string(out, eval_coerce_to_string(st, v, pos, NULL, false, false));
            return;
        }
        struct attr *op = attrs_get(v->attrs, st->s_outPath);
        if (op) {
            json_rec(st, op->value, out, pos, strict);
            return;
        }
        sb_addc(out, '{');
        struct attr **sorted = attrs_sorted_by_name(st, v->attrs);
        for (uint32_t i = 0; i < v->attrs->n; i++) {
            if (i) sb_addc(out, ',');
            json_string(out, sym_name(st->symbols, sorted[i]->name));
            sb_addc(out, ':');
            json_rec(st, sorted[i]->value, out, sorted[i]->pos ? sorted[i]->pos : pos, strict);
        }
        sb_addc(out, '}');
        return;
    }
    case VT_LIST:
        sb_addc(out, '[');
        for (size_t i = 0; i < v->list.n; i++) {
            if (i) sb_addc(out, ',');
            json_rec(st, v->list.items[i], out, pos, strict);
        }
        sb_addc(out, ']');
        return;
    case VT_THUNK:
    case VT_APP_INT:
    case VT_APP:
    case VT_BLACKHOLE:
        eval_trace_push(st, pos, "while converting a value to JSON");
        eval_error(st, ERR_EVAL, pos, "cannot convert a thunk to JSON");
    default:
        if (v->type == VT_LAMBDA) pos = v->lambda.fun->e.pos;
        /* Nix attaches a trace here, hence the "--show-trace" hint. */
        eval_trace_push(st, pos, "while converting a value to JSON");
        eval_error(st, ERR_EVAL, pos, "cannot convert %s to JSON", value_type_desc(v));
    }
}

void value_print_json(struct eval_state *st, struct value *v, struct strbuf *out, nix_pos pos) {
    json_rec(st, v, out, pos, true);
}

/* Nix writes JSON as it goes and closes the open lists and objects when an error unwinds
 * (`[` then an error prints `[]`); so does this, from the partial text. */
static void json_close_open(struct strbuf *out) {
    char stack[256];
    size_t depth = 0;
    bool in_str = false;
    for (size_t i = 0; i < out->len; i++) {
        char c = out->s[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = false;
        } else if (c == '"') {
            in_str = true;
        } else if ((c == '[' || c == '{') && depth < sizeof stack) {
            stack[depth++] = c == '[' ? ']' : '}';
        } else if ((c == ']' || c == '}') && depth) {
            depth--;
        }
    }
    while (depth)
        sb_addc(out, stack[--depth]);
}

struct json_ud {
    struct value *v;
    bool strict;
    struct strbuf *out;
    nix_pos pos;
};

static void json_run(struct eval_state *st, void *p) {
    struct json_ud *u = p;
    json_rec(st, u->v, u->out, u->pos, u->strict);
}

void value_print_json_lazy(struct eval_state *st, struct value *v, bool strict, struct strbuf *out,
                           nix_pos pos) {
    struct json_ud u = {v, strict, out, pos};
    struct nix_error *e = eval_try(st, json_run, &u);
    if (e) {
        json_close_open(out);
        eval_rethrow(st, e);
    }
}

/* ------------------------------------------------------------------ XML */

static void xml_escape(struct strbuf *out, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '"': sb_adds(out, "&quot;"); break;
        case '<': sb_adds(out, "&lt;"); break;
        case '>': sb_adds(out, "&gt;"); break;
        case '&': sb_adds(out, "&amp;"); break;
        case '\n': sb_adds(out, "&#xA;"); break;
        case '\r': sb_adds(out, "&#xD;"); break;
        case '\t': sb_adds(out, "&#x9;"); break;
        default: sb_addc(out, *s);
        }
    }
}

static void indent(struct strbuf *out, int depth) {
    for (int i = 0; i < depth; i++)
        sb_adds(out, "  ");
}

static void xml_pos_attrs(struct eval_state *st, nix_pos pos, struct strbuf *out) {
    const struct pos_info *pi = eval_pos_get(st, pos);
    if (!pi || !pi->src) return;
    sb_printf(out, " column=\"%u\" line=\"%u\"", pi->col, pi->line);
}

static void xml_path_attr(struct eval_state *st, nix_pos pos, struct strbuf *out) {
    const struct pos_info *pi = eval_pos_get(st, pos);
    if (!pi || !pi->src) return;
    sb_adds(out, " path=\"");
    xml_escape(out, pi->src->path ? pi->src->path : pi->src->text);
    sb_addc(out, '"');
}

static void xml_rec(struct eval_state *st, struct value *v, bool strict, struct strbuf *out,
                    int depth, struct ptrset *drvs);

static void xml_attrs(struct eval_state *st, struct attrs *a, bool strict, struct strbuf *out,
                      int depth, struct ptrset *drvs) {
    struct attr **sorted = attrs_sorted_by_name(st, a);
    for (uint32_t i = 0; i < a->n; i++) {
        indent(out, depth);
        sb_adds(out, "<attr");
        xml_pos_attrs(st, sorted[i]->pos, out);
        sb_adds(out, " name=\"");
        xml_escape(out, sym_name(st->symbols, sorted[i]->name));
        sb_addc(out, '"');
        xml_path_attr(st, sorted[i]->pos, out);
        sb_adds(out, ">\n");
        xml_rec(st, sorted[i]->value, strict, out, depth + 1, drvs);
        indent(out, depth);
        sb_adds(out, "</attr>\n");
    }
}

static void xml_rec(struct eval_state *st, struct value *v, bool strict, struct strbuf *out,
                    int depth, struct ptrset *drvs) {
    eval_check_stack(st);
    if (strict) eval_force(st, v, 0);
    indent(out, depth);
    switch ((v->flags & VF_EAGER) ? VT_THUNK : v->type) {
    case VT_INT: sb_printf(out, "<int value=\"%lld\" />\n", (long long)v->i); return;
    case VT_FLOAT: {
        char buf[64];
        snprintf(buf, sizeof buf, "%g", v->f);
        sb_printf(out, "<float value=\"%s\" />\n", buf);
        return;
    }
    case VT_BOOL: sb_printf(out, "<bool value=\"%s\" />\n", v->b ? "true" : "false"); return;
    case VT_NULL: sb_adds(out, "<null />\n"); return;
    case VT_STRING:
        sb_adds(out, "<string value=\"");
        xml_escape(out, v->str.s);
        sb_adds(out, "\" />\n");
        return;
    case VT_PATH:
        sb_adds(out, "<path value=\"");
        xml_escape(out, v->path);
        sb_adds(out, "\" />\n");
        return;
    case VT_ATTRS: {
        if (eval_is_derivation(st, v)) {
            sb_adds(out, "<derivation");
            struct attr *dp = attrs_get(v->attrs, st->s_drvPath);
            const char *drv = NULL;
            if (dp) {
                eval_force(st, dp->value, 0);
                if (dp->value->type == VT_STRING) {
                    drv = dp->value->str.s;
                    sb_adds(out, " drvPath=\"");
                    xml_escape(out, drv);
                    sb_addc(out, '"');
                }
            }
            struct attr *op = attrs_get(v->attrs, st->s_outPath);
            if (op) {
                eval_force(st, op->value, 0);
                if (op->value->type == VT_STRING) {
                    sb_adds(out, " outPath=\"");
                    xml_escape(out, op->value->str.s);
                    sb_addc(out, '"');
                }
            }
            sb_adds(out, ">\n");
            if (drv && !ptrset_insert(drvs, sym_name(st->symbols,
                                                     sym_intern(st->symbols, drv, strlen(drv))))) {
                indent(out, depth + 1);
                sb_adds(out, "<repeated />\n");
            } else {
                xml_attrs(st, v->attrs, strict, out, depth + 1, drvs);
            }
            indent(out, depth);
            sb_adds(out, "</derivation>\n");
            return;
        }
        if (v->attrs->n == 0) {
            sb_adds(out, "<attrs>\n");
            indent(out, depth);
            sb_adds(out, "</attrs>\n");
            return;
        }
        sb_adds(out, "<attrs>\n");
        xml_attrs(st, v->attrs, strict, out, depth + 1, drvs);
        indent(out, depth);
        sb_adds(out, "</attrs>\n");
        return;
    }
    case VT_LIST:
        sb_adds(out, "<list>\n");
        for (size_t i = 0; i < v->list.n; i++)
            xml_rec(st, v->list.items[i], strict, out, depth + 1, drvs);
        indent(out, depth);
        sb_adds(out, "</list>\n");
        return;
    case VT_LAMBDA: {
        struct expr_lambda *l = v->lambda.fun;
        sb_adds(out, "<function");
        xml_pos_attrs(st, l->e.pos, out);
        xml_path_attr(st, l->e.pos, out);
        sb_adds(out, ">\n");
        indent(out, depth + 1);
        if (l->has_formals) {
            sb_adds(out, "<attrspat");
            if (l->ellipsis) sb_adds(out, " ellipsis=\"1\"");
            if (l->arg) {
                sb_adds(out, " name=\"");
                xml_escape(out, sym_name(st->symbols, l->arg));
                sb_addc(out, '"');
            }
            sb_adds(out, ">\n");
            /* formals in name order */
            struct attrs *fa = attrs_new(l->nformals);
            for (size_t i = 0; i < l->nformals; i++)
                attrs_push(fa, l->formals[i].name, NULL, 0);
            struct attr **sorted = attrs_sorted_by_name(st, fa);
            for (size_t i = 0; i < l->nformals; i++) {
                indent(out, depth + 2);
                sb_adds(out, "<attr name=\"");
                xml_escape(out, sym_name(st->symbols, sorted[i]->name));
                sb_adds(out, "\" />\n");
            }
            indent(out, depth + 1);
            sb_adds(out, "</attrspat>\n");
        } else {
            sb_adds(out, "<varpat name=\"");
            xml_escape(out, sym_name(st->symbols, l->arg));
            sb_adds(out, "\" />\n");
        }
        indent(out, depth);
        sb_adds(out, "</function>\n");
        return;
    }
    case VT_PRIMOP:
    case VT_PRIMOP_APP: sb_adds(out, "<unevaluated />\n"); return;
    default: sb_adds(out, "<unevaluated />\n"); return;
    }
}

/* Nix's XML writer closes the open elements when an error unwinds; so does this, from the
 * partial text (one element per line, indented two spaces per level). */
static void xml_close_open(struct strbuf *out) {
    const char *names[256];
    size_t lens[256];
    size_t depth = 0;
    const char *p = out->s, *end = out->s + out->len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *q = p;
        while (q < le && *q == ' ')
            q++;
        if (q < le && *q == '<' && q + 1 < le && q[1] != '?') {
            bool self = le - q >= 2 && le[-2] == '/' && le[-1] == '>';
            if (q[1] == '/') {
                if (depth) depth--;
            } else if (!self && depth < 256) {
                const char *n = q + 1;
                const char *ne = n;
                while (ne < le && *ne != ' ' && *ne != '>')
                    ne++;
                names[depth] = n;
                lens[depth] = (size_t)(ne - n);
                depth++;
            }
        }
        p = nl ? nl + 1 : end;
    }
    while (depth) {
        depth--;
        indent(out, (int)depth);
        sb_printf(out, "</%.*s>\n", (int)lens[depth], names[depth]);
    }
}

struct xml_ud {
    struct value *v;
    bool strict;
    struct strbuf *out;
};

static void xml_run(struct eval_state *st, void *p) {
    struct xml_ud *u = p;
    struct ptrset drvs = {0};
    xml_rec(st, u->v, u->strict, u->out, 1, &drvs);
}

void value_print_xml(struct eval_state *st, struct value *v, bool strict, struct strbuf *out) {
    sb_adds(out, "<?xml version='1.0' encoding='utf-8'?>\n<expr>\n");
    struct xml_ud u = {v, strict, out};
    struct nix_error *e = eval_try(st, xml_run, &u);
    if (e) {
        xml_close_open(out);
        eval_rethrow(st, e);
    }
    sb_adds(out, "</expr>\n");
}
