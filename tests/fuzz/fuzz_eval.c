/* tests/fuzz/fuzz_eval.c: libFuzzer harness for the evaluator: parse, evaluate deeply and print
 * a bounded input, as `hearth eval --strict` does.
 *
 * Bounds (why: the fuzzer must find crashes, not spend its time in legitimately endless or
 * enormous evaluations, and must not touch the machine it runs on):
 *  - inputs up to 2 KiB, and no number literal longer than 4 digits (so no genList of a
 *    billion elements); exponential recursion can still time out: libFuzzer's -timeout reports
 *    it, and a timeout is a finding only if the same input is fast under nix-instantiate;
 *  - no input naming a builtin that reads or writes files or the environment (`import`,
 *    `readFile`, `toFile`, `derivation`, ...), and paths resolve against a directory that does
 *    not exist.
 * Evaluation errors are ordinary outcomes; they are formatted to exercise error printing. */
#include "nix/builtins_extra.h"
#include "nix/eval.h"
#include "nix/value.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INPUT 2048
#define MAX_DIGITS 4

static const char *const forbidden[] = {
    "import",     "readFile",  "readDir",    "readFileType", "toFile",
    "pathExists", "hashFile",  "derivation", "storePath",    "fetch",
    "getEnv",     "exec",      "path",       "filterSource", "addDrvOutputDependencies",
    "findFile",   "__nixPath", "trace",      "getFlake",     "scopedImport",
    NULL,
};

static bool acceptable(const char *text) {
    for (const char *const *f = forbidden; *f; f++)
        if (strstr(text, *f)) return false;
    size_t run = 0;
    for (const char *p = text; *p; p++) {
        run = isdigit((unsigned char)*p) ? run + 1 : 0;
        if (run > MAX_DIGITS) return false;
    }
    return true;
}

struct eval_job {
    const char *text;
    struct value v;
};

static void eval_print(struct eval_state *st, void *ud) {
    struct eval_job *job = ud;
    struct nix_error *e = eval_string(st, job->text, "/nonexistent-fuzz-dir", &job->v);
    if (e) eval_rethrow(st, e);
    eval_force_deep(st, &job->v, 0);
    struct strbuf sb;
    sb_init(&sb, 256);
    value_print(st, &job->v, true, &sb);
    (void)sb_str(&sb);
}

/* Deep recursion must end in Nix's "stack overflow" error; allowing 64 MiB of the big stack
 * (not all of it) keeps such inputs fast under ASan. */
#define FUZZ_STACK ((uintptr_t)64 << 20)

static void limit_stack(struct eval_state *st) {
    eval_set_stack_limit(st);
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    if (here - st->stack_limit > FUZZ_STACK) st->stack_limit = here - FUZZ_STACK;
}

static int run(void *ud) {
    struct eval_state *st = eval_state_new("/fuzz-store");
    if (!st) return 0;
    limit_stack(st);
    struct nix_error *e = eval_try(st, eval_print, ud);
    if (e) {
        struct strbuf sb;
        sb_init(&sb, 256);
        error_format(st, e, &sb);
        (void)sb_str(&sb);
    }
    builtins_extra_release(st); /* compiled regexes live outside the GC heap, as hearth eval */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > MAX_INPUT) return 0;
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    if (acceptable(text)) {
        struct eval_job job = {.text = text};
        eval_run_big_stack(run, &job);
    }
    free(text);
    return 0;
}
