with builtins; [ (splitVersion "1.2.3") (splitVersion "2.3pre1") (splitVersion "1_2-3") (splitVersion "") (splitVersion "abc1def") ]
