/* src/services/unitfile.c: see unitfile.h. */
#include "services/unitfile.h"

#include "services/strlist.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int add_assignment(struct unit_file *uf, const char *section, const char *key, size_t keylen,
                          const char *value) {
    if (uf->n == uf->cap) {
        size_t cap = uf->cap ? uf->cap * 2 : 16;
        struct unit_assignment *a = realloc(uf->a, cap * sizeof *a);
        if (!a) return -1;
        uf->a = a;
        uf->cap = cap;
    }
    struct unit_assignment *x = &uf->a[uf->n];
    x->section = strdup(section);
    x->key = strndup(key, keylen);
    x->value = strdup(value);
    if (!x->section || !x->key || !x->value) {
        free(x->section);
        free(x->key);
        free(x->value);
        return -1;
    }
    uf->n++;
    return 0;
}

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

int unit_file_parse(const char *name, const char *text, struct unit_file *uf, char *err,
                    size_t errlen) {
    char *copy = strdup(text);
    if (!copy) {
        snprintf(err, errlen, "%s: out of memory", name);
        return -1;
    }
    char *section = NULL;
    /* A logical line may span several physical lines joined by a trailing backslash. */
    char *logical = NULL;
    size_t logical_len = 0;
    int logical_start = 0;
    int lineno = 0;
    int rc = 0;
    char *rest = copy;
    while (rest) {
        char *raw = strsep(&rest, "\n");
        lineno++;
        char *line = trim(raw);
        if (!logical && (*line == '\0' || *line == '#' || *line == ';')) continue;
        if (logical && (*line == '#' || *line == ';'))
            continue; /* comments inside a continuation */
        size_t len = strlen(line);
        bool continues = len > 0 && line[len - 1] == '\\';
        if (continues) line[len - 1] = ' '; /* systemd replaces the backslash by a space */
        char *grown = realloc(logical, logical_len + len + 1);
        if (!grown) {
            snprintf(err, errlen, "%s: out of memory", name);
            rc = -1;
            break;
        }
        if (!logical) logical_start = lineno;
        logical = grown;
        memcpy(logical + logical_len, line, len);
        logical_len += len;
        logical[logical_len] = '\0';
        if (continues) continue;

        char *l = trim(logical);
        if (*l == '[') {
            char *close = strchr(l, ']');
            if (!close || close[1] != '\0' || close == l + 1) {
                snprintf(err, errlen, "%s:%d: malformed section header '%s'", name, logical_start,
                         l);
                rc = -1;
                break;
            }
            free(section);
            section = strndup(l + 1, (size_t)(close - l - 1));
        } else {
            char *eq = strchr(l, '=');
            if (!eq) {
                snprintf(err, errlen, "%s:%d: expected 'Key=Value' or '[Section]', got '%s'", name,
                         logical_start, l);
                rc = -1;
                break;
            }
            if (!section) {
                snprintf(err, errlen, "%s:%d: assignment outside of any section", name,
                         logical_start);
                rc = -1;
                break;
            }
            size_t keylen = (size_t)(eq - l);
            while (keylen > 0 && (l[keylen - 1] == ' ' || l[keylen - 1] == '\t'))
                keylen--;
            if (keylen == 0) {
                snprintf(err, errlen, "%s:%d: missing key before '='", name, logical_start);
                rc = -1;
                break;
            }
            if (add_assignment(uf, section, l, keylen, trim(eq + 1)) < 0) {
                snprintf(err, errlen, "%s: out of memory", name);
                rc = -1;
                break;
            }
        }
        free(logical);
        logical = NULL;
        logical_len = 0;
    }
    if (rc == 0 && logical) {
        /* A continuation at end of file: systemd takes what was collected. */
        char *l = trim(logical);
        char *eq = strchr(l, '=');
        if (!eq || !section) {
            snprintf(err, errlen, "%s:%d: unterminated line", name, logical_start);
            rc = -1;
        } else {
            size_t keylen = (size_t)(eq - l);
            while (keylen > 0 && (l[keylen - 1] == ' ' || l[keylen - 1] == '\t'))
                keylen--;
            rc = add_assignment(uf, section, l, keylen, trim(eq + 1));
        }
    }
    free(logical);
    free(section);
    free(copy);
    return rc;
}

static char *read_text(const char *path, char *err, size_t errlen) {
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + got + 1 > cap) {
            size_t ncap = cap ? cap * 2 : 8192;
            while (ncap < len + got + 1)
                ncap *= 2;
            char *nbuf = realloc(buf, ncap);
            if (!nbuf) {
                free(buf);
                fclose(f);
                snprintf(err, errlen, "%s: out of memory", path);
                return NULL;
            }
            buf = nbuf;
            cap = ncap;
        }
        memcpy(buf + len, chunk, got);
        len += got;
    }
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        snprintf(err, errlen, "%s: read error", path);
        return NULL;
    }
    if (!buf) return strdup("");
    buf[len] = '\0';
    return buf;
}

static int load_one(const char *path, struct unit_file *uf, char *err, size_t errlen) {
    char *text = read_text(path, err, errlen);
    if (!text) return -1;
    int rc = unit_file_parse(path, text, uf, err, errlen);
    free(text);
    return rc;
}

int unit_file_load(const char *path, struct unit_file *uf, char *err, size_t errlen) {
    if (load_one(path, uf, err, errlen) < 0) return -1;
    char dropdir[4096];
    if ((size_t)snprintf(dropdir, sizeof dropdir, "%s.d", path) >= sizeof dropdir) return 0;
    DIR *d = opendir(dropdir);
    if (!d) return 0; /* no drop-ins */
    struct strlist names = {0};
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".conf") == 0 && strlist_add(&names, e->d_name) < 0)
            rc = -1;
    }
    closedir(d);
    strlist_sort(&names);
    for (size_t i = 0; rc == 0 && i < names.n; i++) {
        char p[8192];
        snprintf(p, sizeof p, "%s/%s", dropdir, names.v[i]);
        rc = load_one(p, uf, err, errlen);
    }
    strlist_free(&names);
    return rc;
}

void unit_file_free(struct unit_file *uf) {
    for (size_t i = 0; i < uf->n; i++) {
        free(uf->a[i].section);
        free(uf->a[i].key);
        free(uf->a[i].value);
    }
    free(uf->a);
    uf->a = NULL;
    uf->n = uf->cap = 0;
}

const char *unit_file_get(const struct unit_file *uf, const char *section, const char *key) {
    for (size_t i = uf->n; i-- > 0;)
        if (strcmp(uf->a[i].section, section) == 0 && strcmp(uf->a[i].key, key) == 0)
            return uf->a[i].value;
    return NULL;
}

static int parse_bool(const char *v) {
    static const char *const yes[] = {"1", "yes", "y", "true", "t", "on"};
    static const char *const no[] = {"0", "no", "n", "false", "f", "off"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (strcasecmp(v, yes[i]) == 0) return 1;
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (strcasecmp(v, no[i]) == 0) return 0;
    return -1;
}

bool unit_file_get_bool(const struct unit_file *uf, const char *section, const char *key,
                        bool dflt) {
    const char *v = unit_file_get(uf, section, key);
    int b = v ? parse_bool(v) : -1;
    return b < 0 ? dflt : b == 1;
}

/* Keys of [Unit] that only describe the unit: changing them needs no action. */
static bool ignored_for_change(const struct unit_assignment *x) {
    if (strcmp(x->section, "Install") == 0) return true;
    if (strcmp(x->section, "Unit") != 0) return false;
    return strcmp(x->key, "Description") == 0 || strcmp(x->key, "Documentation") == 0 ||
           strcmp(x->key, "X-Reload-Triggers") == 0;
}

static bool is_reload_trigger(const struct unit_assignment *x) {
    return strcmp(x->section, "Unit") == 0 && strcmp(x->key, "X-Reload-Triggers") == 0;
}

/* Orders assignments by section and key and keeps the file order among equal keys, because the
 * order of repeated keys (ExecStartPre=, Environment=) matters but that of different keys not. */
static int compare_assignment_ptrs(const void *pa, const void *pb) {
    const struct unit_assignment *a = *(const struct unit_assignment *const *)pa;
    const struct unit_assignment *b = *(const struct unit_assignment *const *)pb;
    int c = strcmp(a->section, b->section);
    if (c == 0) c = strcmp(a->key, b->key);
    if (c == 0) c = (a > b) - (a < b); /* the array order is the file order */
    return c;
}

/* Compares the assignments selected by keep(); true when equal. */
static bool equal_selected(const struct unit_file *x, const struct unit_file *y,
                           bool (*keep)(const struct unit_assignment *)) {
    const struct unit_assignment **px = malloc((x->n + 1) * sizeof *px);
    const struct unit_assignment **py = malloc((y->n + 1) * sizeof *py);
    bool equal = false;
    if (px && py) {
        size_t nx = 0, ny = 0;
        for (size_t i = 0; i < x->n; i++)
            if (keep(&x->a[i])) px[nx++] = &x->a[i];
        for (size_t i = 0; i < y->n; i++)
            if (keep(&y->a[i])) py[ny++] = &y->a[i];
        qsort(px, nx, sizeof *px, compare_assignment_ptrs);
        qsort(py, ny, sizeof *py, compare_assignment_ptrs);
        equal = nx == ny;
        for (size_t i = 0; equal && i < nx; i++)
            equal = strcmp(px[i]->section, py[i]->section) == 0 &&
                    strcmp(px[i]->key, py[i]->key) == 0 && strcmp(px[i]->value, py[i]->value) == 0;
    }
    free(px);
    free(py);
    return equal;
}

static bool keep_significant(const struct unit_assignment *x) {
    return !ignored_for_change(x);
}

enum unit_change unit_file_compare(const struct unit_file *old, const struct unit_file *new) {
    if (!equal_selected(old, new, keep_significant)) return UNIT_CHANGED;
    if (!equal_selected(old, new, is_reload_trigger)) return UNIT_RELOAD_TRIGGERS_CHANGED;
    return UNIT_UNCHANGED;
}

int unit_file_switch_method(const struct unit_file *uf, enum unit_switch_method *out) {
    const char *m = unit_file_get(uf, "Unit", "X-SwitchMethod");
    if (m) {
        static const struct {
            const char *name;
            enum unit_switch_method method;
        } methods[] = {{"stop-start", SWITCH_STOP_START},
                       {"restart", SWITCH_RESTART},
                       {"reload", SWITCH_RELOAD},
                       {"keep-old", SWITCH_KEEP_OLD}};
        for (size_t i = 0; i < sizeof methods / sizeof *methods; i++)
            if (strcmp(m, methods[i].name) == 0) {
                *out = methods[i].method;
                return 0;
            }
        return -1;
    }
    /* The older booleans: Home Manager writes them in [Unit], NixOS in [Service]. */
    static const char *const sections[] = {"Unit", "Service"};
    for (size_t i = 0; i < 2; i++)
        if (!unit_file_get_bool(uf, sections[i], "X-RestartIfChanged", true)) {
            *out = SWITCH_KEEP_OLD;
            return 0;
        }
    for (size_t i = 0; i < 2; i++)
        if (unit_file_get_bool(uf, sections[i], "X-ReloadIfChanged", false)) {
            *out = SWITCH_RELOAD;
            return 0;
        }
    for (size_t i = 0; i < 2; i++)
        if (!unit_file_get_bool(uf, sections[i], "X-StopIfChanged", true)) {
            *out = SWITCH_RESTART;
            return 0;
        }
    *out = SWITCH_STOP_START;
    return 0;
}

const char *unit_switch_method_name(enum unit_switch_method m) {
    switch (m) {
    case SWITCH_STOP_START: return "stop-start";
    case SWITCH_RESTART: return "restart";
    case SWITCH_RELOAD: return "reload";
    case SWITCH_KEEP_OLD: return "keep-old";
    }
    return "?";
}
