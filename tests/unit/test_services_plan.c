/* src/services without a manager: the unit file syntax, how two versions of a unit compare,
 * the switch methods, the switch plan (with the manager's answers supplied by the test) and the
 * launchd agents plan. The expectations follow systemd.syntax(7) and the documented behaviour
 * of Home Manager's sd-switch (docs/design/services.md). */
#include "services/launchd.h"
#include "services/manager.h"
#include "services/plan.h"
#include "services/unitdir.h"
#include "services/unitfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;

#define EXPECT(cond, ...)                                                                          \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                   \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

static void expect_str(const char *what, const char *got, const char *want) {
    if (!got || !want ? got != want : strcmp(got, want) != 0) {
        fprintf(stderr, "FAIL %s: got '%s', want '%s'\n", what, got ? got : "(null)",
                want ? want : "(null)");
        failures++;
    }
}

static struct unit_file parse(const char *text) {
    struct unit_file uf = {0};
    char err[256];
    if (unit_file_parse("test.service", text, &uf, err, sizeof err) < 0) {
        fprintf(stderr, "FAIL parsing: %s\n", err);
        failures++;
    }
    return uf;
}

static void test_syntax(void) {
    struct unit_file uf = parse("# comment\n"
                                "; another comment\n"
                                "[Unit]\n"
                                "  Description = Some service  \n"
                                "After=a.service\n"
                                "After=b.service\n"
                                "\n"
                                "[Service]\n"
                                "ExecStart=/bin/sh -c \\\n"
                                "# a comment inside the continuation is dropped\n"
                                "  'echo hi'\n"
                                "Environment=\n");
    expect_str("trimmed value", unit_file_get(&uf, "Unit", "Description"), "Some service");
    expect_str("last assignment wins", unit_file_get(&uf, "Unit", "After"), "b.service");
    expect_str("continuation", unit_file_get(&uf, "Service", "ExecStart"), "/bin/sh -c  'echo hi'");
    expect_str("empty value", unit_file_get(&uf, "Service", "Environment"), "");
    expect_str("missing key", unit_file_get(&uf, "Service", "Type"), NULL);
    unit_file_free(&uf);

    struct unit_file bad = {0};
    char err[256];
    EXPECT(unit_file_parse("x.service", "[Unit]\nDescription=x\ngarbage\n", &bad, err, sizeof err) <
               0,
           "a line without '=' is an error");
    expect_str("error names file and line", err,
               "x.service:3: expected 'Key=Value' or '[Section]', got 'garbage'");
    unit_file_free(&bad);
    EXPECT(unit_file_parse("y.service", "Description=x\n", &bad, err, sizeof err) < 0,
           "an assignment before any section is an error");
    expect_str("outside a section", err, "y.service:1: assignment outside of any section");
    unit_file_free(&bad);
    EXPECT(unit_file_parse("z.service", "[Unit\n", &bad, err, sizeof err) < 0,
           "an unclosed section header is an error");
    unit_file_free(&bad);

    struct unit_file b = parse("[Unit]\nX-RestartIfChanged=off\nX-A=Yes\nX-B=maybe\n");
    EXPECT(!unit_file_get_bool(&b, "Unit", "X-RestartIfChanged", true), "off is false");
    EXPECT(unit_file_get_bool(&b, "Unit", "X-A", false), "Yes is true");
    EXPECT(unit_file_get_bool(&b, "Unit", "X-B", true), "not a boolean: the default");
    unit_file_free(&b);
}

static enum unit_change compare(const char *a, const char *b) {
    struct unit_file x = parse(a), y = parse(b);
    enum unit_change c = unit_file_compare(&x, &y);
    unit_file_free(&x);
    unit_file_free(&y);
    return c;
}

static void test_compare(void) {
    const char *base = "[Unit]\nDescription=A\nX-Reload-Triggers=/store/a\n"
                       "[Service]\nExecStart=/bin/sleep 1\nEnvironment=A=1\nEnvironment=B=2\n"
                       "[Install]\nWantedBy=default.target\n";
    EXPECT(compare(base, base) == UNIT_UNCHANGED, "same text");
    EXPECT(compare(base, "# reformatted, sections swapped\n"
                         "[Install]\nWantedBy=default.target\n"
                         "[Service]\nEnvironment=A=1\nExecStart = /bin/sleep 1\n"
                         "Environment=B=2\n"
                         "[Unit]\nX-Reload-Triggers=/store/a\nDescription=A\n") == UNIT_UNCHANGED,
           "layout and the order of different keys do not count");
    EXPECT(compare(base, "[Unit]\nDescription=B\nDocumentation=man:x(1)\n"
                         "X-Reload-Triggers=/store/a\n"
                         "[Service]\nExecStart=/bin/sleep 1\nEnvironment=A=1\nEnvironment=B=2\n"
                         "[Install]\nWantedBy=graphical-session.target\n") == UNIT_UNCHANGED,
           "Description, Documentation and [Install] do not count");
    EXPECT(compare(base, "[Unit]\nDescription=A\nX-Reload-Triggers=/store/b\n"
                         "[Service]\nExecStart=/bin/sleep 1\nEnvironment=A=1\nEnvironment=B=2\n") ==
               UNIT_RELOAD_TRIGGERS_CHANGED,
           "only X-Reload-Triggers changed");
    EXPECT(compare(base, "[Unit]\nDescription=A\nX-Reload-Triggers=/store/b\n"
                         "[Service]\nExecStart=/bin/sleep 2\nEnvironment=A=1\nEnvironment=B=2\n") ==
               UNIT_CHANGED,
           "X-Reload-Triggers and ExecStart changed: a change");
    EXPECT(compare(base, "[Unit]\nDescription=A\nX-Reload-Triggers=/store/a\n"
                         "[Service]\nExecStart=/bin/sleep 1\nEnvironment=B=2\nEnvironment=A=1\n") ==
               UNIT_CHANGED,
           "the order of a repeated key counts");
    EXPECT(compare(base, "[Unit]\nDescription=A\nX-Reload-Triggers=/store/a\n"
                         "[Service]\nExecStart=/bin/sleep 1\nEnvironment=A=1\n") == UNIT_CHANGED,
           "a removed assignment counts");
    EXPECT(compare(base, "[Unit]\nDescription=A\n"
                         "[Service]\nExecStart=/bin/sleep 1\nEnvironment=A=1\nEnvironment=B=2\n") ==
               UNIT_RELOAD_TRIGGERS_CHANGED,
           "removing X-Reload-Triggers is a trigger change");
}

static void expect_method(const char *text, int want_rc, enum unit_switch_method want) {
    struct unit_file uf = parse(text);
    enum unit_switch_method m = SWITCH_STOP_START;
    int rc = unit_file_switch_method(&uf, &m);
    EXPECT(rc == want_rc, "switch method rc %d, want %d for:\n%s", rc, want_rc, text);
    if (rc == 0 && want_rc == 0)
        EXPECT(m == want, "switch method %s, want %s for:\n%s", unit_switch_method_name(m),
               unit_switch_method_name(want), text);
    unit_file_free(&uf);
}

static void test_switch_methods(void) {
    expect_method("[Service]\nExecStart=/bin/true\n", 0, SWITCH_STOP_START);
    expect_method("[Unit]\nX-SwitchMethod=reload\n", 0, SWITCH_RELOAD);
    expect_method("[Unit]\nX-SwitchMethod=restart\n", 0, SWITCH_RESTART);
    expect_method("[Unit]\nX-SwitchMethod=stop-start\n", 0, SWITCH_STOP_START);
    expect_method("[Unit]\nX-SwitchMethod=keep-old\n", 0, SWITCH_KEEP_OLD);
    expect_method("[Unit]\nX-SwitchMethod=bounce\n", -1, SWITCH_STOP_START);
    expect_method("[Unit]\nX-RestartIfChanged=false\n", 0, SWITCH_KEEP_OLD);
    expect_method("[Service]\nX-RestartIfChanged=false\n", 0, SWITCH_KEEP_OLD);
    expect_method("[Unit]\nX-RestartIfChanged=true\n", 0, SWITCH_STOP_START);
    expect_method("[Service]\nX-ReloadIfChanged=true\n", 0, SWITCH_RELOAD);
    expect_method("[Service]\nX-StopIfChanged=false\n", 0, SWITCH_RESTART);
    expect_method("[Unit]\nX-SwitchMethod=restart\nX-RestartIfChanged=false\n", 0, SWITCH_RESTART);
}

/* --- plans over real directories ---------------------------------------------------------- */

static char root[256];

static void write_file(const char *rel, const char *text) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    char cmd[600];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
    if (system(cmd) != 0) abort();
    *slash = '/';
    FILE *f = fopen(path, "w");
    if (!f) abort();
    fputs(text, f);
    fclose(f);
}

static void link_want(const char *gen, const char *target, const char *unit) {
    char dir[512], link[600];
    snprintf(dir, sizeof dir, "%s/%s/%s.wants", root, gen, target);
    mkdir(dir, 0755);
    snprintf(link, sizeof link, "%s/%s", dir, unit);
    if (symlink("../x", link) < 0) abort();
}

/* The manager as the test wants it: the units listed in running. */
static int fake_state(void *ctx, const char *unit, bool *running, char *err, size_t errlen) {
    (void)err;
    (void)errlen;
    const char *const *list = ctx;
    *running = false;
    for (; *list; list++)
        if (strcmp(*list, unit) == 0) *running = true;
    return 0;
}

/* Running instances: those in the running list that start with the template's prefix. */
static int fake_instances(void *ctx, const char *tmpl, struct strlist *out, char *err,
                          size_t errlen) {
    (void)err;
    (void)errlen;
    const char *const *list = ctx;
    size_t prefix = (size_t)(strchr(tmpl, '@') - tmpl + 1);
    for (; *list; list++)
        if (strncmp(*list, tmpl, prefix) == 0 && strlist_add(out, *list) < 0) return -1;
    return 0;
}

static void expect_action(const struct services_plan *p, const char *unit, int action) {
    const struct plan_entry *e = plan_find(p, unit);
    if (action < 0) {
        EXPECT(!e, "%s: want no action, got %s (%s)", unit, plan_action_name(e->action), e->why);
        return;
    }
    EXPECT(e && e->action == (enum plan_action)action, "%s: want %s, got %s", unit,
           plan_action_name((enum plan_action)action), e ? plan_action_name(e->action) : "none");
}

static const char *svc(const char *exec) {
    static char buf[8][256];
    static int i;
    i = (i + 1) % 8;
    snprintf(buf[i], sizeof buf[i], "[Unit]\nDescription=x\n[Service]\nExecStart=%s\n", exec);
    return buf[i];
}

static void test_plan(void) {
    write_file("old/keep.service", svc("/bin/sleep 1"));
    write_file("new/keep.service", svc("/bin/sleep 1"));
    write_file("old/changed.service", svc("/bin/sleep 1"));
    write_file("new/changed.service", svc("/bin/sleep 2"));
    write_file("old/changed-stopped.service", svc("/bin/sleep 1"));
    write_file("new/changed-stopped.service", svc("/bin/sleep 2"));
    write_file("old/gone.service", svc("/bin/sleep 1"));
    write_file("old/gone-stopped.service", svc("/bin/sleep 1"));
    write_file("new/fresh.service", svc("/bin/sleep 1"));
    write_file("new/fresh-unwanted.service", svc("/bin/sleep 1"));
    write_file("new/fresh-inactive-target.service", svc("/bin/sleep 1"));
    write_file("old/handstopped.service", svc("/bin/sleep 1"));
    write_file("new/handstopped.service", svc("/bin/sleep 1"));
    write_file("old/nowwanted.service", svc("/bin/sleep 1"));
    write_file("new/nowwanted.service", svc("/bin/sleep 1"));
    write_file("old/trig.service", "[Unit]\nX-Reload-Triggers=/a\n[Service]\nExecStart=/bin/x\n");
    write_file("new/trig.service", "[Unit]\nX-Reload-Triggers=/b\n[Service]\nExecStart=/bin/x\n");
    write_file("old/trigkeep.service",
               "[Unit]\nX-SwitchMethod=keep-old\nX-Reload-Triggers=/a\n[Service]\nExecStart=/x\n");
    write_file("new/trigkeep.service",
               "[Unit]\nX-SwitchMethod=keep-old\nX-Reload-Triggers=/b\n[Service]\nExecStart=/x\n");
    write_file("old/trigrestart.service",
               "[Unit]\nX-SwitchMethod=restart\nX-Reload-Triggers=/a\n[Service]\nExecStart=/x\n");
    write_file("new/trigrestart.service",
               "[Unit]\nX-SwitchMethod=restart\nX-Reload-Triggers=/b\n[Service]\nExecStart=/x\n");
    write_file(
        "old/trigstopstart.service",
        "[Unit]\nX-SwitchMethod=stop-start\nX-Reload-Triggers=/a\n[Service]\nExecStart=/x\n");
    write_file(
        "new/trigstopstart.service",
        "[Unit]\nX-SwitchMethod=stop-start\nX-Reload-Triggers=/b\n[Service]\nExecStart=/x\n");
    write_file("old/norestart.service",
               "[Unit]\nX-RestartIfChanged=false\n[Service]\nExecStart=/a\n");
    write_file("new/norestart.service",
               "[Unit]\nX-RestartIfChanged=false\n[Service]\nExecStart=/b\n");
    write_file("old/restart.service", "[Unit]\nX-SwitchMethod=restart\n[Service]\nExecStart=/a\n");
    write_file("new/restart.service", "[Unit]\nX-SwitchMethod=restart\n[Service]\nExecStart=/b\n");
    write_file("old/reload.service", "[Unit]\nX-SwitchMethod=reload\n[Service]\nExecStart=/a\n");
    write_file("new/reload.service", "[Unit]\nX-SwitchMethod=reload\n[Service]\nExecStart=/b\n");
    write_file("old/refuse.service", "[Unit]\nRefuseManualStop=yes\n[Service]\nExecStart=/a\n");
    write_file("new/refuse.service", "[Unit]\nRefuseManualStop=yes\n[Service]\nExecStart=/b\n");
    write_file("old/my.target", "[Unit]\nDescription=mine\n");
    write_file("new/my.target", "[Unit]\nDescription=mine\nWants=x.service\n");
    write_file("new/tick.timer", "[Timer]\nOnActiveSec=1h\n");
    write_file("new/w@.service", svc("/bin/sleep %i"));
    write_file("old/t@.service", svc("/bin/sleep %i"));
    write_file("new/t@.service", svc("/bin/sleep 1%i"));
    write_file("old/gonetpl@.service", svc("/bin/sleep %i"));
    write_file("new/drop.service", svc("/bin/sleep 1"));
    write_file("old/drop.service", svc("/bin/sleep 1"));
    write_file("new/drop.service.d/override.conf", "[Service]\nEnvironment=X=1\n");
    write_file("old/masked.service", svc("/bin/sleep 1"));
    char masked[512];
    snprintf(masked, sizeof masked, "%s/new/masked.service", root);
    if (symlink("/dev/null", masked) < 0) abort();
    link_want("new", "default.target", "fresh.service");
    link_want("new", "default.target", "changed-stopped.service");
    link_want("new", "sleeping.target", "fresh-inactive-target.service");
    link_want("old", "default.target", "handstopped.service");
    link_want("new", "default.target", "handstopped.service");
    link_want("new", "default.target", "nowwanted.service");
    link_want("new", "timers.target", "tick.timer");
    link_want("new", "default.target", "w@5.service");

    const char *running[] = {"default.target",
                             "timers.target",
                             "keep.service",
                             "changed.service",
                             "gone.service",
                             "trig.service",
                             "trigkeep.service",
                             "trigrestart.service",
                             "trigstopstart.service",
                             "norestart.service",
                             "restart.service",
                             "reload.service",
                             "refuse.service",
                             "my.target",
                             "drop.service",
                             "t@hand.service",
                             "gonetpl@x.service",
                             "masked.service",
                             NULL};
    char old[512], new[512], err[512];
    snprintf(old, sizeof old, "%s/old", root);
    snprintf(new, sizeof new, "%s/new", root);
    struct unit_dir o, n;
    EXPECT(unit_dir_load(old, &o, err, sizeof err) == 0, "loading old: %s", err);
    EXPECT(unit_dir_load(new, &n, err, sizeof err) == 0, "loading new: %s", err);
    expect_str("drop-in merged",
               unit_file_get(unit_dir_find(&n, "drop.service"), "Service", "Environment"), "X=1");
    EXPECT(unit_dir_find(&n, "w@5.service") == unit_dir_find(&n, "w@.service"),
           "an instance is defined by its template");
    EXPECT(unit_dir_wants(&n, "timers.target", "tick.timer"), "wants link read");

    struct services_plan p;
    EXPECT(plan_compute(&o, &n, &(struct plan_manager){running, fake_state, fake_instances}, &p,
                        err, sizeof err) == 0,
           "plan: %s", err);
    expect_action(&p, "keep.service", -1);
    expect_action(&p, "changed.service", PLAN_STOP_START);
    expect_action(&p, "changed-stopped.service", PLAN_START);
    expect_action(&p, "gone.service", PLAN_STOP);
    expect_action(&p, "gone-stopped.service", -1);
    expect_action(&p, "fresh.service", PLAN_START);
    expect_action(&p, "fresh-unwanted.service", -1);
    expect_action(&p, "fresh-inactive-target.service", -1);
    expect_action(&p, "handstopped.service", -1);
    expect_action(&p, "nowwanted.service", PLAN_START);
    expect_action(&p, "trig.service", PLAN_RELOAD);
    expect_action(&p, "trigkeep.service", PLAN_KEEP);
    /* A method the unit names wins over changed triggers. */
    expect_action(&p, "trigrestart.service", PLAN_RESTART);
    expect_action(&p, "trigstopstart.service", PLAN_STOP_START);
    expect_action(&p, "norestart.service", PLAN_KEEP);
    expect_action(&p, "restart.service", PLAN_RESTART);
    expect_action(&p, "reload.service", PLAN_RELOAD);
    expect_action(&p, "refuse.service", PLAN_KEEP);
    expect_action(&p, "my.target", -1);
    expect_action(&p, "tick.timer", PLAN_START);
    expect_action(&p, "w@5.service", PLAN_START);
    expect_action(&p, "w@.service", -1);
    expect_action(&p, "drop.service", PLAN_STOP_START);
    /* A link to /dev/null masks the unit: it is gone from the generation. */
    expect_action(&p, "masked.service", PLAN_STOP);
    /* Instances started by hand go with their template. */
    expect_action(&p, "t@hand.service", PLAN_STOP_START);
    expect_action(&p, "gonetpl@x.service", PLAN_STOP);
    const struct plan_entry *e = plan_find(&p, "fresh.service");
    expect_str("why fresh", e ? e->why : NULL, "new, wanted by default.target");
    e = plan_find(&p, "restart.service");
    expect_str("why restart", e ? e->why : NULL, "changed, X-SwitchMethod=restart");
    e = plan_find(&p, "changed.service");
    expect_str("why changed", e ? e->why : NULL, "changed");
    e = plan_find(&p, "norestart.service");
    expect_str("why norestart", e ? e->why : NULL, "changed, X-RestartIfChanged=false");
    plan_free(&p);

    /* The first switch: everything wanted by an active target starts. */
    struct unit_dir none;
    EXPECT(unit_dir_load(NULL, &none, err, sizeof err) == 0, "empty generation");
    const char *targets_only[] = {"default.target", "timers.target", NULL};
    EXPECT(plan_compute(&none, &n, &(struct plan_manager){targets_only, fake_state, NULL}, &p, err,
                        sizeof err) == 0,
           "plan: %s", err);
    expect_action(&p, "fresh.service", PLAN_START);
    expect_action(&p, "handstopped.service", PLAN_START);
    expect_action(&p, "changed.service", -1);
    plan_free(&p);

    /* An unknown X-SwitchMethod on a changed running unit restarts it with a warning naming
     * the unit; the rest of the plan is made as usual. */
    write_file("new/changed.service", "[Unit]\nX-SwitchMethod=bounce\n[Service]\nExecStart=/b\n");
    unit_dir_free(&n);
    EXPECT(unit_dir_load(new, &n, err, sizeof err) == 0, "loading new: %s", err);
    EXPECT(plan_compute(&o, &n, &(struct plan_manager){running, fake_state, fake_instances}, &p,
                        err, sizeof err) == 0,
           "bad method: %s", err);
    expect_action(&p, "changed.service", PLAN_RESTART);
    expect_action(&p, "gone.service", PLAN_STOP);
    EXPECT(p.warnings.n == 1, "want one warning, got %zu", p.warnings.n);
    if (p.warnings.n == 1)
        expect_str("bad method warning", p.warnings.v[0],
                   "changed.service: unknown X-SwitchMethod 'bounce' (expected reload, restart, "
                   "stop-start or keep-old); restarting it");
    plan_free(&p);

    /* A syntax error in a unit file names the file and line. */
    write_file("bad/broken.service", "[Service]\nExecStart=/bin/true\noops\n");
    char bad[512];
    snprintf(bad, sizeof bad, "%s/bad", root);
    struct unit_dir b;
    EXPECT(unit_dir_load(bad, &b, err, sizeof err) < 0, "broken unit file");
    EXPECT(strstr(err, "/bad/broken.service:3: expected 'Key=Value'") != NULL, "error: %s", err);

    unit_dir_free(&o);
    unit_dir_free(&n);
    unit_dir_free(&none);
}

/* systemd will not start a socket while its service runs: a socket that starts takes the
 * running service down with it (stopped before the reload, started after the socket). */
static void test_plan_sockets(void) {
    const char *sock = "[Socket]\nListenStream=%t/s.sock\n";
    /* A new socket for a service that already runs. */
    write_file("sold/a.service", svc("/bin/a"));
    write_file("snew/a.service", svc("/bin/a"));
    write_file("snew/a.socket", sock);
    /* A changed socket (stop-start) whose changed service would only be restarted. */
    write_file("sold/b.service", "[Unit]\nX-SwitchMethod=restart\n[Service]\nExecStart=/b1\n");
    write_file("snew/b.service", "[Unit]\nX-SwitchMethod=restart\n[Service]\nExecStart=/b2\n");
    write_file("sold/b.socket", sock);
    write_file("snew/b.socket", "[Socket]\nListenStream=%t/b2.sock\n");
    /* Service= names the service. */
    write_file("sold/named.service", svc("/bin/n"));
    write_file("snew/named.service", svc("/bin/n"));
    write_file("snew/c.socket", "[Socket]\nListenStream=%t/c.sock\nService=named.service\n");
    /* Accept=yes: one instance per connection, nothing to stop. */
    write_file("snew/d.socket", "[Socket]\nListenStream=%t/d.sock\nAccept=yes\n");
    write_file("snew/d@.service", svc("/bin/d"));
    /* A service that refuses to be stopped is left running. */
    write_file("sold/e.service", "[Unit]\nRefuseManualStop=yes\n[Service]\nExecStart=/e\n");
    write_file("snew/e.service", "[Unit]\nRefuseManualStop=yes\n[Service]\nExecStart=/e\n");
    write_file("snew/e.socket", sock);
    /* Both new: the service is simply started (after its socket, by the switch). */
    write_file("snew/f.service", svc("/bin/f"));
    write_file("snew/f.socket", sock);
    /* An unchanged socket leaves its running service alone. */
    write_file("sold/g.service", svc("/bin/g"));
    write_file("snew/g.service", svc("/bin/g"));
    write_file("sold/g.socket", sock);
    write_file("snew/g.socket", sock);
    const char *sockets[] = {"a.socket", "b.socket", "c.socket", "d.socket",
                             "e.socket", "f.socket", "g.socket"};
    for (size_t i = 0; i < sizeof sockets / sizeof *sockets; i++)
        link_want("snew", "sockets.target", sockets[i]);
    link_want("snew", "default.target", "f.service");

    const char *running[] = {
        "default.target", "sockets.target", "a.service", "b.service", "b.socket",
        "named.service",  "e.service",      "g.service", "g.socket",  NULL};
    char old[512], new[512], err[512];
    snprintf(old, sizeof old, "%s/sold", root);
    snprintf(new, sizeof new, "%s/snew", root);
    struct unit_dir o, n;
    EXPECT(unit_dir_load(old, &o, err, sizeof err) == 0, "loading old: %s", err);
    EXPECT(unit_dir_load(new, &n, err, sizeof err) == 0, "loading new: %s", err);
    struct services_plan p;
    EXPECT(plan_compute(&o, &n, &(struct plan_manager){running, fake_state, fake_instances}, &p,
                        err, sizeof err) == 0,
           "plan: %s", err);
    expect_action(&p, "a.socket", PLAN_START);
    expect_action(&p, "a.service", PLAN_STOP_START);
    const struct plan_entry *e = plan_find(&p, "a.service");
    expect_str("why a.service", e ? e->why : NULL, "stopped while its socket a.socket starts");
    expect_action(&p, "b.socket", PLAN_STOP_START);
    expect_action(&p, "b.service", PLAN_STOP_START);
    e = plan_find(&p, "b.service");
    expect_str("why b.service", e ? e->why : NULL,
               "changed, X-SwitchMethod=restart; stopped while its socket b.socket starts");
    expect_action(&p, "c.socket", PLAN_START);
    expect_action(&p, "named.service", PLAN_STOP_START);
    expect_action(&p, "d.socket", PLAN_START);
    expect_action(&p, "d@.service", -1);
    expect_action(&p, "e.socket", PLAN_START);
    expect_action(&p, "e.service", -1);
    expect_action(&p, "f.socket", PLAN_START);
    expect_action(&p, "f.service", PLAN_START);
    expect_action(&p, "g.socket", -1);
    expect_action(&p, "g.service", -1);
    plan_free(&p);
    unit_dir_free(&o);
    unit_dir_free(&n);
}

static void test_launchd_plan(void) {
    write_file("agents-old/org.a.plist", "<plist>a</plist>\n");
    write_file("agents-old/org.same.plist", "<plist>same</plist>\n");
    write_file("agents-old/org.changed.plist", "<plist>1</plist>\n");
    write_file("agents-new/org.same.plist", "<plist>same</plist>\n");
    write_file("agents-new/org.changed.plist", "<plist>2</plist>\n");
    write_file("agents-new/org.b.plist", "<plist>b</plist>\n");
    write_file("agents-new/README", "not an agent\n");
    char old[512], new[512], err[512] = "";
    snprintf(old, sizeof old, "%s/agents-old", root);
    snprintf(new, sizeof new, "%s/agents-new", root);
    struct services_plan p;
    EXPECT(launchd_plan(old, new, &p, err, sizeof err) == 0, "launchd plan: %s", err);
    EXPECT(p.n == 3, "3 agents to act on, got %zu", p.n);
    expect_action(&p, "org.a", PLAN_STOP);
    expect_action(&p, "org.b", PLAN_START);
    expect_action(&p, "org.changed", PLAN_STOP_START);
    expect_action(&p, "org.same", -1);
    plan_free(&p);
    EXPECT(launchd_plan(NULL, new, &p, err, sizeof err) == 0 && p.n == 3, "first switch loads all");
    plan_free(&p);
}

/* Where the user bus and the manager's socket are looked for: XDG_RUNTIME_DIR, else
 * /run/user/UID (here ROOT/run-user/UID) only when it exists. */
static void test_runtime_dir(void) {
    char base[300], buf[512], want[400];
    snprintf(base, sizeof base, "%s/run-user", root);
    EXPECT(manager_runtime_dir("/xdg/rt", base, 1000, buf, sizeof buf) == 0, "XDG_RUNTIME_DIR set");
    expect_str("XDG_RUNTIME_DIR wins", buf, "/xdg/rt");
    snprintf(want, sizeof want, "XDG_RUNTIME_DIR is not set and %s/1000 does not exist", base);
    EXPECT(manager_runtime_dir(NULL, base, 1000, buf, sizeof buf) == -1, "no fallback directory");
    expect_str("the reason names the fallback", buf, want);
    snprintf(want, sizeof want, "%s/1000", base);
    if (mkdir(base, 0755) < 0 || mkdir(want, 0700) < 0) abort();
    EXPECT(manager_runtime_dir("", base, 1000, buf, sizeof buf) == 0, "fallback exists");
    expect_str("fallback /run/user/UID", buf, want);
    EXPECT(manager_runtime_dir(NULL, base, 1001, buf, sizeof buf) == -1,
           "another uid's is not used");
}

int main(void) {
    snprintf(root, sizeof root, "/tmp/hearth-test-services.XXXXXX");
    if (!mkdtemp(root)) return 1;
    test_syntax();
    test_compare();
    test_switch_methods();
    test_plan();
    test_plan_sockets();
    test_launchd_plan();
    test_runtime_dir();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", root);
    if (failures) fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
