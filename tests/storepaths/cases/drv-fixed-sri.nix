# Fixed-output hashes in SRI form, and sha1/sha512 in base-16 and base-64.
let mk = (import ../fixtures/drvs.nix).mk;
    a = mk { name = "sri"; outputHash = "sha256-WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgM="; };
    b = mk { name = "sha1"; outputHashAlgo = "sha1"; outputHash = "f572d396fae9206628714fb2ce00f72e94f2258f"; };
    c = mk { name = "sha512-rec"; outputHashMode = "recursive"; outputHashAlgo = "sha512";
             outputHash = "sha512-P4xepDkhT+L8Ls32lVEwd9Y3+DZhP3xo7qz5twKvx8rxvHDNuhrXTKFS6CzxpzUakduCt/yDKJ+4KXmd/oqfkQ=="; };
    d = mk { name = "flat-mode"; outputHashMode = "flat"; outputHashAlgo = "md5"; outputHash = "b1946ac92492d2347c6235b4d2611184"; };
in map (x: { inherit (x) drvPath outPath; }) [ a b c d ]
