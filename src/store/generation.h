/* src/store/generation.h: generations — building one from a spec, and reading its manifest.
 *
 * Owns: the *generation spec* (the JSON the modules produce with builtins.toJSON, described in
 * docs/design/activation.md), importing file sources into the store as content-addressed
 * objects, the generation directory `STORE/HASH-home-manager-generation/` with `home-files/`,
 * `home-path/`, `units/`, `LaunchAgents/`, `hm-session-vars.sh`, `references` and the activation
 * manifest `hearth-manifest.json`, and loading that manifest back for the activation engine.
 *
 * Store objects are written under a temporary name and renamed into place read-only, so a
 * path in the store is always complete. Their paths come from storepath.h with type "source"
 * and hearth's own tree hash (see generation.c) until the NAR code is merged.
 *
 * Functions return 0 / a pointer on success and -1 / NULL with *err set (malloc'd). */
#ifndef HEARTH_STORE_GENERATION_H
#define HEARTH_STORE_GENERATION_H

#include <stdbool.h>
#include <stddef.h>

#define GEN_NAME "home-manager-generation"
/* Every file with its flags and links, for people and tools. */
#define GEN_MANIFEST "hearth-manifest.json"
/* What the engine reads, kept small so that a switch parses little: one line per link,
 * `F<TAB>TARGET<TAB>SOURCE`, F being 'f' for force or '-', sorted in gen_path_cmp order... */
#define GEN_LINKS "hearth-links"
/* ...and the onChange hooks and activation snippets (JSON). */
#define GEN_ACTIVATION "hearth-activation.json"
/* The launchd agents' plists (macOS), LABEL.plist each, from the spec's "launchAgents"; only
 * in a generation that has agents. */
#define GEN_LAUNCH_AGENTS "LaunchAgents"

/* One symlink the activation makes: HOME/target -> source. */
struct gen_link {
    char *target; /* relative to HOME, normalised (no "./", "//", "..") */
    char *source; /* what the link says: an absolute path into the store */
    bool force;   /* the file's `force`: a file in the way is replaced */
    size_t file;  /* (building only) index of the gen_file it comes from */
};

/* One `home.file` entry (after `recursive` expansion its links are in gen_manifest.links).
 * A loaded manifest holds only the entries with an onChange hook: the rest of what the
 * engine needs is in the links. */
struct gen_file {
    char *target;
    char *source;
    bool recursive, force, ignorelinks;
    int executable;  /* -1 unset, 0, 1 */
    char *on_change; /* NULL when none */
};

struct gen_snippet {
    char *name;
    char *data;
};

struct gen_manifest {
    char *path; /* the generation's store path */
    char *buf;  /* the links file; the links' strings point into it */
    struct gen_file *files;
    size_t nfiles;
    struct gen_link *links; /* sorted with gen_path_cmp on target */
    size_t nlinks;
    struct gen_snippet *snippets; /* in DAG order */
    size_t nsnippets;
};

/* Builds the generation described by the spec file at `spec_path` into `store_dir` and
 * returns its store path (malloc'd). Building the same spec twice gives the same path and
 * does no writing the second time. */
char *gen_build(const char *store_dir, const char *spec_path, char **err);

/* Reads GEN/hearth-manifest.json. */
int gen_manifest_load(const char *gen_path, struct gen_manifest *out, char **err);
void gen_manifest_free(struct gen_manifest *m);
/* The link for `target`, or NULL (binary search). */
const struct gen_link *gen_manifest_find(const struct gen_manifest *m, const char *target);

/* Path order: component by component, so "a/b" < "a/b/c" < "a-b" and a directory's entries
 * come right after it. Linking in this order lets the engine reuse open directory fds. */
int gen_path_cmp(const char *a, const char *b);

/* Normalises a target relative to HOME in place; false when it is absolute, empty, or climbs
 * out with "..". */
bool gen_normalise_target(char *target);

/* A store path name from a file name, as Home Manager's storeFileName: "hm_" and the name's
 * letters, digits and "+._?=" (the rest left out). Writes at most `size` bytes. */
void gen_store_name(const char *base, char *out, size_t size);

/* Imports `src` (a file, directory or symlink) into the store as a content-addressed object;
 * `executable` (-1 keep, 0, 1) sets the mode of a regular file. Paths already in the store
 * are returned as they are when nothing changes. */
char *gen_import_path(const char *store_dir, const char *src, const char *name, int executable,
                      char **err);
/* Same for a text; a text that is not executable gets builtins.toFile's path for `name`. */
char *gen_import_text(const char *store_dir, const char *text, size_t len, const char *name,
                      bool executable, char **err);

#endif
