/* Hybrid logical clock arithmetic (Kulkarni et al., packed in one integer). */
#include "hlc.h"

hlc_t hlc_next(hlc_t last, int64_t wall_ms)
{
	hlc_t w = wall_ms > 0 ? (hlc_t)wall_ms << HLC_COUNTER_BITS : 0;
	return w > last ? w : last + 1;
}

hlc_t hlc_observe(hlc_t last, hlc_t remote)
{
	return remote > last ? remote : last;
}

int64_t hlc_wall_ms(hlc_t h)
{
	return (int64_t)(h >> HLC_COUNTER_BITS);
}
