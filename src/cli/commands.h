/* src/cli/commands.h: the table of hearth's sub-commands.
 *
 * Owns: the signature every command has and the list main.c dispatches on.
 * Each command lives in its own file src/cli/cmd_NAME.c and returns the process exit code;
 * commands report errors through their return value and print only at this top level. */
#ifndef HEARTH_CLI_COMMANDS_H
#define HEARTH_CLI_COMMANDS_H

/* What every command gets: its own argv (argv[0] is the command name) and the name the
 * program was called by ("hearth" or "home-manager"), for messages. */
struct cli_invocation {
    const char *program_name;
    int argc;
    char **argv;
};

typedef int (*cli_command_fn)(const struct cli_invocation *inv);

struct cli_command {
    const char *name;
    cli_command_fn run;
    const char *summary;
};

/* NULL-terminated table, defined in main.c. */
extern const struct cli_command cli_commands[];

int cmd_help(const struct cli_invocation *inv);
int cmd_eval(const struct cli_invocation *inv);

/* Activation, generations, profiles and gc (activate branch). */
int cmd_activate(const struct cli_invocation *inv);
int cmd_build_generation(const struct cli_invocation *inv);
int cmd_generations(const struct cli_invocation *inv);
int cmd_remove_generations(const struct cli_invocation *inv);
int cmd_expire_generations(const struct cli_invocation *inv);
int cmd_rollback(const struct cli_invocation *inv);
int cmd_gc(const struct cli_invocation *inv);

/* systemd user units (services branch). */
int cmd_systemd_switch(const struct cli_invocation *inv);

/* Home Manager's commands on a configuration (home branch). */
int cmd_build(const struct cli_invocation *inv);
int cmd_switch(const struct cli_invocation *inv);
int cmd_init(const struct cli_invocation *inv);
int cmd_instantiate(const struct cli_invocation *inv);
int cmd_packages(const struct cli_invocation *inv);
int cmd_news(const struct cli_invocation *inv);
int cmd_option(const struct cli_invocation *inv);
int cmd_edit(const struct cli_invocation *inv);
int cmd_uninstall(const struct cli_invocation *inv);

#endif
