//go:build ignore

// END: the program ran to its end.
#include "bf.h"

CP_UOP {
    BF_SAVE_HEAD();
    CP_LEAVE(CP_EXIT_END, 0);
}
