[ 1 (throw "in list") ]
