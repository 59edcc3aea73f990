# A small list reached again through a set
let a = [ { y = a; } ]; in a
