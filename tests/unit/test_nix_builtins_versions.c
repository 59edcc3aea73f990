/* Version logic and text formats of the builtins, against results recorded from
 * nix-instantiate 2.8 (the expression is next to each case). */
#include "nix/textfmt.h"
#include "nix/versions.h"

#include <stdio.h>
#include <string.h>

static int failures;

static void cmp(const char *a, const char *b, int want) {
    int got = version_compare(a, strlen(a), b, strlen(b));
    if (got != want) {
        fprintf(stderr, "FAIL compareVersions \"%s\" \"%s\": got %d want %d\n", a, b, got, want);
        failures++;
    }
}

static void split(const char *v, const char *want) {
    char got[256] = "";
    size_t pos = 0, n = strlen(v);
    struct version_component c;
    while (version_next_component(v, n, &pos, &c)) {
        strcat(got, "<");
        strncat(got, c.start, c.len);
        strcat(got, ">");
    }
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "FAIL splitVersion \"%s\": got %s want %s\n", v, got, want);
        failures++;
    }
}

static void drv(const char *s, const char *name, const char *version) {
    size_t nl, vo, n = strlen(s);
    drvname_split(s, n, &nl, &vo);
    if (nl != strlen(name) || strncmp(s, name, nl) != 0 || strcmp(s + vo, version) != 0) {
        fprintf(stderr, "FAIL parseDrvName \"%s\": got %.*s / %s\n", s, (int)nl, s, s + vo);
        failures++;
    }
}

static void json(const char *s, const char *want) {
    char out[256];
    size_t n = json_quote_string(NULL, s, strlen(s));
    size_t m = json_quote_string(out, s, strlen(s));
    out[m] = 0;
    if (n != m || strcmp(out, want) != 0) {
        fprintf(stderr, "FAIL toJSON string: got %s want %s\n", out, want);
        failures++;
    }
}

static void flt(double d, const char *want) {
    char out[32];
    nix_float_format(out, d);
    if (strcmp(out, want) != 0) {
        fprintf(stderr, "FAIL float %g: got %s want %s\n", d, out, want);
        failures++;
    }
}

int main(void) {
    /* map (x: compareVersions ...) [...] => [ 1 -1 -1 -1 -1 -1 0 ] */
    cmp("1.0", "1.0pre", 1);
    cmp("1.0a", "1.0.1", -1);
    cmp("1.0", "1.0.0", -1);
    cmp("a", "b", -1);
    cmp("", "1", -1);
    cmp("1pre", "1", -1);
    cmp("1-", "1", 0);
    /* compareVersions "1.2.99999999999" "1.2.3" => -1 (too big for a number) */
    cmp("1.2.99999999999", "1.2.3", -1);
    cmp("2.3", "2.3", 0);
    cmp("1.10", "1.9", 1);
    /* splitVersion "1.2a-pre3..x" => [ "1" "2" "a" "pre" "3" "x" ] */
    split("1.2a-pre3..x", "<1><2><a><pre><3><x>");
    split("", "");
    split("..", "");
    /* parseDrvName */
    drv("nix-0.12pre12876", "nix", "0.12pre12876");
    drv("a-b-c", "a-b-c", "");
    drv("a-", "a-", "");
    drv("-1", "", "1");
    drv("a-1-", "a", "1-");
    drv("a--1", "a", "-1");
    drv("a-.1", "a", ".1");
    /* toJSON (fromJSON "\"\\u0001\\b\\f\\u001f\\u007f\"") */
    json("\x01\b\f\x1f\x7f", "\"\\u0001\\u0008\\u000c\\u001f\x7f\"");
    json("a\"\n\t\r\\\xc3\xa9/$", "\"a\\\"\\n\\t\\r\\\\\xc3\xa9/$\"");
    /* toJSON [1.23456789 0.1 1.0e20 1.0 (-0.0) 1.0e-7 123456789.0] */
    flt(1.23456789, "1.23457");
    flt(0.1, "0.1");
    flt(1.0e20, "1e+20");
    flt(1.0, "1");
    flt(1.0e-7, "1e-07");
    flt(123456789.0, "1.23457e+08");
    /* toXML "x<>&\"'" and "a\nb\tc\rd" */
    char x[64];
    x[xml_escape_attr(x, "x<>&\"'", 6)] = 0;
    if (strcmp(x, "x&lt;&gt;&amp;&quot;'") != 0) {
        fprintf(stderr, "FAIL xml escape: %s\n", x);
        failures++;
    }
    x[xml_escape_attr(x, "a\nb\tc\rd", 7)] = 0;
    if (strcmp(x, "a&#xA;b\tc\rd") != 0) {
        fprintf(stderr, "FAIL xml escape of newline: %s\n", x);
        failures++;
    }
    return failures ? 1 : 0;
}
