/* src/cli/eval_cache.h: remembering a configuration's evaluation while its inputs are unchanged.
 *
 * Owns: recording what an evaluation read from outside (files imported or read, directories
 * listed, paths tested or copied to the store, environment variables, the warnings it traced),
 * and the cache file $XDG_STATE_HOME/hearth/eval-cache/KEY that holds those inputs with their
 * fingerprints (stat data; for trees copied to the store, a hash over every entry's stat data)
 * and the evaluation's output. A later run with the same KEY (the command's arguments, the
 * configuration path, hearth's own binary) whose inputs all have the same fingerprints, and
 * whose output's store paths all still exist, uses the output instead of evaluating: this is
 * what makes a no-op `switch` fast. Builtins whose result cannot be checked this way
 * (currentTime, fetchers, storePath) make the evaluation uncacheable.
 *
 * Recording works by replacing those builtins in the evaluator's state with wrappers (partial
 * applications of a primop to the recorder, so nothing global is needed) and wrapping the
 * state's copy_to_store hook. The evaluator itself is unchanged. */
#ifndef HEARTH_CLI_EVAL_CACHE_H
#define HEARTH_CLI_EVAL_CACHE_H

#include "nix/eval.h"

#include <stdbool.h>

struct eval_inputs;

/* A recorder; free with eval_inputs_free (after the state is no longer used). */
struct eval_inputs *eval_inputs_new(void);
void eval_inputs_free(struct eval_inputs *r);
/* Installs the recording wrappers in `st` (call before evaluating anything). */
void eval_inputs_track(struct eval_inputs *r, struct eval_state *st);

/* The cache file for `key` under STATE/eval-cache (malloc'd). */
char *eval_cache_path(const char *state_dir, const char *key);
/* The cached output when every input is unchanged and every store path it names exists
 * (malloc'd), else NULL. Replays the recorded traces to stderr. */
char *eval_cache_lookup(const char *cache_path, const char *store_dir);
/* Writes the cache file (atomically); does nothing when the evaluation was uncacheable. */
void eval_cache_store(const char *cache_path, const struct eval_inputs *r, const char *output);

#endif
