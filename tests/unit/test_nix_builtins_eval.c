/* The builtins of this branch run through the evaluator, against results recorded from
 * nix-instantiate 2.8 with NIX_STORE_DIR=/tmp/hearth-unit-builtins/store and the files this test
 * writes under /tmp/hearth-unit-builtins/src (f = "hi\n", uses-x.nix = "x + 1", sub/). A case
 * expects the printed value (nix-instantiate --eval --strict), or the first line of the error.
 * Cases marked PREFIX compare only the start of the error: Nix 2.8's TOML library words its
 * messages its own way. Cases marked CURRENT follow current Nix where 2.8 differs. */
#include "nix/builtins_extra.h"
#include "nix/eval.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DIR "/tmp/hearth-unit-builtins"

enum want { ERROR, VALUE, PREFIX };

struct test_case {
    const char *expr;
    int ok; /* VALUE when the expression evaluates, ERROR or PREFIX when it fails */
    const char *want;
};

static const struct test_case cases[] = {
    {"builtins.fromTOML \"title = \\\"TOML Example\\\"\\n[owner]\\nname = "
     "\\\"Tom\\\"\\n[database]\\nenabled = true\\nports = [ 8000, 8001, 8002 ]\\ndata = [ "
     "[\\\"delta\\\", \\\"phi\\\"], [3.14] ]\\ntemp_targets = { cpu = 79.5, case = 72.0 "
     "}\\n[servers]\\n[servers.alpha]\\nip = \\\"10.0.0.1\\\"\\n\"",
     VALUE,
     "{ database = { data = [ [ \"delta\" \"phi\" ] [ 3.14 ] ]; enabled = true; ports = [ 8000 "
     "8001 8002 ]; temp_targets = { case = 72; cpu = 79.5; }; }; owner = { name = \"Tom\"; }; "
     "servers = { alpha = { ip = \"10.0.0.1\"; }; }; title = \"TOML Example\"; }"},
    {"builtins.fromTOML \"str2 = \\\"\\\"\\\"\\nThe quick brown \\\\\\n\\n\\n  fox jumps over "
     "\\\\\\n    the lazy dog.\\\"\\\"\\\"\\nwinpath = 'C:\\\\Users\\\\nodejs'\\nquot15 = '''Here "
     "are fifteen quotation marks: "
     "\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"'''\\nstr = ''''That,' she said, "
     "'is still pointless.''''\"",
     VALUE,
     "{ quot15 = \"Here are fifteen quotation marks: "
     "\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\"; str = \"'That,' she said, "
     "'is still pointless.'\"; str2 = \"The quick brown fox jumps over the lazy dog.\"; winpath = "
     "\"C:\\\\Users\\\\nodejs\"; }"},
    {"builtins.fromTOML \"int6 = 5_349_221\\nhex3 = 0xdead_beef\\noct1 = 0o01234567\\nbin1 = "
     "0b11010110\\nflt1 = +1.0\\nflt3 = -0.01\\nflt4 = 5e+22\\nflt8 = 224_617.445_991_228\\nsf6 = "
     "-inf\"",
     VALUE,
     "{ bin1 = 214; flt1 = 1; flt3 = -0.01; flt4 = 5e+22; flt8 = 224617; hex3 = 3735928559; int6 = "
     "5349221; oct1 = 342391; sf6 = -inf; }"},
    {"builtins.fromTOML \"\\\"\312\216\307\235\312\236\\\" = "
     "\\\"value\\\"\\nsite.\\\"google.com\\\" = true\\nfruit.apple.smooth = true\\nfruit.orange = "
     "2\\n[[products]]\\nname = \\\"Hammer\\\"\\n[[products]]\\n[[products]]\\nname = "
     "\\\"Nail\\\"\\n[dog.\\\"tater.man\\\"]\\ntype.name = \\\"pug\\\"\\n[x.y.z.w]\\n[x]\\npoints "
     "= [ { x = 1, y = 2 },\\n  { x = 7, y = 8 } ]\"",
     VALUE,
     "{ dog = { \"tater.man\" = { type = { name = \"pug\"; }; }; }; fruit = { apple = { smooth = "
     "true; }; orange = 2; }; products = [ { name = \"Hammer\"; } { } { name = \"Nail\"; } ]; site "
     "= { \"google.com\" = true; }; x = { points = [ { x = 1; y = 2; } { x = 7; y = 8; } ]; y = { "
     "z = { w = { }; }; }; }; \"\312\216\307\235\312\236\" = \"value\"; }"},
    {"builtins.fromTOML \"escapes = "
     "\\\"\\\\b\\\\t\\\\n\\\\f\\\\r\\\\\\\"\\\\\\\\\\\\u00e9\\\\U0001F600\\\"\"",
     VALUE, "{ escapes = \"\010\\t\\n\014\\r\\\"\\\\\303\251\360\237\230\200\"; }"},
    {"builtins.fromTOML \"a = 1979-05-27\"", ERROR,
     "error: while parsing a TOML string: Dates and times are not supported"},
    {"builtins.fromTOML \"[a]\\nb = 1\\n[a]\"", PREFIX, "error: while parsing a TOML string: "},
    {"builtins.split \"(a)|b\" \"xaybz\"", VALUE, "[ \"x\" [ \"a\" ] \"y\" [ null ] \"z\" ]"},
    {"builtins.split \"a*\" \"baaac\"", VALUE, "[ \"\" [ ] \"b\" [ ] \"\" [ ] \"c\" [ ] \"\" ]"},
    {"builtins.split \"(x)?\" \"ab\"", VALUE,
     "[ \"\" [ null ] \"a\" [ null ] \"b\" [ null ] \"\" ]"},
    {"builtins.split \"^a\" \"aaa\"", VALUE, "[ \"\" [ ] \"aa\" ]"},
    {"builtins.match \"([^/]*)/(.*)\" \"foo/bar/baz\"", VALUE, "[ \"foo\" \"bar/baz\" ]"},
    {"builtins.match \"(.*)\\\\.nix\" \"default.nix\"", VALUE, "[ \"default\" ]"},
    {"[ (builtins.match \"a|ab\" \"ab\") (builtins.match \"a|ab\" \"ab\") ]", VALUE, "[ [ ] [ ] ]"},
    {"builtins.match \"\\\\w+\" \"abc\"", ERROR, "error: invalid regular expression '\\w+'"},
    {"builtins.match \"a{,2}\" \"a\"", ERROR, "error: invalid regular expression 'a{,2}'"},
    {"builtins.replaceStrings [ \"oo\" \"o\" ] [ \"0\" \"1\" ] \"foooo\"", VALUE, "\"f00\""},
    {"builtins.toXML [ [ ] (builtins.removeAttrs { a = 1; } [ \"a\" ]) builtins.add (builtins.add "
     "1) ({ a, ... }@x: 1) ({ b, a }: 1) (x: "
     "x) 1.5 (-3) null true \"a\\nb\\tc\" ]",
     VALUE,
     "\"<?xml version='1.0' encoding='utf-8'?>\\n<expr>\\n  <list>\\n    <list>\\n    </list>\\n   "
     " <attrs>\\n    </attrs>\\n    <unevaluated />\\n    <unevaluated />\\n    <function>\\n      "
     "<attrspat ellipsis=\\\"1\\\" name=\\\"x\\\">\\n        <attr name=\\\"a\\\" />\\n      "
     "</attrspat>\\n    </function>\\n    <function>\\n      <attrspat>\\n        <attr "
     "name=\\\"a\\\" />\\n        <attr name=\\\"b\\\" />\\n      </attrspat>\\n    </function>\\n "
     "   <function>\\n      <varpat name=\\\"x\\\" />\\n    </function>\\n    <float "
     "value=\\\"1.5\\\" />\\n    <int value=\\\"-3\\\" />\\n    <null />\\n    <bool "
     "value=\\\"true\\\" />\\n    <string value=\\\"a&#xA;b\\tc\\\" />\\n  </list>\\n</expr>\\n\""},
    {"builtins.toJSON [ 1.23456789 0.1 1.0e20 1.0 1.0e-7 123456789.0 "
     "\"a\\\"\\n\\t\\r\\\\\303\251/$\" { \"b c\" = 1; A = 2; } ]",
     VALUE,
     "\"[1.23457,0.1,1e+20,1,1e-07,1.23457e+08,\\\"a\\\\\\\"\\\\n\\\\t\\\\r\\\\\\\\\303\251/"
     "$\\\",{\\\"A\\\":2,\\\"b c\\\":1}]\""},
    {"builtins.fromJSON "
     "\"{\\\"a\\\":[1,2,{\\\"b\\\":null}],\\\"c\\\":\\\"\\\\u00e9\\\\ud83d\\\\ude00\\\",\\\"d\\\":-"
     "1.5e3}\"",
     VALUE, "{ a = [ 1 2 { b = null; } ]; c = \"\303\251\360\237\230\200\"; d = -1500; }"},
    {"[ (builtins.fromJSON \"9223372036854775808\") (builtins.fromJSON \"18446744073709551616\") "
     "(builtins.fromJSON \"-99999999999999999999\") ]",
     VALUE, "[ -9223372036854775808 1.84467e+19 -1e+20 ]"},
    {"builtins.fromJSON \"1E400\"", ERROR,
     "error: [json.exception.out_of_range.406] number overflow parsing '1E400'"},
    {"builtins.fromJSON \"[1] 2\"", ERROR,
     "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while "
     "parsing value - unexpected number literal; expected end of input"},
    {"builtins.fromJSON \"[\\\"a\\tb\\\"]\"", ERROR,
     "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while "
     "parsing value - invalid string: control character U+0009 (HT) must be escaped to \\u0009 or "
     "\\t; last read: '\"a<U+0009>'"},
    {"builtins.sort (a: b: a < b) [ 5 3 9 1 5 2 8 0 4 7 6 ]", VALUE, "[ 0 1 2 3 4 5 5 6 7 8 9 ]"},
    {"builtins.genericClosure { startSet = [ { key = 1; } { key = 2.0; } ]; operator = x: if x.key "
     "< 5 then [ { key = x.key * 2; } ] else [ ]; }",
     VALUE, "[ { key = 1; } { key = 2; } { key = 4; } { key = 8; } ]"},
    {"builtins.zipAttrsWith (n: v: v) [ { a = 1; } { b = 2; } { a = 3; } ]", VALUE,
     "{ a = [ 1 3 ]; b = [ 2 ]; }"},
    {"[ (builtins.compareVersions \"1.2.3\" \"1.2.3pre\") (builtins.splitVersion \"1.2-pre.3\") "
     "(builtins.parseDrvName \"hello-world-1.0-rc1\") ]",
     VALUE,
     "[ 1 [ \"1\" \"2\" \"pre\" \"3\" ] { name = \"hello-world\"; version = \"1.0-rc1\"; } ]"},
    {"builtins.groupBy (x: toString (x / 2)) [ 1 2 3 4 5 ]", VALUE,
     "{ \"0\" = [ 1 ]; \"1\" = [ 2 3 ]; \"2\" = [ 4 5 ]; }"},
    {"[ (builtins.bitAnd 5 3) (builtins.bitOr 5 3) (builtins.bitXor 5 3) (builtins.ceil 1.1) "
     "(builtins.floor (-1.1)) (builtins.floor 1.0e30) ]",
     VALUE, "[ 1 7 6 2 -2 -9223372036854775808 ]"},
    {"builtins.toPath \"/a/./b/../c\"", VALUE, "\"/a/c\""},
    {"builtins.fetchurl \"file:///tmp/hearth-unit-builtins/src/f\"", VALUE,
     "\"/tmp/hearth-unit-builtins/store/4554vkl08pjkpw7g8z5gdkcgac6fajry-f\""},
    {"builtins.getContext (builtins.fetchurl { url = \"file:///tmp/hearth-unit-builtins/src/f\"; "
     "name = \"zz\"; })",
     VALUE,
     "{ \"/tmp/hearth-unit-builtins/store/ak72250akm4qbw40hrppcpiv6nspibhb-zz\" = { path = true; "
     "}; }"},
    {"builtins.fetchurl { url = \"file:///tmp/hearth-unit-builtins/src/f\"; sha256 = "
     "\"0000000000000000000000000000000000000000000000000000\"; }",
     ERROR,
     "error: hash mismatch in file downloaded from 'file:///tmp/hearth-unit-builtins/src/f':"},
    {"builtins.fetchurl { url = \"file:///tmp/hearth-unit-builtins/src/missing\"; }", ERROR,
     "error: unable to download 'file:///tmp/hearth-unit-builtins/src/missing': Couldn't read a "
     "file:// file (37)"},
    {"builtins.readDir /tmp/hearth-unit-builtins/src", VALUE,
     "{ f = \"regular\"; sub = \"directory\"; \"uses-x.nix\" = \"regular\"; }"},
    {"builtins.readFile /tmp/hearth-unit-builtins/src/f", VALUE, "\"hi\\n\""},
    {"[ (builtins.pathExists /tmp/hearth-unit-builtins/src/f) (builtins.pathExists "
     "\"/tmp/hearth-unit-builtins/src/f/\") (builtins.pathExists "
     "/tmp/hearth-unit-builtins/src/nope) ]",
     VALUE, "[ true false false ]"},
    {"builtins.scopedImport { x = 41; } /tmp/hearth-unit-builtins/src/uses-x.nix", VALUE, "42"},
    {"builtins.addErrorContext \"ctx\" (throw \"inner\")", ERROR, "error: inner"},
    /* CURRENT: replacements are evaluated only when used (Nix >= 2.16, NixOS/nix#8398);
     * 2.8 evaluates them all and fails with "no". */
    {"builtins.replaceStrings [ \"a\" \"b\" ] [ \"1\" (throw \"no\") ] \"aaa\"", VALUE, "\"111\""},
    /* CURRENT: builtins.convertHash (Nix >= 2.21); the hashes are the examples of the manual's
     * `nix hash convert`. */
    {"builtins.convertHash { hash = \"800d59cfcd3c05e900cb4e214be48f6b886a08df\"; hashAlgo = "
     "\"sha1\"; toHashFormat = \"nix32\"; }",
     VALUE, "\"vw46m23bizj4n8afrc0fj19wrp7mj3c0\""},
    {"builtins.convertHash { hash = \"sha1:800d59cfcd3c05e900cb4e214be48f6b886a08df\"; "
     "toHashFormat = \"sri\"; }",
     VALUE, "\"sha1-gA1Zz808BekAy04hS+SPa4hqCN8=\""},
    {"builtins.convertHash { hash = \"sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=\"; "
     "toHashFormat = \"nix32\"; }",
     VALUE, "\"1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s\""},
    /* CURRENT: builtins.warn (Nix >= 2.23) returns its second argument. */
    {"builtins.warn \"careful\" 7", VALUE, "7"},
};

static int failures;

struct run {
    const struct test_case *c;
    struct strbuf out;
};

static void eval_case(struct eval_state *st, void *ud) {
    struct run *r = ud;
    struct value v;
    struct nix_error *e = eval_string(st, r->c->expr, "/", &v);
    if (e) eval_rethrow(st, e);
    eval_force_deep(st, &v, 0);
    value_print(st, &v, true, &r->out);
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
}

static int run_all(void *ud) {
    (void)ud;
    struct eval_state *st = eval_state_new(DIR "/store");
    eval_set_stack_limit(st);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct test_case *c = &cases[i];
        struct run r = {.c = c};
        sb_init(&r.out, 256);
        struct nix_error *e = eval_try(st, eval_case, &r);
        const char *got;
        if (e) {
            struct strbuf eb;
            sb_init(&eb, 256);
            error_format(st, e, &eb);
            char *text = (char *)sb_str(&eb);
            char *nl = strchr(text, '\n');
            if (nl) *nl = 0;
            got = text;
        } else {
            got = sb_str(&r.out);
        }
        bool pass;
        if (c->ok == VALUE)
            pass = !e && strcmp(got, c->want) == 0;
        else if (c->ok == ERROR)
            pass = e && strcmp(got, c->want) == 0;
        else
            pass = e && strncmp(got, c->want, strlen(c->want)) == 0;
        if (!pass) {
            fprintf(stderr, "FAIL %s\n  got  %s%s\n  want %s%s\n", c->expr, e ? "(error) " : "",
                    got, c->ok == VALUE ? "" : "(error) ", c->want);
            failures++;
        }
    }
    builtins_extra_release(st);
    return 0;
}

int main(void) {
    mkdir(DIR, 0755);
    mkdir(DIR "/src", 0755);
    mkdir(DIR "/src/sub", 0755);
    write_file(DIR "/src/f", "hi\n");
    write_file(DIR "/src/uses-x.nix", "x + 1\n");
    eval_run_big_stack(run_all, NULL);
    return failures ? 1 : 0;
}
