/* src/cli/cmd_uninstall.c: `hearth uninstall`, as `home-manager uninstall`: after asking,
 * activates an empty generation (which removes every link hearth made and stops its
 * services; files of the user's own are never touched), then removes the profile's
 * generations and roots. The configuration file stays. */
#include "cli/commands.h"
#include "cli/hm_generation.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char EMPTY_SPEC[] =
    "{\"version\":1,\"files\":[],\"activation\":[],\"sessionVariables\":\"\",\"packages\":[]}";

/* Removes the symlinks in `dir` (profile links, gc roots); never anything else. */
static void remove_links(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_type == DT_LNK) unlinkat(dirfd(d), e->d_name, 0);
    closedir(d);
}

int cmd_uninstall(const struct cli_invocation *inv) {
    struct hm_args a;
    int rc = hm_args_parse(inv, &a);
    if (rc) return rc;
    printf("This will remove Home Manager from your system.\n");
    if (a.dry_run) printf("This is a dry run, nothing will actually be uninstalled.\n");
    fflush(stdout);
    /* As Home Manager's `read -r -n 1 -p "… [y/n] "`: the prompt goes to stderr and only to a
     * terminal, one character is the answer, then a newline on stdout; anything but y/Y is
     * "Yay!" and success. */
    if (isatty(STDIN_FILENO)) {
        fputs("Really uninstall Home Manager? [y/n] ", stderr);
        fflush(stderr);
    }
    int answer = getchar();
    printf("\n");
    if (answer != 'y' && answer != 'Y') {
        printf("Yay!\n");
        hm_args_free(&a);
        return 0;
    }
    struct hearth_paths paths;
    char *err = NULL;
    if (hearth_paths_init(&paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", a.prog, err);
        free(err);
        hm_args_free(&a);
        return 1;
    }
    printf("Switching to empty Home Manager configuration...\n");
    fflush(stdout);
    rc = hm_build_and_activate(&a, &paths, EMPTY_SPEC, NULL);
    if (rc == 0 && !a.dry_run) {
        remove_links(paths.profiles_dir);
        remove_links(paths.gcroots_dir);
        unlink(paths.journal_path);
        printf("Home Manager is uninstalled but your home.nix is left untouched.\n");
    }
    hearth_paths_free(&paths);
    hm_args_free(&a);
    return rc;
}
