/* Services for master data: items, locations, suppliers, customers and users. */
#ifndef LOTLINE_MASTER_H
#define LOTLINE_MASTER_H

#include "record.h"
#include "session.h"

enum save_mode { SAVE_ADD, SAVE_UPSERT };

/* Check and record one master record (needs the master permission, or the users
 * permission for users). */
int master_save(struct session *s, const struct record_spec *spec, const struct fields *in,
                enum save_mode mode);
/* The same inside an open transaction (imports, demo, init). */
int master_save_in_tx(struct session *s, const struct record_spec *spec, const struct fields *in,
                      enum save_mode mode, const char **bad_key);
/* Users: the PIN (4 to 12 digits, may be NULL for none) is stored hashed. */
int user_save(struct session *s, const struct fields *in, const char *pin, enum save_mode mode);
int user_save_in_tx(struct session *s, const struct fields *in, const char *pin,
                    enum save_mode mode);
/* Check a user's PIN; ERR_DENIED with a message that does not say which part was wrong. */
int user_check_pin(struct session *s, const char *name, const char *pin);

#endif
