import ./helpers/nodefault
