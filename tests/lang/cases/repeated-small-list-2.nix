# A self-referential list of two items
let a = [ a 1 ]; in a
