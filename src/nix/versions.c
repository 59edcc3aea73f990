/* versions: see versions.h. */
#include "nix/versions.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

static bool is_separator(char c) {
    return c == '.' || c == '-';
}

bool version_next_component(const char *s, size_t n, size_t *pos, struct version_component *out) {
    size_t p = *pos;
    while (p < n && is_separator(s[p]))
        p++;
    if (p >= n) {
        *pos = p;
        return false;
    }
    size_t start = p;
    if (isdigit((unsigned char)s[p])) {
        while (p < n && isdigit((unsigned char)s[p]))
            p++;
    } else {
        while (p < n && !isdigit((unsigned char)s[p]) && !is_separator(s[p]))
            p++;
    }
    out->start = s + start;
    out->len = p - start;
    *pos = p;
    return true;
}

/* A component counts as a number only when it fits in an int, as in Nix: longer digit runs
 * compare as strings. */
static bool component_int(const struct version_component *c, int *out) {
    if (c->len == 0) return false;
    long long v = 0;
    for (size_t i = 0; i < c->len; i++) {
        if (!isdigit((unsigned char)c->start[i])) return false;
        v = v * 10 + (c->start[i] - '0');
        if (v > INT_MAX) return false;
    }
    *out = (int)v;
    return true;
}

static bool component_is(const struct version_component *c, const char *lit) {
    size_t l = strlen(lit);
    return c->len == l && memcmp(c->start, lit, l) == 0;
}

static bool component_less(const struct version_component *a, const struct version_component *b) {
    int na, nb;
    bool a_num = component_int(a, &na), b_num = component_int(b, &nb);
    if (a_num && b_num) return na < nb;
    if (a->len == 0 && b_num) return true;
    if (component_is(a, "pre") && !component_is(b, "pre")) return true;
    if (component_is(b, "pre")) return false;
    /* A letter suffix sorts before a further number: 2.3a < 2.3.1. */
    if (b_num) return true;
    if (a_num) return false;
    size_t m = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->start, b->start, m);
    return c < 0 || (c == 0 && a->len < b->len);
}

int version_compare(const char *a, size_t alen, const char *b, size_t blen) {
    size_t pa = 0, pb = 0;
    for (;;) {
        struct version_component ca = {a + alen, 0}, cb = {b + blen, 0};
        bool ha = version_next_component(a, alen, &pa, &ca);
        bool hb = version_next_component(b, blen, &pb, &cb);
        if (!ha && !hb) return 0;
        if (!ha) ca.len = 0;
        if (!hb) cb.len = 0;
        if (component_less(&ca, &cb)) return -1;
        if (component_less(&cb, &ca)) return 1;
    }
}

void drvname_split(const char *s, size_t n, size_t *name_len, size_t *version_off) {
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] == '-' && !isalpha((unsigned char)s[i + 1])) {
            *name_len = i;
            *version_off = i + 1;
            return;
        }
    }
    *name_len = n;
    *version_off = n;
}
