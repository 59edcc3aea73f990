{ inherit map; }.map != null
