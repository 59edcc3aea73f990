/* src/activate/activate.h: the activation engine — making HOME match a generation.
 *
 * Owns: the steps Home Manager's activation script runs, done in C and in its order
 * (checkFilesChanged, checkLinkTargets, writeBoundary, linkGeneration with its cleanup,
 * onFilesChange, the `home.activation` snippets in DAG order, reloadSystemd), then recording
 * the generation in the profile; collisions and backups (-b), dry runs (-n), the journal that
 * makes an interrupted activation resumable, the lock against concurrent switches, and fault
 * injection for the crash tests. Design: docs/design/activation.md.
 *
 * Guarantees: a file hearth does not own is never deleted or overwritten (it is left alone,
 * or moved to NAME.EXT with -b, or replaced only with `force`); every link is replaced
 * atomically; nothing in HOME is reached through a symlink that leads out of HOME; killing
 * the process at any point and activating again ends in the state an uninterrupted run gives.
 *
 * Progress goes to `out` and warnings to `log` as Home Manager prints them; the returned
 * error (malloc'd, for the caller to print) says why activation stopped. */
#ifndef HEARTH_ACTIVATE_ACTIVATE_H
#define HEARTH_ACTIVATE_ACTIVATE_H

#include "store/profile.h"

#include <stdbool.h>
#include <stdio.h>

/* Restarts/stops/starts user services for the switch from old_gen (NULL on the first
 * activation) to new_gen. Returns 0 on success. Supplied by src/services at merge time. */
typedef int (*activate_reload_fn)(void *ctx, const char *old_gen, const char *new_gen,
                                  bool dry_run);

struct activate_options {
    const struct hearth_paths *paths;
    const char *backup_ext;             /* -b EXT, or NULL */
    bool backup_overwrite;              /* an existing NAME.EXT may be replaced by the new backup */
    bool dry_run;                       /* -n: print every action, change nothing */
    bool verbose;                       /* -v */
    long use_id;                        /* > 0: record as this existing generation (rollback) */
    activate_reload_fn reload_services; /* NULL: skip the reloadSystemd step */
    void *reload_ctx;
    FILE *out;        /* progress (stdout) */
    FILE *log;        /* warnings (stderr) */
    long fault_after; /* > 0: SIGKILL self after that many mutating syscalls (tests only) */
    /* The caller already holds hearth_lock() (e.g. `switch`, so that no gc runs between
     * building the generation and activating it); activate then does not take it. */
    bool lock_held;
};

/* Activates the generation at gen_path. Returns 0, or -1 with *err set. */
int activate_generation(const struct activate_options *o, const char *gen_path, char **err);

#endif
