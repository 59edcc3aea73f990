/* nixregex: the regular expressions of builtins.match and builtins.split.
 * Nix uses C++'s std::regex with the POSIX extended grammar; hearth uses POSIX <regex.h>
 * (REG_EXTENDED). Before compiling, a pattern is checked for what Nix's engine rejects and
 * glibc would accept (escapes other than of . [ \ ( ) * + ? { | ^ $, and braces that are not a
 * bounded repetition such as `{,2}`), so both accept the same patterns. A run of repetition
 * operators on one atom (`a++`) is compiled as the one operator it means, as glibc would
 * otherwise build an automaton that grows without bound.
 * Known difference: POSIX picks the leftmost-longest match for each group, C++'s engine the
 * first alternative that lets the whole pattern match, so groups inside alternations or
 * repeated groups can capture differently (e.g. `(a|ab)(c|bcd)` on "abcd").
 *
 * Compiled patterns are cached by pattern text in a nix_regex_cache, which lives in the
 * evaluation context (one per eval_state; it is malloc-allocated because regcomp is). */
#ifndef HEARTH_NIX_NIXREGEX_H
#define HEARTH_NIX_NIXREGEX_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

struct nix_regex {
    char *pattern;
    regex_t re;
    size_t ngroups; /* capture groups, not counting the whole match */
};

struct nix_regex_cache;

struct nix_regex_cache *nix_regex_cache_new(void);
void nix_regex_cache_free(struct nix_regex_cache *c);

/* The compiled pattern, from the cache or compiled now. NULL when the pattern is invalid, or
 * when memory runs out (*oom set to true). */
const struct nix_regex *nix_regex_get(struct nix_regex_cache *c, const char *pattern, bool *oom);

/* Whether the whole of s[0..len) matches; groups[0..ngroups] get the offsets (rm_so == -1 for a
 * group that did not take part). `groups` needs ngroups + 1 entries. */
bool nix_regex_match_full(const struct nix_regex *r, const char *s, size_t len, regmatch_t *groups);

/* Iterates over the matches of `r` in s[0..len) as split does: call with *pos = 0 and
 * *last_empty = false, then repeatedly; each call finds the next match (groups as above, offsets
 * from s) and returns false when there is none left. Empty matches are found between every two
 * characters; after an empty match at p, a non-empty match starting at p is preferred. */
bool nix_regex_next(const struct nix_regex *r, const char *s, size_t len, size_t *pos,
                    bool *last_empty, regmatch_t *groups);

#endif
