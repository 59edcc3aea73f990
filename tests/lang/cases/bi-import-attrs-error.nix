import { }
