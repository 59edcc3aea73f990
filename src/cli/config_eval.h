/* src/cli/config_eval.h: what the commands that read home.nix share.
 *
 * Owns: Home Manager's command-line options (-f, -A, -I, -b, -n, --show-trace, -v, --arg,
 * --argstr, --option and --[extra-]experimental-features (nix_settings.h), and the nix-build
 * flags it passes on, accepted and ignored), finding the
 * configuration where Home Manager looks for it (-f, HOME_MANAGER_CONFIG,
 * $XDG_CONFIG_HOME/home-manager/home.nix, ~/.config/nixpkgs/home.nix), and evaluating it
 * through modules/default.nix with hearth's evaluator to a string. Errors are returned as the
 * text to print (Nix's format); nothing here exits. */
#ifndef HEARTH_CLI_CONFIG_EVAL_H
#define HEARTH_CLI_CONFIG_EVAL_H

#include "cli/commands.h"
#include "cli/nix_settings.h"

#include <stdbool.h>
#include <stddef.h>

struct hm_auto_arg {
    const char *name, *value;
    bool is_str;
};

struct hm_args {
    const char *prog;
    const char *file;       /* -f */
    const char *attr;       /* -A */
    const char *backup_ext; /* -b, or HOME_MANAGER_BACKUP_EXT */
    const char **includes;  /* -I */
    size_t nincludes;
    struct hm_auto_arg *args; /* --arg, --argstr */
    size_t nargs;
    bool dry_run, show_trace, verbose, no_out_link;
    const char **pos; /* positional arguments */
    size_t npos;
    struct nix_settings settings; /* --option, --[extra-]experimental-features, NIX_CONFIG */
};

/* Parses inv->argv[1..]. Returns 0, or prints the message and returns the exit code. */
int hm_args_parse(const struct cli_invocation *inv, struct hm_args *a);
void hm_args_free(struct hm_args *a);

/* The configuration file (malloc'd), or NULL with *err (malloc'd) as Home Manager words it. */
char *hm_config_file(const struct hm_args *a, char **err);

/* The directory holding modules/, lib/ and pkgs/ (HEARTH_DATA_DIR, else where hearth was
 * built from). */
const char *hm_data_dir(void);

/* Evaluates `what`, a Nix expression in which `r` is the evaluated configuration
 * (modules/default.nix's result), to a string. Returns it (malloc'd); NULL with *is_null
 * when the expression is null; NULL with *err (the error as Nix prints it) on failure. */
char *hm_eval(const struct hm_args *a, const char *conf, const char *store_dir, const char *what,
              bool *is_null, char **err);

/* The same, using and filling the evaluation cache under state_dir (eval_cache.h) when
 * state_dir is not NULL and HEARTH_NO_EVAL_CACHE is unset. */
char *hm_eval_cached(const struct hm_args *a, const char *conf, const char *store_dir,
                     const char *state_dir, const char *what, bool *is_null, char **err);

/* A Nix string literal for `s` (malloc'd). */
char *hm_nix_string(const char *s);

#endif
