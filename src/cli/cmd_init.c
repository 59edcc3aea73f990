/* src/cli/cmd_init.c: `hearth init [--switch] [DIR]`, as `home-manager init`: writes a
 * starting `home.nix` for the current user into DIR (default: where Home Manager looks,
 * $XDG_CONFIG_HOME/home-manager) unless one is there, and with --switch builds and activates
 * it as the first generation. */
#include "cli/commands.h"
#include "cli/hm_generation.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HM_INIT_STATE_VERSION "25.05"

static char *starting_config(const char *user, const char *home) {
    char *s = NULL;
    if (asprintf(&s,
                 "{ config, pkgs, lib, ... }:\n"
                 "\n"
                 "{\n"
                 "  # Who this configuration is for, and where their home is.\n"
                 "  home.username = \"%s\";\n"
                 "  home.homeDirectory = \"%s\";\n"
                 "\n"
                 "  # The release whose defaults this configuration keeps. Leave it as it is,\n"
                 "  # even when you update: changing it can change how existing state is read.\n"
                 "  home.stateVersion = \"%s\";\n"
                 "\n"
                 "  # Packages for your profile.\n"
                 "  home.packages = [ ];\n"
                 "\n"
                 "  # Files to link into your home directory, for example:\n"
                 "  #\n"
                 "  #   home.file.\".screenrc\".source = ./dotfiles/screenrc;\n"
                 "  #   home.file.\".gradle/gradle.properties\".text = ''\n"
                 "  #     org.gradle.daemon=false\n"
                 "  #   '';\n"
                 "  home.file = { };\n"
                 "\n"
                 "  # Environment variables for your login shells, written to\n"
                 "  # ~/.nix-profile/etc/profile.d/hm-session-vars.sh, for example:\n"
                 "  #\n"
                 "  #   home.sessionVariables.EDITOR = \"vi\";\n"
                 "  home.sessionVariables = { };\n"
                 "\n"
                 "  # Let Home Manager install and manage itself.\n"
                 "  programs.home-manager.enable = true;\n"
                 "}\n",
                 user, home, HM_INIT_STATE_VERSION) < 0)
        return NULL;
    return s;
}

/* Escapes what cannot stand in a Nix string literal as written above. */
static char *nix_escape(const char *s) {
    size_t n = strlen(s);
    char *o = malloc(2 * n + 1), *w = o;
    if (!o) return NULL;
    for (; *s; s++) {
        if (*s == '"' || *s == '\\' || (*s == '$' && s[1] == '{')) *w++ = '\\';
        *w++ = *s;
    }
    *w = 0;
    return o;
}

int cmd_init(const struct cli_invocation *inv) {
    bool do_switch = false;
    /* --switch is init's own; the rest are the common options. */
    char **argv = calloc((size_t)inv->argc + 1, sizeof *argv);
    int argc = 0;
    for (int i = 0; i < inv->argc; i++) {
        if (i > 0 && !strcmp(inv->argv[i], "--switch"))
            do_switch = true;
        else
            argv[argc++] = inv->argv[i];
    }
    struct cli_invocation sub = {inv->program_name, argc, argv};
    struct hm_args a;
    int rc = hm_args_parse(&sub, &a);
    if (rc) {
        free(argv);
        return rc;
    }
    if (a.npos > 1) {
        fprintf(stderr, "Usage: %s init [--switch] [DIR]\n", a.prog);
        hm_args_free(&a);
        free(argv);
        return 1;
    }
    const char *home = getenv("HOME");
    const char *xdg = getenv("XDG_CONFIG_HOME");
    char *dir = NULL;
    if (a.npos == 1)
        dir = strdup(a.pos[0]);
    else if (xdg && xdg[0] == '/')
        rc = asprintf(&dir, "%s/home-manager", xdg) < 0;
    else
        rc = asprintf(&dir, "%s/.config/home-manager", home ? home : "") < 0;
    char *conf = NULL;
    if (rc == 0 && asprintf(&conf, "%s/home.nix", dir) < 0) rc = 1;
    if (rc) {
        hm_args_free(&a);
        free(argv);
        return 1;
    }
    struct stat st;
    if (lstat(conf, &st) == 0) {
        printf("The file %s already exists, leaving it unchanged...\n", conf);
    } else {
        printf("Creating %s...\n", conf);
        const char *user = getenv("USER");
        struct passwd *pw = getpwuid(getuid());
        if ((!user || !user[0]) && pw) user = pw->pw_name;
        char *u = nix_escape(user ? user : ""), *h = nix_escape(home ? home : "");
        char *text = u && h ? starting_config(u, h) : NULL;
        free(u);
        free(h);
        int fd = -1;
        if (text && hearth_mkdir_p(dir, 0755) == 0)
            fd = open(conf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        size_t len = text ? strlen(text) : 0;
        if (fd < 0 || write(fd, text, len) != (ssize_t)len) {
            fprintf(stderr, "%s: cannot write %s: %s\n", a.prog, conf, strerror(errno));
            rc = 1;
        }
        if (fd >= 0) close(fd);
        free(text);
    }
    if (rc == 0 && do_switch) {
        printf("Creating initial Home Manager generation...\n");
        fflush(stdout);
        a.file = conf;
        struct hearth_paths paths;
        char *err = NULL;
        if (hearth_paths_init(&paths, &err) != 0) {
            fprintf(stderr, "%s: %s\n", a.prog, err);
            free(err);
            rc = 1;
        } else {
            struct hm_evaluated ev;
            rc = hm_evaluate(&a, &paths, &ev);
            if (rc == 0) rc = hm_build_and_activate(&a, &paths, ev.spec, &ev);
            if (rc == 0)
                printf("\nAll done! The %s tool should now be installed and you can edit\n\n"
                       "    %s\n\n"
                       "to configure Home Manager. Run '%s option NAME' to see what an option "
                       "does.\n",
                       a.prog, conf, a.prog);
            hm_evaluated_free(&ev);
            hearth_paths_free(&paths);
        }
    }
    free(conf);
    free(dir);
    hm_args_free(&a);
    free(argv);
    return rc;
}
