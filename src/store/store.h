/* src/store/store.h: the store on disk.
 *
 * Owns: finding the store directory (`--store-dir`, then NIX_STORE_DIR, then
 * $XDG_STATE_HOME/hearth/store, then ~/.local/state/hearth/store), creating it private to
 * the user (0700), and adding objects to it: texts with references (`toFile`, `.drv` files)
 * and paths from the file system by NAR hash (`"${./file}"`, `builtins.path`, `filterSource`).
 *
 * Guarantees: an object's path depends only on its content (as in Nix), so adding the same
 * content twice is a no-op; an object is built under a temporary name in the store directory
 * and renamed into place once complete and fsync'd, so a half-written object never becomes
 * visible (and leftovers of a crash are removed later); objects are read-only once added (files
 * 0444, executables 0555, directories 0555) with their modification time set to 1 (the epoch plus
 * one second, as Nix does). There is no database: an object is present when its path exists.
 * References are part of a text object's path but are not recorded elsewhere. Errors are returned
 * as malloc'd messages; nothing is printed. */
#ifndef HEARTH_STORE_STORE_H
#define HEARTH_STORE_STORE_H

#include "store/hash.h"
#include "store/nar.h"

#include <stdbool.h>
#include <stddef.h>

struct store {
    char *dir; /* absolute, lexically canonical; the prefix of every store path */
};

/* The store directory to use: `option` (from --store-dir) when not NULL, else NIX_STORE_DIR,
 * else $XDG_STATE_HOME/hearth/store, else $HOME/.local/state/hearth/store. Relative and
 * non-canonical names are made absolute and canonical lexically (symlinks are kept, as Nix
 * keeps them). Returns a malloc'd string, or NULL with *err set. */
char *store_resolve_dir(const char *option, char **err);

/* `path` made absolute (against the working directory) and lexically canonical: no ".",
 * "..", repeated or trailing slashes. Malloc'd; NULL when out of memory. */
char *store_canon_path(const char *path);

/* Opens the store at `dir` (already resolved), creating it and any missing parents with
 * mode 0700 when it does not exist (and marking it as hearth's, see store_mark_own).
 * Existing directories keep their mode. */
struct store *store_open(const char *dir, char **err);
void store_close(struct store *s);

/* Removes temporary names left in the store by a process that died while adding an object,
 * if they are at least `min_age_seconds` old (store_open does this with an hour). Returns how
 * many were removed. */
int store_remove_stale_temps(const struct store *s, long min_age_seconds);

/* The marker `DIR/.hearth-store` (a version line) says that hearth created the store, so
 * that it may change its permissions and collect its garbage; a store without it (say a real
 * Nix store named by NIX_STORE_DIR) is only added to. store_mark_own writes it (0, or -1
 * with errno); store_is_own looks for it. */
#define STORE_MARKER ".hearth-store"
int store_mark_own(const char *dir);
bool store_is_own(const char *dir);

/* True when `path` is a store path of this store and the object exists. */
bool store_has_path(const struct store *s, const char *path);

/* Adds a text object (`builtins.toFile`, a `.drv`) with the given references (store paths,
 * in any order, duplicates allowed). Returns its malloc'd store path, or NULL with *err set. */
char *store_add_text(struct store *s, const char *name, const void *data, size_t len,
                     const char *const *refs, size_t nrefs, char **err);

/* How a path from the file system is added. */
struct store_add_source {
    const char *name;     /* the object's name; NULL means the basename of the source */
    bool recursive;       /* true: by NAR hash (a "source" path); false: a single regular
                             file by its flat sha256 (a fixed-output path) */
    nar_filter_fn filter; /* may be NULL: keep everything */
    void *filter_ud;
    bool dry_run; /* compute the path only, add nothing */
};

/* Adds the file, directory or symlink at `src` (a symlink at `src` itself is stored as a
 * symlink, not followed). Returns the malloc'd store path and, when `content_hash` is not
 * NULL, the sha256 that named it (of the NAR, or of the file when flat). */
char *store_add_source(struct store *s, const char *src, const struct store_add_source *how,
                       struct hash *content_hash, char **err);

/* Reads a whole file (used for `.drv` files and `builtins.readFile` of store paths).
 * Returns 0 with a malloc'd, NUL-terminated buffer, or -1 with *err set. */
int store_read_file(const char *path, char **data, size_t *len, char **err);

#endif
