# __curPos in an expression given with -E: 2.8 names the text itself as the file
{ x = __curPos; }