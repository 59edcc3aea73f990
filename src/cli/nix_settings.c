/* src/cli/nix_settings.c: Nix settings from flags and NIX_CONFIG (see nix_settings.h). */
#include "cli/nix_settings.h"
#include "nix/eval.h"

#include <stdlib.h>
#include <string.h>

/* Settings nix-instantiate 2.8 knows (`nix show-config` and its aliases): accepted without a
 * warning, and ignored, since hearth has no daemon, builder or substituter. */
static const char *const known_settings[] = {
    "accept-flake-config", "access-tokens", "allow-dirty", "allow-import-from-derivation",
    "allow-new-privileges", "allow-symlinked-store", "allow-unsafe-native-code-during-evaluation",
    "allowed-impure-host-deps", "allowed-uris", "allowed-users", "auto-optimise-store",
    "bash-prompt", "bash-prompt-suffix", "build-hook", "build-poll-interval", "build-users-group",
    "builders", "builders-use-substitutes", "commit-lockfile-summary", "compress-build-log",
    "connect-timeout", "cores", "diff-hook", "download-attempts", "enforce-determinism",
    "eval-cache", "experimental-features", "extra-platforms", "fallback", "filter-syscalls",
    "flake-registry", "fsync-metadata", "gc-reserved-space", "hashed-mirrors", "http-connections",
    "http2", "ignored-acls", "impersonate-linux-26", "keep-build-log", "keep-derivations",
    "keep-env-derivations", "keep-failed", "keep-going", "keep-outputs", "log-lines",
    "max-build-log-size", "max-free", "max-jobs", "max-silent-time", "min-free",
    "min-free-check-interval", "nar-buffer-size", "narinfo-cache-negative-ttl",
    "narinfo-cache-positive-ttl", "netrc-file", "nix-path", "plugin-files", "post-build-hook",
    "pre-build-hook", "preallocate-contents", "print-missing", "pure-eval", "repeat",
    "require-sigs", "restrict-eval", "run-diff-hook", "sandbox", "sandbox-build-dir",
    "sandbox-dev-shm-size", "sandbox-fallback", "sandbox-paths", "secret-key-files", "show-trace",
    "stalled-download-timeout", "store", "substitute", "substituters", "sync-before-registering",
    "system", "system-features", "tarball-ttl", "timeout", "trace-function-calls",
    "trusted-public-keys", "trusted-substituters", "trusted-users", "use-case-hack",
    "use-registries", "use-sqlite-wal", "user-agent-suffix", "warn-dirty",
    /* old names Nix still takes */
    "binary-caches", "binary-cache-public-keys", "build-max-jobs", "build-cores",
    "build-use-sandbox", "build-use-substitutes", "build-max-silent-time", "build-timeout",
    "build-max-log-size", "build-sandbox-paths", "build-extra-sandbox-paths", "gc-keep-derivations",
    "gc-keep-outputs", "env-keep-derivations", "trusted-binary-caches", NULL};

/* Experimental features: hearth's bit, or 0 for those 2.8 knows and hearth has nothing to do
 * for. fetch-tree is current Nix's name for fetchTree alone (2.8 warns it is unknown; hearth
 * takes it, since current Nix does). */
static const struct {
    const char *name;
    unsigned bits;
} features[] = {
    {"flakes", XP_FLAKES | XP_FETCH_TREE},
    {"fetch-tree", XP_FETCH_TREE},
    {"ca-derivations", XP_CA_DERIVATIONS},
    {"nix-command", 0},
    {"impure-derivations", 0},
    {"recursive-nix", 0},
    {"no-url-literals", 0},
    {"fetch-closure", 0},
};

static unsigned parse_features(const char *list, FILE *warn) {
    unsigned bits = 0;
    const char *p = list;
    for (;;) {
        p += strspn(p, " \t\n\r");
        if (!*p) break;
        size_t n = strcspn(p, " \t\n\r");
        size_t k = 0;
        for (; k < sizeof features / sizeof *features; k++)
            if (strlen(features[k].name) == n && strncmp(features[k].name, p, n) == 0) break;
        if (k < sizeof features / sizeof *features)
            bits |= features[k].bits;
        else if (warn)
            fprintf(warn, "warning: unknown experimental feature '%.*s'\n", (int)n, p);
        p += n;
    }
    return bits;
}

static bool known(const char *name) {
    for (size_t i = 0; known_settings[i]; i++)
        if (strcmp(known_settings[i], name) == 0) return true;
    return false;
}

void nix_settings_set(struct nix_settings *s, const char *name, const char *value, FILE *warn) {
    if (strcmp(name, "experimental-features") == 0) {
        s->xp = parse_features(value, warn);
    } else if (strcmp(name, "extra-experimental-features") == 0) {
        s->xp |= parse_features(value, warn);
    } else if (!known(name) && !(strncmp(name, "extra-", 6) == 0 && known(name + 6))) {
        char **list = s->in_config ? &s->unknown_config : &s->unknown_flags;
        char *more = NULL;
        if (asprintf(&more, "%swarning: unknown setting '%s'\n", *list ? *list : "", name) >= 0) {
            free(*list);
            *list = more;
        }
    }
}

void nix_settings_done(struct nix_settings *s, FILE *warn) {
    if (warn && s->unknown_flags) fputs(s->unknown_flags, warn);
    if (warn && s->unknown_config) fputs(s->unknown_config, warn);
    free(s->unknown_flags);
    free(s->unknown_config);
    s->unknown_flags = s->unknown_config = NULL;
}

void nix_settings_init(struct nix_settings *s, FILE *warn) {
    *s = (struct nix_settings){0};
    const char *conf = getenv("NIX_CONFIG");
    if (!conf) return;
    /* One `NAME = VALUE` per line; `#` starts a comment. */
    char *text = strdup(conf);
    if (!text) return;
    s->in_config = true;
    for (char *line = text, *next; line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = 0;
        char *hash = strchr(line, '#');
        if (hash) *hash = 0;
        char *eq = strchr(line, '=');
        char *name = line + strspn(line, " \t\r");
        if (!*name) continue;
        if (!eq) continue;
        char *end = eq;
        while (end > name && strchr(" \t", end[-1]))
            end--;
        *end = 0;
        nix_settings_set(s, name, eq + 1, warn);
    }
    free(text);
    s->in_config = false;
}

int nix_settings_flag(struct nix_settings *s, int argc, char **argv, int *i, int *missing,
                      FILE *warn) {
    const char *a = argv[*i];
    if (strcmp(a, "--option") == 0) {
        if (*i + 2 >= argc) return *missing = 2, -1;
        nix_settings_set(s, argv[*i + 1], argv[*i + 2], warn);
        *i += 2;
        return 1;
    }
    if (strcmp(a, "--experimental-features") == 0 ||
        strcmp(a, "--extra-experimental-features") == 0) {
        if (*i + 1 >= argc) return *missing = 1, -1;
        nix_settings_set(s, a + 2, argv[*i + 1], warn);
        *i += 1;
        return 1;
    }
    return 0;
}
