/* src/cli/main.c: entry point. Finds the sub-command and runs it.
 *
 * hearth may be called as `home-manager` (a link to it) and behaves the same; the name it
 * was called by is passed on so that messages use it. */
#include "cli/commands.h"

#include <libgen.h>
#include <stdio.h>
#include <string.h>

const struct cli_command cli_commands[] = {
    {"help", cmd_help, "Print this help"},
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

int cmd_help(const struct cli_invocation *inv) {
    printf("Usage: %s [OPTION] COMMAND\n\nCommands:\n", inv->program_name);
    for (const struct cli_command *c = cli_commands; c->name; c++)
        printf("  %-22s %s\n", c->name, c->summary);
    return 0;
}

int main(int argc, char **argv) {
    const char *program_name = argc > 0 ? basename(argv[0]) : "hearth";
    if (strcmp(program_name, "home-manager") != 0) program_name = "hearth";
    if (argc < 2) {
        struct cli_invocation inv = {program_name, argc - 1, argv + 1};
        cmd_help(&inv);
        return 1;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("%s\n", HEARTH_VERSION);
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
    fprintf(stderr, "%s: unknown command '%s'; try '%s help'\n", program_name, argv[1],
            program_name);
    return 1;
}
