/* nixregex: see nixregex.h. */
#include "nix/nixregex.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct nix_regex_cache {
    struct nix_regex **slots; /* open addressing, NULL = empty */
    size_t cap, n;
};

struct nix_regex_cache *nix_regex_cache_new(void) {
    return calloc(1, sizeof(struct nix_regex_cache));
}

void nix_regex_cache_free(struct nix_regex_cache *c) {
    if (!c) return;
    for (size_t i = 0; i < c->cap; i++) {
        if (c->slots[i]) {
            regfree(&c->slots[i]->re);
            free(c->slots[i]->pattern);
            free(c->slots[i]);
        }
    }
    free(c->slots);
    free(c);
}

static uint64_t hash_str(const char *s) {
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* The index just past the bracket expression that starts at p[i] ('['), or 0 when it is not
 * closed. Its contents go to regcomp as they are; they are only skipped over here. */
static size_t skip_bracket(const char *p, size_t i) {
    i++;
    if (p[i] == '^') i++;
    if (p[i] == ']') i++;
    while (p[i] && p[i] != ']') {
        if (p[i] == '[' && (p[i + 1] == ':' || p[i + 1] == '.' || p[i + 1] == '=')) {
            char kind = p[i + 1];
            const char *end = p + i + 2;
            while (*end && !(end[0] == kind && end[1] == ']'))
                end++;
            if (!*end) return 0;
            i = (size_t)(end - p) + 2;
        } else {
            i++;
        }
    }
    return p[i] ? i + 1 : 0;
}

/* Rejects what C++'s POSIX-extended std::regex rejects but glibc accepts. */
static bool pattern_ok(const char *p) {
    static const char escapable[] = ".[\\()*+?{|^$";
    for (size_t i = 0; p[i];) {
        char c = p[i];
        if (c == '\\') {
            if (!p[i + 1] || !strchr(escapable, p[i + 1])) return false;
            i += 2;
        } else if (c == '[') {
            if (!(i = skip_bracket(p, i))) return false;
        } else if (c == '{') {
            /* Only a bounded repetition {n}, {n,} or {n,m}. */
            i++;
            if (!isdigit((unsigned char)p[i])) return false;
            while (isdigit((unsigned char)p[i]))
                i++;
            if (p[i] == ',') {
                i++;
                while (isdigit((unsigned char)p[i]))
                    i++;
            }
            if (p[i] != '}') return false;
            i++;
        } else {
            i++;
        }
    }
    return true;
}

/* The pattern for regcomp: a run of repetition operators on one atom (`a++`, `a*?+`) becomes
 * the one operator it means (all `+`: `+`; all `?`: `?`; else `*`). glibc nests one
 * repetition per operator, and a long run makes regcomp's automaton grow without bound (a
 * fuzzer found 120 `+` taking 24 GB); C++'s engine, which Nix uses, takes them in its stride.
 * Called on patterns pattern_ok accepted. Returns a malloc'd string, or NULL (out of memory). */
static char *collapse_repetitions(const char *p) {
    char *out = malloc(strlen(p) + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (size_t i = 0; p[i];) {
        if (p[i] == '\\') {
            out[o++] = p[i++];
            out[o++] = p[i++];
        } else if (p[i] == '[') {
            size_t end = skip_bracket(p, i);
            memcpy(out + o, p + i, end - i);
            o += end - i;
            i = end;
        } else if (strchr("*+?", p[i]) && p[i + 1] && strchr("*+?", p[i + 1])) {
            bool all_plus = true, all_opt = true;
            for (; p[i] && strchr("*+?", p[i]); i++) {
                all_plus = all_plus && p[i] == '+';
                all_opt = all_opt && p[i] == '?';
            }
            out[o++] = all_plus ? '+' : all_opt ? '?' : '*';
        } else {
            out[o++] = p[i++];
        }
    }
    out[o] = 0;
    return out;
}

static bool cache_grow(struct nix_regex_cache *c) {
    size_t ncap = c->cap ? c->cap * 2 : 16;
    struct nix_regex **ns = calloc(ncap, sizeof *ns);
    if (!ns) return false;
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->slots[i]) continue;
        size_t j = hash_str(c->slots[i]->pattern) & (ncap - 1);
        while (ns[j])
            j = (j + 1) & (ncap - 1);
        ns[j] = c->slots[i];
    }
    free(c->slots);
    c->slots = ns;
    c->cap = ncap;
    return true;
}

const struct nix_regex *nix_regex_get(struct nix_regex_cache *c, const char *pattern, bool *oom) {
    *oom = false;
    uint64_t h = hash_str(pattern);
    if (c->cap) {
        for (size_t j = h & (c->cap - 1); c->slots[j]; j = (j + 1) & (c->cap - 1))
            if (strcmp(c->slots[j]->pattern, pattern) == 0) return c->slots[j];
    }
    if (!pattern_ok(pattern)) return NULL;
    struct nix_regex *r = calloc(1, sizeof *r);
    if (!r || !(r->pattern = strdup(pattern))) {
        free(r);
        *oom = true;
        return NULL;
    }
    char *compiled = collapse_repetitions(pattern);
    int rc = compiled ? regcomp(&r->re, compiled, REG_EXTENDED) : REG_ESPACE;
    free(compiled);
    if (rc != 0) {
        free(r->pattern);
        free(r);
        if (rc == REG_ESPACE) *oom = true;
        return NULL;
    }
    r->ngroups = r->re.re_nsub;
    if ((c->n + 1) * 2 > c->cap && !cache_grow(c)) {
        regfree(&r->re);
        free(r->pattern);
        free(r);
        *oom = true;
        return NULL;
    }
    size_t j = h & (c->cap - 1);
    while (c->slots[j])
        j = (j + 1) & (c->cap - 1);
    c->slots[j] = r;
    c->n++;
    return r;
}

/* One regexec over s[from..len); offsets in `groups` are from s. */
static bool exec_at(const struct nix_regex *r, const char *s, size_t len, size_t from,
                    regmatch_t *groups) {
    groups[0].rm_so = (regoff_t)from;
    groups[0].rm_eo = (regoff_t)len;
    int flags = REG_STARTEND | (from > 0 ? REG_NOTBOL : 0);
    return regexec(&r->re, s, r->ngroups + 1, groups, flags) == 0;
}

bool nix_regex_match_full(const struct nix_regex *r, const char *s, size_t len,
                          regmatch_t *groups) {
    /* The leftmost-longest match covers the whole string whenever any whole-string match
     * exists, so no anchors need to be added to the pattern. */
    if (!exec_at(r, s, len, 0, groups)) return false;
    return groups[0].rm_so == 0 && (size_t)groups[0].rm_eo == len;
}

bool nix_regex_next(const struct nix_regex *r, const char *s, size_t len, size_t *pos,
                    bool *last_empty, regmatch_t *groups) {
    size_t from = *pos;
    if (*last_empty) {
        /* After an empty match at p: a non-empty match starting at p, else search from p+1. */
        if (exec_at(r, s, len, from, groups) && (size_t)groups[0].rm_so == from &&
            groups[0].rm_eo > groups[0].rm_so) {
            goto found;
        }
        if (from >= len) return false;
        from++;
    } else if (from > len) {
        return false;
    }
    if (!exec_at(r, s, len, from, groups)) return false;
found:
    *pos = (size_t)groups[0].rm_eo;
    *last_empty = groups[0].rm_eo == groups[0].rm_so;
    return true;
}
