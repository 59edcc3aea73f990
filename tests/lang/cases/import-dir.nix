import ./helpers/dir
