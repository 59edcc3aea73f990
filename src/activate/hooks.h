/* src/activate/hooks.h: running the shell parts of an activation.
 *
 * Owns: the environment Home Manager gives activation snippets and onChange hooks — the
 * functions `run` (prints instead of running in a dry run; `--quiet` drops stdout, `--silence`
 * both), `verboseEcho`, `errorEcho`, `warnEcho`, `noteEcho`, the variables `$DRY_RUN` (set to 1
 * in a dry run, unset otherwise), `$DRY_RUN_CMD` ("echo" in a dry run), `$DRY_RUN_NULL`,
 * `$VERBOSE` / `$VERBOSE_ARG` ("--verbose") / `$VERBOSE_ECHO`, `$newGenPath`, `$oldGenPath`,
 * `$newGenNum`, `$oldGenNum`, `$genProfilePath` — and running them with bash under
 * `set -eu -o pipefail`, in HOME, as Home Manager's activation script does.
 *
 * A group of consecutive snippets runs in one bash process, so they share shell variables as
 * in Home Manager's single script; each prints "Activating NAME" first. The script is passed
 * through a memfd, not argv, so its size is not limited and nothing is written to disk. */
#ifndef HEARTH_ACTIVATE_HOOKS_H
#define HEARTH_ACTIVATE_HOOKS_H

#include "store/generation.h"

#include <stdbool.h>
#include <stdio.h>

struct hooks_env {
    const char *home;
    const char *new_gen;
    const char *old_gen; /* NULL on the first activation */
    long new_num, old_num;
    const char *profiles_dir;
    const char *gcroot;
    bool dry_run, verbose;
    FILE *out; /* flushed before the shell writes to the same descriptor */
};

/* Runs the snippets in order; stops at the first that fails. */
int hooks_run_snippets(const struct hooks_env *env, const struct gen_snippet *const *snippets,
                       size_t n, char **err);
/* Runs the onChange hooks of the files that changed. */
int hooks_run_on_change(const struct hooks_env *env, const char *const *hooks, size_t n,
                        char **err);

#endif
