/* builtins_xml: builtins.toXML, byte for byte as Nix writes it: two-space indentation, sets
 * sorted by name, derivations as <derivation drvPath=.. outPath=..> with <repeated /> for one
 * already written, functions as their argument pattern, built-in functions <unevaluated />.
 * The value is forced deeply as it is written; string contexts are collected. */
#include "nix/ast.h"
#include "nix/builtins_extra.h"
#include "nix/eval.h"
#include "nix/textfmt.h"

#include <gc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct xml_writer {
    struct eval_state *st;
    struct strbuf out;
    struct ctx_buf ctx;
    const char **drvs_seen;
    size_t ndrvs, capdrvs;
    nix_pos pos;
};

static void indent(struct xml_writer *w, int depth) {
    for (int i = 0; i < depth; i++)
        sb_adds(&w->out, "  ");
}

/* `<name a="v" b="w"` with the attribute values escaped; attrs is NULL-terminated pairs. */
static void open_tag(struct xml_writer *w, int depth, const char *name, const char *const *attrs) {
    indent(w, depth);
    sb_addc(&w->out, '<');
    sb_adds(&w->out, name);
    for (size_t i = 0; attrs && attrs[i]; i += 2) {
        if (!attrs[i + 1]) continue;
        size_t n = strlen(attrs[i + 1]);
        char *esc = GC_MALLOC_ATOMIC(xml_escape_attr(NULL, attrs[i + 1], n) + 1);
        size_t en = xml_escape_attr(esc, attrs[i + 1], n);
        sb_printf(&w->out, " %s=\"", attrs[i]);
        sb_addn(&w->out, esc, en);
        sb_addc(&w->out, '"');
    }
}

static void empty_element(struct xml_writer *w, int depth, const char *name,
                          const char *const *attrs) {
    open_tag(w, depth, name, attrs);
    sb_adds(&w->out, " />\n");
}

static void open_element(struct xml_writer *w, int depth, const char *name,
                         const char *const *attrs) {
    open_tag(w, depth, name, attrs);
    sb_adds(&w->out, ">\n");
}

static void close_element(struct xml_writer *w, int depth, const char *name) {
    indent(w, depth);
    sb_printf(&w->out, "</%s>\n", name);
}

static void write_value(struct xml_writer *w, struct value *v, int depth);

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void write_attrs(struct xml_writer *w, struct attrs *a, int depth) {
    const char **names = GC_MALLOC((a->n ? a->n : 1) * sizeof *names);
    for (uint32_t i = 0; i < a->n; i++)
        names[i] = sym_name(w->st->symbols, a->a[i].name);
    qsort(names, a->n, sizeof *names, cmp_names);
    for (uint32_t i = 0; i < a->n; i++) {
        const char *at[] = {"name", names[i], NULL};
        open_element(w, depth, "attr", at);
        write_value(w, attrs_get(a, eval_sym(w->st, names[i]))->value, depth + 1);
        close_element(w, depth, "attr");
    }
}

/* A string attribute of a derivation (drvPath, outPath), forced; NULL when absent or not a
 * string. */
static const char *drv_string(struct xml_writer *w, struct attrs *a, nix_sym name) {
    struct attr *at = attrs_get(a, name);
    if (!at) return NULL;
    eval_force(w->st, at->value, w->pos);
    return at->value->type == VT_STRING ? at->value->str.s : NULL;
}

static bool drv_seen(struct xml_writer *w, const char *drv) {
    for (size_t i = 0; i < w->ndrvs; i++)
        if (strcmp(w->drvs_seen[i], drv) == 0) return true;
    if (w->ndrvs == w->capdrvs) {
        size_t ncap = w->capdrvs ? w->capdrvs * 2 : 8;
        const char **n = GC_MALLOC(ncap * sizeof *n);
        if (w->ndrvs) memcpy(n, w->drvs_seen, w->ndrvs * sizeof *n);
        w->drvs_seen = n;
        w->capdrvs = ncap;
    }
    w->drvs_seen[w->ndrvs++] = drv;
    return false;
}

static int cmp_formals(const void *a, const void *b) {
    return strcmp(((const char *const *)a)[0], ((const char *const *)b)[0]);
}

static void write_function(struct xml_writer *w, struct value *v, int depth) {
    const struct expr_lambda *f = v->lambda.fun;
    struct eval_state *st = w->st;
    open_element(w, depth, "function", NULL);
    if (f->has_formals) {
        const char *at[] = {"ellipsis", f->ellipsis ? "1" : NULL, "name",
                            f->arg ? sym_name(st->symbols, f->arg) : NULL, NULL};
        open_element(w, depth + 1, "attrspat", at);
        const char **names = GC_MALLOC((f->nformals ? f->nformals : 1) * sizeof *names);
        for (size_t i = 0; i < f->nformals; i++)
            names[i] = sym_name(st->symbols, f->formals[i].name);
        qsort(names, f->nformals, sizeof *names, cmp_formals);
        for (size_t i = 0; i < f->nformals; i++) {
            const char *fa[] = {"name", names[i], NULL};
            empty_element(w, depth + 2, "attr", fa);
        }
        close_element(w, depth + 1, "attrspat");
    } else {
        const char *at[] = {"name", sym_name(st->symbols, f->arg), NULL};
        empty_element(w, depth + 1, "varpat", at);
    }
    close_element(w, depth, "function");
}

static void write_value(struct xml_writer *w, struct value *v, int depth) {
    struct eval_state *st = w->st;
    eval_check_stack(st);
    eval_force(st, v, w->pos);
    char num[40];
    switch (v->type) {
    case VT_INT: {
        snprintf(num, sizeof num, "%lld", (long long)v->i);
        const char *at[] = {"value", num, NULL};
        empty_element(w, depth, "int", at);
        break;
    }
    case VT_FLOAT: {
        nix_float_format(num, v->f);
        const char *at[] = {"value", num, NULL};
        empty_element(w, depth, "float", at);
        break;
    }
    case VT_BOOL: {
        const char *at[] = {"value", v->b ? "true" : "false", NULL};
        empty_element(w, depth, "bool", at);
        break;
    }
    case VT_NULL: empty_element(w, depth, "null", NULL); break;
    case VT_STRING: {
        ctx_buf_add(&w->ctx, v->str.ctx);
        const char *at[] = {"value", v->str.s, NULL};
        empty_element(w, depth, "string", at);
        break;
    }
    case VT_PATH: {
        const char *at[] = {"value", v->path, NULL};
        empty_element(w, depth, "path", at);
        break;
    }
    case VT_LIST:
        open_element(w, depth, "list", NULL);
        for (size_t i = 0; i < v->list.n; i++)
            write_value(w, v->list.items[i], depth + 1);
        close_element(w, depth, "list");
        break;
    case VT_ATTRS:
        if (eval_is_derivation(st, v)) {
            const char *drv = drv_string(w, v->attrs, st->s_drvPath);
            const char *outp = drv_string(w, v->attrs, st->s_outPath);
            const char *at[] = {"drvPath", drv, "outPath", outp, NULL};
            open_element(w, depth, "derivation", at);
            if (drv && !drv_seen(w, drv))
                write_attrs(w, v->attrs, depth + 1);
            else
                empty_element(w, depth + 1, "repeated", NULL);
            close_element(w, depth, "derivation");
        } else {
            open_element(w, depth, "attrs", NULL);
            write_attrs(w, v->attrs, depth + 1);
            close_element(w, depth, "attrs");
        }
        break;
    case VT_LAMBDA: write_function(w, v, depth); break;
    default: empty_element(w, depth, "unevaluated", NULL); break;
    }
}

static void prim_toXML(struct eval_state *st, struct value **args, struct value *out, nix_pos pos) {
    struct xml_writer w = {.st = st, .pos = pos};
    sb_init(&w.out, 256);
    sb_adds(&w.out, "<?xml version='1.0' encoding='utf-8'?>\n");
    open_element(&w, 0, "expr", NULL);
    write_value(&w, args[0], 1);
    close_element(&w, 0, "expr");
    mk_string(out, sb_str(&w.out), ctx_buf_finish(&w.ctx));
}

void builtins_xml_register(struct eval_state *st) {
    eval_register_primop(st, "__toXML", 1, prim_toXML);
}
