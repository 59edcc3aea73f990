/* versions: Nix's version-string logic, independent of the evaluator.
 * Owns the component splitting used by builtins.splitVersion and builtins.compareVersions and
 * the name/version split of builtins.parseDrvName. Pure functions on byte strings. */
#ifndef HEARTH_NIX_VERSIONS_H
#define HEARTH_NIX_VERSIONS_H

#include <stdbool.h>
#include <stddef.h>

/* One component of a version string: a run of digits or a run of other non-separator bytes.
 * `start`/`len` point into the string given to version_next_component. */
struct version_component {
    const char *start;
    size_t len;
};

/* Finds the component at or after *pos in s[0..n) (separators '.' and '-' are skipped) and
 * advances *pos past it. Returns false at the end of the string. */
bool version_next_component(const char *s, size_t n, size_t *pos, struct version_component *out);

/* -1, 0 or 1 as a is older, equal or newer than b (Nix's compareVersions). */
int version_compare(const char *a, size_t alen, const char *b, size_t blen);

/* Splits a derivation name "name-version" at the first '-' not followed by a letter.
 * *name_len is the length of the name part; *version_off is where the version starts
 * (== n when there is no version). */
void drvname_split(const char *s, size_t n, size_t *name_len, size_t *version_off);

#endif
