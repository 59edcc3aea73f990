/* src/cli/nix_settings.h: Nix settings given on the command line or in NIX_CONFIG.
 *
 * Owns: `--option NAME VALUE`, `--experimental-features LIST`, `--extra-experimental-features
 * LIST` and NIX_CONFIG's `NAME = VALUE` lines, as nix-instantiate 2.8 takes them. Only the
 * experimental features matter to hearth (they go into eval_state.xp_features); other settings
 * Nix knows are accepted and ignored, and names Nix does not know get Nix's warning. Warnings
 * go to the FILE the caller passes (the command's top level prints them). */
#ifndef HEARTH_CLI_NIX_SETTINGS_H
#define HEARTH_CLI_NIX_SETTINGS_H

#include <stdbool.h>
#include <stdio.h>

struct nix_settings {
    unsigned xp; /* XP_* bits (nix/eval.h) */
    /* Unknown setting names, warned about once everything is parsed, as Nix does: those from
     * flags first, then those from NIX_CONFIG (malloc'd, one "warning: ..." line each). */
    char *unknown_flags, *unknown_config;
    bool in_config; /* while NIX_CONFIG is being read */
};

/* Starts from Nix's defaults and applies NIX_CONFIG. Unknown experimental features are warned
 * about at once; unknown settings by nix_settings_done. */
void nix_settings_init(struct nix_settings *s, FILE *warn);

/* Sets `name` (as `--option name value` does); `extra-NAME` appends to a list setting. */
void nix_settings_set(struct nix_settings *s, const char *name, const char *value, FILE *warn);

/* If argv[*i] is one of the settings flags above, takes it and its arguments (advancing *i)
 * and returns 1; returns 0 for other flags, -1 when arguments are missing (*missing set to
 * how many the flag needs). */
int nix_settings_flag(struct nix_settings *s, int argc, char **argv, int *i, int *missing,
                      FILE *warn);

/* Prints the unknown-setting warnings (when warn is not NULL) and frees what `s` holds. */
void nix_settings_done(struct nix_settings *s, FILE *warn);

#endif
