false && throw "no"
