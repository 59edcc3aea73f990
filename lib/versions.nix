# lib.versions: pieces of version strings.
{ lib }:
let
  inherit (builtins) elemAt length concatStringsSep;
  splitVersion = builtins.splitVersion;
in
rec {
  inherit splitVersion;
  major = v: elemAt (splitVersion v) 0;
  minor = v: elemAt (splitVersion v) 1;
  patch = v: elemAt (splitVersion v) 2;
  majorMinor = v: concatStringsSep "." (lib.lists.take 2 (splitVersion v));

  # Pad (or cut) the numeric part to n components; a "-suffix" is kept.
  pad = n: version:
    let
      numeric = builtins.head (lib.strings.splitString "-" version);
      suffix = lib.strings.removePrefix numeric version;
      parts = splitVersion numeric;
      missing = n - length parts;
      padded = if missing > 0 then parts ++ lib.lists.replicate missing "0" else lib.lists.take n parts;
    in
    concatStringsSep "." padded + suffix;
}
