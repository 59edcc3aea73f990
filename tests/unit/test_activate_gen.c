/* Unit tests for the pure parts of generations and the journal: path order, target
 * normalisation, store names (Home Manager's storeFileName rules) and the made-directory set. */
#include "activate/journal.h"
#include "store/generation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

static void check(int ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "FAIL %s\n", what);
        failures++;
    }
}

static void norm(const char *in, const char *want) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", in);
    int ok = gen_normalise_target(buf);
    if (!want) {
        if (ok) fprintf(stderr, "FAIL normalise '%s' accepted as '%s'\n", in, buf), failures++;
    } else if (!ok || strcmp(buf, want) != 0) {
        fprintf(stderr, "FAIL normalise '%s': got '%s', want '%s'\n", in, ok ? buf : "(rejected)",
                want);
        failures++;
    }
}

static void name(const char *in, const char *want) {
    char buf[256];
    gen_store_name(in, buf, sizeof buf);
    if (strcmp(buf, want) != 0) {
        fprintf(stderr, "FAIL store name '%s': got '%s', want '%s'\n", in, buf, want);
        failures++;
    }
}

int main(void) {
    /* A directory's entries come right after it, before its siblings. */
    check(gen_path_cmp("a/b", "a/b/c") < 0, "a/b < a/b/c");
    check(gen_path_cmp("a/b/c", "a-b") < 0, "a/b/c < a-b");
    check(gen_path_cmp("a/z", "a.b") < 0, "a/z < a.b");
    check(gen_path_cmp(".config/x", ".config/x") == 0, "equal");
    check(gen_path_cmp("b", "a/c") > 0, "b > a/c");

    norm(".config/git/config", ".config/git/config");
    norm("./a//b/./c/", "a/b/c");
    norm("a/../b", NULL);
    norm("/etc/passwd", NULL);
    norm("", NULL);
    norm(".", NULL);

    /* Home Manager's storeFileName: "hm_" and the safe characters, the others left out. */
    name(".bashrc", "hm_.bashrc");
    name("config", "hm_config");
    name("my file:1", "hm_myfile1");
    name("init.lua", "hm_init.lua");
    name("a-b", "hm_ab");

    struct journal_state st = {0};
    journal_dirs_add(&st, "b");
    journal_dirs_add(&st, "a/x");
    journal_dirs_add(&st, "a");
    journal_dirs_add(&st, "a");
    check(st.ndirs == 3, "set has three entries");
    check(journal_dirs_has(&st, "a/x") && journal_dirs_has(&st, "b") && !journal_dirs_has(&st, "c"),
          "membership");
    journal_dirs_del(&st, "a");
    check(!journal_dirs_has(&st, "a") && st.ndirs == 2, "delete");
    journal_state_free(&st);

    if (failures) return 1;
    printf("ok\n");
    return 0;
}
