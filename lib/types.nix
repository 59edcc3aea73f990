# Option types: what a definition must look like (check), how several
# definitions become one value (merge), how the type is described in errors
# and documentation (description), and how two declarations of the same
# option combine their types (typeMerge, through the functor).
#
# Owns: mkOptionType, every `types.*` constructor, their descriptions (the
# text users see in "is not of type `...'" errors), and the merge rules: lines
# joined with newlines, lists concatenated, attribute sets merged per name,
# uniq rejecting a second definition, `anything` merging sets recursively,
# submodules evaluated as nested module systems.
#
# Checks only look at the head of a value; nested values are checked by the
# merge of the element type, so that options stay lazy.
{ lib }:

let
  inherit (builtins)
    all any attrNames concatLists concatStringsSep elem elemAt filter foldl'
    functionArgs hasContext head intersectAttrs isAttrs isBool isFloat
    isFunction isInt isList isPath isString length listToAttrs map mapAttrs match
    substring tail toJSON typeOf zipAttrsWith;

  inherit (lib.options)
    getFiles getValues mergeDefaultOption mergeEqualOption mergeOneOption
    mergeUniqueOption showFiles showOption;

  mergeDefinitions = loc: type: defs: lib.modules.mergeDefinitions loc type defs;

  last = l: elemAt l (length l - 1);
  toList = x: if isList x then x else [ x ];
  imap1 = f: l: builtins.genList (i: f (i + 1) (elemAt l i)) (length l);
  uniqueList = foldl' (acc: x: if elem x acc then acc else acc ++ [ x ]) [ ];
  count = p: foldl' (n: x: if p x then n + 1 else n) 0;

  isStringLike = x: isString x || isPath x || (isAttrs x && (x ? outPath || x ? __toString));
  isDerivation = x: isAttrs x && (x.type or null) == "derivation";
  isStorePath = x:
    if isStringLike x then
      let s = toString x; in
      substring 0 1 s == "/"
      && dirOf s == builtins.storeDir
    else false;
  toDerivation = path:
    let path' = builtins.storePath path; in {
      type = "derivation";
      name = builtins.unsafeDiscardStringContext (substring 33 (-1) (baseNameOf path'));
      outPath = path';
      outputs = [ "out" ];
      out = toDerivation path;
      outputName = "out";
    };
  boolToString = b: if b then "true" else "false";
  quoteString = s: builtins.replaceStrings [ "$" ] [ "\\$" ] (toJSON s);

  self = rec {
    isType = type: x: (x._type or "") == type;
    setType = typeName: value: value // { _type = typeName; };

    # Combines two declarations' types: types of the same kind merge their
    # payloads (enum values, submodule modules) or their wrapped types; null
    # means the declarations conflict.
    defaultTypeMerge = f: f':
      if f.name != f'.name then null
      else if f.payload != null then
        let p = f.binOp f.payload f'.payload; in
        if p == null then null else f.type p
      else if f.wrapped != null then
        let w = f.wrapped.typeMerge f'.wrapped.functor; in
        if w == null then null else f.type w
      else f.type;

    defaultFunctor = name: {
      inherit name;
      type = types.${name} or null;
      wrapped = null;
      payload = null;
      binOp = a: b: null;
    };

    isOptionType = isType "option-type";

    mkOptionType =
      { name
      , description ? null
      , descriptionClass ? null
      , check ? (x: true)
      , merge ? mergeDefaultOption
      , emptyValue ? { }
      , getSubOptions ? prefix: { }
      , getSubModules ? null
      , substSubModules ? m: null
      , typeMerge ? defaultTypeMerge functor
      , functor ? defaultFunctor name
      , deprecationMessage ? null
      , nestedTypes ? { }
      }: {
        _type = "option-type";
        inherit name check merge emptyValue getSubOptions getSubModules
          substSubModules typeMerge functor deprecationMessage nestedTypes
          descriptionClass;
        description = if description == null then name else description;
      };

    # Composite types check and merge in one step (nixpkgs' `merge.v2`):
    # their `merge` is a callable set whose `v2 { loc, defs }` returns
    # { headError = null or { message }; value }, and their `check` is marked
    # as agreeing with it.  Overriding `merge` with `//` drops v2 (the module
    # system then checks and merges the classic way); overriding `check`
    # alone would make the two disagree, which the module system rejects.
    checkedMerge = v2: {
      __functor = self: loc: defs: (self.v2 { inherit loc defs; }).value;
      inherit v2;
    };
    coherentCheck = f: {
      __functor = self: f;
      isV2MergeCoherent = true;
    };

    # What is wrong with definitions that fail `check`, null when none do.
    checkDefs = check: defs:
      let invalid = filter (d: !check d.value) defs; in
      if invalid == [ ] then null
      else { message = "Definition values: ${lib.options.showDefs invalid}"; };

    # A type's checked merge, for types with or without one.
    mergeCheckedWith = t: loc: defs:
      if t.merge ? v2 then t.merge.v2 { inherit loc defs; }
      else { headError = checkDefs t.check defs; value = t.merge loc defs; };

    # A type's description inside another's, in parentheses unless its kind
    # of phrase reads unambiguously there.
    optionDescriptionPhrase = fits: t:
      if fits (t.descriptionClass or null) then t.description else "(${t.description})";

    # A functor whose payload is the element type (listOf, attrsOf).
    elemFunctor = name: payload: {
      inherit name payload;
      type = types.${name};
      wrapped = null;
      binOp = a: b:
        let m = a.elemType.typeMerge b.elemType.functor; in
        if m == null then null else a // { elemType = m; };
    };

    # Turns off the check for undeclared options (used where a submodule is
    # evaluated without its definitions, for descriptions and documentation).
    noCheckForDocsModule = {
      _file = "<built-in module that disables checks for the purpose of documentation generation>";
      config._module.check = lib.modules.mkForce false;
    };

    mergeTypes = a: b:
      let m = a.typeMerge b.functor; in
      if m == null then setType "merge-error" { error = "Cannot merge types"; } else m;

    types = rec {
      raw = mkOptionType {
        name = "raw";
        description = "raw value";
        descriptionClass = "noun";
        check = v: true;
        merge = mergeOneOption;
      };

      anything = mkOptionType {
        name = "anything";
        description = "anything";
        descriptionClass = "noun";
        check = v: true;
        merge = loc: defs:
          let
            kind = v: if isAttrs v && isStringLike v then "stringCoercibleSet" else typeOf v;
            common = foldl' (k: def:
              if kind def.value == k then k
              else throw "The option `${showOption loc}' has conflicting option types in ${showFiles (getFiles defs)}")
              (kind (head defs).value) defs;
          in
          if common == "set" then (attrsOf anything).merge loc defs
          else if common == "stringCoercibleSet" then mergeOneOption loc defs
          else if common == "lambda" then
            arg: anything.merge (loc ++ [ "<function body>" ])
              (map (def: { inherit (def) file; value = def.value arg; }) defs)
          else mergeEqualOption loc defs;
      };

      unspecified = mkOptionType {
        name = "unspecified";
        description = "unspecified value";
        descriptionClass = "noun";
      };

      bool = mkOptionType {
        name = "bool";
        description = "boolean";
        descriptionClass = "noun";
        check = isBool;
        merge = mergeEqualOption;
      };

      boolByOr = mkOptionType {
        name = "boolByOr";
        description = "boolean (merged using or)";
        descriptionClass = "noun";
        check = isBool;
        merge = loc: defs: foldl' (r: d: r || d.value) false defs;
      };

      int = mkOptionType {
        name = "int";
        description = "signed integer";
        descriptionClass = "noun";
        check = isInt;
        merge = mergeEqualOption;
      };

      ints =
        let
          range = lo: hi: "${toString lo} and ${toString hi} (both inclusive)";
          between = lo: hi:
            if lo > hi then throw "ints.between: lowest must be smaller than highest"
            else addCheck int (x: x >= lo && x <= hi) // {
              name = "intBetween";
              description = "integer between ${range lo hi}";
            };
          sized = lo: hi: name: what: between lo hi // {
            inherit name;
            description = "${what}; between ${range lo hi}";
          };
          unsignedBits = bits: size:
            sized 0 (size - 1) "unsignedInt${toString bits}" "${toString bits} bit unsigned integer";
          signedBits = bits: size:
            sized (0 - size / 2) (size / 2 - 1) "signedInt${toString bits}" "${toString bits} bit signed integer";
        in
        {
          inherit between;
          unsigned = addCheck int (x: x >= 0) // {
            name = "unsignedInt";
            description = "unsigned integer, meaning >=0";
            descriptionClass = "nonRestrictiveClause";
          };
          positive = addCheck int (x: x > 0) // {
            name = "positiveInt";
            description = "positive integer, meaning >0";
            descriptionClass = "nonRestrictiveClause";
          };
          u8 = unsignedBits 8 256;
          u16 = unsignedBits 16 65536;
          u32 = unsignedBits 32 4294967296;
          s8 = signedBits 8 256;
          s16 = signedBits 16 65536;
          s32 = signedBits 32 4294967296;
        };

      port = ints.u16;

      float = mkOptionType {
        name = "float";
        description = "floating point number";
        descriptionClass = "noun";
        check = isFloat;
        merge = mergeEqualOption;
      };

      number = either int float;

      numbers =
        let range = lo: hi: "${toJSON lo} and ${toJSON hi} (both inclusive)"; in
        {
          between = lo: hi:
            if lo > hi then throw "numbers.between: lowest must be smaller than highest"
            else addCheck number (x: x >= lo && x <= hi) // {
              name = "numberBetween";
              description = "integer or floating point number between ${range lo hi}";
            };
          nonnegative = addCheck number (x: x >= 0) // {
            name = "numberNonnegative";
            description = "nonnegative integer or floating point number, meaning >=0";
            descriptionClass = "nonRestrictiveClause";
          };
          positive = addCheck number (x: x > 0) // {
            name = "numberPositive";
            description = "positive integer or floating point number, meaning >0";
            descriptionClass = "nonRestrictiveClause";
          };
        };

      str = mkOptionType {
        name = "str";
        description = "string";
        descriptionClass = "noun";
        check = isString;
        merge = mergeEqualOption;
      };

      nonEmptyStr = mkOptionType {
        name = "nonEmptyStr";
        description = "non-empty string";
        descriptionClass = "noun";
        check = x: isString x && match "[ \t\n]*" x == null;
        merge = mergeEqualOption;
      };

      # A trailing newline is allowed and removed.
      singleLineStr = mkOptionType {
        name = "singleLineStr";
        description = "(optionally newline-terminated) single-line string";
        descriptionClass = "noun";
        check = x: isString x && match "[^\n\r]*\n?" x != null;
        merge = loc: defs:
          let s = mergeEqualOption loc defs; n = builtins.stringLength s; in
          if n > 0 && substring (n - 1) 1 s == "\n" then substring 0 (n - 1) s else s;
      };

      strMatching = pattern: mkOptionType {
        name = "strMatching ${quoteString pattern}";
        description = "string matching the pattern ${pattern}";
        descriptionClass = "noun";
        check = x: isString x && match pattern x != null;
        merge = mergeEqualOption;
        functor = defaultFunctor "strMatching" // {
          type = p: strMatching p.pattern;
          payload = { inherit pattern; };
          binOp = a: b: if a == b then a else null;
        };
      };

      separatedString = sep: mkOptionType {
        name = "separatedString";
        description = "strings concatenated with ${toJSON sep}";
        descriptionClass = "noun";
        check = isString;
        merge = loc: defs: concatStringsSep sep (getValues defs);
        functor = defaultFunctor "separatedString" // {
          payload = { inherit sep; };
          type = p: separatedString p.sep;
          binOp = a: b: if a.sep == b.sep then a else null;
        };
      };

      lines = separatedString "\n";
      commas = separatedString ",";
      envVar = separatedString ":";

      passwdEntry = entryType: addCheck entryType
        (s: match ".*[:\n].*" s == null) // {
        name = "passwdEntry ${entryType.name}";
        description = "${optionDescriptionPhrase (c: c == "noun") entryType}, not containing newlines or colons";
        descriptionClass = "nonRestrictiveClause";
      };

      attrs = mkOptionType {
        name = "attrs";
        description = "attribute set";
        check = isAttrs;
        merge = loc: foldl' (r: d: r // d.value) { };
        emptyValue = { value = { }; };
      };

      package = mkOptionType {
        name = "package";
        descriptionClass = "noun";
        check = x: isDerivation x || isStorePath x;
        merge = loc: defs:
          let v = mergeOneOption loc defs; in
          if isPath v || (isString v && !hasContext v) then toDerivation v else v;
      };

      shellPackage = package // {
        check = x: isDerivation x && x ? shellPath;
      };

      pkgs = addCheck (unique { message = "A Nixpkgs pkgs set can not be merged with another pkgs set."; } attrs // {
        name = "pkgs";
        descriptionClass = "noun";
        description = "Nixpkgs package set";
      }) (x: (x._type or null) == "pkgs");

      path = pathWith { absolute = true; };
      pathInStore = pathWith { inStore = true; };
      externalPath = pathWith { absolute = true; inStore = false; };

      # A path, possibly required to be absolute (or relative) and inside
      # (or outside) the store; null means either.  A path that must not be
      # in the store must be given as a string, since a path value would be
      # copied there.
      pathWith = { inStore ? null, absolute ? null }:
        if inStore != null && absolute != null && inStore && !absolute
        then throw "In pathWith, inStore means the path must be absolute"
        else mkOptionType {
          name = "path";
          description =
            (if absolute == null then "" else if absolute then "absolute " else "relative ")
            + "path"
            + (if inStore == null then "" else if inStore then " in the Nix store" else " not in the Nix store");
          descriptionClass = "noun";
          merge = mergeEqualOption;
          functor = defaultFunctor "path" // {
            type = pathWith;
            payload = { inherit inStore absolute; };
            binOp = a: b: if a == b then a else null;
          };
          check = x:
            let
              s = if isStringLike x then toString x else "";
              isAbsolute = (x.type or null) == "derivation" || substring 0 1 s == "/";
              isInStore = match "${builtins.storeDir}/[^./][^/]*(/.*)?" s != null;
              rightKind = if inStore == null || inStore then isStringLike x else isString x;
            in
            rightKind
            && (inStore == null || inStore == isInStore)
            && (absolute == null || absolute == isAbsolute);
        };

      listOf = elemType: mkOptionType {
        name = "listOf";
        description = "list of ${optionDescriptionPhrase (c: c == "noun" || c == "composite") elemType}";
        descriptionClass = "composite";
        check = coherentCheck isList;
        # Every element of every definition is merged on its own, so that
        # element types check (and submodules evaluate) each entry; entries
        # that vanish (mkIf false) are dropped.
        merge = checkedMerge ({ loc, defs }: {
          headError = checkDefs isList defs;
          value = map (x: x.value) (filter (x: x ? value) (concatLists (imap1 (n: def:
            imap1 (m: v:
              (mergeDefinitions (loc ++ [ "[definition ${toString n}-entry ${toString m}]" ])
                elemType [{ inherit (def) file; value = v; }]).optionalValue)
              def.value) defs)));
        });
        emptyValue = { value = [ ]; };
        getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "*" ]);
        getSubModules = elemType.getSubModules;
        substSubModules = m: listOf (elemType.substSubModules m);
        functor = elemFunctor "listOf" { inherit elemType; } // {
          type = p: listOf p.elemType;
        };
        nestedTypes.elemType = elemType;
      };

      nonEmptyListOf = elemType:
        let list = addCheck (listOf elemType) (l: l != [ ]); in
        list // {
          description = "non-empty ${optionDescriptionPhrase (c: c == "noun") list}";
          emptyValue = { };
          substSubModules = m: nonEmptyListOf (elemType.substSubModules m);
        };

      attrsOf = elemType: attrsWith { inherit elemType; };
      lazyAttrsOf = elemType: attrsWith { inherit elemType; lazy = true; };

      attrsWith = { elemType, lazy ? false, placeholder ? "name" }:
        let
          # Each definition split into one definition per attribute, keeping
          # the file it came from.
          perName = defs: map (def: mapAttrs (n: v: { inherit (def) file; value = v; }) def.value) defs;
        in
        mkOptionType {
          name = if lazy then "lazyAttrsOf" else "attrsOf";
          description = (if lazy then "lazy attribute set" else "attribute set")
            + " of ${optionDescriptionPhrase (c: c == "noun" || c == "composite") elemType}";
          descriptionClass = "composite";
          check = coherentCheck isAttrs;
          merge = checkedMerge ({ loc, defs }: {
            headError = checkDefs isAttrs defs;
            value =
              if lazy then
                zipAttrsWith (name: defs:
                  let merged = mergeDefinitions (loc ++ [ name ]) elemType defs; in
                  merged.optionalValue.value or elemType.emptyValue.value or merged.mergedValue)
                  (perName defs)
              else
                let
                  merged = zipAttrsWith (name: defs:
                    (mergeDefinitions (loc ++ [ name ]) elemType defs).optionalValue) (perName defs);
                in
                listToAttrs (concatLists (map (n:
                  if merged.${n} ? value then [{ name = n; value = merged.${n}.value; }] else [ ])
                  (attrNames merged)));
          });
          emptyValue = { value = { }; };
          getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<${placeholder}>" ]);
          getSubModules = elemType.getSubModules;
          substSubModules = m: attrsWith { elemType = elemType.substSubModules m; inherit lazy placeholder; };
          functor = elemFunctor "attrsWith" { inherit elemType lazy placeholder; } // {
            binOp = a: b:
              let
                t = a.elemType.typeMerge b.elemType.functor;
                p = if a.placeholder == b.placeholder then a.placeholder
                  else if a.placeholder == "name" then b.placeholder
                  else if b.placeholder == "name" then a.placeholder
                  else null;
              in
              if t == null || a.lazy != b.lazy || p == null then null
              else { elemType = t; lazy = a.lazy; placeholder = p; };
          };
          nestedTypes.elemType = elemType;
        };

      loaOf = elemType: attrsOf elemType // {
        name = "loaOf";
        deprecationMessage = "Mixing lists with attribute values is no longer"
          + " possible; please use `types.attrsOf` instead. See"
          + " https://github.com/NixOS/nixpkgs/issues/1800 for the motivation.";
        nestedTypes.elemType = elemType;
      };

      # A set with exactly one attribute, whose name picks one of the tags
      # (each an option) and whose value is that option's definition.
      attrTag = tagOptions:
        let
          tags = mapAttrs (n: opt:
            if opt._type or null != "option" then
              throw "In attrTag, each tag value must be an option, but tag ${lib.options.showOption [ n ]} ${
                if opt ? _type then
                  if opt._type == "option-type" then "was a bare type, not wrapped in mkOption."
                  else "was of type ${quoteString opt._type}."
                else "was not."}"
            else opt // {
              declarations = opt.declarations or [ ];
              declarationPositions = opt.declarationPositions or [ ];
            }) tagOptions;
          choices = concatStringsSep ", " (map (n: lib.options.showOption [ n ]) (attrNames tags));
        in
        mkOptionType {
          name = "attrTag";
          description = "attribute-tagged union with choices: ${choices}";
          descriptionClass = "noun";
          getSubOptions = prefix: mapAttrs (n: opt: opt // { loc = prefix ++ [ n ]; }) tags;
          check = v: isAttrs v && length (attrNames v) == 1 && tags ? ${head (attrNames v)};
          merge = loc: defs:
            let
              choice = head (attrNames (head defs).value);
              valueDefs = map (def:
                let tag = head (attrNames def.value); in
                if tag != choice
                then throw "The option `${showOption loc}` is defined both as `${choice}` and `${tag}`, in ${showFiles (getFiles defs)}."
                else { inherit (def) file; value = def.value.${choice}; }) defs;
            in
            if tags ? ${choice}
            then { ${choice} = (lib.modules.evalOptionValue (loc ++ [ choice ]) tags.${choice} valueDefs).value; }
            else throw "The option `${showOption loc}` is defined as ${lib.options.showOption [ choice ]}, but ${lib.options.showOption [ choice ]} is not among the valid choices (${choices}). Value ${choice} was defined in ${showFiles (getFiles defs)}.";
          nestedTypes = tags;
          functor = defaultFunctor "attrTag" // {
            type = p: attrTag p.tags;
            payload = { inherit tags; };
            binOp = a: b: { tags = a.tags // b.tags; };
          };
        };

      luaInline = mkOptionType {
        name = "luaInline";
        description = "inline lua";
        descriptionClass = "noun";
        check = x: (x._type or null) == "lua-inline";
        merge = mergeEqualOption;
      };

      optionDeclaration = mkOptionType {
        name = "optionDeclaration";
        description = "option declaration";
        descriptionClass = "noun";
        check = opt: isType "option" opt && !(opt ? value);
      };

      # Values of a structured data format (JSON, TOML): scalars, paths,
      # and nested sets and lists of them.
      serializableValueWith = { typeName, nullable ? true }:
        let
          base = oneOf [ bool int float str path (attrsOf valueType) (listOf valueType) ];
          valueType = (if nullable then nullOr base else base) // { description = "${typeName} value"; };
        in
        valueType;
      json = serializableValueWith { typeName = "JSON"; };
      toml = serializableValueWith { typeName = "TOML"; nullable = false; };

      attrListOf = elemType: attrListWith { inherit elemType; };

      # An ordered list of single-attribute sets `[ { a = 1; } { b = 2; } ]`
      # (or, with asAttrs, a set whose repeated names are combined by
      # mergeAttrValues).  Definitions are lists of such sets (elements may
      # be wrapped in mkOrder) or sets (values may be wrapped in mkOrder);
      # all are concatenated, per name only the highest mkOverride priority
      # is kept, and the entries are sorted stably by order priority.
      attrListWith = { elemType, asAttrs ? false, mergeAttrValues ? name: values: values }:
        let
          description = "attribute list of ${optionDescriptionPhrase (c: c == "noun" || c == "composite") elemType}";
          orderPrio = lib.modules.defaultOrderPriority;
          overridePrio = lib.modules.defaultOverridePriority;

          # The value with its order and override priorities taken off
          # (mkOverride stays on the value, for mergeDefinitions).
          peel = v:
            let kind = v._type or null; in
            if kind == "order" then peel v.content // { prio = v.priority; }
            else if kind == "override" then
              let inner = peel v.content; in
              inner // { override = v.priority; value = lib.modules.mkOverride v.priority inner.value; }
            else { value = v; prio = orderPrio; override = overridePrio; };

          listItem = loc: file: raw:
            let
              ordered = (raw._type or null) == "order";
              item = if ordered then raw.content else raw;
              names = if isAttrs item then attrNames item else [ ];
            in
            if isAttrs item && length names == 1 then
              let p = peel item.${head names}; in
              p // { inherit file; key = head names; prio = if ordered then raw.priority else p.prio; }
            else
              throw "A definition for option `${showOption loc}' is not of type `${description}'. ${
                if !isAttrs item then "Each list element must be an attribute set, but got ${typeOf item}"
                else "Each list element must be a single-key attribute set, but got ${toString (length names)} keys"}.${
                lib.options.showDefs [{ inherit file; value = raw; }]}";

          items = loc: def:
            if isList def.value then map (listItem loc def.file) def.value
            else map (n: peel def.value.${n} // { inherit (def) file; key = n; }) (attrNames def.value);

          check = x: isList x || isAttrs x;
        in
        mkOptionType {
          name = "attrListOf";
          inherit description;
          descriptionClass = "composite";
          check = coherentCheck check;
          merge = checkedMerge ({ loc, defs }:
            let
              all' = concatLists (map (items loc) defs);
              best = foldl' (acc: i:
                if i.override < (acc.${i.key} or overridePrio) then acc // { ${i.key} = i.override; } else acc) { } all';
              kept = builtins.sort (a: b: a.prio < b.prio)
                (filter (i: i.override == (best.${i.key} or overridePrio)) all');
              merged = filter (e: e.eval.optionalValue ? value) (map (i: {
                inherit (i) key;
                eval = mergeDefinitions (loc ++ [ i.key ]) elemType [{ inherit (i) file value; }];
              }) kept);
              list = map (e: { ${e.key} = e.eval.optionalValue.value; }) merged;
            in
            {
              headError = checkDefs check defs;
              value = if asAttrs then zipAttrsWith mergeAttrValues list else list;
            });
          emptyValue = { value = if asAttrs then { } else [ ]; };
          getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "*" ]);
          getSubModules = elemType.getSubModules;
          substSubModules = m: attrListWith { inherit asAttrs mergeAttrValues; elemType = elemType.substSubModules m; };
          typeMerge = t: null;
          nestedTypes.elemType = elemType;
        };

      uniq = unique { message = ""; };

      unique = { message }: type: mkOptionType {
        name = "unique";
        inherit (type) description descriptionClass check;
        merge = mergeUniqueOption { inherit message; inherit (type) merge; };
        emptyValue = type.emptyValue;
        getSubOptions = type.getSubOptions;
        getSubModules = type.getSubModules;
        substSubModules = m: uniq (type.substSubModules m);
        functor = defaultFunctor "unique" // { wrapped = type; type = uniq; };
        nestedTypes.elemType = type;
      };

      nullOr = elemType: mkOptionType {
        name = "nullOr";
        description = "null or ${optionDescriptionPhrase (c: c == "noun" || c == "conjunction") elemType}";
        descriptionClass = "conjunction";
        check = coherentCheck (x: x == null || elemType.check x);
        merge = checkedMerge ({ loc, defs }:
          let nulls = count (d: d.value == null) defs; in
          if nulls == 0 then mergeCheckedWith elemType loc defs
          else {
            headError =
              if nulls == length defs || length defs == 1 then null
              else {
                message = "The option `${showOption loc}` is defined both null and not null, in ${showFiles (getFiles defs)}.";
                mixedNulls = true;
              };
            value = null;
          }) // {
          # Called directly, mixed nulls are an error of their own.
          __functor = self: loc: defs:
            let r = self.v2 { inherit loc defs; }; in
            if r.headError.mixedNulls or false then throw r.headError.message else r.value;
        };
        emptyValue = { value = null; };
        getSubOptions = elemType.getSubOptions;
        getSubModules = elemType.getSubModules;
        substSubModules = m: nullOr (elemType.substSubModules m);
        functor = defaultFunctor "nullOr" // { wrapped = elemType; };
        nestedTypes.elemType = elemType;
      };

      functionTo = elemType: mkOptionType {
        name = "functionTo";
        description = "function that evaluates to a(n) ${optionDescriptionPhrase (c: c == "noun" || c == "composite") elemType}";
        descriptionClass = "composite";
        check = isFunction;
        merge = loc: defs: {
          # An argument has a default if it has one in every definition.
          __functionArgs = zipAttrsWith (n: all (x: x)) (map (d: functionArgs d.value) defs);
          __functor = self: arg:
            (mergeDefinitions (loc ++ [ "<function body>" ]) elemType
              (map (d: { inherit (d) file; value = d.value arg; }) defs)).mergedValue;
        };
        getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<function body>" ]);
        getSubModules = elemType.getSubModules;
        substSubModules = m: functionTo (elemType.substSubModules m);
        functor = defaultFunctor "functionTo" // { wrapped = elemType; };
        nestedTypes.elemType = elemType;
      };

      submodule = modules: submoduleWith {
        shorthandOnlyDefinesConfig = true;
        modules = toList modules;
      };

      deferredModule = deferredModuleWith { };

      deferredModuleWith = attrs@{ staticModules ? [ ] }: mkOptionType {
        name = "deferredModule";
        description = "module";
        descriptionClass = "noun";
        check = x: isAttrs x || isFunction x || path.check x;
        merge = loc: defs: {
          imports = staticModules ++ map (def:
            lib.modules.setDefaultModuleLocation "${def.file}, via option ${showOption loc}" def.value) defs;
        };
        inherit (submoduleWith { modules = staticModules; }) getSubOptions getSubModules;
        substSubModules = m: deferredModuleWith (attrs // { staticModules = m; });
        functor = defaultFunctor "deferredModuleWith" // {
          type = deferredModuleWith;
          payload = { inherit staticModules; };
          binOp = a: b: { staticModules = a.staticModules ++ b.staticModules; };
        };
      };

      optionType = mkOptionType {
        name = "optionType";
        description = "optionType";
        descriptionClass = "noun";
        check = v: (v._type or null) == "option-type";
        merge = loc: defs:
          if length defs == 1 then (head defs).value
          else
            # Several types for one place merge like several declarations of
            # one option would (submodules gain each other's modules).
            (lib.modules.fixupOptionType loc (lib.modules.mergeOptionDecls loc (map (d: {
              _file = d.file;
              options = lib.options.mkOption { type = d.value; };
            }) defs))).type;
      };

      submoduleWith =
        { modules
        , specialArgs ? { }
        , shorthandOnlyDefinesConfig ? false
        , description ? null
        , class ? null
        }@attrs:
        let
          # Definitions become modules of the nested evaluation: a plain set
          # is its `config` when shorthandOnlyDefinesConfig, any other value
          # (function, path, full module) is imported.
          asModules = defs: map ({ value, file }:
            if isAttrs value && shorthandOnlyDefinesConfig
            then { _file = file; config = value; }
            else { _file = file; imports = [ value ]; }) defs;

          # Evaluated once without definitions, for documentation, the
          # freeform type and as the base that each value extends.
          base = lib.modules.evalModules {
            inherit class specialArgs;
            modules = [{ _module.args.name = lib.modules.mkOptionDefault "‹name›"; }] ++ modules;
          };
          freeformType = base._module.freeformType;
          # For descriptions and documentation: without definitions, so
          # without the check for undeclared options.
          docsEval = base.extendModules { modules = [ noCheckForDocsModule ]; };
          check = x: isAttrs x || isFunction x || path.check x;
        in
        mkOptionType {
          name = "submodule";
          description =
            if description != null then description
            else if docsEval._module.freeformType ? description
            then "open submodule of ${optionDescriptionPhrase (c: c == "noun" || c == "composite") docsEval._module.freeformType}"
            else "submodule";
          check = coherentCheck check;
          merge = checkedMerge ({ loc, defs }: {
            headError = checkDefs check defs;
            value = (base.extendModules {
              modules = [{ _module.args.name = last loc; }] ++ asModules defs;
              prefix = loc;
            }).config;
          });
          emptyValue = { value = base.config; };
          getSubOptions = prefix:
            let docs = base.extendModules { inherit prefix; modules = [ noCheckForDocsModule ]; }; in
            docs.options
            // (if docs._module.freeformType != null
                then { _freeformOptions = docs._module.freeformType.getSubOptions prefix; } else { });
          getSubModules = modules;
          substSubModules = m: submoduleWith (attrs // { modules = m; });
          nestedTypes = if freeformType != null then { inherit freeformType; } else { };
          functor = defaultFunctor "submodule" // {
            type = submoduleWith;
            payload = { inherit modules class specialArgs shorthandOnlyDefinesConfig description; };
            binOp = a: b: {
              class =
                if a.class or null == null then b.class or null
                else if b.class or null == null || a.class == b.class then a.class
                else throw "A submoduleWith option is declared multiple times with conflicting class values \"${toString a.class}\" and \"${toString b.class}\".";
              modules = a.modules ++ b.modules;
              specialArgs =
                let both = intersectAttrs a.specialArgs b.specialArgs; in
                if both == { } then a.specialArgs // b.specialArgs
                else throw "A submoduleWith option is declared multiple times with the same specialArgs \"${toString (attrNames both)}\"";
              shorthandOnlyDefinesConfig =
                if a.shorthandOnlyDefinesConfig == null then b.shorthandOnlyDefinesConfig
                else if b.shorthandOnlyDefinesConfig == null || a.shorthandOnlyDefinesConfig == b.shorthandOnlyDefinesConfig
                then a.shorthandOnlyDefinesConfig
                else throw "A submoduleWith option is declared multiple times with conflicting shorthandOnlyDefinesConfig values";
              description =
                if a.description == null then b.description
                else if b.description == null || a.description == b.description then a.description
                else throw "A submoduleWith option is declared multiple times with conflicting descriptions";
            };
          };
        };

      enum = values:
        let
          show = v:
            if isString v then ''"${v}"''
            else if isInt v then toString v
            else if isBool v then boolToString v
            else "<${typeOf v}>";
        in
        mkOptionType {
          name = "enum";
          description =
            if values == [ ] then "impossible (empty enum)"
            else if length values == 1 then "value ${show (head values)} (singular enum)"
            else "one of ${concatStringsSep ", " (map show values)}";
          descriptionClass = if length values < 2 then "noun" else "conjunction";
          check = v: elem v values;
          merge = mergeEqualOption;
          functor = defaultFunctor "enum" // {
            payload = { inherit values; };
            type = p: enum p.values;
            binOp = a: b: { values = uniqueList (a.values ++ b.values); };
          };
        };

      either = t1: t2: mkOptionType rec {
        name = "either";
        description =
          if t1.descriptionClass or null == "nonRestrictiveClause"
          then "${t1.description}, or ${optionDescriptionPhrase (c: c == "noun" || c == "conjunction") t2}"
          else "${optionDescriptionPhrase (c: c == "noun" || c == "conjunction") t1} or ${
            optionDescriptionPhrase (c: c == "noun" || c == "conjunction" || c == "composite") t2}";
        descriptionClass = "conjunction";
        check = coherentCheck (x: t1.check x || t2.check x);
        # The first type that takes every definition merges them all.
        merge = checkedMerge ({ loc, defs }:
          let
            r1 = mergeCheckedWith t1 loc defs;
            r2 = mergeCheckedWith t2 loc defs;
          in
          if r1.headError == null then r1
          else if r2.headError == null then r2
          else {
            headError.message = "The option `${showOption loc}` is neither a value of type `${t1.description}` nor `${t2.description}`, Definition values: ${lib.options.showDefs defs}";
            value = mergeOneOption loc defs;
          });
        typeMerge = f':
          if f'.name != "either" then null
          else
            let
              m1 = t1.typeMerge (elemAt f'.wrapped 0).functor;
              m2 = t2.typeMerge (elemAt f'.wrapped 1).functor;
            in
            if m1 != null && m2 != null then either m1 m2 else null;
        functor = defaultFunctor "either" // { wrapped = [ t1 t2 ]; };
        nestedTypes.left = t1;
        nestedTypes.right = t2;
      };

      oneOf = ts:
        if ts == [ ] then throw "types.oneOf needs to get at least one type in its argument"
        else foldl' either (head ts) (tail ts);

      coercedTo = coercedType: coerceFunc: finalType:
        if coercedType.getSubModules != null
        then throw "coercedTo: coercedType must not have submodules (it’s a ${coercedType.description})"
        else mkOptionType {
          name = "coercedTo";
          description = "${optionDescriptionPhrase (c: c == "noun") finalType} or ${
            optionDescriptionPhrase (c: c == "noun") coercedType} convertible to it";
          check = coherentCheck (x: (coercedType.check x && finalType.check (coerceFunc x)) || finalType.check x);
          merge = checkedMerge ({ loc, defs }:
            let
              coerce = d:
                if (mergeCheckedWith coercedType loc [ d ]).headError == null then coerceFunc d.value else d.value;
              finalDefs = map (d: d // { value = coerce d; }) defs;
            in
            if finalType.merge ? v2 then finalType.merge.v2 { inherit loc; defs = finalDefs; }
            else {
              value = finalType.merge loc finalDefs;
              headError = checkDefs (x: (coercedType.check x && finalType.check (coerceFunc x)) || finalType.check x) defs;
            });
          emptyValue = finalType.emptyValue;
          getSubOptions = finalType.getSubOptions;
          getSubModules = finalType.getSubModules;
          substSubModules = m: coercedTo coercedType coerceFunc (finalType.substSubModules m);
          typeMerge = t: null;
          functor = defaultFunctor "coercedTo" // { wrapped = finalType; };
          nestedTypes.coercedType = coercedType;
          nestedTypes.finalType = finalType;
        };

      addCheck = elemType: check:
        if elemType.merge ? v2 then
          elemType // {
            check = coherentCheck (x: elemType.check x && check x);
            merge = checkedMerge ({ loc, defs }:
              let r = elemType.merge.v2 { inherit loc defs; }; in
              r // { headError = if r.headError != null then r.headError else checkDefs check defs; });
          }
        else elemType // { check = x: elemType.check x && check x; };
    };
  };
in
self // self.types
