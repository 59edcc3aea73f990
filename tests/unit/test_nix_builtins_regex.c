/* The regular expressions of builtins.match and builtins.split, against results recorded from
 * nix-instantiate 2.8 (printed the way nix-instantiate --eval --strict prints them). */
#include "nix/nixregex.h"

#include <stdio.h>
#include <string.h>

static int failures;

static void add_groups(char *out, const char *s, const regmatch_t *g, size_t n) {
    for (size_t i = 1; i <= n; i++) {
        if (g[i].rm_so < 0) {
            strcat(out, "null ");
        } else {
            strcat(out, "\"");
            strncat(out, s + g[i].rm_so, (size_t)(g[i].rm_eo - g[i].rm_so));
            strcat(out, "\" ");
        }
    }
}

static void match(struct nix_regex_cache *c, const char *re, const char *s, const char *want) {
    char out[512] = "";
    bool oom;
    const struct nix_regex *r = nix_regex_get(c, re, &oom);
    regmatch_t g[16];
    if (!r)
        strcpy(out, "invalid");
    else if (!nix_regex_match_full(r, s, strlen(s), g))
        strcpy(out, "null");
    else {
        strcpy(out, "[ ");
        add_groups(out, s, g, r->ngroups);
        strcat(out, "]");
    }
    if (strcmp(out, want) != 0) {
        fprintf(stderr, "FAIL match \"%s\" \"%s\": got %s want %s\n", re, s, out, want);
        failures++;
    }
}

static void split(struct nix_regex_cache *c, const char *re, const char *s, const char *want) {
    char out[512] = "[ ";
    bool oom;
    const struct nix_regex *r = nix_regex_get(c, re, &oom);
    regmatch_t g[16];
    size_t pos = 0, prev_end = 0, len = strlen(s);
    bool last_empty = false;
    while (nix_regex_next(r, s, len, &pos, &last_empty, g)) {
        strcat(out, "\"");
        strncat(out, s + prev_end, (size_t)g[0].rm_so - prev_end);
        strcat(out, "\" [ ");
        add_groups(out, s, g, r->ngroups);
        strcat(out, "] ");
        prev_end = (size_t)g[0].rm_eo;
    }
    strcat(out, "\"");
    strcat(out, s + prev_end);
    strcat(out, "\" ]");
    if (strcmp(out, want) != 0) {
        fprintf(stderr, "FAIL split \"%s\" \"%s\":\n  got  %s\n  want %s\n", re, s, out, want);
        failures++;
    }
}

int main(void) {
    struct nix_regex_cache *c = nix_regex_cache_new();
    match(c, "(a)|(b)", "b", "[ null \"b\" ]");
    match(c, "a{2}", "aa", "[ ]");
    match(c, "[[:alpha:]]+", "ab", "[ ]");
    match(c, "a|ab", "ab", "[ ]");
    match(c, "()", "", "[ \"\" ]");
    match(c, "x*", "", "[ ]");
    match(c, "(a*)+", "b", "null");
    match(c, ".*", "a\nb", "[ ]");
    match(c, "\\.", ".", "[ ]");
    match(c, "[\\]", "\\", "[ ]");
    match(c, "a\\{", "a{", "[ ]");
    match(c, "a}", "a}", "[ ]");
    match(c, "a]", "a]", "[ ]");
    match(c, "^a$", "a", "[ ]");
    match(c, "a", "ab", "null");
    match(c, "b", "ab", "null");
    match(c, "(.*)\\.nix", "foo.nix", "[ \"foo\" ]");
    /* rejected by Nix (std::regex), though glibc would take them */
    match(c, "\\w+", "abc", "invalid");
    match(c, "\\d", "d", "invalid");
    match(c, "a\\1", "a", "invalid");
    match(c, "a\\}", "a}", "invalid");
    match(c, "a\\]", "a]", "invalid");
    match(c, "a\\", "a", "invalid");
    match(c, "a{,2}", "a", "invalid");
    match(c, "(", "a", "invalid");
    match(c, "[a", "a", "invalid");
    match(c, "[[:foo:]]", "a", "invalid");
    /* a second lookup comes from the cache */
    match(c, "(a)|(b)", "a", "[ \"a\" null ]");
    split(c, "(a)|b", "xaybz", "[ \"x\" [ \"a\" ] \"y\" [ null ] \"z\" ]");
    split(c, "", "abc", "[ \"\" [ ] \"a\" [ ] \"b\" [ ] \"c\" [ ] \"\" ]");
    split(c, "a*", "baaac", "[ \"\" [ ] \"b\" [ ] \"\" [ ] \"c\" [ ] \"\" ]");
    split(c, "(x)?", "ab", "[ \"\" [ null ] \"a\" [ null ] \"b\" [ null ] \"\" ]");
    split(c, "x", "", "[ \"\" ]");
    split(c, "^a", "aaa", "[ \"\" [ ] \"aa\" ]");
    split(c, "(a)(b)?", "a", "[ \"\" [ \"a\" null ] \"\" ]");
    nix_regex_cache_free(c);
    return failures ? 1 : 0;
}
