# The builders of `pkgs` that hearth realises in its own store (src/store/build.c): every result
# is a real derivation (drvPath and outPath as Nix computes them), built when a generation
# needs it.
#
# Owns: writeTextFile and the writers on it (writeText, writeTextDir, writeScript,
# writeScriptBin, writeShellScript, writeShellScriptBin, writeShellApplication), runCommand
# (and runCommandLocal, runCommandNoCC, runCommandCC), symlinkJoin, linkFarm (and
# linkFarmFromDrvs), buildEnv, emptyFile, emptyDirectory, runtimeShell.
#
# Text writers use hearth's builder `builtin:hearth-text` (no process, no size limit beyond
# the environment's); buildEnv and symlinkJoin `builtin:hearth-buildenv`. runCommand runs
# its script with the host's shell (bash when installed, else /bin/sh) under `set -e`, with
# `$out` set and PATH = the bin/ of its nativeBuildInputs and buildInputs, then the host's
# /usr/local/bin:/usr/bin:/bin (there is no stdenv: the host's tools stand in for it).
{ lib, system }:

let
  inherit (lib) optionalString concatMapStrings escapeShellArg makeBinPath;

  runtimeShell = if builtins.pathExists "/bin/bash" then "/bin/bash" else "/bin/sh";
  hostPath = "/usr/local/bin:/usr/bin:/bin";

  # meta and passthru stay on the value, not in the derivation's environment.
  mkDrv = attrs: { meta ? { }, passthru ? { } }:
    let drv = derivation ({ inherit system; } // attrs); in
    drv // passthru // { inherit meta; };

  writeTextFile =
    { name, text, executable ? false, destination ? "", checkPhase ? "", meta ? { }
    , passthru ? { }, allowSubstitutes ? false, preferLocalBuild ? true, derivationArgs ? { } }:
    mkDrv ({
      inherit name text destination;
      builder = "builtin:hearth-text";
      executable = if executable then "1" else "";
    } // derivationArgs) {
      meta = lib.optionalAttrs (executable && destination != "" && lib.hasPrefix "/bin/" destination) {
        mainProgram = baseNameOf destination;
      } // meta;
      inherit passthru;
    };

  writeText = name: text: writeTextFile { inherit name text; };
  writeTextDir = path: text: writeTextFile {
    inherit text;
    name = baseNameOf path;
    destination = "/${lib.removePrefix "/" path}";
  };
  writeScript = name: text: writeTextFile { inherit name text; executable = true; };
  writeScriptBin = name: text: writeTextFile {
    inherit name text;
    executable = true;
    destination = "/bin/${name}";
  };
  writeShellScript = name: text: writeTextFile {
    inherit name;
    executable = true;
    text = "#!${runtimeShell}\n${text}";
  };
  writeShellScriptBin = name: text: writeTextFile {
    inherit name;
    executable = true;
    destination = "/bin/${name}";
    text = "#!${runtimeShell}\n${text}";
  };

  writeShellApplication =
    { name, text, runtimeInputs ? [ ], runtimeEnv ? null, meta ? { }, passthru ? { }
    , checkPhase ? null, excludeShellChecks ? [ ], extraShellCheckFlags ? [ ]
    , bashOptions ? [ "errexit" "nounset" "pipefail" ], derivationArgs ? { }, inheritPath ? true }:
    writeTextFile {
      inherit name meta passthru derivationArgs;
      executable = true;
      destination = "/bin/${name}";
      text = "#!${runtimeShell}\n"
        + concatMapStrings (o: "set -o ${o}\n") bashOptions
        + optionalString (runtimeEnv != null)
          (lib.concatStrings (lib.mapAttrsToList (n: v: "export ${n}=${escapeShellArg (toString v)}\n") runtimeEnv))
        + optionalString (runtimeInputs != [ ])
          ("\nexport PATH=\"${makeBinPath runtimeInputs}${optionalString inheritPath ":$PATH"}\"\n")
        + "\n${text}\n";
    };

  runCommandWith = name: env: buildCommand:
    let
      inputs = (env.nativeBuildInputs or [ ]) ++ (env.buildInputs or [ ]);
      binPath = makeBinPath inputs;
    in
    mkDrv ({
      inherit name buildCommand;
      builder = runtimeShell;
      args = [ "-e" "-c" "eval \"$buildCommand\"" ];
      PATH = (if inputs == [ ] then "" else binPath + ":") + hostPath;
    } // removeAttrs env [ "meta" "passthru" ]) {
      meta = env.meta or { };
      passthru = env.passthru or { };
    };

  # buildEnv's paths: each package's output, plus the extra outputs it has.
  selectOutputs = extraOutputsToInstall: p:
    if !(lib.isDerivation p) then [ p ]
    else
      let
        first = p.outputName or "out";
        wanted = (p.meta.outputsToInstall or [ first ]) ++ extraOutputsToInstall;
        have = p.outputs or [ first ];
      in
      map (o: if o == first then p else p.${o}) (lib.unique (builtins.filter (o: builtins.elem o have) wanted));

  buildEnv =
    { name, paths, pathsToLink ? [ "/" ], extraOutputsToInstall ? [ ], ignoreCollisions ? false
    , postBuild ? "", meta ? { }, passthru ? { }, extraPrefix ? "", ... }:
    mkDrv {
      inherit name pathsToLink;
      builder = "builtin:hearth-buildenv";
      paths = lib.concatMap (selectOutputs extraOutputsToInstall) paths;
      ignoreCollisions = if ignoreCollisions then "1" else "";
    } { inherit meta passthru; };

  symlinkJoin = { name, paths, meta ? { }, passthru ? { }, ... }:
    mkDrv {
      inherit name paths;
      builder = "builtin:hearth-buildenv";
      mode = "join";
    } { inherit meta passthru; };

  linkFarm = name: entries:
    let
      list = if builtins.isAttrs entries
        then lib.mapAttrsToList (n: p: { name = n; path = p; }) entries
        else entries;
    in
    runCommandWith name { preferLocalBuild = true; } (''
      mkdir -p "$out"
      cd "$out"
    '' + concatMapStrings (e: ''
      mkdir -p "$(dirname ${escapeShellArg e.name})"
      ln -s ${escapeShellArg (toString e.path)} ${escapeShellArg e.name}
    '') list);
in
{
  inherit runtimeShell writeTextFile writeText writeTextDir writeScript writeScriptBin
    writeShellScript writeShellScriptBin writeShellApplication buildEnv symlinkJoin linkFarm;
  runCommand = runCommandWith;
  runCommandLocal = runCommandWith;
  runCommandNoCC = runCommandWith;
  runCommandCC = runCommandWith;
  linkFarmFromDrvs = name: drvs: linkFarm name (map (d: { name = d.name; path = d; }) drvs);
  emptyFile = writeTextFile { name = "empty-file"; text = ""; };
  emptyDirectory = mkDrv {
    name = "empty-directory";
    builder = "builtin:hearth-buildenv";
    paths = "";
  } { };
}
