/* src/cli/cmd_expire_generations.c: `hearth expire-generations TIMESTAMP`, as home-manager:
 * removes the generations made at or before TIMESTAMP (except the current one).
 * TIMESTAMP is what `date -d` reads for the common cases: "-30 days", "30 days ago",
 * "+1 hour", "now", "today", "yesterday", "@EPOCH", "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]". */
#include "cli/commands.h"
#include "store/profile.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

int remove_generations_ids(const char *program, const struct hearth_paths *paths, const long *ids,
                           size_t n, bool verbose, bool dry_run);

static bool unit_seconds(const char *u, long *secs, int *months) {
    static const struct {
        const char *name;
        long secs;
        int months;
    } units[] = {{"sec", 1, 0},       {"second", 1, 0},          {"min", 60, 0},
                 {"minute", 60, 0},   {"hour", 3600, 0},         {"day", 86400, 0},
                 {"week", 604800, 0}, {"fortnight", 1209600, 0}, {"month", 0, 1},
                 {"year", 0, 12}};
    size_t n = strlen(u);
    if (n > 1 && u[n - 1] == 's') n--; /* plural */
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strlen(units[i].name) == n && strncasecmp(u, units[i].name, n) == 0) {
            *secs = units[i].secs;
            *months = units[i].months;
            return true;
        }
    return false;
}

/* Parses `spec` relative to `now`; false when it is not understood. */
static bool parse_when(const char *spec, time_t now, time_t *out) {
    while (isspace((unsigned char)*spec))
        spec++;
    struct tm tm;
    localtime_r(&now, &tm);
    if (!strcasecmp(spec, "now")) {
        *out = now;
        return true;
    }
    if (!strcasecmp(spec, "today") || !strcasecmp(spec, "yesterday")) {
        tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
        if (!strcasecmp(spec, "yesterday")) tm.tm_mday -= 1;
        tm.tm_isdst = -1;
        *out = mktime(&tm);
        return true;
    }
    if (spec[0] == '@') {
        char *end;
        long long v = strtoll(spec + 1, &end, 10);
        if (end == spec + 1 || *end) return false;
        *out = (time_t)v;
        return true;
    }
    int y, mo, d, h = 0, mi = 0, s = 0, n = 0;
    if (sscanf(spec, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && n == 10) {
        const char *rest = spec + n;
        int n2 = 0;
        if (*rest && sscanf(rest, " %2d:%2d%n", &h, &mi, &n2) == 2) {
            rest += n2;
            int n3 = 0;
            if (sscanf(rest, ":%2d%n", &s, &n3) == 1) rest += n3;
        }
        while (isspace((unsigned char)*rest))
            rest++;
        if (*rest) return false;
        struct tm t = {.tm_year = y - 1900,
                       .tm_mon = mo - 1,
                       .tm_mday = d,
                       .tm_hour = h,
                       .tm_min = mi,
                       .tm_sec = s,
                       .tm_isdst = -1};
        *out = mktime(&t);
        return true;
    }
    /* [+-]N UNIT [ago] */
    char *end;
    long v = strtol(spec, &end, 10);
    if (end == spec) return false;
    while (isspace((unsigned char)*end))
        end++;
    char unit[32];
    int un = 0;
    if (sscanf(end, "%31[A-Za-z]%n", unit, &un) != 1) return false;
    const char *rest = end + un;
    while (isspace((unsigned char)*rest))
        rest++;
    if (!strncasecmp(rest, "ago", 3)) {
        v = -v;
        rest += 3;
        while (isspace((unsigned char)*rest))
            rest++;
    }
    if (*rest) return false;
    long secs;
    int months;
    if (!unit_seconds(unit, &secs, &months)) return false;
    if (months) {
        tm.tm_mon += (int)(v * months);
        tm.tm_isdst = -1;
        *out = mktime(&tm);
    } else
        *out = now + (time_t)(v * secs);
    return true;
}

int cmd_expire_generations(const struct cli_invocation *inv) {
    bool verbose = false, dry_run = false;
    const char *spec = NULL;
    int nargs = 0;
    for (int i = 1; i < inv->argc; i++) {
        const char *a = inv->argv[i];
        if (!strcmp(a, "-v") || !strcmp(a, "--verbose"))
            verbose = true;
        else if (!strcmp(a, "-n") || !strcmp(a, "--dry-run"))
            dry_run = true;
        else {
            spec = a;
            nargs++;
        }
    }
    if (nargs != 1) {
        fprintf(stderr, "expire-generations expects one argument, got %d.\n", nargs);
        return 1;
    }
    time_t when;
    if (!parse_when(spec, time(NULL), &when)) {
        fprintf(stderr, "%s: invalid date '%s'\n", inv->program_name, spec);
        return 1;
    }
    struct hearth_paths paths;
    char *err = NULL;
    struct profile_gens g;
    if (hearth_paths_init(&paths, &err) != 0 || profile_list(&paths, &g, &err) != 0) {
        fprintf(stderr, "%s: %s\n", inv->program_name, err);
        free(err);
        hearth_paths_free(&paths);
        return 1;
    }
    long *ids = calloc(g.n ? g.n : 1, sizeof *ids);
    size_t n = 0;
    for (size_t i = 0; i < g.n; i++)
        if (g.items[i].mtime <= when) ids[n++] = g.items[i].id; /* find -not -newermt */
    int rc = 0;
    if (n)
        rc = remove_generations_ids(inv->program_name, &paths, ids, n, verbose, dry_run);
    else if (verbose)
        printf("No generations to expire\n");
    free(ids);
    profile_gens_free(&g);
    hearth_paths_free(&paths);
    return rc;
}
