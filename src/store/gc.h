/* src/store/gc.h: garbage collection of hearth's store.
 *
 * Owns: deciding which store objects are alive and deleting the others. The roots are the
 * targets of every link in STATE/profiles and STATE/gcroots (recursively into
 * gcroots subdirectories) and the generations named by an unfinished activation journal.
 * An object keeps alive every store path it refers to: the lines of its `references` file
 * (generations write one), the targets of symlinks inside it, and store paths written in its
 * regular files (found by scanning for "STOREDIR/"), as Nix finds references.
 * gcroots/auto holds indirect roots (links to build's `result` links): live ones keep what
 * their link names, dangling ones are removed. Temporary names left in the store by a killed
 * build are removed (see gc.c for which, and when); other names starting with '.' are never
 * touched. The caller holds hearth_lock() (exclusive), so no build is adding to the store. */
#ifndef HEARTH_STORE_GC_H
#define HEARTH_STORE_GC_H

#include "store/profile.h"

#include <stdbool.h>
#include <stdint.h>

struct gc_result {
    size_t deleted;
    uint64_t bytes_freed;
};

/* With dry_run, counts what would go and deletes nothing. `on_delete` (may be NULL) is told
 * each path before it is removed. */
int gc_collect(const struct hearth_paths *p, bool dry_run,
               void (*on_delete)(void *ctx, const char *path), void *ctx, struct gc_result *out,
               char **err);

/* rm -rf that first makes read-only store directories writable. Adds the bytes of the
 * regular files removed to *bytes when it is not NULL. */
int store_rm_rf(const char *path, uint64_t *bytes);

#endif
