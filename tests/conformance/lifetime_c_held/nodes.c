/* The extension module nodes: the Node type of the lifetime programs, defined in
   common/conformance.h (shared by every lifetime_* folder). */
#define CONF_NODES_MODULE
#include "conformance.h"

PyMODINIT_FUNC PyInit_nodes(void)
{
    return conf_nodes_init();
}
