import (toString ./helpers/func.nix) 2
