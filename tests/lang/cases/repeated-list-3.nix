# Three items: tracked by its items, the first repetition is caught
[ (let a = [ a 1 2 ]; in a) (let x = [ 1 2 ]; in [ x (x) x ]) ]
