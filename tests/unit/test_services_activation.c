/* src/services/activation.c: the activation engine's reloadSystemd callback, where no user
 * manager runs (the suite tests/services runs the switch against a real one): it finds each
 * generation's units directory, says it skips and succeeds, and fails on a broken unit file
 * with the file and line in its message. */
#include "services/activation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    if (!f) abort();
    fputs(text, f);
    fclose(f);
}

int main(void) {
    char root[] = "/tmp/hearth-test-activation.XXXXXX";
    if (!mkdtemp(root)) return 1;
    char p[512], q[512];

    /* A generation with units/ uses it; one without falls back to home-files. */
    snprintf(p, sizeof p, "%s/gen1/units", root);
    snprintf(q, sizeof q, "%s/gen1", root);
    mkdir(q, 0755);
    mkdir(p, 0755);
    char dir[600];
    services_units_dir(q, dir, sizeof dir);
    EXPECT(strcmp(dir, p) == 0, "units dir %s, want %s", dir, p);
    snprintf(q, sizeof q, "%s/gen2", root);
    mkdir(q, 0755);
    services_units_dir(q, dir, sizeof dir);
    snprintf(p, sizeof p, "%s/gen2/home-files/.config/systemd/user", root);
    EXPECT(strcmp(dir, p) == 0, "units dir %s, want %s", dir, p);

    /* No manager anywhere: an empty runtime directory and no session bus. */
    snprintf(p, sizeof p, "%s/runtime", root);
    mkdir(p, 0700);
    setenv("XDG_RUNTIME_DIR", p, 1);
    snprintf(q, sizeof q, "unix:path=%s/no-bus", root);
    setenv("DBUS_SESSION_BUS_ADDRESS", q, 1);

    snprintf(p, sizeof p, "%s/gen1/units/a.service", root);
    write_file(p, "[Service]\nExecStart=/bin/true\n");
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    struct services_activation a = {.timeout_ms = 1000, .out = out};
    char g1[512], g2[512];
    snprintf(g1, sizeof g1, "%s/gen1", root);
    snprintf(g2, sizeof g2, "%s/gen2", root);
    int rc = services_activation_reload(&a, g2, g1, false);
    fflush(out);
    EXPECT(rc == 0, "no manager: rc %d, want 0", rc);
    EXPECT(a.report.skipped, "no manager: skipped");
    EXPECT(strstr(text, "No systemd user manager is running (") &&
               strstr(text, "); skipping the switch of systemd user units.\n"),
           "no manager message: %s", text);

    /* A broken unit file stops the switch before the manager is looked for. */
    rewind(out);
    snprintf(p, sizeof p, "%s/gen1/units/broken.service", root);
    write_file(p, "[Service]\nExecStart=/bin/true\nnonsense\n");
    rc = services_activation_reload(&a, NULL, g1, true);
    fflush(out);
    EXPECT(rc == 1, "broken unit: rc %d, want 1", rc);
    EXPECT(strstr(text, "Switching systemd user units: ") &&
               strstr(text, "/gen1/units/broken.service:3: expected 'Key=Value' or '[Section]', "
                            "got 'nonsense'"),
           "broken unit message: %s", text);
    services_report_free(&a.report);
    fclose(out);
    free(text);

    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", root);
    return failures ? 1 : 0;
}
