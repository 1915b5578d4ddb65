// Declarations only: libFuzzer defines them when the fuzzer is linked.
#include "CFuzzer.h"
