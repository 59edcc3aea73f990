/* tests/unit/test_nix_parser.c: the lexer and parser, checked through what a user sees: the
 * printed value of an expression, or the error message and its line and column. Expected values
 * are Nix's (checked with nix-instantiate 2.8 when written). */
#include "nix/ast.h"

#include <stdio.h>
#include <string.h>

static int failures;

struct print_ud {
    struct value *v;
    struct strbuf *sb;
};

static void print_strict(struct eval_state *st, void *p) {
    struct print_ud *u = p;
    value_print(st, u->v, true, u->sb);
}

static void check_value(struct eval_state *st, const char *src, const char *want) {
    struct value v;
    struct nix_error *e = eval_string(st, src, "/base", &v);
    struct strbuf sb;
    sb_init(&sb, 64);
    if (!e) {
        struct value *p = value_alloc();
        *p = v;
        struct print_ud ud = {p, &sb};
        e = eval_try(st, print_strict, &ud);
    }
    if (e) {
        printf("FAIL %s: error %s\n", src, e->msg);
        failures++;
        return;
    }
    if (strcmp(sb_str(&sb), want) != 0) {
        printf("FAIL %s: got %s, want %s\n", src, sb_str(&sb), want);
        failures++;
    }
}

static void check_error(struct eval_state *st, const char *src, const char *want_msg, uint32_t line,
                        uint32_t col) {
    struct value v;
    struct nix_error *e = eval_string(st, src, "/base", &v);
    if (!e) {
        printf("FAIL %s: no error, want '%s'\n", src, want_msg);
        failures++;
        return;
    }
    const struct pos_info *pi = eval_pos_get(st, e->pos);
    uint32_t l = pi ? pi->line : 0, c = pi ? pi->col : 0;
    if (strcmp(e->msg, want_msg) != 0 || l != line || c != col) {
        printf("FAIL %s: got '%s' at %u:%u, want '%s' at %u:%u\n", src, e->msg, l, c, want_msg,
               line, col);
        failures++;
    }
}

int main(void) {
    struct eval_state *st = eval_state_new("/nix/store");
    /* numbers: 1e10 is not a float; .5 and 1.0e3 are */
    check_value(st, "[ 1.5 .5 1.0e3 2.5e-3 ]", "[ 1.5 0.5 1000 0.0025 ]");

    /* precedence and associativity */
    check_value(st, "1 + 2 * 3 - 4 / 2", "5");
    check_value(st, "10 - 3 - 2", "5");
    check_value(st, "[1] ++ [2] ++ [3]", "[ 1 2 3 ]");
    check_value(st, "{ a = 1; } // { b = 2; } // { a = 3; }", "{ a = 3; b = 2; }");
    check_value(st, "!true || true", "true");
    check_value(st, "! { a = 1; } ? a", "false");
    check_value(st, "false -> false -> false", "true");
    check_value(st, "1 < 2 == 2 > 1", "true");
    check_value(st, "- 2 - 3", "-5");
    check_value(st, "let f = x: x * 2; in f 3 + 1", "7");
    check_value(st, "{ a.b = 1; }.a.b or 5", "1");
    check_value(st, "{ a = 1; }.b or 5", "5");
    check_value(st, "{ a = { b = 1; }; } ? a.b", "true");
    /* strings and escapes */
    check_value(st, "\"a\\nb\\t\\\"\\\\ \\$ $x \\${x}\"", "\"a\\nb\\t\\\"\\\\ $ $x \\${x}\"");
    check_value(st, "let x = \"y\"; in \"a${x}b${\"c\"}\"", "\"aybc\"");
    check_value(st, "\"$${x}\"", "\"$\\${x}\"");
    /* indented strings: stripping, escapes, last line */
    check_value(st, "''\n    a\n      b\n    c\n  ''", "\"a\\n  b\\nc\\n\"");
    check_value(st, "''\n  a''\\nb''\\tc\n''", "\"a\\nb\\tc\\n\"");
    check_value(st, "''a ''$ ''' b''", "\"a $ '' b\"");
    check_value(st, "let x = \"X\"; in ''\n  ${x}\n    y\n''", "\"X\\n  y\\n\"");
    check_value(st, "''\n\n  a\n\n  b\n''", "\"\\na\\n\\nb\\n\"");
    /* paths resolve against the base directory; interpolated paths */
    check_value(st, "./a/../b", "/base/b");
    check_value(st, "/x/./y/../z", "/x/z");
    check_value(st, "let n = \"f\"; in ./d/${n}", "/base/d/f");
    check_value(st, "a/b", "/base/a/b");
    /* URIs are strings */
    check_value(st, "http://example.org/x?y=1", "\"http://example.org/x?y=1\"");
    /* let, rec, inherit, dynamic and dotted names, legacy let */
    check_value(st, "let a = 1; b = a + 1; in b", "2");
    check_value(st, "rec { a = 1; b = a + 1; }.b", "2");
    check_value(st, "let x = 1; in { inherit x; y.z = 2; \"a b\" = 3; ${\"d\"} = 4; }",
                "{ \"a b\" = 3; d = 4; x = 1; y = { z = 2; }; }");
    check_value(st, "let s = { p = 1; q = 2; }; in { inherit (s) p q; }", "{ p = 1; q = 2; }");
    check_value(st, "let { x = 1; body = x + 1; }", "2");
    check_value(st, "{ a.b = 1; a.c = 2; }", "{ a = { b = 1; c = 2; }; }");
    /* lambdas: formals, defaults, ellipsis, @ on either side */
    check_value(st, "({ a, b ? a + 1, ... }: b) { a = 1; z = 0; }", "2");
    check_value(st, "(args@{ a }: args.a) { a = 5; }", "5");
    check_value(st, "({ a }@args: args.a) { a = 6; }", "6");
    check_value(st, "({}: 1) {}", "1");
    /* with: static bindings win; inner with wins */
    check_value(st, "let a = 1; in with { a = 2; b = 3; }; a + b", "4");
    check_value(st, "with { a = 1; }; with { a = 2; }; a", "2");
    /* __curPos */
    check_value(st, "(__curPos).line", "1");
    /* assert and if */
    check_value(st, "assert 1 == 1; if true then 1 else 2", "1");

    /* syntax errors and their positions */
    check_error(st, "{ a = 1", "syntax error, unexpected end of file, expecting ';'", 1, 7);
    check_error(st, "1 +", "syntax error, unexpected end of file", 1, 3);
    check_error(st, "a == b == c", "syntax error, unexpected EQ", 1, 8);
    check_error(st, "\"abc", "syntax error, unexpected end of file, expecting '\"'", 1, 2);
    check_error(st, "1 2 )", "syntax error, unexpected ')', expecting end of file", 1, 5);
    check_error(st, "./a/", "path has a trailing slash", 1, 1);
    check_error(st, "./a/ ", "path has a trailing slash", 1, 5);
    check_error(st, "undefinedx", "undefined variable 'undefinedx'", 1, 1);
    check_error(st, "{ a = 1; a = 2; }", "attribute 'a' already defined at (string):1:3", 1, 10);
    check_error(st, "{ a, a }: a", "duplicate formal function argument 'a'", 1, 6);
    check_error(st, "let x = x; in x", "infinite recursion encountered", 1, 9);
    check_error(st, "assert 1 == 2; 1", "assertion '(1 == 2)' failed", 1, 1);
    check_error(st, "x: y", "undefined variable 'y'", 1, 4);
    check_error(st, "1 /* open", "syntax error, unexpected '*'", 1, 4);
    check_error(st, "let e10 = 7; in 1e10",
                "attempt to call something which is not a function but an integer", 1, 17);

    if (failures) printf("%d failures\n", failures);
    return failures ? 1 : 0;
}
