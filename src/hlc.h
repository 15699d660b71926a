/* Hybrid logical clock: 48 bits of wall-clock milliseconds and a 16-bit counter,
 * so entries from terminals with skewed clocks still order sensibly. */
#ifndef LOTLINE_HLC_H
#define LOTLINE_HLC_H

#include <stdint.h>

typedef uint64_t hlc_t;

#define HLC_COUNTER_BITS 16

/* The stamp for a new local event after the last one this store has seen. */
hlc_t hlc_next(hlc_t last, int64_t wall_ms);
/* The store's new "last seen" after receiving a remote stamp. */
hlc_t hlc_observe(hlc_t last, hlc_t remote);
int64_t hlc_wall_ms(hlc_t h);

#endif
