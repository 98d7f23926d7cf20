#ifndef CFUZZER_DRIVER_SHIM_H
#define CFUZZER_DRIVER_SHIM_H
#include <stddef.h>
#include <stdint.h>
/* libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer). SwiftPM gives Linux
   executables their own entry point (<Module>_main, aliased to main), so libFuzzer's main is
   not used: the harness's @main calls the driver itself. */
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));
#endif
