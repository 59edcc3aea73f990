./helpers/
