/* Store path computation against values recorded from nix-instantiate 2.8 with
 * NIX_STORE_DIR=/tmp/x/store (the expressions are next to each case). */
#include "store/hash.h"
#include "store/storepath.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

static void expect_str(const char *what, const char *got, const char *want) {
    if (!got || strcmp(got, want) != 0) {
        fprintf(stderr, "FAIL %s:\n  got  %s\n  want %s\n", what, got ? got : "(null)", want);
        failures++;
    }
}

int main(void) {
    const char *sd = "/tmp/x/store";
    const char *hello = "hello\n";
    struct hash h = hash_buffer(HASH_SHA256, hello, strlen(hello));
    char hex[65], b32[53], b64[45];
    hash_to_base16(h.bytes, h.len, hex);
    /* builtins.hashString "sha256" "hello\n" */
    expect_str("sha256 base16", hex,
               "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
    struct hash h1 = hash_buffer(HASH_SHA1, hello, strlen(hello));
    char hex1[41];
    hash_to_base16(h1.bytes, h1.len, hex1);
    /* builtins.hashString "sha1" "hello\n" */
    expect_str("sha1 base16", hex1, "f572d396fae9206628714fb2ce00f72e94f2258f");

    /* Round trips through each text form. */
    hash_to_base32(h.bytes, h.len, b32);
    hash_to_base64(h.bytes, h.len, b64);
    struct hash back;
    if (!hash_parse(HASH_SHA256, b32, &back) || memcmp(back.bytes, h.bytes, 32) != 0) {
        fprintf(stderr, "FAIL base32 round trip of %s\n", b32);
        failures++;
    }
    if (!hash_parse(HASH_SHA256, b64, &back) || memcmp(back.bytes, h.bytes, 32) != 0) {
        fprintf(stderr, "FAIL base64 round trip of %s\n", b64);
        failures++;
    }
    if (hash_parse(HASH_SHA256, "not-a-hash", &back)) {
        fprintf(stderr, "FAIL parse accepted junk\n");
        failures++;
    }

    /* builtins.toFile "hello.txt" "hello\n" */
    char *p = store_make_text_path(sd, &h, NULL, 0, "hello.txt");
    expect_str("toFile path", p, "/tmp/x/store/sins5lgv0c1zdwgkqs36r1a3lnh6llbr-hello.txt");
    free(p);

    /* (derivation { name="f"; system="x"; builder="/bin/sh"; outputHashAlgo="sha256";
     *   outputHash="5891b5b5..."; }).outPath */
    p = store_make_fixed_output_path(sd, false, &h, "f");
    expect_str("flat fixed output", p, "/tmp/x/store/cpxdavcsmqr6858d9xby0d1drv5gj4nh-f");
    free(p);
    /* the same with outputHashMode = "recursive" and name "g" */
    p = store_make_fixed_output_path(sd, true, &h, "g");
    expect_str("recursive fixed output", p, "/tmp/x/store/ybcsg1w4jpin87sl9dfw9jrfm7scdiy7-g");
    free(p);

    /* builtins.toFile ".hidden" "x" works in nix 2.8 and again since 2.20 (dotfiles);
     * ".", ".." and ".-x" are refused by current Nix. */
    const char *why = NULL;
    if (!store_path_name_valid(".hidden", &why)) {
        fprintf(stderr, "FAIL name starting with a period refused\n");
        failures++;
    }
    if (store_path_name_valid("..", &why) || !why || store_path_name_valid(".-x", &why) ||
        store_path_name_valid("a b", &why)) {
        fprintf(stderr, "FAIL bad names accepted\n");
        failures++;
    }
    h = hash_buffer(HASH_SHA256, "x", 1);
    /* builtins.toFile "a/b" "x" with NIX_STORE_DIR=/tmp/hearth-storepaths-golden/store */
    const char *gsd = "/tmp/hearth-storepaths-golden/store";
    p = store_make_text_path_unchecked(gsd, &h, NULL, 0, "a/b");
    char *msg = p ? store_path_name_error(gsd, p) : NULL;
    if (!msg || strcmp(msg, "store path 'cq8wawjm9ccyv6jx6j5x43q0z0avdlf6-a/b' contains illegal "
                            "character '/'") != 0) {
        fprintf(stderr, "FAIL name error message: %s\n", msg ? msg : "(null)");
        failures++;
    }
    free(msg);
    free(p);
    if (!store_path_is_store_path(sd, "/tmp/x/store/sins5lgv0c1zdwgkqs36r1a3lnh6llbr-hello.txt") ||
        store_path_is_store_path(sd, "/tmp/x/store/sins5lgv0c1zdwgkqs36r1a3lnh6llbr-hello.txt/x")) {
        fprintf(stderr, "FAIL store_path_is_store_path\n");
        failures++;
    }
    return failures ? 1 : 0;
}
