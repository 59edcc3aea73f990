# lib.stringsWithDeps: ordering text snippets by their dependencies
# (activation-script style).
{ lib }:
let
  inherit (builtins) head tail isAttrs concatStringsSep;
in
rec {
  # Snippets named in `arg` (names or entries) with their dependencies
  # first, each name emitted once.
  textClosureList = predefined: arg:
    let
      walk = done: todo:
        if todo == [ ] then { result = [ ]; inherit done; }
        else
          let entry = head todo;
          in
          if isAttrs entry then
            let
              deps = walk done entry.deps;
              rest = walk deps.done (tail todo);
            in
            { result = deps.result ++ [ entry.text ] ++ rest.result; done = rest.done; }
          else if done ? ${entry} then walk done (tail todo)
          else walk (done // { ${entry} = 1; }) ([ predefined.${entry} ] ++ tail todo);
    in
    (walk { } arg).result;

  textClosureMap = f: predefined: names:
    concatStringsSep "\n" (map f (textClosureList predefined names));

  noDepEntry = text: { inherit text; deps = [ ]; };
  fullDepEntry = text: deps: { inherit text deps; };
  packEntry = deps: { inherit deps; text = ""; };
  stringAfter = deps: text: { inherit text deps; };
}
