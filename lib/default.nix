# hearth's Nix library: the fixpoint that ties every lib file together.
#
# Owns: the list of library files, their names under `lib.NAME`, and the
# top-level re-exports (the same names nixpkgs' lib exposes at its top level,
# so `lib.mkIf`, `lib.concatStringsSep`, ... resolve as modules expect).
#
# Each file is a function `{ lib }: { ... }` that receives the finished
# library (lazily), so files may use each other freely as long as no
# attribute depends strictly on itself.  The result is extensible with
# `lib.extend (final: prev: { ... })`, like nixpkgs' lib.
let
  # Defined here (not taken from fixed-points.nix) so that building the
  # fixpoint does not depend on the fixpoint.
  fix = f: let x = f x; in x;
  extensible = f:
    fix (self: f self // {
      extend = ext: extensible (final: let prev = f final; in prev // ext final prev);
    });

  build = self:
    let
      callLibs = file: import file { lib = self; };
    in
    {
      # The library files.
      trivial = callLibs ./trivial.nix;
      fixedPoints = callLibs ./fixed-points.nix;
      attrsets = callLibs ./attrsets.nix;
      lists = callLibs ./lists.nix;
      strings = callLibs ./strings.nix;
      stringsWithDeps = callLibs ./strings-with-deps.nix;
      asserts = callLibs ./asserts.nix;
      versions = callLibs ./versions.nix;
      meta = callLibs ./meta.nix;
      customisation = callLibs ./customisation.nix;
      derivations = callLibs ./derivations.nix;
      generators = callLibs ./generators.nix;
      debug = callLibs ./debug.nix;
      filesystem = callLibs ./filesystem.nix;
      cli = callLibs ./cli.nix;
      licenses = callLibs ./licenses.nix;
      platforms = callLibs ./platforms.nix;
      systems = callLibs ./systems.nix;
      maintainers = callLibs ./maintainers.nix;
      teams = { };
      misc = callLibs ./misc.nix;
      path = callLibs ./path.nix;
      sources = callLibs ./sources.nix;
      # nixpkgs' lib.gvariant and Home Manager's lib.hm.gvariant offer the
      # same constructors (mkValue, mkTuple, ...); one implementation serves both.
      gvariant = self.hm.gvariant;

      # The module system (written by the modsys helper).
      options = callLibs ./options.nix;
      types = callLibs ./types.nix;
      modules = callLibs ./modules.nix;

      # Home Manager's own additions.
      hm = callLibs ./hm;

      # Placeholder hashes for fixed-output derivations.
      fakeHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
      fakeSha256 = "0000000000000000000000000000000000000000000000000000";
      fakeSha512 = "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000";

      # ---- top-level re-exports, as nixpkgs' lib/default.nix ----
      inherit (builtins)
        add addErrorContext attrNames deepSeq genericClosure getAttr hasAttr
        isAttrs isBool isInt isPath lessThan listToAttrs pathExists readFile
        seq sub trace typeOf unsafeGetAttrPos;

      inherit (self.trivial)
        id const pipe concat or and xor bitAnd bitOr bitXor bitNot
        boolToString boolToYesNo mergeAttrs flip defaultTo mapNullable inNixShell isFloat
        min max importJSON importTOML warn warnIf warnIfNot throwIf throwIfNot
        checkListOfEnum info showWarnings nixpkgsVersion version
        isInOldestRelease oldestSupportedReleaseIsAtLeast mod compare
        splitByAndCompare functionArgs setFunctionArgs isFunction toFunction
        mirrorFunctionArgs fromHexString toHexString toBaseDigits
        inPureEvalMode release codeName versionSuffix;
      inherit (self.fixedPoints)
        fix fix' converge extends composeExtensions composeManyExtensions
        makeExtensible makeExtensibleWithCustomName toExtension;
      inherit (self.attrsets)
        attrByPath hasAttrByPath setAttrByPath getAttrFromPath attrVals
        attrValues getAttrs catAttrs filterAttrs filterAttrsRecursive
        foldlAttrs foldAttrs collect nameValuePair mapAttrs mapAttrs'
        mapAttrsToList attrsToList concatMapAttrs mapAttrsRecursive
        mapAttrsToListRecursive mapAttrsToListRecursiveCond
        mapAttrsRecursiveCond genAttrs genAttrs' isDerivation toDerivation
        optionalAttrs zipAttrsWithNames zipAttrsWith zipAttrs
        recursiveUpdateUntil recursiveUpdate matchAttrs mergeAttrsList
        overrideExisting showAttrPath getOutput getFirstOutput getBin getLib
        getStatic getDev getInclude getMan chooseDevOutputs zipWithNames zip
        recurseIntoAttrs dontRecurseIntoAttrs cartesianProduct
        cartesianProductOfSets mapCartesianProduct updateManyAttrsByPath
        intersectAttrs removeAttrs unionOfDisjoint;
      inherit (self.lists)
        singleton forEach map foldr fold foldl foldl' imap0 imap1 filter
        ifilter0 concatMap flatten remove findSingle findFirst findFirstIndex
        any all count optional optionals toList range replicate partition
        zipListsWith zipLists reverseList listDfs toposort sort sortOn
        naturalSort compareLists take drop dropEnd takeEnd sublist last init
        crossLists unique uniqueStrings allUnique intersectLists subtractLists
        concatAttrValues
        mutuallyExclusive groupBy groupBy' concatLists genList length head
        tail elem elemAt isList;
      inherit (self.strings)
        concatStrings concatMapStrings concatImapStrings stringLength
        substring isString replaceString replaceStrings intersperse
        concatStringsSep concatMapStringsSep concatMapAttrsStringSep
        concatImapStringsSep concatLines makeSearchPath makeSearchPathOutput
        makeLibraryPath makeIncludePath makeBinPath optionalString hasInfix
        hasPrefix hasSuffix join stringToCharacters stringAsChars escape
        escapeShellArg escapeShellArgs isStorePath isStringLike
        isValidPosixName toShellVar toShellVars trim trimWith escapeRegex
        escapeURL escapeXML escapeC replaceChars lowerChars upperChars toLower
        toUpper toSentenceCase toCamelCase addContextFrom splitString
        splitStringBy removePrefix removeSuffix versionOlder versionAtLeast
        getName getVersion match split cmakeOptionType cmakeBool cmakeFeature
        mesonOption mesonBool mesonEnable nameFromURL enableFeature
        enableFeatureAs withFeature withFeatureAs fixedWidthString
        fixedWidthNumber toInt toIntBase10 readPathsFromFile fileContents
        normalizePath charToInt toJSON;
      inherit (self.stringsWithDeps)
        textClosureList textClosureMap noDepEntry fullDepEntry packEntry
        stringAfter;
      inherit (self.customisation)
        overrideDerivation makeOverridable callPackageWith callPackagesWith
        extendDerivation hydraJob makeScope;
      inherit (self.derivations) lazyDerivation optionalDrvAttr warnOnInstantiate;
      inherit (self.meta)
        addMetaAttrs dontDistribute setName updateName appendToName
        mapDerivationAttrset setPrio lowPrio lowPrioSet hiPrio hiPrioSet
        getLicenseFromSpdxId getLicenseFromSpdxIdOr getExe getExe';
      inherit (self.filesystem)
        pathType pathIsDirectory pathIsRegularFile
        packagesFromDirectoryRecursive;
      inherit (self.asserts) assertMsg assertOneOf;
      inherit (self.sources)
        cleanSourceFilter cleanSource sourceByRegex sourceFilesBySuffices
        cleanSourceWith pathHasContext canCleanSource pathIsGitRepo;
      inherit (self.debug)
        traceIf traceVal traceValFn traceSeq traceSeqN traceValSeq
        traceValSeqFn traceValSeqN traceValSeqNFn traceFnSeqN runTests
        testAllTrue;
      inherit (self.misc) maybeEnv defaultMergeArg defaultMerge mapAttrsFlatten;
      inherit (self.versions) splitVersion;

      # Module system names (from the modsys helper's files).
      inherit (self.modules)
        evalModules setDefaultModuleLocation unifyModuleSyntax
        applyModuleArgsIfFunction mergeModules mergeModules' mergeOptionDecls
        mergeDefinitions pushDownProperties dischargeProperties
        filterOverrides sortProperties fixupOptionType mkIf mkAssert mkMerge
        mkOverride mkOptionDefault mkDefault mkImageMediaOverride mkForce
        mkVMOverride mkFixStrictness mkOrder mkBefore mkAfter
        mkAliasDefinitions mkAliasAndWrapDefinitions fixMergeModules
        mkRemovedOptionModule mkRenamedOptionModule mkRenamedOptionModuleWith
        mkMergedOptionModule mkChangedOptionModule mkAliasOptionModule
        mkDerivedConfig doRename mkAliasOptionModuleMD
        mkDefinition;
      inherit (self.options)
        isOption mkEnableOption mkSinkUndeclaredOptions mergeDefaultOption
        mergeOneOption mergeEqualOption mergeUniqueOption getValues getFiles
        optionAttrSetToDocList optionAttrSetToDocList' scrubOptionValue
        literalExpression literalExample showOption showOptionWithDefLocs
        showFiles unknownModule mkOption mkPackageOption mkPackageOptionMD
        literalMD showDefs;
      inherit (self.types)
        isType setType defaultTypeMerge defaultFunctor isOptionType
        mkOptionType;
    };
in
extensible build
