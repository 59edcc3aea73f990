builtins ? map && builtins ? builtins && builtins ? true
