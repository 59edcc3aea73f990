/* Every recursive walker over values or syntax ends a structure nested too deep for the stack
 * with Nix's "stack overflow (possible infinite recursion)", never a segfault. The stack budget
 * is cut to 512 KB below the current frame, so a 200,000-deep list is too deep for any walker
 * and a walker without a stack check would run off the (8 MB) thread stack and crash. */
#include "nix/builtins_extra.h"
#include "nix/eval.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OVERFLOW "error: stack overflow (possible infinite recursion)"

/* A list nested DEEP levels: [ [ [ … [ ] … ] ] ]. */
#define DEEP "(builtins.foldl' (a: b: [ a ]) [ ] (builtins.genList (x: x) 200000))"
#define DEEP_SET "(builtins.foldl' (a: b: { x = a; }) { } (builtins.genList (x: x) 200000))"

enum how { EVAL, PRINT, PRINT_JSON, PRINT_XML };

struct test_case {
    const char *what;
    enum how how;
    const char *expr; /* NULL: the parser cases, built at run time */
};

static const struct test_case cases[] = {
    {"toString", EVAL, "toString " DEEP},
    {"toJSON", EVAL, "builtins.toJSON " DEEP},
    {"toJSON set", EVAL, "builtins.toJSON " DEEP_SET},
    {"toXML", EVAL, "builtins.toXML " DEEP},
    {"deepSeq", EVAL, "builtins.deepSeq " DEEP " 1"},
    {"==", EVAL, DEEP " == " DEEP},
    {"== sets", EVAL, DEEP_SET " == " DEEP_SET},
    {"<", EVAL, "[ " DEEP " ] < [ " DEEP " ]"},
    {"print", PRINT, DEEP},
    {"print json", PRINT_JSON, DEEP},
    {"print xml", PRINT_XML, DEEP},
    {"derivation env", EVAL,
     "(derivation { name = \"d\"; system = \"x\"; builder = \"/b\"; a = " DEEP "; }).drvPath"},
};

struct run {
    const char *expr;
    enum how how;
    struct strbuf out;
};

static void eval_case(struct eval_state *st, void *ud) {
    struct run *r = ud;
    struct value v;
    struct nix_error *e = eval_string(st, r->expr, "/", &v);
    if (e) eval_rethrow(st, e);
    switch (r->how) {
    case EVAL: eval_force_deep(st, &v, 0); break;
    case PRINT: value_print(st, &v, false, &r->out); break;
    case PRINT_JSON: value_print_json(st, &v, &r->out, 0); break;
    case PRINT_XML: value_print_xml(st, &v, false, &r->out); break;
    }
}

static int failures;

static void check(struct eval_state *st, const char *what, const char *expr, enum how how) {
    char probe;
    st->stack_limit = (uintptr_t)&probe - 512 * 1024;
    struct run r = {.expr = expr, .how = how};
    sb_init(&r.out, 256);
    struct nix_error *e = eval_try(st, eval_case, &r);
    const char *got = "(no error)";
    if (e) {
        struct strbuf eb;
        sb_init(&eb, 256);
        error_format(st, e, &eb);
        char *text = (char *)sb_str(&eb);
        char *nl = strchr(text, '\n');
        if (nl) *nl = 0;
        got = text;
    }
    if (strcmp(got, OVERFLOW) != 0) {
        fprintf(stderr, "FAIL %s\n  got  %s\n  want %s\n", what, got, OVERFLOW);
        failures++;
    }
}

/* Source text: `pre` n times, then `mid`, then `post` n times. */
static char *nest(const char *pre, const char *mid, const char *post, size_t n) {
    size_t lp = strlen(pre), lm = strlen(mid), lq = strlen(post);
    char *s = malloc(n * (lp + lq) + lm + 1), *p = s;
    for (size_t i = 0; i < n; i++, p += lp)
        memcpy(p, pre, lp);
    memcpy(p, mid, lm);
    p += lm;
    for (size_t i = 0; i < n; i++, p += lq)
        memcpy(p, post, lq);
    *p = 0;
    return s;
}

static int run_all(void *ud) {
    (void)ud;
    struct eval_state *st = eval_state_new("/tmp/hearth-unit-deep/store");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(st, cases[i].what, cases[i].expr, cases[i].how);
    /* The parser: lists, selections, parentheses, negation, strings, in a `let` as the audit's
     * reproducer has it. */
    static const char *const parse[][4] = {
        {"list", "let x = ", "[", "]"},        {"parens", "let x = ", "(", ")"},
        {"not", "let x = ", "!", ""},          {"neg", "let x = ", "-", ""},
        {"interp", "let x = ", "\"${", "}\""}, {"select", "let x = ", "{a=", ";}.a"},
    };
    for (size_t i = 0; i < sizeof parse / sizeof parse[0]; i++) {
        bool unary = !parse[i][3][0];
        char *body = nest(parse[i][2], unary ? "1" : "", parse[i][3], 200000);
        size_t n = strlen(parse[i][1]) + strlen(body) + 16;
        char *text = malloc(n);
        snprintf(text, n, "%s%s; in 1", parse[i][1], body);
        char what[64];
        snprintf(what, sizeof what, "parse %s", parse[i][0]);
        check(st, what, text, EVAL);
        free(text);
        free(body);
    }
    builtins_extra_release(st);
    return 0;
}

int main(void) {
    eval_run_big_stack(run_all, NULL);
    return failures ? 1 : 0;
}
