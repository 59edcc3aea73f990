# Placeholders in the environment and arguments are plain strings in the .drv.
let d = (import ../fixtures/drvs.nix).mk {
      name = "ph";
      outputs = [ "out" "dev" ];
      args = [ "-c" "echo ${placeholder "out"} > ${placeholder "dev"}" ];
      prefix = placeholder "out";
    };
in { inherit (d) drvPath outPath; }
