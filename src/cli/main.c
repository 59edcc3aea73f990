/* src/cli/main.c: entry point. Finds the sub-command and runs it.
 *
 * hearth may be called as `home-manager` (a link to it) and behaves the same; the name it
 * was called by is passed on so that messages use it. */
#include "cli/commands.h"
#include "store/store.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct cli_command cli_commands[] = {
    {"help", cmd_help, "Print this help"},
    {"init", cmd_init, "Write a starting home.nix [--switch] [DIR]"},
    {"build", cmd_build, "Build configuration into result directory"},
    {"switch", cmd_switch, "Build and activate configuration"},
    {"instantiate", cmd_instantiate, "Instantiate the configuration and print the result"},
    {"packages", cmd_packages, "List all packages installed in home-manager-path"},
    {"news", cmd_news, "Show news entries in a pager"},
    {"option", cmd_option, "Inspect configuration option named OPTION.NAME"},
    {"edit", cmd_edit, "Open the home configuration in $EDITOR"},
    {"uninstall", cmd_uninstall, "Remove Home Manager"},
    {"eval", cmd_eval, "Evaluate a Nix expression (nix-instantiate --eval)"},
    {"activate", cmd_activate, "Activate a built generation [GENERATION] [-b EXT] [-n] [-v]"},
    {"build-generation", cmd_build_generation, "Build a generation from a spec (internal)"},
    {"generations", cmd_generations, "List all home environment generations"},
    {"remove-generations", cmd_remove_generations, "Remove indicated generations ID..."},
    {"expire-generations", cmd_expire_generations, "Remove generations older than TIMESTAMP"},
    {"rollback", cmd_rollback, "Switch back to the previous generation"},
    {"gc", cmd_gc, "Delete store objects no generation or root reaches"},
    {"systemd-switch", cmd_systemd_switch, "Switch systemd user units between generations"},
    {NULL, NULL, NULL},
};

static void print_help(FILE *out, const char *prog) {
    fprintf(out,
            "Usage: %s [OPTION] COMMAND\n\n"
            "Options\n\n"
            "  -f FILE           The home configuration file.\n"
            "                    Default is '~/.config/home-manager/home.nix'.\n"
            "  -A ATTRIBUTE      Optional attribute that selects a configuration\n"
            "                    expression in the configuration file.\n"
            "  -I PATH           Add a path to the Nix expression search path.\n"
            "  -b EXT            Move existing files to new path rather than fail.\n"
            "  -v                Verbose output\n"
            "  -n                Do a dry run, only prints what actions would be taken\n"
            "  -h                Print this help\n"
            "  --version         Print the version\n"
            "  --arg(str) NAME VALUE    Override inputs passed to the configuration's evaluation\n"
            "  --show-trace      Show the evaluation's trace on errors\n"
            "  --option NAME VALUE      Set the Nix setting NAME (experimental-features;\n"
            "                    others are accepted and ignored)\n"
            "  --extra-experimental-features LIST   Enable experimental features (flakes,\n"
            "                    fetch-tree: builtins.fetchTree)\n"
            "  --store-dir DIR   Use DIR as the store (instead of NIX_STORE_DIR or the default)\n"
            "  --no-out-link     Do not create a symlink to the output path\n\n"
            "Commands\n\n",
            prog);
    for (const struct cli_command *c = cli_commands; c->name; c++)
        fprintf(out, "  %-22s %s\n", c->name, c->summary);
}

int cmd_help(const struct cli_invocation *inv) {
    print_help(stdout, inv->program_name);
    return 0;
}

/* How many arguments the common option `o` takes (Home Manager accepts options before the
 * command: `home-manager -f conf.nix switch`). */
static int option_arity(const char *o) {
    static const char *const one[] = {"-f",
                                      "--file",
                                      "-A",
                                      "-I",
                                      "-b",
                                      "-j",
                                      "--max-jobs",
                                      "--cores",
                                      "--builders",
                                      "--experimental-features",
                                      "--extra-experimental-features",
                                      NULL};
    static const char *const two[] = {"--arg", "--argstr", "--option", NULL};
    for (int i = 0; one[i]; i++)
        if (!strcmp(o, one[i])) return 1;
    for (int i = 0; two[i]; i++)
        if (!strcmp(o, two[i])) return 2;
    return 0;
}

/* Moves the command word to argv[1] when options come first. */
static void command_first(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] != '-') {
            char *cmd = argv[i];
            memmove(argv + 2, argv + 1, (size_t)(i - 1) * sizeof *argv);
            argv[1] = cmd;
            return;
        }
        if (!strcmp(argv[i], "--version") || !strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return;
        i += option_arity(argv[i]);
    }
}

/* Takes `--store-dir DIR` (or `--store-dir=DIR`) out of argv, before or after the command, and
 * exports it as NIX_STORE_DIR: every command and the evaluator find the store through that
 * variable, so the flag overrides it everywhere. Returns the new argc, or -1 on a usage error. */
static int take_store_dir(int argc, char **argv, const char *program_name) {
    int o = 1;
    for (int i = 1; i < argc; i++) {
        const char *dir = NULL;
        if (strcmp(argv[i], "--store-dir") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: --store-dir needs a directory\n", program_name);
                return -1;
            }
            dir = argv[++i];
        } else if (strncmp(argv[i], "--store-dir=", 12) == 0) {
            dir = argv[i] + 12;
        } else {
            /* an option's value is never taken for the flag (`--argstr x --store-dir`) */
            int n = argv[i][0] == '-' ? option_arity(argv[i]) : 0;
            for (int k = 0; k <= n && i < argc; k++)
                argv[o++] = argv[i++];
            i--;
            continue;
        }
        char *canon = *dir ? store_canon_path(dir) : NULL;
        if (!canon) {
            fprintf(stderr, "%s: --store-dir: invalid directory '%s'\n", program_name, dir);
            return -1;
        }
        setenv("NIX_STORE_DIR", canon, 1);
        free(canon);
    }
    argv[o] = NULL;
    return o;
}

int main(int argc, char **argv) {
    const char *program_name = argc > 0 ? basename(argv[0]) : "hearth";
    if (strcmp(program_name, "home-manager") != 0) program_name = "hearth";
    argc = take_store_dir(argc, argv, program_name);
    if (argc < 0) return 1;
    if (argc > 1 && argv[1][0] == '-') command_first(argc, argv);
    if (argc < 2) {
        /* No command is a usage error: the help goes to stderr, as Home Manager's. */
        print_help(stderr, program_name);
        return 1;
    }
    if (strcmp(argv[1], "--version") == 0) {
        /* Which program and which version, for bug reports and scripts alike. */
        printf("hearth %s\n", HEARTH_VERSION);
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        struct cli_invocation inv = {program_name, argc - 1, argv + 1};
        return cmd_help(&inv);
    }
    for (const struct cli_command *c = cli_commands; c->name; c++) {
        if (strcmp(c->name, argv[1]) == 0) {
            struct cli_invocation inv = {program_name, argc - 1, argv + 1};
            return c->run(&inv);
        }
    }
    /* Home Manager reads any word that is no command as an option it does not know. */
    fprintf(stderr, "%s: unknown option '%s'\nRun '%s --help' for usage help\n", program_name,
            argv[1], program_name);
    return 1;
}
