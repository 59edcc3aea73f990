/* src/services/launchd.c on any system: the agents switch run against a stand-in launchctl (a
 * shell script that logs its arguments), checking what it is asked, which plists end up in the
 * LaunchAgents directory, that files hearth did not install are left alone, and that a failing
 * bootstrap is reported with the agent's label. */
#include "services/launchd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;
static char root[64];

#define EXPECT(cond, ...)                                                                          \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                   \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

static void put(const char *rel, const char *text) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "w");
    if (!f) abort();
    fputs(text, f);
    fclose(f);
}

/* The file's text, or "(absent)". */
static char *get(const char *rel) {
    static char buf[4096];
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "r");
    if (!f) return strcpy(buf, "(absent)");
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void sub(const char *rel) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    mkdir(path, 0755);
}

int main(void) {
    snprintf(root, sizeof root, "/tmp/hearth-test-launchd.XXXXXX");
    if (!mkdtemp(root)) return 1;
    sub("old");
    sub("new");
    sub("agents");
    put("old/org.a.plist", "a1");
    put("old/org.same.plist", "same");
    put("old/org.changed.plist", "changed1");
    put("new/org.same.plist", "same");
    put("new/org.changed.plist", "changed2");
    put("new/org.b.plist", "b1");
    put("new/org.c.plist", "c1");
    put("new/org.bad.plist", "bad1");
    /* What the old generation installed, plus two files of the user's own. */
    put("agents/org.a.plist", "a1");
    put("agents/org.same.plist", "same");
    put("agents/org.changed.plist", "changed1");
    put("agents/org.user.plist", "mine");
    put("agents/org.c.plist", "also mine");
    char script[600], log[512];
    snprintf(log, sizeof log, "%s/launchctl.log", root);
    snprintf(script, sizeof script,
             "#!/bin/sh\necho \"$*\" >>%s\ncase \"$*\" in *org.bad.plist) exit 5;; esac\n", log);
    put("launchctl", script);
    char launchctl[512];
    snprintf(launchctl, sizeof launchctl, "%s/launchctl", root);
    chmod(launchctl, 0755);

    char old[512], new[512], agents[512];
    snprintf(old, sizeof old, "%s/old", root);
    snprintf(new, sizeof new, "%s/new", root);
    snprintf(agents, sizeof agents, "%s/agents", root);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    struct launchd_switch_opts o = {old, new, agents, launchctl, true, false, out};
    struct services_report r;

    /* A dry run asks launchctl nothing and changes no file. */
    EXPECT(services_launchd_switch(&o, &r) == 0, "dry run: %s", r.error);
    services_report_free(&r);
    fflush(out);
    EXPECT(strstr(text, "Would unload agent org.a (removed)\n") &&
               strstr(text, "Would reload agent org.changed (changed)\n") &&
               strstr(text, "Would load agent org.b (new)\n") && !strstr(text, "org.same"),
           "dry run output:\n%s", text);
    EXPECT(strcmp(get("launchctl.log"), "(absent)") == 0, "dry run ran launchctl");
    EXPECT(strcmp(get("agents/org.a.plist"), "a1") == 0, "dry run removed org.a");

    /* Without launchctl (not on macOS) it says so and skips. */
    rewind(out);
    o.dry_run = false;
    o.launchctl = NULL;
#ifndef __APPLE__
    EXPECT(services_launchd_switch(&o, &r) == 0 && r.skipped, "no launchctl: skipped");
    services_report_free(&r);
    fflush(out);
    EXPECT(strstr(text, "launchd agents: not on macOS; skipping.\n") != NULL, "output:\n%s", text);
#endif

    rewind(out);
    o.launchctl = launchctl;
    int rc = services_launchd_switch(&o, &r);
    fflush(out);
    EXPECT(rc == 1, "switch rc %d, want 1 (%s)", rc, r.error);
    EXPECT(r.nfailures == 2 && strcmp(r.failures[0].unit, "org.bad") == 0 &&
               strcmp(r.failures[1].unit, "org.c") == 0,
           "failures: %zu", r.nfailures);
    EXPECT(strstr(text, "Failed switching agent org.bad: launchctl bootstrap exited 5\n") &&
               strstr(text, "/agents/org.c.plist is not the one hearth installed; left alone\n"),
           "output:\n%s", text);
    services_report_free(&r);

    char want[2048];
    unsigned uid = (unsigned)getuid();
    snprintf(want, sizeof want,
             "bootout gui/%u/org.a\n"
             "bootstrap gui/%u %s/org.b.plist\n"
             "bootstrap gui/%u %s/org.bad.plist\n"
             "bootout gui/%u/org.changed\n"
             "bootstrap gui/%u %s/org.changed.plist\n",
             uid, uid, agents, uid, agents, uid, uid, agents);
    EXPECT(strcmp(get("launchctl.log"), want) == 0, "launchctl was asked:\n%swant:\n%s",
           get("launchctl.log"), want);
    EXPECT(strcmp(get("agents/org.a.plist"), "(absent)") == 0, "org.a removed");
    EXPECT(strcmp(get("agents/org.changed.plist"), "changed2") == 0, "org.changed replaced");
    EXPECT(strcmp(get("agents/org.b.plist"), "b1") == 0, "org.b installed");
    EXPECT(strcmp(get("agents/org.same.plist"), "same") == 0, "org.same kept");
    EXPECT(strcmp(get("agents/org.user.plist"), "mine") == 0, "the user's own agent kept");
    EXPECT(strcmp(get("agents/org.c.plist"), "also mine") == 0, "the user's org.c not replaced");

    fclose(out);
    free(text);
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", root);
    return failures ? 1 : 0;
}
