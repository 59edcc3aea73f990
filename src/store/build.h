/* src/store/build.h: realising derivations in hearth's own store.
 *
 * Owns: building a `.drv` whose outputs are missing, after its input derivations: running its
 * builder in a clean environment (the derivation's variables plus what Nix sets: NIX_BUILD_TOP,
 * TMPDIR, HOME=/homeless-shelter, PATH=/path-not-set unless the derivation sets it...) in a
 * temporary build directory, with its log kept in STORE/.hearth-logs/; the builders hearth
 * implements itself (`builtin:hearth-text` for the text writers, `builtin:hearth-buildenv` for
 * buildEnv and symlinkJoin, `builtin:hearth-host` for host packages); and reading the list of
 * derivations a generation spec needs (`"realise": [{drv, wantedBy}]`).
 *
 * Outputs are built under a temporary store name of the same length as the final one
 * (STORE/RANDOMHASH-NAME), so that once the builder succeeded every mention of the temporary
 * hash can be rewritten to the final hash without changing any length (as Nix's hash rewriting
 * does); then the tree is made read-only with mtime 1 and renamed to its final name. A store
 * path is therefore only ever complete; a crash leaves an unreferenced temporary object that
 * `hearth gc` removes. There is no sandbox: builders see the host's file system.
 *
 * Errors are returned as malloc'd messages (a failed builder's message holds the last lines of
 * its log, as nix-build prints them); nothing is printed except progress lines to `progress`. */
#ifndef HEARTH_STORE_BUILD_H
#define HEARTH_STORE_BUILD_H

#include <stdbool.h>
#include <stdio.h>

struct build_options {
    const char *store_dir;
    /* Host packages are looked up on this PATH (NULL: the process's PATH). */
    const char *host_path;
    /* "building '/store/...drv'..." lines, or NULL for none. */
    FILE *progress;
    /* pkgs is nixpkgs: derivations other than hearth's own builtins are registered with the
     * installed Nix (`nix-store --register-validity`, the store directory being Nix's) and
     * realised by it (`nix-store --realise`). */
    bool with_nix;
};

/* Realises every output of the derivation at `drv_path` (and, first, its inputs). `wanted_by`
 * (may be NULL) names what needs it, e.g. "home.packages", for the messages. Returns 0, or -1
 * with *err set. */
int build_realise(const struct build_options *o, const char *drv_path, const char *wanted_by,
                  char **err);

/* Realises what a generation spec (JSON text) lists in its "realise" field: a list of
 * {"drv": PATH, "wantedBy": OPTION, "via": "nix" or "hearth"}. A spec without the field
 * needs nothing. */
int build_realise_spec(const struct build_options *o, const char *spec_json, char **err);

#endif
