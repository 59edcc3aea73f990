/* src/cli/cmd_eval.c: `hearth eval`, nix-instantiate --eval with the same flags and output.
 *
 * Flags: --strict, --json, --xml, -E/--expr, FILE... (default ./default.nix), -A/--attr PATH,
 * --arg NAME EXPR, --argstr NAME STRING, -I PATH, --show-trace (and --eval, accepted), and the
 * Nix settings --option NAME VALUE, --[extra-]experimental-features LIST (nix_settings.h).
 * For each expression and each -A path: select the path (auto-calling functions along it with
 * the --arg values, as Nix does), auto-call the result when --arg/--argstr were given, force it
 * (deeply with --strict) and print one line. Errors print as Nix prints them; exit code 1. */
#include "cli/commands.h"
#include "cli/nix_settings.h"
#include "nix/ast.h"
#include "nix/builtins_extra.h"

#include <gc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct auto_arg {
    const char *name;
    const char *text;
    bool is_str;
};

struct eval_opts {
    const char *prog;
    bool strict, json, xml, expr_mode, show_trace;
    const char **inputs;
    size_t ninputs;
    const char **attr_paths;
    size_t nattr_paths;
    struct auto_arg *args;
    size_t nargs;
    const char **includes;
    size_t nincludes;
    struct nix_settings settings;
};

struct run_ctx {
    struct eval_opts *o;
    struct eval_state *st;
    struct strbuf out;
    struct value *auto_args; /* attribute set value */
    int rc;
};

static void usage(FILE *f, const char *prog) {
    fprintf(f,
            "Usage: %s eval [--strict] [--json|--xml] [-E EXPR | FILE...] [-A PATH]\n"
            "              [--arg NAME EXPR] [--argstr NAME STRING] [-I PATH] [--show-trace]\n"
            "              [--option NAME VALUE] [--extra-experimental-features LIST]\n"
            "              [--experimental-features LIST]\n"
            "Experimental features: flakes and fetch-tree (builtins.fetchTree).\n",
            prog);
}

/* ---- selection along an attribute path ---- */

static void auto_call(struct eval_state *st, struct value *auto_args, struct value *fun,
                      struct value *res) {
    eval_force(st, fun, 0);
    if (fun->type == VT_ATTRS) {
        struct attr *f = attrs_get(fun->attrs, st->s_functor);
        if (f) {
            struct value *v = value_alloc();
            struct value *self = fun;
            eval_call(st, f->value, 1, &self, v, 0);
            eval_force(st, v, 0);
            auto_call(st, auto_args, v, res);
            return;
        }
    }
    if (fun->type != VT_LAMBDA || !fun->lambda.fun->has_formals) {
        *res = *fun;
        return;
    }
    struct expr_lambda *l = fun->lambda.fun;
    struct attrs *given = auto_args->attrs;
    struct attrs *a = attrs_new(l->nformals + given->n);
    if (l->ellipsis) {
        for (uint32_t i = 0; i < given->n; i++)
            a->a[a->n++] = given->a[i];
    } else {
        for (size_t i = 0; i < l->nformals; i++) {
            struct attr *x = attrs_get(given, l->formals[i].name);
            if (x)
                a->a[a->n++] = *x;
            else if (!l->formals[i].def)
                eval_error(
                    st, ERR_EVAL, l->formals[i].pos,
                    "cannot evaluate a function that has an argument without a value ('%s')\n"
                    "Nix attempted to evaluate a function as a top level expression; in this "
                    "case it must have its arguments supplied either by default values, or "
                    "passed explicitly with '--arg' or '--argstr'. See "
                    "https://nixos.org/manual/nix/stable/expressions/"
                    "language-constructs.html#functions.",
                    sym_name(st->symbols, l->formals[i].name));
        }
    }
    attrs_sort(a);
    struct value *argv = value_alloc();
    mk_attrs(argv, a);
    eval_call(st, fun, 1, &argv, res, 0);
}

static bool all_digits(const char *s) {
    if (!*s) return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return false;
    return true;
}

static struct value *select_path(struct eval_state *st, struct value *auto_args, const char *path,
                                 struct value *root) {
    struct value *v = root;
    if (!*path) return v;
    /* Split on dots; "a.\"b.c\"" quoting as Nix allows. */
    const char *p = path;
    while (*p) {
        struct strbuf comp;
        sb_init(&comp, 16);
        if (*p == '"') {
            p++;
            while (*p && *p != '"')
                sb_addc(&comp, *p++);
            if (*p == '"') p++;
        } else {
            while (*p && *p != '.')
                sb_addc(&comp, *p++);
        }
        if (*p == '.') p++;
        const char *name = sb_str(&comp);
        struct value *called = value_alloc();
        auto_call(st, auto_args, v, called);
        v = called;
        eval_force(st, v, 0);
        if (all_digits(name)) {
            if (v->type != VT_LIST)
                eval_error(st, ERR_EVAL, 0,
                           "the expression selected by the selection path '%s' should be a list "
                           "but is %s",
                           path, value_type_desc(v));
            unsigned long idx = strtoul(name, NULL, 10);
            if (idx >= v->list.n)
                eval_error(st, ERR_EVAL, 0, "list index %lu in selection path '%s' is out of range",
                           idx, path);
            v = v->list.items[idx];
        } else {
            if (v->type != VT_ATTRS)
                eval_error(st, ERR_EVAL, 0,
                           "the expression selected by the selection path '%s' should be a set "
                           "but is %s",
                           path, value_type_desc(v));
            struct attr *a = attrs_get(v->attrs, eval_sym(st, name));
            if (!a) {
                struct nix_error *e = GC_MALLOC(sizeof *e);
                e->kind = ERR_EVAL;
                e->msg = gc_printf("attribute '%s' in selection path '%s' not found", name, path);
                e->hint = eval_suggest(st, v->attrs, eval_sym(st, name));
                eval_rethrow(st, e);
            }
            v = a->value;
        }
    }
    return v;
}

/* ---- the evaluation, under a catch point ---- */

static void process(struct run_ctx *c, struct value *root) {
    struct eval_opts *o = c->o;
    struct eval_state *st = c->st;
    size_t npaths = o->nattr_paths ? o->nattr_paths : 1;
    for (size_t i = 0; i < npaths; i++) {
        const char *path = o->nattr_paths ? o->attr_paths[i] : "";
        struct value *v = select_path(st, c->auto_args, path, root);
        eval_force(st, v, 0);
        struct value *res = v;
        if (c->auto_args->attrs->n) {
            res = value_alloc();
            auto_call(st, c->auto_args, v, res);
        }
        eval_force(st, res, 0);
        if (o->xml) {
            value_print_xml(st, res, o->strict, &c->out);
        } else if (o->json) {
            value_print_json_lazy(st, res, o->strict, &c->out, 0);
        } else {
            value_print(st, res, o->strict, &c->out);
            sb_addc(&c->out, '\n');
        }
        fwrite(c->out.s, 1, c->out.len, stdout);
        c->out.len = 0;
    }
}

static void run_all(struct eval_state *st, void *ud) {
    struct run_ctx *c = ud;
    struct eval_opts *o = c->o;
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
    /* --arg values: lazy expressions evaluated in the current directory. */
    struct attrs *aa = attrs_new(o->nargs);
    for (size_t i = 0; i < o->nargs; i++) {
        struct value *v = value_alloc();
        if (o->args[i].is_str) {
            mk_string(v, o->args[i].text, NULL);
        } else {
            struct nix_error *e = eval_string(st, o->args[i].text, gc_strdup(cwd), v);
            if (e) eval_rethrow(st, e);
        }
        attrs_push(aa, eval_sym(st, o->args[i].name), v, 0);
    }
    attrs_sort(aa);
    c->auto_args = value_alloc();
    mk_attrs(c->auto_args, aa);
    if (o->expr_mode) {
        for (size_t i = 0; i < o->ninputs; i++) {
            struct value *root = value_alloc();
            struct nix_error *e = eval_string(st, o->inputs[i], gc_strdup(cwd), root);
            if (e) eval_rethrow(st, e);
            process(c, root);
        }
    } else {
        size_t n = o->ninputs ? o->ninputs : 1;
        for (size_t i = 0; i < n; i++) {
            const char *f = o->ninputs ? o->inputs[i] : "./default.nix";
            struct value *root = value_alloc();
            struct nix_error *e = eval_file(st, f, root);
            if (e) eval_rethrow(st, e);
            process(c, root);
        }
    }
}

static int eval_thread(void *ud) {
    struct eval_opts *o = ud;
    struct eval_state *st = eval_state_new(NULL);
    eval_set_stack_limit(st);
    st->show_trace = o->show_trace;
    st->xp_features = o->settings.xp;
    for (size_t i = 0; i < o->nincludes; i++)
        eval_add_search_path(st, o->includes[i]);
    struct run_ctx c = {.o = o, .st = st};
    sb_init(&c.out, 4096);
    struct nix_error *e = eval_try(st, run_all, &c);
    builtins_extra_release(st);
    if (c.out.len) fwrite(c.out.s, 1, c.out.len, stdout);
    fflush(stdout);
    if (e) {
        struct strbuf sb;
        sb_init(&sb, 256);
        error_format(st, e, &sb);
        fwrite(sb.s, 1, sb.len, stderr);
        if (e->kind == ERR_USAGE)
            fprintf(stderr, "Try '%s eval --help' for more information.\n", o->prog);
        return 1;
    }
    return 0;
}

int cmd_eval(const struct cli_invocation *inv) {
    struct eval_opts o = {0};
    o.prog = inv->program_name;
    int argc = inv->argc;
    char **argv = inv->argv;
    o.inputs = calloc((size_t)argc + 1, sizeof *o.inputs);
    o.attr_paths = calloc((size_t)argc + 1, sizeof *o.attr_paths);
    o.args = calloc((size_t)argc + 1, sizeof *o.args);
    o.includes = calloc((size_t)argc + 1, sizeof *o.includes);
    int rc = 1;
    if (!o.inputs || !o.attr_paths || !o.args || !o.includes) goto done;
    nix_settings_init(&o.settings, stderr);
    bool no_more_flags = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (no_more_flags || a[0] != '-' || strcmp(a, "-") == 0) {
            o.inputs[o.ninputs++] = a;
            continue;
        }
#define NEED(n)                                                                                    \
    do {                                                                                           \
        if (i + (n) >= argc) {                                                                     \
            if ((n) == 1)                                                                          \
                fprintf(stderr, "error: '%s' requires an argument\n", a);                          \
            else                                                                                   \
                fprintf(stderr, "error: flag '%s' requires %d argument(s)\n", a, (n));             \
            fprintf(stderr, "Try '%s eval --help' for more information.\n", o.prog);               \
            goto done;                                                                             \
        }                                                                                          \
    } while (0)
        int need = 0, took = nix_settings_flag(&o.settings, argc, argv, &i, &need, stderr);
        if (took < 0) NEED(need);
        if (took) continue;
        if (strcmp(a, "--") == 0) {
            no_more_flags = true;
        } else if (strcmp(a, "--strict") == 0) {
            o.strict = true;
        } else if (strcmp(a, "--json") == 0) {
            o.json = true;
        } else if (strcmp(a, "--xml") == 0) {
            o.xml = true;
        } else if (strcmp(a, "--eval") == 0 || strcmp(a, "--read-write-mode") == 0 ||
                   strcmp(a, "--readonly-mode") == 0) {
            /* accepted for compatibility */
        } else if (strcmp(a, "-E") == 0 || strcmp(a, "--expr") == 0) {
            o.expr_mode = true;
        } else if (strcmp(a, "--show-trace") == 0) {
            o.show_trace = true;
        } else if (strcmp(a, "-A") == 0 || strcmp(a, "--attr") == 0) {
            NEED(1);
            o.attr_paths[o.nattr_paths++] = argv[++i];
        } else if (strcmp(a, "--arg") == 0 || strcmp(a, "--argstr") == 0) {
            NEED(2);
            o.args[o.nargs].name = argv[i + 1];
            o.args[o.nargs].text = argv[i + 2];
            o.args[o.nargs].is_str = strcmp(a, "--argstr") == 0;
            o.nargs++;
            i += 2;
        } else if (strcmp(a, "-I") == 0 || strcmp(a, "--include") == 0) {
            NEED(1);
            o.includes[o.nincludes++] = argv[++i];
        } else if (strncmp(a, "-I", 2) == 0 && a[2]) {
            o.includes[o.nincludes++] = a + 2;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout, o.prog);
            rc = 0;
            goto done;
        } else {
            fprintf(stderr,
                    "error: unrecognised flag '%s'\nTry '%s eval --help' for more information.\n",
                    a, o.prog);
            goto done;
        }
#undef NEED
    }
    nix_settings_done(&o.settings, stderr);
    if (o.json && o.xml) {
        fprintf(stderr, "error: --json and --xml are mutually exclusive\n");
        goto done;
    }
    if (o.expr_mode && o.ninputs == 0) {
        rc = 0; /* nix-instantiate -E with no expression evaluates nothing */
        goto done;
    }
    rc = eval_run_big_stack(eval_thread, &o);
done:
    nix_settings_done(&o.settings, NULL);
    free(o.inputs);
    free(o.attr_paths);
    free(o.args);
    free(o.includes);
    return rc;
}
