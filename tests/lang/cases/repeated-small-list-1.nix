# A self-referential list of one item: 2.8 keeps it inside the value, so the copy printed first is not the one inside
let a = [ a ]; in a
