builtins.deepSeq [ [ [ (throw "deep list") ] ] ] 1
