/* tests/fuzz/fuzz_parse.c: libFuzzer harness for the Nix lexer and parser.
 *
 * Each input is parsed as the text of a file; a syntax error is an ordinary outcome (the error
 * is also formatted, to exercise positions and source excerpts). Only crashes, leaks and
 * undefined behaviour are findings. A fresh evaluation state per input keeps runs independent,
 * so any crash reproduces from its input alone. */
#include "nix/ast.h"
#include "nix/eval.h"
#include "nix/value.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Bigger inputs only make runs slower without reaching new parser states. */
#define MAX_INPUT 64 * 1024

/* The source outlives parsing: positions refer to it until the error is formatted. */
struct parse_job {
    struct source src;
};

static void parse_only(struct eval_state *st, void *ud) {
    struct parse_job *job = ud;
    (void)parse_source(st, &job->src);
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
    struct nix_error *e = eval_try(st, parse_only, ud);
    if (e) {
        struct strbuf sb;
        sb_init(&sb, 256);
        error_format(st, e, &sb);
        (void)sb_str(&sb);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > MAX_INPUT) return 0;
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    struct parse_job job = {{.path = "/fuzz/input.nix", .text = text, .dir = "/fuzz"}};
    eval_run_big_stack(run, &job);
    free(text);
    return 0;
}
