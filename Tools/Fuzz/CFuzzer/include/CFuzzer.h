#ifndef ZHIBIAO_CFUZZER_H
#define ZHIBIAO_CFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for a program whose main is its own: runs the fuzzing loop over the
/// command line's options and corpus folders, calling `callback` once per input. Defined only
/// when the program is linked with `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
