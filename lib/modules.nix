# The module system: evaluating a list of modules into `options` (declared
# options with their merged values) and `config` (the values), the fixpoint
# that lets modules read the final `config`, and the properties that shape
# definitions (mkIf, mkMerge, mkOverride and its priorities, mkOrder).
#
# Owns: evalModules and its module loading (paths, functions, sets,
# `imports`, `disabledModules`, `_file`, `key`, `_class`, `_module.args`,
# `specialArgs`, freeform modules), the merging of option declarations and of
# definitions, the errors users see for them (unknown options, wrong types,
# missing values, read-only options), and the rename/removal helper modules.
#
# Order of definitions: modules are collected breadth-first from the list
# given (imports after their importer), each module once by key, then merged
# in the reverse of that order, as nixpkgs does; list options therefore see
# later modules' entries first unless mkBefore/mkAfter say otherwise.
{ lib }:

let
  inherit (builtins)
    addErrorContext all any attrNames concatLists concatStringsSep elem elemAt
    filter foldl' functionArgs genericClosure genList head isAttrs isBool
    isFunction isList isString length listToAttrs map mapAttrs seq sort
    substring tail toJSON typeOf unsafeGetAttrPos zipAttrsWith;

  inherit (lib.options)
    isOption mkOption showDefs showFiles showOption unknownModule;
  types = lib.types;

  last = l: elemAt l (length l - 1);
  imap1 = f: l: genList (i: f (i + 1) (elemAt l i)) (length l);
  reverseList = l: let n = length l; in genList (i: elemAt l (n - 1 - i)) n;
  optional = c: x: if c then [ x ] else [ ];
  optionalAttrs = c: s: if c then s else { };
  concatMap = f: l: concatLists (map f l);
  mapAttrsToList = f: s: map (n: f n s.${n}) (attrNames s);
  setAttrByPath = path: value:
    if path == [ ] then value
    else { ${head path} = setAttrByPath (tail path) value; };
  getAttrFromPath = path: set:
    foldl' (s: n: s.${n}) set path;
  attrByPath = path: default: set:
    if path == [ ] then set
    else if isAttrs set && set ? ${head path} then attrByPath (tail path) default set.${head path}
    else default;
  recursiveUpdate = a: b:
    zipAttrsWith (n: vs:
      if length vs == 1 then head vs
      else if isAttrs (elemAt vs 0) && isAttrs (elemAt vs 1) && !isOption (elemAt vs 0)
        && (elemAt vs 0).type or null != "derivation"
      then recursiveUpdate (elemAt vs 0) (elemAt vs 1)
      else elemAt vs 1) [ a b ];
  isConvertibleWithToString = x:
    isString x || builtins.isPath x || builtins.isInt x || builtins.isFloat x
    || isBool x || x == null || (isAttrs x && (x ? outPath || x ? __toString))
    || (isList x && all isConvertibleWithToString x);
  quoteString = s: builtins.replaceStrings [ "$" ] [ "\\$" ] (toJSON s);

  # Definition priorities (lower wins) and order priorities (lower first).
  defaultOverridePriority = 100;
  defaultOrderPriority = 1000;
in
rec {
  inherit defaultOverridePriority defaultOrderPriority;
  defaultPriority = defaultOverridePriority;

  evalModules = evalModulesArgs@{ modules, prefix ? [ ], args ? { }, specialArgs ? { }
                , check ? true, class ? null }:
    let
      # The deprecated `args` and `check` arguments become ordinary modules.
      legacyModules =
        optional (evalModulesArgs ? args) { config._module.args = args; }
        ++ optional (evalModulesArgs ? check) { config._module.check = mkDefault check; };
      regularModules = modules ++ legacyModules;

      # The options every evaluation has, under `_module`.
      internalModule = rec {
        _file = "lib/modules.nix";
        key = _file;
        options = {
          _module.args = mkOption {
            type = types.lazyAttrsOf types.raw;
            internal = true;
            description = "Additional arguments passed to each module in addition to ones like `lib`, `config`, and `pkgs`, `modulesPath`.";
          };
          _module.check = mkOption {
            type = types.bool;
            internal = true;
            default = true;
            description = "Whether to check whether all option definitions have matching declarations.";
          };
          _module.freeformType = mkOption {
            type = types.nullOr types.optionType;
            internal = true;
            default = null;
            description = "If set, merge all definitions that don't have an associated option together using this type.";
          };
          _module.specialArgs = mkOption {
            readOnly = true;
            internal = true;
            description = "Externally provided module arguments that can't be modified from within a configuration, but can be used in module imports.";
          };
        };
        config = {
          _module.args = { inherit extendModules; moduleType = type; };
          _module.specialArgs = specialArgs;
        };
      };

      merged =
        let
          collected = collectModules class (specialArgs.modulesPath or "")
            (regularModules ++ [ internalModule ])
            ({ inherit lib options config specialArgs; _class = class; _prefix = prefix; } // specialArgs);
        in
        mergeModules prefix (reverseList collected);

      options = merged.matchedOptions;

      config =
        let
          declaredConfig = valuesOf options;
          freeformConfig =
            let
              defs = map (def: { file = def.file; value = setAttrByPath def.prefix def.value; })
                merged.unmatchedDefns;
            in
            if defs == [ ] then { } else declaredConfig._module.freeformType.merge prefix defs;
        in
        if declaredConfig._module.freeformType == null then declaredConfig
        # Definitions with an option are in declaredConfig; the freeform ones
        # can only be at other paths, so nothing declared is overwritten.
        else recursiveUpdate freeformConfig declaredConfig;

      valuesOf = tree: mapAttrs (n: v: if isOption v then v.value else valuesOf v) tree;

      checkUnmatched =
        if config._module.check && config._module.freeformType == null && merged.unmatchedDefns != [ ] then
          let
            first = head merged.unmatchedDefns;
            name = showOption (prefix ++ first.prefix);
            baseMsg = "The option `${name}' does not exist. Definition values:${
              addErrorContext "while evaluating the error message for definitions for `${name}', which is an option that does not exist"
                (addErrorContext "while evaluating a definition from `${first.file}'" (showDefs [ first ]))}";
          in
          if attrNames options == [ "_module" ] then
            if showOption prefix == "" then
              throw ''
                ${baseMsg}

                It seems as if you're trying to declare an option by placing it into `config' rather than `options'!
              ''
            else
              throw ''
                ${baseMsg}

                However there are no options defined in `${showOption prefix}'. Are you sure you've
                declared your options properly? This can happen if you e.g. declared your options in `types.submodule'
                under `config' rather than `options'.
              ''
          else throw baseMsg
        else null;

      checked = seq checkUnmatched;

      extendModules = extendArgs@{ modules ? [ ], specialArgs ? { }, prefix ? [ ] }:
        evalModules (removeAttrs evalModulesArgs [ "args" "check" ] // {
          modules = regularModules ++ modules;
          specialArgs = (evalModulesArgs.specialArgs or { }) // specialArgs;
          prefix = extendArgs.prefix or evalModulesArgs.prefix or [ ];
        });

      type = types.submoduleWith { inherit modules specialArgs class; };

      result = {
        _type = "configuration";
        options = checked options;
        config = checked (removeAttrs config [ "_module" ]);
        _module = checked config._module;
        inherit extendModules type class;
      };
    in
    result;

  # All modules reachable from `modules` through `imports`, each once (by
  # key), without the disabled ones, in breadth-first order.
  collectModules = class: modulesPath: modules: args:
    let
      loadModule = parentFile: fallbackKey: m:
        if isFunction m then
          unifyModuleSyntax parentFile fallbackKey (applyModuleArgs fallbackKey m args)
        else if isAttrs m then
          if m._type or "module" == "module" then unifyModuleSyntax parentFile fallbackKey m
          else if m._type == "if" || m._type == "override" then
            loadModule parentFile fallbackKey { config = m; }
          else throw ("Could not load a value as a module, because it is of type ${quoteString m._type}, in file ${toString parentFile}."
            + (if m._type == "configuration"
               then " If you do intend to import this configuration, please only import the modules that make up the configuration. You may have to create a `let` binding, file or attribute to give yourself access to the relevant modules."
               else ""))
        else if isList m then
          throw "Module imports can't be nested lists. Perhaps you meant to remove one level of lists? Definitions: ${showDefs [{ file = parentFile; value = m; }]}"
        else
          let file = toString m; in
          unifyModuleSyntax file file (applyModuleArgsIfFunction file (import m) args);

      checkClass = m:
        if class == null || m._class == null || m._class == class then m
        else throw "The module ${m._file or m.key} was imported into ${class} instead of ${m._class}.";

      # A tree of loaded modules: each with its key, the module and the
      # modules it imports, plus what every module of the tree disables.
      collect = parentFile: parentKey: ms:
        let
          entries = imap1 (n: x:
            let
              module = checkClass (loadModule parentFile "${parentKey}:anon-${toString n}" x);
              sub = collect module._file module.key module.imports;
            in
            {
              inherit (module) key;
              inherit module;
              modules = sub.modules;
              disabled =
                (if module.disabledModules != [ ] then [{ file = module._file; disabled = module.disabledModules; }] else [ ])
                ++ sub.disabled;
            }) ms;
        in
        { modules = entries; disabled = concatLists (map (e: e.disabled) entries); };

      tree = collect unknownModule "" modules;

      disabledKey = file: m:
        if isString m then
          if substring 0 1 m == "/" then m else toString modulesPath + "/" + m
        else if isConvertibleWithToString m then
          if m ? key && m.key != toString m then
            throw "Module `${file}` contains a disabledModules item that is an attribute set that can be converted to a string (${toString m}) but also has a `.key` attribute (${m.key}) with a different value. This makes it ambiguous which module should be disabled."
          else toString m
        else if m ? key then m.key
        else if isAttrs m then
          throw "Module `${file}` contains a disabledModules item that is an attribute set, presumably a module, that does not have a `key` attribute. This means that the module system doesn't have any means to identify the module that should be disabled. Make sure that you've put the correct value in disabledModules: a string path relative to modulesPath, a path value, or an attribute set with a `key` attribute."
        else
          throw "Each disabledModules item must be a path, string, or a attribute set with a key attribute, or a value supported by toString. However, one of the disabledModules items in `${toString file}` is none of that, but is of type ${typeOf m}.";

      disabledKeys = concatMap ({ file, disabled }: map (disabledKey file) disabled) tree.disabled;
      enabled = filter (e: !elem e.key disabledKeys);
    in
    map (e: e.module) (genericClosure {
      startSet = enabled tree.modules;
      operator = e: enabled e.modules;
    });

  setDefaultModuleLocation = file: m: { _file = file; imports = [ m ]; };

  # A module in its canonical form: _file, _class, key, disabledModules,
  # imports, options and config.
  unifyModuleSyntax = file: key: m:
    let
      addMeta = config: if m ? meta then mkMerge [ config { meta = m.meta; } ] else config;
      addFreeformType = config:
        if m ? freeformType then mkMerge [ config { _module.freeformType = m.freeformType; } ] else config;
    in
    if m ? config || m ? options then
      let
        bad = removeAttrs m [ "_class" "_file" "key" "disabledModules" "imports" "options" "config" "meta" "freeformType" ];
      in
      if bad != { } then
        throw "Module `${key}' has an unsupported attribute `${head (attrNames bad)}'. This is caused by introducing a top-level `config' or `options' attribute. Add configuration attributes immediately on the top level instead, or move all of them (namely: ${toString (attrNames bad)}) into the explicit `config' attribute."
      else {
        _file = toString (m._file or file);
        _class = m._class or null;
        key = toString (m.key or key);
        disabledModules = m.disabledModules or [ ];
        imports = m.imports or [ ];
        options = m.options or { };
        config = addFreeformType (addMeta (m.config or { }));
      }
    else if !isAttrs m then
      throw "module ${file} (${key}) does not look like a module."
    else {
      _file = toString (m._file or file);
      _class = m._class or null;
      key = toString (m.key or key);
      disabledModules = m.disabledModules or [ ];
      imports = (m.require or [ ]) ++ (m.imports or [ ]);
      options = { };
      config = addFreeformType (removeAttrs m [ "_class" "_file" "key" "disabledModules" "require" "imports" "freeformType" ]);
    };

  applyModuleArgsIfFunction = key: f: args:
    if isFunction f then applyModuleArgs key f args else f;

  # Calls a module function with the arguments it names: the built-in ones
  # and specialArgs first, then `config._module.args`.  Each is passed as a
  # lazy value, so that naming an argument does not force it.
  applyModuleArgs = key: f: args@{ config, ... }:
    let
      context = name: ''while evaluating the module argument `${name}' in "${key}":'';
      extraArgs = mapAttrs (name: _:
        addErrorContext (context name) (args.${name} or config._module.args.${name}))
        (functionArgs f);
    in
    f (args // extraArgs);

  # Merges the modules' option declarations and definitions: the result has
  # `matchedOptions`, the tree of options with their values, and
  # `unmatchedDefns`, the definitions no option declares.
  mergeModules = prefix: modules:
    mergeModules' prefix modules
      (concatMap (m: map (config: { file = m._file; inherit config; }) (pushDownProperties m.config)) modules);

  mergeModules' = prefix: modules: configs:
    let
      declsByName = zipAttrsWith (n: concatLists) (map (module:
        let subtree = module.options; in
        if !isAttrs subtree then
          throw ''
            An option declaration for `${concatStringsSep "." prefix}' has type
            `${typeOf subtree}' rather than an attribute set.
            Did you mean to define this outside of `options'?
          ''
        else mapAttrs (n: option: [{
          inherit (module) _file;
          pos = unsafeGetAttrPos n subtree;
          options = option;
        }]) subtree) modules);

      definitionsOf = f: zipAttrsWith (n: concatLists) (map (module:
        let subtree = module.config; in
        if !isAttrs subtree then
          throw ''
            In module `${module.file}', you're trying to define a value of type `${typeOf subtree}'
            rather than an attribute set for the option
            `${concatStringsSep "." prefix}'!

            This usually happens if `${concatStringsSep "." prefix}' has option
            definitions inside that are not matched. Please check how to properly define
            this option by e.g. referring to `man 5 configuration.nix'!
          ''
        else mapAttrs (n: f module) subtree) configs);

      # Per name: the definitions with their properties pushed down (for
      # nested option sets), and as given (for options).
      defnsByName = definitionsOf (module: value:
        map (config: { inherit (module) file; inherit config; }) (pushDownProperties value));
      defnsByName' = definitionsOf (module: value: [{ inherit (module) file; inherit value; }]);

      resultsByName = mapAttrs (name: decls:
        let
          loc = prefix ++ [ name ];
          defns = defnsByName.${name} or [ ];
          defns' = defnsByName'.${name} or [ ];
          optionDecls = filter (m: isAttrs m.options && m.options ? _type
            && (m.options._type == "option" || throwDeclarationTypeError loc m.options._type m._file)) decls;
        in
        if length optionDecls == length decls then
          let opt = fixupOptionType loc (mergeOptionDecls loc decls); in
          { matchedOptions = evalOptionValue loc opt defns'; unmatchedDefns = [ ]; }
        else if optionDecls != [ ] then
          if all (d: d.options.type.name or null == "submodule") optionDecls then
            # Options declared below a submodule option become options of
            # the submodule.
            let opt = fixupOptionType loc (mergeOptionDecls loc (map optionTreeToOption decls)); in
            { matchedOptions = evalOptionValue loc opt defns'; unmatchedDefns = [ ]; }
          else
            let first = head optionDecls; in
            throw "The option `${showOption loc}' in module `${first._file}' would be a parent of the following options, but its type `${first.options.type.description or "<no description>"}' does not support nested options.\n${
              showRawDeclarations loc (filter (d: !isOption d.options) decls)}"
        else mergeModules' loc decls defns) declsByName;

      matchedOptions = mapAttrs (n: v: v.matchedOptions) resultsByName;

      unmatchedDefnsByName =
        mapAttrs (n: v: v.unmatchedDefns) resultsByName
        // removeAttrs defnsByName' (attrNames matchedOptions);
    in
    {
      inherit matchedOptions;
      unmatchedDefns =
        # Without definitions nothing can be unmatched; returning early also
        # avoids evaluating options nobody defines.
        if configs == [ ] then [ ]
        else concatLists (mapAttrsToList (name: defs:
          map (def: def // { prefix = [ name ] ++ (def.prefix or [ ]); }) defs) unmatchedDefnsByName);
    };

  throwDeclarationTypeError = loc: actualTag: file:
    let
      name = lib.options.showOption [ (last loc) ];
      path = showOption loc;
      first = "In module ${file}: expected an option declaration at option path `${path}` but got an attribute set with type ${actualTag}";
      hint = ''
        When declaring an option, you must wrap the type in a `mkOption` call. It should look somewhat like:
            options.${path} = lib.mkOption {
              description = ...;
              type = <the type you wrote for ${name}>;
              ...
            };
      '';
    in
    throw (concatStringsSep "\n\n" ([ first ] ++ optional (actualTag == "option-type") hint));

  # A set of options declared below a submodule option, as a module that
  # declares them.
  optionTreeToOption = decl:
    if isOption decl.options then decl
    else decl // {
      options = mkOption {
        # null: whatever the other declarations of the submodule say.
        type = types.submoduleWith { modules = [{ options = decl.options; }]; shorthandOnlyDefinesConfig = null; };
      };
    };

  showRawDeclarations = loc: decls:
    concatStringsSep "\n" (sort (a: b: a < b) (concatMap (decl:
      map (n: "  - option(s) with prefix `${showOption (loc ++ [ n ])}' in module `${decl._file}'")
        (attrNames decl.options)) decls));

  # One option from its declarations: their attributes combined, their types
  # merged when the types allow it, the submodules of each kept in `options`.
  mergeOptionDecls = loc: opts:
    foldl' (res: opt:
      let
        bothHave = k: opt.options ? ${k} && res ? ${k};
        mergedType = res.type.typeMerge opt.options.type.functor;
        typesMergeable = mergedType != null;
        subModules = opt.options.type.getSubModules or null;
      in
      if bothHave "default" || bothHave "example" || bothHave "description" || bothHave "apply"
        || (bothHave "type" && !typesMergeable)
      then throw "The option `${showOption loc}' in `${opt._file}' is already declared in ${showFiles res.declarations}."
      else
        opt.options // res // {
          declarations = res.declarations ++ [ opt._file ];
          declarationPositions = res.declarationPositions
            ++ (if opt.pos or null != null then [ opt.pos ]
                else [{ file = opt._file; line = null; column = null; }]);
          options =
            if subModules != null then map (setDefaultModuleLocation opt._file) subModules ++ res.options
            else res.options;
        } // optionalAttrs (bothHave "type" && typesMergeable) { type = mergedType; })
      { inherit loc; declarations = [ ]; declarationPositions = [ ]; options = [ ]; } opts;

  fixupOptionType = loc: opt:
    if opt.type.getSubModules or null == null
    then opt // { type = opt.type or types.unspecified; }
    else opt // { type = opt.type.substSubModules opt.options; options = [ ]; };

  # The evaluated option: the declaration plus its value and what was
  # defined where.
  evalOptionValue = loc: opt: defs:
    let
      defsWithDefault =
        optional (opt ? default) { file = head opt.declarations; value = mkOptionDefault opt.default; }
        ++ defs;
      res =
        if opt.readOnly or false && length defsWithDefault > 1 then
          let
            separate = map (def: def // {
              value = (mergeDefinitions loc opt.type [ def ]).mergedValue;
            }) defsWithDefault;
          in
          throw "The option `${showOption loc}' is read-only, but it's set multiple times. Definition values:${showDefs separate}"
        else mergeDefinitions loc opt.type defsWithDefault;
      value = if opt ? apply then opt.apply res.mergedValue else res.mergedValue;
      warnDeprecation =
        if opt.type.deprecationMessage or null == null then x: x
        else builtins.trace "warning: The type `types.${opt.type.name}' of option `${showOption loc}' defined in ${showFiles opt.declarations} is deprecated. ${opt.type.deprecationMessage}";
    in
    warnDeprecation opt // {
      value = addErrorContext "while evaluating the option `${showOption loc}':" value;
      inherit (res.defsFinal') highestPrio;
      definitions = map (def: def.value) res.defsFinal;
      files = map (def: def.file) res.defsFinal;
      definitionsWithLocations = res.defsFinal;
      inherit (res) isDefined;
      __toString = _: showOption loc;
    };

  # Definitions of one value: conditions and merges discharged, only those of
  # the highest priority kept, ordered, type-checked and merged.
  mergeDefinitions = loc: type: defs: rec {
    defsFinal' =
      let
        discharged = concatMap (m:
          map (value: if value._type or null == "definition" then value else { inherit (m) file; inherit value; })
            (addErrorContext "while evaluating definitions from `${m.file}':" (dischargeProperties m.value))) defs;
        filtered = filterOverrides' discharged;
        ordered =
          if any (def: def.value._type or "" == "order") filtered.values
          then sortProperties filtered.values
          else filtered.values;
      in
      { values = ordered; inherit (filtered) highestPrio; };
    defsFinal = defsFinal'.values;

    # Composite types check and merge in one step and say what is wrong with
    # the definitions themselves (`merge.v2`, see lib/types.nix); the others
    # are checked here with `check`.
    mergedValue =
      if isDefined then
        if type.merge ? v2 then
          if !(type.check.isV2MergeCoherent or false) then
            throw ''
              The option `${showOption loc}' has a type `${type.description}' that uses
              an ad-hoc `type // { check = ...; }' override, which is incompatible with
              the v2 merge mechanism.

              Please use `lib.types.addCheck` instead of `type // { check }' to add
              custom validation. For example:

                lib.types.addCheck baseType (value: /* your check */)

              instead of:

                baseType // { check = value: /* your check */; }
            ''
          else
            let r = type.merge.v2 { inherit loc; defs = defsFinal; }; in
            if r.headError != null
            then throw "A definition for option `${showOption loc}' is not of type `${type.description}'. ${r.headError.message}"
            else r.value
        else if all (def: type.check def.value) defsFinal then type.merge loc defsFinal
        else
          let invalid = filter (def: !type.check def.value) defsFinal; in
          throw "A definition for option `${showOption loc}' is not of type `${type.description}'. Definition values:${showDefs invalid}"
      else
        throw "The option `${showOption loc}' was accessed but has no value defined. Try setting the option.";

    isDefined = defsFinal != [ ];

    optionalValue = if isDefined then { value = mergedValue; } else { };
  };

  # mkMerge and mkIf/mkOverride at the top of a config, pushed down to its
  # attributes, so that conditions are evaluated per option (which is what
  # lets a condition read `config` without infinite recursion).
  pushDownProperties = cfg:
    if cfg._type or "" == "merge" then concatMap pushDownProperties cfg.contents
    else if cfg._type or "" == "if" then
      map (mapAttrs (n: v: mkIf cfg.condition v)) (pushDownProperties cfg.content)
    else if cfg._type or "" == "override" then
      map (mapAttrs (n: v: mkOverride cfg.priority v)) (pushDownProperties cfg.content)
    else [ cfg ];

  dischargeProperties = def:
    if def._type or "" == "merge" then concatMap dischargeProperties def.contents
    else if def._type or "" == "if" then
      if isBool def.condition then
        if def.condition then dischargeProperties def.content else [ ]
      else throw "‘mkIf’ called with a non-Boolean condition"
    else [ def ];

  filterOverrides = defs: (filterOverrides' defs).values;

  filterOverrides' = defs:
    let
      prio = def: if def.value._type or "" == "override" then def.value.priority else defaultOverridePriority;
      highestPrio = foldl' (p: def: let q = prio def; in if q < p then q else p) 9999 defs;
      strip = def: if def.value._type or "" == "override" then def // { value = def.value.content; } else def;
    in
    {
      values = concatMap (def: if prio def == highestPrio then [ (strip def) ] else [ ]) defs;
      inherit highestPrio;
    };

  # Stable sort by order priority (mkBefore 500, default 1000, mkAfter 1500).
  sortProperties = defs:
    let
      strip = def:
        if def.value._type or "" == "order"
        then def // { value = def.value.content; inherit (def.value) priority; }
        else def;
    in
    sort (a: b: (a.priority or defaultOrderPriority) < (b.priority or defaultOrderPriority)) (map strip defs);

  fixMergeModules = modules: args: evalModules { inherit modules args; check = false; };

  # Properties.
  mkIf = condition: content: { _type = "if"; inherit condition content; };
  mkAssert = assertion: message: content:
    mkIf (if assertion then true else throw "\nFailed assertion: ${message}") content;
  mkMerge = contents: { _type = "merge"; inherit contents; };
  mkDefinition = args@{ file, value, ... }: args // { _type = "definition"; };
  mkOverride = priority: content: { _type = "override"; inherit priority content; };
  mkOptionDefault = mkOverride 1500;
  mkDefault = mkOverride 1000;
  mkImageMediaOverride = mkOverride 60;
  mkForce = mkOverride 50;
  mkVMOverride = mkOverride 10;
  mkFixStrictness = x: x;
  mkOrder = priority: content: { _type = "order"; inherit priority content; };
  mkBefore = mkOrder 500;
  mkAfter = mkOrder 1500;

  # Aliases: definitions of one option forwarded to another.
  mkAliasDefinitions = mkAliasAndWrapDefinitions (x: x);
  mkAliasAndWrapDefinitions = wrap: option:
    mkAliasIfDef option (wrap (mkMerge option.definitions));
  mkAliasAndWrapDefsWithPriority = wrap: option:
    let prio = option.highestPrio or defaultOverridePriority; in
    mkAliasIfDef option (wrap (mkMerge (map (mkOverride prio) option.definitions)));
  mkAliasIfDef = option: mkIf (isOption option && option.isDefined);

  mkDerivedConfig = opt: f: mkOverride (opt.highestPrio or defaultOverridePriority) (f opt.value);

  # A module that declares an option that only fails: it was removed.
  mkRemovedOptionModule = optionName: replacementInstructions:
    { options, ... }: {
      options = setAttrByPath optionName (mkOption {
        visible = false;
        apply = x: throw "The option `${showOption optionName}' can no longer be used since it's been removed. ${replacementInstructions}";
      });
      config.assertions =
        let opt = getAttrFromPath optionName options; in
        [{
          assertion = !opt.isDefined;
          message = ''
            The option definition `${showOption optionName}' in ${showFiles opt.files} no longer has any effect; please remove it.
            ${replacementInstructions}
          '';
        }];
    };

  mkRenamedOptionModule = from: to: doRename {
    inherit from to;
    visible = false;
    warn = true;
    use = builtins.trace "Obsolete option `${showOption from}' is used. It was renamed to `${showOption to}'.";
  };

  # Warns only once the rename is older than the oldest supported release.
  mkRenamedOptionModuleWith = { sinceRelease, from, to }:
    let old = lib.trivial.oldestSupportedReleaseIsAtLeast sinceRelease; in
    doRename {
      inherit from to;
      visible = false;
      warn = old;
      use = if old
        then builtins.trace "evaluation warning: Obsolete option `${showOption from}' is used. It was renamed to `${showOption to}'."
        else x: x;
    };

  # Several old options replaced by one new option computed from them.
  mkMergedOptionModule = from: to: mergeFn:
    { config, options, ... }: {
      options = foldl' recursiveUpdate { } (map (path: setAttrByPath path (mkOption {
        visible = false;
        # A marker default, to tell whether the user defined the option.
        default = "_mkMergedOptionModule";
      })) from);
      config = {
        warnings = filter (x: x != "") (map (f:
          let
            val = getAttrFromPath f config;
            opt = getAttrFromPath f options;
          in
          if val != "_mkMergedOptionModule"
          then "The option `${showOption f}' defined in ${showFiles opt.files} has been changed to `${showOption to}' that has a different type. Please read `${showOption to}' documentation and update your configuration accordingly."
          else "") from);
      } // setAttrByPath to (mkMerge (optional
        (any (f: getAttrFromPath f config != "_mkMergedOptionModule") from)
        (mergeFn config)));
    };

  mkChangedOptionModule = from: to: changeFn: mkMergedOptionModule [ from ] to changeFn;

  mkAliasOptionModule = from: to: doRename {
    inherit from to;
    visible = true;
    warn = false;
    use = x: x;
  };
  mkAliasOptionModuleMD = mkAliasOptionModule;

  # The old option path `from` declared with the type of `to`; its
  # definitions are forwarded to `to` (keeping their priority), and reading
  # it reads `to`.
  doRename = { from, to, visible, warn, use, withPriority ? true, condition ? true }:
    { config, options, ... }:
    let
      fromOpt = getAttrFromPath from options;
      toOf = attrByPath to (abort "Renaming error: option `${showOption to}' does not exist.");
      toType = let opt = attrByPath to { } options; in opt.type or (types.submodule { });
    in
    {
      options = setAttrByPath from (mkOption {
        inherit visible;
        description = "Alias of {option}`${showOption to}`.";
        apply = x: use (toOf config);
      } // optionalAttrs (toType != null) { type = toType; });
      config = mkIf condition (mkMerge [
        (optionalAttrs (options ? warnings) {
          warnings = optional (warn && fromOpt.isDefined)
            "The option `${showOption from}' defined in ${showFiles fromOpt.files} has been renamed to `${showOption to}'.";
        })
        (if withPriority
          then mkAliasAndWrapDefsWithPriority (setAttrByPath to) fromOpt
          else mkAliasAndWrapDefinitions (setAttrByPath to) fromOpt)
      ]);
    };

  # The module in file `modulePath`, a function of `staticArg`, applied to
  # it and kept attributed to its file.
  importApply = modulePath: staticArg:
    setDefaultModuleLocation modulePath (import modulePath staticArg);

  importJSON = file: builtins.fromJSON (builtins.readFile file);
  importTOML = file: builtins.fromTOML (builtins.readFile file);
}
